"""The engine's own checks give Great Expectations' verdicts: on the same rows, uniqueness
(single and compound, every ``ignore_row_if``), membership in a relation, row counts and
``mostly`` agree with GX validating a DataFrame (the relation given as a literal set)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.expectations import load_suite, validate_suites
from etlcheck.expectations.gx_run import GreatExpectations, gx_expectation

pytestmark = pytest.mark.duckdb

ROWS = {
    "distinct": [("a", 1), ("b", 2), ("c", 3)],
    "duplicates": [("a", 1), ("a", 1), ("b", 2), ("c", 3), ("c", 4)],
    "nulls": [(None, None), (None, None), ("a", None), ("a", None), (None, 5), ("b", 5)],
    "mostly": [("a", 1), ("b", 1), ("c", 1), ("d", 1), ("d", 2), ("e", None)],
}
KEYS = ["a", "b", "x"]
EXPECTATIONS: list[dict[str, Any]] = [
    {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "code"}},
    {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "code", "mostly": 0.6}},
    {"type": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": ["code", "n"]}},
    *(
        {
            "type": "expect_compound_columns_to_be_unique",
            "kwargs": {"column_list": ["code", "n"], "ignore_row_if": ignore},
        }
        for ignore in ("any_value_is_missing", "never")
    ),
    {
        "type": "expect_compound_columns_to_be_unique",
        "kwargs": {"column_list": ["code", "n"], "mostly": 0.5},
    },
    {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 4, "max_value": 5}},
    {
        "type": "expect_table_row_count_to_be_between",
        "kwargs": {"min_value": 3, "max_value": 5, "strict_min": True, "strict_max": True},
    },
    {"type": "expect_table_row_count_to_equal", "kwargs": {"value": 6}},
]
MEMBERSHIP: list[dict[str, Any]] = [
    {"type": kind, "kwargs": {"column": "code", **extra}}
    for kind in ("expect_column_values_to_be_in_set", "expect_column_values_to_not_be_in_set")
    for extra in ({}, {"mostly": 0.5})
]


@pytest.fixture(scope="module")
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine(None) as started:
        started.execute("CREATE SCHEMA poc_etl")
        started.execute("CREATE TABLE poc_etl.keys (code VARCHAR)")
        started.execute("INSERT INTO poc_etl.keys VALUES ('a'), ('b'), ('x'), (NULL)")
        yield started


@pytest.fixture(scope="module")
def gx(engine: DuckDBEngine) -> GreatExpectations:
    return GreatExpectations(engine)


def suite_file(tmp_path: Path) -> Path:
    relation = {"$PARAMETER": "keys"}
    expectations = EXPECTATIONS + [
        {**e, "kwargs": {**e["kwargs"], "value_set": relation}} for e in MEMBERSHIP
    ]
    document = {
        "name": "t",
        "meta": {
            "etlcheck": {
                "table": "etl.t",
                "parameters": {"keys": {"query": "SELECT code FROM etl.keys"}},
            }
        },
        "expectations": expectations,
    }
    path = tmp_path / "t.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


def gx_verdicts(gx: GreatExpectations, rows: list[tuple[Any, Any]]) -> list[tuple[bool, Any]]:
    frame = pd.DataFrame.from_records(rows, columns=["code", "n"])
    specs = load_suite_specs(EXPECTATIONS)
    literal = [{**e, "kwargs": {**e["kwargs"], "value_set": KEYS}} for e in MEMBERSHIP]
    specs += load_suite_specs(literal, start=len(EXPECTATIONS))
    found = gx.validate_frame(frame, [gx_expectation(s) for s in specs], {})
    return [(found[s.position].success, found[s.position].unexpected_count) for s in specs]


def load_suite_specs(expectations: list[dict[str, Any]], start: int = 0) -> list[Any]:
    from etlcheck.expectations.spec import ExpectationSpec

    return [ExpectationSpec(start + i, e["type"], e["kwargs"]) for i, e in enumerate(expectations)]


@pytest.mark.parametrize("name", sorted(ROWS))
def test_engine_checks_agree_with_gx(
    engine: DuckDBEngine, gx: GreatExpectations, tmp_path: Path, name: str
) -> None:
    engine.execute("CREATE OR REPLACE TABLE poc_etl.t (code VARCHAR, n INTEGER)")
    for code, n in ROWS[name]:
        code_sql = "NULL" if code is None else f"'{code}'"
        n_sql = "NULL" if n is None else str(n)
        engine.execute(f"INSERT INTO poc_etl.t VALUES ({code_sql}, {n_sql})")
    [outcome] = validate_suites(engine, [load_suite(suite_file(tmp_path))], lambda t: f"poc_{t}")
    assert {o.checked_by for o in outcome.outcomes} == {"engine"}
    ours = [(o.success, o.unexpected_count) for o in outcome.outcomes]
    theirs = gx_verdicts(gx, ROWS[name])
    for position, (mine, gxs) in enumerate(zip(ours, theirs, strict=True)):
        label = json.dumps((EXPECTATIONS + MEMBERSHIP)[position])
        assert mine[0] == gxs[0], f"{name}: {label}: engine {mine}, GX {gxs}"
        if gxs[1] is not None:
            assert mine[1] == gxs[1], f"{name}: {label}: engine {mine}, GX {gxs}"
