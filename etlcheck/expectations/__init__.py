"""Great Expectations suites over the staging outputs, checked where the data is.

Suites are GX ExpectationSuite JSON files. etlcheck reads two things from a suite's
``meta.etlcheck``: the ``table`` it validates (a production name such as
``etl.stg_policies``, mapped into the sandbox when the run is isolated) and the
``parameters`` its expectations refer to with ``{"$PARAMETER": name}`` (see
``parameters``). Relations between tables are checked by the engine; Great Expectations
checks the columns, in the database where its SQL datasource works.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from etlcheck.expectations.dispatch import validate_suites
    from etlcheck.expectations.model import SuiteFile
    from etlcheck.expectations.outcomes import Example, ExpectationOutcome, SuiteOutcome
    from etlcheck.expectations.prefetch import start_for_folder, start_for_tests, start_import
    from etlcheck.expectations.spec import ExpectationSpec
    from etlcheck.expectations.sqlbuild import Resolver
    from etlcheck.expectations.suites import load_suite, load_suites

HOMES = {
    "Example": "outcomes",
    "ExpectationOutcome": "outcomes",
    "ExpectationSpec": "spec",
    "Resolver": "sqlbuild",
    "SuiteFile": "model",
    "SuiteOutcome": "outcomes",
    "load_suite": "suites",
    "load_suites": "suites",
    "start_for_folder": "prefetch",
    "start_for_tests": "prefetch",
    "start_import": "prefetch",
    "validate_suites": "dispatch",
}
"""The module of each name above. A name is imported when it is first used: starting the
process that imports GX (``prefetch``) must not wait for sqlglot, which reading suites
needs."""


def __getattr__(name: str) -> Any:
    home = HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
