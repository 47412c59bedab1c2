"""Multi-statement table-valued functions (``RETURNS @t TABLE``) on DuckDB and PostgreSQL:
the body runs before the statement that reads the function, with the arguments' values,
and the statement reads the filled table under the call's alias; a call with a column of
the query, or in a view, is refused, as the compatibility pass reports it; a body that
writes another table is SQL Server's error 443 at CREATE."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed, UnsupportedConstruct
from tests.engine_params import BOTH_ENGINES

FUNCTION = """
CREATE FUNCTION stage.ufn_steps (@n INT, @tag NVARCHAR(3))
RETURNS @rows TABLE (n INT, tag NVARCHAR(10))
AS
BEGIN
    DECLARE @i INT = 1;
    WHILE @i <= @n
    BEGIN
        INSERT INTO @rows (n, tag) VALUES (@i, @tag);
        SET @i += 1;
    END;
    RETURN;
END;
"""


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database with ``stage`` holding ``stage.ufn_steps`` and ``stage.nums`` (1, 2, 3)."""
    if request.param == "duckdb":
        with DuckDBEngine() as started:
            _prepare(started)
            yield started
        return
    shared: Engine = request.getfixturevalue("postgres_engine")
    _prepare(shared)
    try:
        yield shared
    finally:
        shared.drop_schema("stage")
        shared.catalog_epoch += 1


def _prepare(engine: Engine) -> None:
    engine.create_schema("stage")
    run(engine, "CREATE TABLE stage.nums (n INT);\nINSERT INTO stage.nums VALUES (1), (2), (3);")
    run(engine, FUNCTION)


def run(engine: Engine, script: str) -> tuple[str, ...]:
    return engine.run_script(script, Path("t.sql")).messages


def test_the_statement_reads_the_rows_the_body_filled(engine: Engine) -> None:
    messages = run(
        engine,
        "DECLARE @k INT = 2, @c INT, @s NVARCHAR(20);\n"
        "SELECT @c = COUNT(*), @s = MAX(r.tag) FROM stage.ufn_steps(@k + 1, N'abcdef') AS r;\n"
        "PRINT CONCAT(@c, ' ', @s, ' ', @@ROWCOUNT);\n"
        "SELECT @c = COUNT(*) FROM stage.nums AS t\n"
        "    JOIN stage.ufn_steps(2, N'a') AS a ON a.n = t.n\n"
        "    JOIN stage.ufn_steps(@k + 1, N'b') AS b ON b.n = t.n;\n"
        "PRINT @c;\n"
        "SELECT @c = COUNT(*) FROM stage.nums AS t CROSS APPLY stage.ufn_steps(@k, N'a') AS a;\n"
        "PRINT @c;\n"
        "INSERT INTO stage.nums (n) SELECT n * 10 FROM stage.ufn_steps(2, N'x');\n"
        "PRINT @@ROWCOUNT;\n"
        "IF EXISTS (SELECT 1 FROM stage.ufn_steps(1, N'q') WHERE tag = N'q') PRINT 'exists';",
    )
    assert messages == ("3 abc 1", "2", "6", "2", "exists")
    assert run(engine, "PRINT (SELECT SUM(n) FROM stage.nums);") == ("36",)


def test_a_call_in_a_comma_separated_from_list_runs(engine: Engine) -> None:
    script = (
        "DECLARE @s NVARCHAR(100);\n"
        "SELECT @s = STRING_AGG(CONCAT(x.n, r.n), ',') WITHIN GROUP (ORDER BY x.n, r.n)\n"
        "FROM stage.nums AS x, stage.ufn_steps(2, N'c') AS r WHERE x.n < 3;\n"
        "PRINT @s;"
    )
    assert run(engine, script) == ("11,12,21,22",)


