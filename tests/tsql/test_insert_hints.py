"""Table hints on an INSERT's target (``INSERT INTO t WITH (TABLOCK) …``), the bulk load of
a warehouse: valid T-SQL that sqlglot cannot read, so it was reported as a syntax error."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlglot import exp

from etlcheck.syntax import check_script_syntax
from etlcheck.tsql.insert_hints import without_insert_hints
from etlcheck.tsql.parsing import parse_tsql

LOAD = (
    "WITH staged AS (SELECT id FROM etl.stage)\n"
    "INSERT INTO [etl].[FactSales] WITH (TABLOCK, HOLDLOCK) (id)\n"
    "SELECT id FROM staged;\n"
)


@pytest.mark.parametrize(
    ("statement", "hints"),
    [
        (LOAD, "WITH (TABLOCK, HOLDLOCK)"),
        ("INSERT dbo.t WITH (TABLOCKX) VALUES (1)", "WITH (TABLOCKX)"),
        ("INSERT INTO #staged WITH (TABLOCK) SELECT 1", "WITH (TABLOCK)"),
    ],
)
def test_the_hints_are_blanked_and_every_offset_kept(statement: str, hints: str) -> None:
    blanked = without_insert_hints(statement)
    assert len(blanked) == len(statement)
    assert blanked == statement.replace(hints, " " * len(hints))


@pytest.mark.parametrize(
    "statement",
    [
        "WITH src AS (SELECT 1 AS x) INSERT INTO dbo.t (x) SELECT x FROM src",
        "INSERT INTO dbo.t (x) SELECT x FROM dbo.u WITH (NOLOCK)",
        "UPDATE dbo.t WITH (TABLOCK) SET x = 1",
    ],
)
def test_other_withs_are_left_alone(statement: str) -> None:
    assert without_insert_hints(statement) == statement


def test_a_hinted_insert_is_not_a_syntax_error_and_keeps_its_target() -> None:
    check_script_syntax(LOAD, Path("load.sql"))  # raised ScriptError: "syntax error"
    tree = parse_tsql(LOAD)
    assert isinstance(tree, exp.Insert)
    target = tree.find(exp.Table)
    assert target is not None and (target.db, target.name) == ("etl", "FactSales")
