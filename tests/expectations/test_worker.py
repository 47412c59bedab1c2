"""The worker process validates a copy of the tables the suites read and gives the same
outcomes as validating in the run's own process (planted faults included)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.expectations import load_suite
from etlcheck.expectations.outcomes import SuiteOutcome
from etlcheck.expectations.validate import validate_here
from etlcheck.expectations.worker import start_worker, take_worker
from tests.expectations.expectation_data import SUITES, run_sql, sandbox

pytestmark = pytest.mark.duckdb


@pytest.fixture
def staged() -> Iterator[DuckDBEngine]:
    with DuckDBEngine(None) as engine:
        run_sql(engine, "staging.sql")
        for fault in ("orphan.sql", "duplicate.sql", "drift.sql"):
            run_sql(engine, fault)
        yield engine


def comparable(outcomes: list[SuiteOutcome]) -> list[SuiteOutcome]:
    return [dataclasses.replace(o, seconds=0.0) for o in outcomes]


def test_the_worker_gives_the_outcomes_of_this_process(staged: DuckDBEngine) -> None:
    suites = [load_suite(SUITES / name) for name in ("stg_policies.json", "stg_brokers.json")]
    start_worker()
    worker = take_worker()
    assert worker is not None
    try:
        theirs = worker.validate(staged, suites, sandbox)
    finally:
        worker.stop()
    assert theirs is not None and worker.timings.used
    ours = validate_here(staged, suites, sandbox)
    assert comparable(theirs) == comparable(ours)
    failed = {f.expectation for suite in theirs for f in suite.failures}
    assert {
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_be_unique",
        "expect_table_row_count_to_be_between",
    } <= failed


def test_a_dead_worker_leaves_the_validation_here(staged: DuckDBEngine) -> None:
    start_worker()
    worker = take_worker()
    assert worker is not None
    worker.stop()
    assert worker.validate(staged, [load_suite(SUITES / "stg_policies.json")], sandbox) is None
