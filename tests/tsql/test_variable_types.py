"""What a T-SQL variable holds: SQL Server's declared lengths, sysname, and types the
emulation cannot hold (one clear error)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed, UnsupportedConstruct
from tests.tsql.tsql_scripts import ISNULL_OF_VARIABLES, ISNULL_PRINTED

pytestmark = pytest.mark.duckdb


@pytest.mark.parametrize(
    ("declaration", "expected", "limit"),
    [
        ("@s NVARCHAR(5) = N'abcdefgh'", "abcde", 5),
        ("@s NVARCHAR = N'abc'", "a", 1),
        ("@s VARCHAR(MAX) = 'abcdefgh'", "abcdefgh", None),
        ("@s CHAR(3) = 'abcdef'", "abc", 3),
        ("@s SYSNAME = REPLICATE('x', 200)", "x" * 128, 128),
    ],
)
def test_variables_keep_what_their_declared_length_holds(
    engine: DuckDBEngine, declaration: str, expected: str, limit: int | None
) -> None:
    # SQL Server truncates silently on assignment to a variable (an INSERT would fail).
    messages = engine.run_script(f"DECLARE {declaration}; PRINT @s;", Path("t.sql")).messages
    assert messages == (expected,)
    messages = engine.run_script(
        f"DECLARE {declaration}; SET @s = CONCAT(@s, N'zzzz'); SELECT @s = @s; PRINT @s;",
        Path("t.sql"),
    ).messages
    assert messages == ((expected + "zzzz")[:limit],)


def test_sysname_is_nvarchar_128_in_declarations_tables_and_casts(engine: DuckDBEngine) -> None:
    messages = engine.run_script(
        "CREATE TABLE dbo.names (n SYSNAME NOT NULL PRIMARY KEY);\n"
        "DECLARE @n SYSNAME = CAST(N'orders' AS SYSNAME);\n"
        "INSERT INTO dbo.names (n) VALUES (@n);\n"
        "SELECT @n = n FROM dbo.names; PRINT @n;",
        Path("t.sql"),
    ).messages
    assert messages == ("orders",)
    assert engine.query("SELECT n FROM dbo.names").rows == [("orders",)]


def test_a_variable_of_an_unknown_type_is_one_clear_error(engine: DuckDBEngine) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        engine.run_script("PRINT 1;\nDECLARE @g FOO(1, ;", Path("t.sql"))
    message = str(raised.value)
    assert message.startswith("t.sql:2:1: DECLARE @g FOO(1, ")
    assert "not supported" in message and "--engine mssql" in message


def test_isnull_of_a_variable_has_the_variables_type(engine: DuckDBEngine) -> None:
    assert engine.run_script(ISNULL_OF_VARIABLES, Path("t.sql")).messages == ISNULL_PRINTED


def test_isnull_of_three_arguments_is_refused_as_sql_server_refuses_it(
    engine: DuckDBEngine,
) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        engine.run_script("DECLARE @a VARCHAR(3);\nPRINT ISNULL(@a, 'x', 'y');", Path("t.sql"))
    assert str(raised.value).startswith(
        "t.sql:2:7: ISNULL: The isnull function requires 2 argument(s)."
    ), str(raised.value)


def test_alter_column_keeps_not_null_and_says_why_a_checked_length_cannot_change(
    engine: DuckDBEngine,
) -> None:
    messages = engine.run_script(
        "CREATE TABLE dbo.counts (id INT NOT NULL, n INT NULL);\n"
        "ALTER TABLE dbo.counts ALTER COLUMN n BIGINT NOT NULL;\n"
        "BEGIN TRY INSERT INTO dbo.counts VALUES (1, NULL); END TRY\n"
        "BEGIN CATCH PRINT ERROR_NUMBER(); END CATCH;",
        Path("t.sql"),
    ).messages
    assert messages == ("515",)
    with pytest.raises(StatementFailed) as raised:
        engine.run_script(
            "CREATE TABLE dbo.codes (code VARCHAR(10));\n"
            "ALTER TABLE dbo.codes ALTER COLUMN code VARCHAR(20);",
            Path("t.sql"),
        )
    assert "t.sql:2:1: ALTER TABLE … ALTER COLUMN: DuckDB cannot change the type" in str(
        raised.value
    )
    assert "--engine postgres" in str(raised.value)


def test_a_list_built_row_by_row_is_refused_not_cut_to_the_last_row(
    engine: DuckDBEngine,
) -> None:
    """SQL Server gives 'Acme;Globex;'; the engines assigned once and kept 'Globex;'."""
    table = (
        "CREATE TABLE dbo.names (Id INT, Name VARCHAR(20));\n"
        "INSERT INTO dbo.names VALUES (1, 'Acme'), (2, 'Globex');\n"
    )
    with pytest.raises(UnsupportedConstruct) as raised:
        engine.run_script(
            table + "DECLARE @s VARCHAR(200) = '';\n"
            "SELECT @s = @s + Name + ';' FROM dbo.names ORDER BY Id;",
            Path("t.sql"),
        )
    assert str(raised.value).startswith("t.sql:4:")
    assert "reads its own variable row after row" in str(raised.value)
    messages = engine.run_script(
        "DECLARE @n INT = 10; SELECT @n = @n + COUNT(*) FROM dbo.names; PRINT @n;\n"
        "SELECT TOP 1 @n = @n + Id FROM dbo.names ORDER BY Id; PRINT @n;",
        Path("t.sql"),
    ).messages
    assert messages == ("12", "13")


def test_a_compound_assignment_in_select_runs_as_the_plain_one(engine: DuckDBEngine) -> None:
    """``SELECT @s += …`` was a syntax error ('Required keyword: expression missing')."""
    messages = engine.run_script(
        "DECLARE @n INT = 1, @s VARCHAR(100) = 'a';\n"
        "SELECT @n += 2, @s += 'b' + 'c'; PRINT @n; PRINT @s;\n"
        "SELECT @n *= 5; PRINT @n;",
        Path("t.sql"),
    ).messages
    assert messages == ("3", "abc", "15")
    with pytest.raises(UnsupportedConstruct) as raised:
        engine.run_script(
            "DECLARE @s VARCHAR(100) = '';\nSELECT @s += name + ',' FROM sys.tables;",
            Path("t.sql"),
        )
    assert "reads its own variable row after row" in str(raised.value)


def test_a_catalog_function_compared_with_like_is_the_emulations(engine: DuckDBEngine) -> None:
    """``WHERE SCHEMA_NAME(schema_id) NOT LIKE N'poc%'`` reached DuckDB as
    current_schema(schema_id): the LIKE's rewrite had taken the value out of the tree."""
    messages = engine.run_script(
        "CREATE TABLE dbo.staged (id INT);\n"
        "DECLARE @n INT;\n"
        "SELECT @n = COUNT(*) FROM sys.tables WHERE SCHEMA_NAME(schema_id) NOT LIKE N'poc%';\n"
        "PRINT @n;",
        Path("t.sql"),
    ).messages
    assert messages == ("1",)
