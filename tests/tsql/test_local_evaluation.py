"""Simple SET/DECLARE/PRINT expressions are computed in Python (etlcheck.tsql.local_evaluation):
the same values as the engine gives, without a round trip; anything else goes to it."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed
from etlcheck.tsql import local_evaluation
from etlcheck.tsql.scope import Scope, Session
from tests.tsql.tsql_scripts import Sent

pytestmark = pytest.mark.duckdb

PROLOGUE = (
    "DECLARE @n INT = 41, @big BIGINT = 5000000000, @s NVARCHAR(40) = N'it''s', "
    "@none NVARCHAR(10), @i_none INT, @when DATETIME2 = '2024-01-02 03:04:05', "
    "@flag BIT = 1;\n"
    "CREATE TABLE dbo.t (v INT); INSERT INTO dbo.t VALUES (1), (2), (3);\n"
)
EXPRESSIONS = [
    "@@ROWCOUNT",
    "CONCAT(N'rows: ', @@ROWCOUNT, N' done')",
    "CONCAT('a', @n, @none, N'b', @s, @big)",
    "CONCAT(@none, @i_none)",
    "N'x' + @s + 'y'",
    "@s + @none",
    "@n + 1",
    "(@n + 2) + 3",
    "CONCAT(N'[dbo].[t]: ', (@n), N' of ', @n + 1)",
    "CONCAT(N'when ', @when)",
    "CONCAT(N'flag ', @flag)",
    "@s + @n",
    "@n + @big",
    "@@ERROR",
    "@@TRANCOUNT",
]


def _print_all(engine: DuckDBEngine) -> tuple[str, ...]:
    # @@ROWCOUNT changes with each PRINT, so each expression gets a fresh INSERT before it.
    script = PROLOGUE
    for text in EXPRESSIONS:
        script += f"INSERT INTO dbo.t VALUES (4), (5);\nBEGIN TRY PRINT {text}; END TRY\n"
        script += "BEGIN CATCH PRINT CONCAT(N'error ', ERROR_NUMBER()); END CATCH\n"
    return engine.run_script(script, Path("t.sql")).messages


def test_python_values_match_the_engine_for_every_shape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with DuckDBEngine(None) as engine:
        computed = _print_all(engine)
    monkeypatch.setattr(local_evaluation, "simple_value", lambda *_: (False, None))
    with DuckDBEngine(None) as engine:
        by_engine = _print_all(engine)
    assert len(computed) == len(EXPRESSIONS)
    assert computed == by_engine
    assert computed[:9] == (
        "2",
        "rows: 2 done",
        "a41bit's5000000000",
        "",
        "xit'sy",
        "",
        "42",
        "46",
        "[dbo].[t]: 41 of 42",
    )


def test_counts_and_messages_need_no_query(engine: DuckDBEngine, sent: Sent) -> None:
    engine.run_script(
        "CREATE TABLE dbo.t (v INT); INSERT INTO dbo.t VALUES (1), (2);", Path("t.sql")
    )
    sent.clear()
    messages = engine.run_script(
        "DECLARE @rows INT, @m NVARCHAR(200);\n"
        "SET @rows = @@ROWCOUNT;\n"
        "SET @m = CONCAT(N'[dbo].[t]: ', @rows, N' new rows');\n"
        "PRINT @m;\n"
        "PRINT CONCAT('t: ', @rows, ' staged, ', @@ROWCOUNT, ' after');",
        Path("t.sql"),
    ).messages
    assert messages == ("[dbo].[t]: 2 new rows", "t: 2 staged, 0 after")
    assert sent.statements == []


@pytest.mark.parametrize(
    ("declared", "expression"),
    [
        ("@when DATETIME2 = '2024-01-02'", "CONCAT(N'at ', @when)"),
        ("@n INT = 2147483647", "@n + 1"),
        ("@n INT = 1", "N'x' + @n"),
        ("@s NVARCHAR(3) = N'abc'", "CONCAT(@s)"),
        ("@s NVARCHAR(3) = N'abc'", "UPPER(@s)"),
    ],
)
def test_other_shapes_go_to_the_engine(
    engine: DuckDBEngine, sent: Sent, declared: str, expression: str
) -> None:
    engine.run_script(f"DECLARE {declared};", Path("t.sql"))
    declaring = [sql for sql in sent.statements if sql.startswith("SELECT")]
    sent.clear()
    # The engine's own answer may be SQL Server's error (overflow, CONCAT's argument count).
    with contextlib.suppress(StatementFailed):
        engine.run_script(f"DECLARE {declared}; PRINT {expression};", Path("t.sql"))
    printing = [sql for sql in sent.statements if sql.startswith("SELECT")]
    assert len(printing) == len(declaring) + 1, printing


@pytest.mark.parametrize(
    ("text", "type_text"),
    [
        ("CONCAT(N'ab', N'cdef')", "NVARCHAR(3)"),
        ("N'ab'", "NVARCHAR"),
        ("CONCAT(N'a', N'b')", "CHAR(5)"),
        ("CONCAT(N'a', N'b')", "INT"),
        ("70000", "SMALLINT"),
        ("300", "TINYINT"),
        ("CONCAT(N'a', N'b'", None),
        ("CONCAT(N'a', N'b') N'c'", None),
        ("1 - 2", None),
        ("@unknown", None),
        ("@@FOO", None),
    ],
)
def test_what_python_declines(text: str, type_text: str | None) -> None:
    # Truncation to a declared length, conversions, overflow, syntax it does not know and
    # unknown names: the engine answers (with SQL Server's error where there is one).
    scope = Scope(Session())
    assert local_evaluation.simple_value(text, type_text, scope) == (False, None)


def test_what_python_computes() -> None:
    scope = Scope(Session())
    scope.declare("@Rows", "INT", "INTEGER")
    scope.set("@rows", 7)
    scope.session.row_count = 3
    assert local_evaluation.simple_value(
        "CONCAT(N'n=', @ROWS, '/', @@rowcount)", "NVARCHAR(MAX)", scope
    ) == (
        True,
        "n=7/3",
    )
    assert local_evaluation.simple_value("@rows + @@ROWCOUNT", "BIGINT", scope) == (True, 10)
    assert local_evaluation.simple_value("N'a''b' + 'c'", "VARCHAR(4)", scope) == (True, "a'bc")
    assert local_evaluation.simple_value("ERROR_MESSAGE()", None, scope) == (
        True,
        None,
    )  # not in CATCH
