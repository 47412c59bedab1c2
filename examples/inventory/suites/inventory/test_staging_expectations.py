"""The staging outputs meet their Great Expectations suites (expectations/*.json):
unique and non-null keys, referential integrity, accepted codes, row counts against the
raw input."""

from __future__ import annotations

from etlcheck.assertions import bullet_list


def test_staging_table_meets_its_expectations(etl_expectation_suite, etl_expectations) -> None:
    outcome = next(o for o in etl_expectations if o.suite == etl_expectation_suite)
    failures = [f.sentence(outcome.table) for f in outcome.failures]
    assert not failures, (
        f"{outcome.table} ({outcome.rows} rows) fails {len(failures)} expectation(s) of suite "
        f"{etl_expectation_suite}:\n" + bullet_list(failures)
    )
