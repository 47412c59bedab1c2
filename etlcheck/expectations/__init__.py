"""Great Expectations suites over the staging outputs, checked where the data is.

Suites are GX ExpectationSuite JSON files. etlcheck reads two things from a suite's
``meta.etlcheck``: the ``table`` it validates (a production name such as
``etl.stg_policies``, mapped into the sandbox when the run is isolated) and the
``parameters`` its expectations refer to with ``{"$PARAMETER": name}`` (see
``parameters``). Relations between tables are checked by the engine; Great Expectations
checks the columns, in the database where its SQL datasource works.
"""

from __future__ import annotations

from etlcheck.expectations.dispatch import validate_suites
from etlcheck.expectations.model import ExpectationSpec, SuiteFile
from etlcheck.expectations.outcomes import Example, ExpectationOutcome, SuiteOutcome
from etlcheck.expectations.prefetch import start_for_folder, start_for_tests, start_import
from etlcheck.expectations.sqlbuild import Resolver
from etlcheck.expectations.suites import load_suite, load_suites

__all__ = [
    "Example",
    "ExpectationOutcome",
    "ExpectationSpec",
    "Resolver",
    "SuiteFile",
    "SuiteOutcome",
    "load_suite",
    "load_suites",
    "start_for_folder",
    "start_for_tests",
    "start_import",
    "validate_suites",
]
