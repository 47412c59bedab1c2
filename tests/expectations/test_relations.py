"""Relations between tables are checked by the engine (GX's UnexpectedRowsExpectation on
PostgreSQL): referential integrity, uniqueness and row counts against the raw input, on
clean data and with a planted orphan key, duplicate and row-count drift."""

from __future__ import annotations

import json
from pathlib import Path

from etlcheck.engines.base import Engine
from etlcheck.expectations import ExpectationOutcome, SuiteOutcome, load_suite, validate_suites
from tests.expectations.expectation_data import SUITES, run_sql, sandbox


def validated(engine: Engine, name: str = "stg_policies") -> SuiteOutcome:
    [outcome] = validate_suites(engine, [load_suite(SUITES / f"{name}.json")], sandbox)
    return outcome


def failed(outcome: SuiteOutcome) -> dict[str, ExpectationOutcome]:
    return {f"{f.expectation}:{f.column}": f for f in outcome.failures}


def test_clean_staging_meets_every_expectation(engine: Engine) -> None:
    outcome = validated(engine)
    assert outcome.table == "poc_etl.stg_policies" and outcome.rows == 6
    assert outcome.success, [f.sentence(outcome.table) for f in outcome.failures]
    assert len(outcome.outcomes) == 9


def test_orphan_keys_fail_referential_integrity(engine: Engine) -> None:
    run_sql(engine, "orphan.sql")
    failures = failed(validated(engine))
    assert set(failures) == {
        "expect_column_values_to_be_in_set:broker_code",
        "expect_column_values_to_be_in_set:group_code",
    }
    broker = failures["expect_column_values_to_be_in_set:broker_code"]
    assert broker.unexpected_count == 1
    assert [(e.value, e.count) for e in broker.examples] == [("B999", 1)]
    [row] = broker.failing_rows
    assert row["policy_number"] == "P0007" and row["broker_code"] == "B999"
    assert "1 unexpected value(s): B999" in broker.sentence("poc_etl.stg_policies")
    group = failures["expect_column_values_to_be_in_set:group_code"]
    assert [(e.value, e.count) for e in group.examples] == [("G77", 1)]


def test_duplicate_key_fails_uniqueness(engine: Engine) -> None:
    run_sql(engine, "duplicate.sql")
    failures = failed(validated(engine))
    assert set(failures) == {
        "expect_column_values_to_be_unique:policy_number",
        "expect_compound_columns_to_be_unique:broker_code, policy_number",
    }
    unique = failures["expect_column_values_to_be_unique:policy_number"]
    assert unique.unexpected_count == 2
    assert [(e.value, e.count) for e in unique.examples] == [("P0003", 2)]
    assert "P0003 ×2" in unique.sentence("t")
    compound = failures["expect_compound_columns_to_be_unique:broker_code, policy_number"]
    assert compound.unexpected_count == 2


def test_row_count_drift_against_the_raw_input(engine: Engine) -> None:
    run_sql(engine, "drift.sql")
    outcome = validated(engine)
    [drift] = outcome.failures
    assert drift.expectation == "expect_table_row_count_to_be_between"
    assert drift.observed == 6
    assert {item.name: item.value for item in drift.rule} == {"min_value": 1, "max_value": 3}
    assert "raw_rows: row count of poc_raw_data.policies" in {i.parameter for i in drift.rule}
    assert "expected min_value = 1, max_value = 3" in drift.sentence(outcome.table)


def test_the_rule_names_the_relation_query_in_the_sandbox(engine: Engine) -> None:
    outcome = validated(engine)
    broker = outcome.outcomes[2]
    [rule] = broker.rule
    assert rule.name == "value_set"
    assert rule.value == "SELECT broker_code FROM poc_etl.stg_brokers"
    assert rule.parameter == "staged_brokers: query checked by the engine"
    assert broker.description == "every policy's broker was staged"


def test_not_in_a_relation(engine: Engine, tmp_path: Path) -> None:
    suite = {
        "name": "no_suspended",
        "meta": {
            "etlcheck": {
                "table": "etl.stg_policies",
                "parameters": {
                    "suspended": {
                        "query": "SELECT broker_code FROM etl.stg_brokers "
                        "WHERE status = 'SUSPENDED'"
                    }
                },
            }
        },
        "expectations": [
            {
                "type": "expect_column_values_to_not_be_in_set",
                "kwargs": {"column": "broker_code", "value_set": {"$PARAMETER": "suspended"}},
            }
        ],
    }
    path = tmp_path / "no_suspended.json"
    path.write_text(json.dumps(suite), "utf-8")
    [outcome] = validate_suites(engine, [load_suite(path)], sandbox)
    [result] = outcome.outcomes
    assert not result.success and result.unexpected_count == 1
    assert [(e.value, e.count) for e in result.examples] == [("B004", 1)]
    assert result.failing_rows[0]["policy_number"] == "P0006"
