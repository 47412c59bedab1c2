from __future__ import annotations

import json
from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import ConfigError
from etlcheck.expectations import load_suites, validate_suites

SUITE = {
    "name": "stg_policies",
    "meta": {
        "etlcheck": {
            "table": "etl.stg_policies",
            "parameters": {
                "broker_ids": {"distinct": "etl.stg_brokers.broker_id"},
                "raw_rows": {"row_count": "raw_data.policies"},
            },
        }
    },
    "expectations": [
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "policy_id"}},
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "policy_id"}},
        {
            "type": "expect_column_values_to_be_in_set",
            "kwargs": {"column": "broker_id", "value_set": {"$PARAMETER": "broker_ids"}},
        },
        {
            "type": "expect_table_row_count_to_be_between",
            "kwargs": {"min_value": 1, "max_value": {"$PARAMETER": "raw_rows"}},
        },
    ],
}


@pytest.fixture
def engine():
    with DuckDBEngine() as started:
        for schema in ("poc_etl", "poc_raw_data"):
            started.execute(f"CREATE SCHEMA {schema}")
        started.execute("CREATE TABLE poc_etl.stg_brokers AS FROM range(1, 4) t(broker_id)")
        started.execute(
            "CREATE TABLE poc_etl.stg_policies AS SELECT * FROM (VALUES "
            "(10, 1), (11, 2), (12, 3)) t(policy_id, broker_id)"
        )
        started.execute("CREATE TABLE poc_raw_data.policies AS SELECT * FROM range(5)")
        yield started


def sandbox(table: str) -> str:
    schema, _, name = table.partition(".")
    return f"poc_{schema}.{name}"


def write_suite(tmp_path: Path, suite: dict) -> Path:
    (tmp_path / f"{suite['name']}.json").write_text(json.dumps(suite), "utf-8")
    return tmp_path


def test_clean_table_passes(engine: DuckDBEngine, tmp_path: Path) -> None:
    [outcome] = validate_suites(engine, load_suites(write_suite(tmp_path, SUITE)), sandbox)
    assert outcome.table == "poc_etl.stg_policies" and outcome.rows == 3
    assert outcome.success, [o.sentence(outcome.table) for o in outcome.failures]
    assert len(outcome.outcomes) == 4


def test_orphan_and_duplicate_fail_exactly_their_expectations(
    engine: DuckDBEngine, tmp_path: Path
) -> None:
    engine.execute("INSERT INTO poc_etl.stg_policies VALUES (10, 99)")
    [outcome] = validate_suites(engine, load_suites(write_suite(tmp_path, SUITE)), sandbox)
    failed = {o.expectation: o for o in outcome.failures}
    assert set(failed) == {
        "expect_column_values_to_be_unique",
        "expect_column_values_to_be_in_set",
    }
    orphan = failed["expect_column_values_to_be_in_set"]
    assert orphan.unexpected_count == 1 and list(orphan.examples) == [99]
    assert orphan.failing_rows == ({"policy_id": 10, "broker_id": 99},)
    assert "broker_id: expect_column_values_to_be_in_set failed" in orphan.sentence("t")


def test_row_count_relation_to_raw_input(engine: DuckDBEngine, tmp_path: Path) -> None:
    engine.execute("INSERT INTO poc_etl.stg_policies SELECT 100 + range, 1 FROM range(5)")
    [outcome] = validate_suites(engine, load_suites(write_suite(tmp_path, SUITE)), sandbox)
    [failure] = outcome.failures
    assert failure.expectation == "expect_table_row_count_to_be_between"
    assert failure.observed == 8


def test_suite_without_table_is_refused(tmp_path: Path) -> None:
    suite = {k: v for k, v in SUITE.items() if k != "meta"}
    with pytest.raises(ConfigError, match=r"stg_policies.json: expectation suite has no meta"):
        load_suites(write_suite(tmp_path, suite))


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{\n  "name": "x",\n  oops\n}', "utf-8")
    with pytest.raises(ConfigError, match=r"bad.json:3:3: expectation suite is not valid JSON"):
        load_suites(tmp_path)