def test_the_function_is_a_tf_object_that_alter_and_drop_find(engine: Engine) -> None:
    messages = run(
        engine,
        "PRINT IIF(OBJECT_ID(N'stage.ufn_steps', N'TF') IS NULL, 'none', 'TF');\n"
        "PRINT (SELECT type_desc FROM sys.objects WHERE name = 'ufn_steps');\n"
        "GO\n"
        "CREATE OR ALTER FUNCTION stage.ufn_steps (@n INT, @tag NVARCHAR(3))\n"
        "RETURNS @rows TABLE (n INT)\nAS\nBEGIN\n"
        "    INSERT INTO @rows VALUES (@n * 10);\n    RETURN;\nEND;\n"
        "GO\n"
        "PRINT (SELECT MAX(n) FROM stage.ufn_steps(5, NULL));\n"
        "IF OBJECT_ID(N'stage.ufn_steps', N'TF') IS NOT NULL DROP FUNCTION stage.ufn_steps;\n"
        "PRINT IIF(OBJECT_ID(N'stage.ufn_steps') IS NULL, 'dropped', 'kept');",
    )
    assert messages == ("TF", "SQL_TABLE_VALUED_FUNCTION", "50", "dropped")


def test_a_body_may_call_another_function_and_arguments_are_counted(engine: Engine) -> None:
    run(
        engine,
        "CREATE FUNCTION stage.ufn_twice (@n INT) RETURNS @rows TABLE (n INT)\nAS\nBEGIN\n"
        "    INSERT INTO @rows SELECT n FROM stage.ufn_steps(@n, N'x');\n"
        "    INSERT INTO @rows SELECT n FROM stage.ufn_steps(@n, N'y');\n"
        "    RETURN;\nEND;",
    )
    assert run(engine, "PRINT (SELECT COUNT(*) FROM stage.ufn_twice(3));") == ("6",)
    failed = _failure(engine, "SELECT * FROM stage.ufn_steps(1);")
    assert "insufficient number of arguments" in failed.message


def test_a_call_with_a_column_of_the_query_is_refused_where_the_pass_reports_it(
    engine: Engine,
) -> None:
    script = (
        FUNCTION.replace("stage.ufn_steps", "stage.ufn_other") + "GO\nDECLARE @c INT;\n"
        "SELECT @c = COUNT(*) FROM stage.nums AS t CROSS APPLY stage.ufn_other(t.n, N'a') r;"
    )
    dialect = "duckdb" if isinstance(engine, DuckDBEngine) else "postgres"
    findings = check_script(script, Path("t.sql"), dialect)
    assert [(f.location.line, f.location.column) for f in findings] == [(16, 55)]
    assert findings[0].message.startswith("stage.ufn_other(t.n): a multi-statement")
    with pytest.raises(UnsupportedConstruct) as refused:
        run(engine, script)
    assert refused.value.location is not None
    assert (refused.value.location.line, refused.value.location.column) == (16, 55)


def test_a_call_in_a_view_is_refused(engine: Engine) -> None:
    with pytest.raises(UnsupportedConstruct, match="in a view"):
        run(engine, "CREATE VIEW stage.v AS SELECT n FROM stage.ufn_steps(2, N'a') AS s;")


def test_a_body_that_writes_a_table_is_error_443_at_create(engine: Engine) -> None:
    failed = _failure(
        engine,
        "CREATE FUNCTION stage.ufn_bad () RETURNS @rows TABLE (n INT)\nAS\nBEGIN\n"
        "    INSERT INTO stage.nums VALUES (9);\n    RETURN;\nEND;",
    )
    assert failed.message == (
        "Invalid use of a side-effecting operator 'INSERT' within a function."
    )
    assert run(engine, "PRINT IIF(OBJECT_ID(N'stage.ufn_bad') IS NULL, 'none', 'made');") == (
        "none",
    )


def _failure(engine: Engine, script: str) -> StatementFailed:
    with pytest.raises(StatementFailed) as raised:
        run(engine, script)
    return raised.value
