"""Table variables, cursors, GOTO and user-defined functions on DuckDB: their scopes and
the errors SQL Server gives. (Documented results per construct: tests/tsql/conformance/.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed, UnsupportedConstruct

pytestmark = pytest.mark.duckdb


def run(engine: DuckDBEngine, script: str) -> tuple[str, ...]:
    return engine.run_script(script, Path("inline.sql")).messages


def caught(engine: DuckDBEngine, statement: str, setup: str = "") -> str:
    """The error number ``statement`` raises, caught by TRY...CATCH."""
    script = f"{setup}\nBEGIN TRY\n{statement}\nEND TRY\nBEGIN CATCH PRINT ERROR_NUMBER() END CATCH"
    return run(engine, script)[-1]


# -- table variables ----------------------------------------------------------------------------
def test_each_procedure_call_has_its_own_table_variable(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE PROCEDURE dbo.usp_inner AS\n"
        "DECLARE @t TABLE (n INT);\nINSERT INTO @t VALUES (10), (20);\n"
        "PRINT CONCAT('inner ', (SELECT SUM(n) FROM @t));",
    )
    assert run(
        engine,
        "DECLARE @t TABLE (n INT)\nINSERT INTO @t VALUES (1)\nEXEC dbo.usp_inner\n"
        "EXEC dbo.usp_inner\nPRINT CONCAT('outer ', (SELECT SUM(n) FROM @t))",
    ) == ("inner 30", "inner 30", "outer 1")


def test_a_table_variable_is_not_seen_by_dynamic_sql(engine: DuckDBEngine) -> None:
    setup = "DECLARE @t TABLE (n INT)"
    assert caught(engine, "EXEC (N'SELECT * FROM @t')", setup) == "1087"


def test_a_declare_that_runs_again_keeps_the_table(engine: DuckDBEngine) -> None:
    assert run(
        engine,
        "DECLARE @i INT = 0\nWHILE @i < 3\nBEGIN\n"
        "    DECLARE @seen TABLE (n INT)\n    INSERT INTO @seen VALUES (@i)\n    SET @i += 1\nEND\n"
        "PRINT (SELECT COUNT(*) FROM @seen)",
    ) == ("3",)


def test_a_table_variable_goes_with_its_batch_and_is_saved_across_rollback(
    engine: DuckDBEngine,
) -> None:
    run(engine, "DECLARE @gone TABLE (n INT)\nINSERT INTO @gone VALUES (1)")
    assert engine.query("SELECT COUNT(*) FROM duckdb_tables() WHERE temporary").scalar() == 0
    assert run(
        engine,
        "DECLARE @kept TABLE (id INT IDENTITY(1, 1), n INT)\n"
        "BEGIN TRANSACTION\nDECLARE @late TABLE (n INT)\n"
        "INSERT INTO @kept (n) VALUES (5)\nINSERT INTO @late VALUES (6)\nROLLBACK\n"
        "PRINT CONCAT((SELECT n FROM @kept), ' ', (SELECT n FROM @late))",
    ) == ("5 6",)


def test_output_into_a_table_variable_from_an_update(engine: DuckDBEngine) -> None:
    assert run(
        engine,
        "CREATE TABLE dbo.prices (id INT, price INT)\n"
        "INSERT INTO dbo.prices VALUES (1, 10), (2, 20)\n"
        "DECLARE @changes TABLE (id INT, old INT, new INT)\n"
        "UPDATE dbo.prices SET price = price * 2\n"
        "OUTPUT inserted.id, deleted.price, inserted.price INTO @changes\nWHERE id = 2\n"
        "PRINT (SELECT CONCAT(id, ':', old, '->', new) FROM @changes)",
    ) == ("2:20->40",)


# -- cursors ------------------------------------------------------------------------------------
def test_a_static_cursor_reads_its_rows_when_it_opens(engine: DuckDBEngine) -> None:
    """Rows the loop adds are not fetched: the cursor holds what OPEN read."""
    assert run(
        engine,
        "CREATE TABLE dbo.queue (n INT)\nINSERT INTO dbo.queue VALUES (1), (2)\n"
        "DECLARE @n INT\nDECLARE q CURSOR STATIC FOR SELECT n FROM dbo.queue ORDER BY n\n"
        "OPEN q\nFETCH NEXT FROM q INTO @n\nWHILE @@FETCH_STATUS = 0\nBEGIN\n"
        "    INSERT INTO dbo.queue VALUES (@n + 10)\n    PRINT @n\n    FETCH NEXT FROM q INTO @n\n"
        "END\nCLOSE q\nDEALLOCATE q\nPRINT (SELECT COUNT(*) FROM dbo.queue)",
    ) == ("1", "2", "4")


def test_a_global_cursor_outlives_its_procedure_a_local_one_does_not(
    engine: DuckDBEngine,
) -> None:
    run(
        engine,
        "CREATE PROCEDURE dbo.usp_cursors AS\n"
        "DECLARE kept CURSOR GLOBAL FOR SELECT 1\nDECLARE gone CURSOR LOCAL FOR SELECT 2",
    )
    run(engine, "EXEC dbo.usp_cursors")
    assert caught(engine, "OPEN gone") == "16916"
    assert run(engine, "DECLARE @v INT\nOPEN kept\nFETCH kept INTO @v\nPRINT @v") == ("1",)
    assert caught(engine, "EXEC dbo.usp_cursors") == "16915"  # kept exists already


@pytest.mark.parametrize(
    ("statements", "number"),
    [
        ("CLOSE c", 16917),  # not open
        ("OPEN c\nOPEN c", 16905),
        ("OPEN c\nDECLARE @a INT\nFETCH NEXT FROM c INTO @a", 16924),  # two columns, one variable
        ("DEALLOCATE c\nFETCH NEXT FROM c", 16916),
    ],
)
def test_cursor_errors(engine: DuckDBEngine, statements: str, number: int) -> None:
    setup = "DECLARE c CURSOR LOCAL FOR SELECT 1 AS a, 2 AS b"
    assert caught(engine, statements, setup) == str(number)


def test_fetch_sets_rowcount_to_1_and_close_to_0(engine: DuckDBEngine) -> None:
    assert run(
        engine,
        "DECLARE c CURSOR FOR SELECT 1 UNION ALL SELECT 2\nOPEN c\nFETCH NEXT FROM c\n"
        "PRINT @@ROWCOUNT\nCLOSE c\nPRINT @@ROWCOUNT\nDEALLOCATE c",
    ) == ("1", "0")


# -- GOTO ---------------------------------------------------------------------------------------
def test_goto_leaves_nested_blocks_and_try(engine: DuckDBEngine) -> None:
    assert run(
        engine,
        "DECLARE @i INT = 0\nWHILE 1 = 1\nBEGIN\n  SET @i += 1\n  BEGIN TRY\n"
        "    IF @i = 3 BEGIN GOTO done END\n  END TRY\n  BEGIN CATCH PRINT 'no' END CATCH\nEND\n"
        "PRINT 'skipped'\ndone:\nPRINT @i",
    ) == ("3",)


def test_goto_into_a_block_is_refused_before_anything_runs(engine: DuckDBEngine) -> None:
    with pytest.raises(UnsupportedConstruct) as refused:
        run(engine, "PRINT 'first'\nGOTO inside\nIF 1 = 1\nBEGIN\n  inside:\n  PRINT 1\nEND")
    assert str(refused.value).startswith("inline.sql:2:1: GOTO: GOTO inside: jumping into")


# -- functions ----------------------------------------------------------------------------------
def test_a_function_body_may_read_only_its_parameters(engine: DuckDBEngine) -> None:
    with pytest.raises(UnsupportedConstruct, match="may read only its parameters, not @@ROWCOUNT"):
        run(
            engine, "CREATE FUNCTION dbo.f (@a INT) RETURNS INT AS BEGIN RETURN @a + @@ROWCOUNT END"
        )


def test_a_function_converts_its_arguments_and_result_as_declared(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE FUNCTION dbo.f_short (@s NVARCHAR(3)) RETURNS NVARCHAR(5)\n"
        "AS BEGIN RETURN CONCAT(@s, N'-xyz') END",
    )
    assert run(engine, "PRINT dbo.f_short(N'abcdef')") == ("abc-x",)
    run(engine, "DROP FUNCTION dbo.f_short")
    with pytest.raises(StatementFailed):
        run(engine, "PRINT dbo.f_short(N'a')")
