"""Suites are checked completely when read: every mistake is one line naming the file and
the JSON path, raised before anything runs (GX itself drops an unknown type silently)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from etlcheck.errors import ConfigError
from etlcheck.expectations import load_suite, load_suites
from etlcheck.expectations.parameters import RelationQuery, RowCount
from tests.expectations.expectation_data import SUITES

SUITE: dict[str, Any] = json.loads((SUITES / "stg_policies.json").read_text("utf-8"))


def written(tmp_path: Path, change: Any) -> Path:
    """The test suite after ``change(document)``, written as stg_policies.json."""
    document = copy.deepcopy(SUITE)
    change(document)
    path = tmp_path / "stg_policies.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


def problem(tmp_path: Path, change: Any) -> str:
    with pytest.raises(ConfigError) as raised:
        load_suite(written(tmp_path, change))
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_the_suite_reads_into_typed_parameters() -> None:
    suite = load_suite(SUITES / "stg_policies.json")
    assert suite.name == "stg_policies" and suite.table == "etl.stg_policies"
    assert suite.parameters["raw_half"] == RowCount("raw_data.policies", 0.5)
    assert suite.parameters["staged_brokers"] == RelationQuery(
        "SELECT broker_code FROM etl.stg_brokers"
    )
    shorthand = suite.parameters["staged_groups"]
    assert isinstance(shorthand, RelationQuery)
    assert shorthand.text == "SELECT DISTINCT group_code FROM etl.stg_groups"
    assert [spec.json_path for spec in suite.expectations][:2] == [
        "$.expectations[0]",
        "$.expectations[1]",
    ]


def test_misspelled_type_names_file_path_and_suggestion(tmp_path: Path) -> None:
    def typo(document: dict[str, Any]) -> None:
        document["expectations"][3]["type"] = "expect_column_vals_typo"

    message = problem(tmp_path, typo)
    assert message.endswith(
        "stg_policies.json: $.expectations[3].type: unknown expectation type "
        "'expect_column_vals_typo' (did you mean 'expect_column_values_to_be_null'?)"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["expectations"][0]["kwargs"].update(colum="x"),
            "$.expectations[0].kwargs.colum: unknown kwarg 'colum' for "
            "expect_column_values_to_not_be_null (did you mean 'column'?)",
        ),
        (
            lambda d: d["expectations"][5]["kwargs"].pop("column"),
            "$.expectations[5].kwargs: expect_column_values_to_be_between needs the kwarg 'column'",
        ),
        (
            lambda d: d["expectations"][1].update(kwarg={"column": "x"}),
            "$.expectations[1].kwarg: unknown expectation key 'kwarg' (did you mean 'kwargs'?)",
        ),
        (
            lambda d: d["expectations"][2]["kwargs"].update(value_set={"$PARAMETER": "brokers"}),
            "$.expectations[2].kwargs.value_set: parameter 'brokers' is not in "
            "meta.etlcheck.parameters (known: raw_half, raw_rows, staged_brokers, staged_groups)",
        ),
        (
            lambda d: d["expectations"][2]["kwargs"].update(row_condition='line=="LIFE"'),
            "$.expectations[2].kwargs.row_condition: row_condition cannot be combined with a "
            "relation value_set",
        ),
        (
            lambda d: d["expectations"].append(
                {
                    "type": "expect_column_distinct_values_to_be_in_set",
                    "kwargs": {"column": "x", "value_set": {"$PARAMETER": "staged_brokers"}},
                }
            ),
            "$.expectations[9].kwargs.value_set: a relation (query) parameter can be the "
            "value_set only of",
        ),
        (
            lambda d: d["expectations"].append(
                {"type": "expect_query_results_to_match_comparison", "kwargs": {}}
            ),
            "$.expectations[9].type: expect_query_results_to_match_comparison is not supported",
        ),
        (
            lambda d: d.update(expectation=[]),
            "$.expectation: unknown suite key 'expectation' (did you mean 'expectations'?)",
        ),
        (
            lambda d: d["meta"]["etlcheck"].update(tabel="x"),
            "$.meta.etlcheck.tabel: unknown key 'tabel' (did you mean 'table'?)",
        ),
        (
            lambda d: d["meta"]["etlcheck"].update(table="stg_policies"),
            "$.meta.etlcheck.table: expectation suite has no meta.etlcheck.table",
        ),
        (
            lambda d: d["meta"].pop("etlcheck"),
            "$.meta.etlcheck: expectation suite has no meta.etlcheck.table (add",
        ),
    ],
)
def test_mistakes_are_one_line_with_the_json_path(
    tmp_path: Path, change: Any, expected: str
) -> None:
    assert f"stg_policies.json: {expected}" in problem(tmp_path, change)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"query": "DELETE FROM etl.stg_brokers"}, "the query must be one SELECT statement"),
        ({"query": "SELECT broker_code FROM stg_brokers"}, "qualify table stg_brokers"),
        ({"query": "SELECT a, b FROM etl.t"}, "must return exactly one named column"),
        ({"query": "SELECT * FROM etl.t"}, "must return exactly one named column"),
        ({"query": "SELECT a FROM other.etl.t"}, "other databases are not allowed"),
        ({"query": "SELECT a FROM etl.t; SELECT 1"}, "one SELECT statement"),
        ({"query": "SELECT a INTO etl.t2 FROM etl.t"}, "must only read"),
        ({"query": "SELECT FROM WHERE"}, "does not parse as T-SQL"),
        ({"distinct": "etl.stg_brokers"}, "distinct names a column as schema.table.column"),
        ({"row_count": "policies"}, "row_count names a table as schema.table"),
        ({"row_count": "raw_data.t", "factor": "half"}, "factor must be a number"),
        ({"query": "SELECT a FROM etl.t", "factor": 2}, "factor goes only with row_count"),
        ({"rows": "raw_data.t"}, "unknown key 'rows'"),
        ({}, "give exactly one of row_count, query or distinct"),
    ],
)
def test_bad_parameters_are_refused(tmp_path: Path, spec: Any, expected: str) -> None:
    def change(document: dict[str, Any]) -> None:
        document["meta"]["etlcheck"]["parameters"]["staged_brokers"] = spec

    message = problem(tmp_path, change)
    assert "$.meta.etlcheck.parameters.staged_brokers: " in message
    assert expected in message


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * FROM etl.stg_policies WHERE 1 = 0", "must read the validated table as {batch}"),
        ("SELECT * FROM {batch} WHERE x = {limit}", "unknown placeholder {limit}"),
        ("SELECT * FROM {batch} WHERE x = '{'", "unpaired brace"),
        ("UPDATE {batch} SET x = 1", "one SELECT statement"),
    ],
)
def test_unexpected_rows_queries_are_checked(tmp_path: Path, query: str, expected: str) -> None:
    def change(document: dict[str, Any]) -> None:
        document["expectations"].append(
            {"type": "unexpected_rows_expectation", "kwargs": {"unexpected_rows_query": query}}
        )

    message = problem(tmp_path, change)
    assert "$.expectations[9].kwargs.unexpected_rows_query: " in message
    assert expected in message


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{\n  "name": "x",\n  oops\n}', "utf-8")
    with pytest.raises(ConfigError, match=r"bad.json:3:3: expectation suite is not valid JSON"):
        load_suites(tmp_path)
