"""What a user reads when an expectation fails, on each engine: the rule beside the
result, failing values de-duplicated with their counts, failing rows whole, a missing
column named as such, and queries of the user's own (``unexpected_rows_expectation``)."""

from __future__ import annotations

import json
from pathlib import Path

from etlcheck.engines.base import Engine
from etlcheck.expectations import SuiteOutcome, load_suite, validate_suites
from tests.expectations.expectation_data import SUITES, sandbox


def brokers(engine: Engine) -> SuiteOutcome:
    [outcome] = validate_suites(engine, [load_suite(SUITES / "stg_brokers.json")], sandbox)
    return outcome


def test_failing_values_are_counted_once_each(engine: Engine) -> None:
    engine.execute(
        "INSERT INTO poc_etl.stg_brokers VALUES ('B005', 'Elm Partners', 'INACTIVE'), "
        "('B006', 'Fir Brokers', 'INACTIVE')"
    )
    status = brokers(engine).outcomes[0]
    assert not status.success and status.unexpected_count == 4
    assert [(e.value, e.count) for e in status.examples] == [("INACTIVE", 3), ("SUSPENDED", 1)]
    assert "4 unexpected value(s): INACTIVE ×3, SUSPENDED" in status.sentence("t")
    assert len(status.failing_rows) == 4
    assert {row["broker_code"] for row in status.failing_rows} == {"B003", "B004", "B005", "B006"}
    assert all(set(row) == {"broker_code", "broker_name", "status"} for row in status.failing_rows)
    [rule] = status.rule
    assert (rule.name, rule.value) == ("value_set", ["ACTIVE"])


def test_a_missing_column_says_so(engine: Engine) -> None:
    outcome = brokers(engine)
    missing = outcome.outcomes[1]
    assert not missing.success
    assert missing.error == "column broker_region does not exist in poc_etl.stg_brokers"
    assert missing.sentence(outcome.table) == (
        "poc_etl.stg_brokers.broker_region: expect_column_values_to_not_be_null: "
        "column broker_region does not exist in poc_etl.stg_brokers"
    )
    assert outcome.to_dict()["expectations"][1]["error"] == missing.error


def test_the_regex_is_shown_beside_its_result(engine: Engine) -> None:
    regex = brokers(engine).outcomes[2]
    assert not regex.success
    assert [(e.value, e.count) for e in regex.examples] == [("Birch & Sons", 1)]
    assert regex.to_dict()["rule"] == [{"name": "regex", "value": "^[A-Z][a-z]+ [A-Z][a-z]+$"}]


def test_a_users_own_unexpected_rows_query_runs_in_the_sandbox(engine: Engine) -> None:
    rows = brokers(engine).outcomes[3]
    assert not rows.success and rows.unexpected_count == 2
    assert {row["broker_code"] for row in rows.failing_rows} == {"B002", "B004"}
    assert "2 unexpected row(s)" in rows.sentence("t")
    assert rows.description == "every broker heads at least one group"


def test_mostly_lets_a_relation_hold_for_most_rows(engine: Engine) -> None:
    outcome = brokers(engine)
    relation = outcome.outcomes[4]
    assert relation.success and relation.unexpected_count == 0
    engine.execute("INSERT INTO poc_etl.stg_brokers VALUES ('B007', 'Gale Cover', 'ACTIVE')")
    engine.execute("INSERT INTO poc_etl.stg_brokers VALUES ('B008', 'Holt Cover', 'ACTIVE')")
    relation = brokers(engine).outcomes[4]
    assert not relation.success and relation.unexpected_count == 2  # 4 of 6 < 0.7


def test_row_count_against_another_table_and_the_column_set(engine: Engine) -> None:
    outcome = brokers(engine)
    other, columns = outcome.outcomes[5], outcome.outcomes[6]
    assert not other.success and other.observed == {"self": 4, "other": 3}
    assert columns.success
    engine.execute("INSERT INTO poc_etl.stg_groups VALUES ('G04', 'B002', 'SW')")
    assert brokers(engine).outcomes[5].success


def test_a_parameter_without_a_value_fails_what_uses_it(engine: Engine, tmp_path: Path) -> None:
    suite = {
        "name": "bounds",
        "meta": {
            "etlcheck": {
                "table": "etl.stg_brokers",
                "parameters": {
                    "gone": {"row_count": "raw_data.brokers_gone"},
                    "codes": {"query": "SELECT broker_code FROM etl.stg_brokers"},
                },
            }
        },
        "expectations": [
            {
                "type": "expect_table_row_count_to_be_between",
                "kwargs": {"min_value": {"$PARAMETER": "gone"}},
            },
            {
                "type": "expect_table_row_count_to_equal",
                "kwargs": {"value": {"$PARAMETER": "codes"}},
            },
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "broker_code"}},
        ],
    }
    path = tmp_path / "bounds.json"
    path.write_text(json.dumps(suite), "utf-8")
    [outcome] = validate_suites(engine, [load_suite(path)], sandbox)
    gone, codes, fine = outcome.outcomes
    assert not gone.success
    assert gone.error == "parameter gone: table poc_raw_data.brokers_gone does not exist"
    assert not codes.success
    assert codes.error == "parameter codes: the query returned 4 rows, not one value"
    assert fine.success
