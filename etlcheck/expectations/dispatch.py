"""Where suites are validated: in the worker process started for them (Great Expectations
already imported there) when the engine can export the tables, else in this process."""

from __future__ import annotations

from collections.abc import Iterable

from etlcheck.engines.base import Engine
from etlcheck.expectations.model import SuiteFile
from etlcheck.expectations.outcomes import SuiteOutcome
from etlcheck.expectations.sqlbuild import Resolver
from etlcheck.expectations.validate import validate_here
from etlcheck.expectations.worker import take_worker


def validate_suites(
    engine: Engine, suites: Iterable[SuiteFile], resolve: Resolver
) -> list[SuiteOutcome]:
    """Validate each suite against its (resolved) table in the engine: in the worker
    process started for it when there is one and the engine can export the tables."""
    suites = list(suites)
    worker = take_worker()
    if worker is not None:
        outcomes = worker.validate(engine, suites, resolve) if engine.exports_tables else None
        worker.stop()
        if outcomes is not None:
            return outcomes
    return validate_here(engine, suites, resolve)
