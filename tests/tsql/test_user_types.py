"""User-defined types on both engines: CREATE TYPE ... AS TABLE and DROP TYPE, DECLARE @x
of a table type, table-valued parameters (READONLY), and alias types (CREATE TYPE ...
FROM base_type). Documented results: tests/tsql/conformance/table-type-parameter.sql,
alias-types.sql and alter-add-alias-column.sql."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql.compat import classify
from etlcheck.tsql.scope import Session
from tests.engine_params import BOTH_ENGINES, throwaway_postgres


@pytest.fixture(params=BOTH_ENGINES, scope="module")
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """One engine per module: each test names its own types."""
    if request.param == "duckdb":
        with DuckDBEngine(None) as duckdb:
            duckdb.create_schema("dbo")
            duckdb.create_schema("s")
            yield duckdb
        return
    with throwaway_postgres() as started:
        started.create_schema("s")
        yield started


def run(engine: Engine, script: str) -> tuple[str, ...]:
    return engine.run_script(script, Path("t.sql")).messages


def caught(statement: str) -> str:
    return f"BEGIN TRY\n{statement}\nEND TRY\nBEGIN CATCH PRINT ERROR_NUMBER() END CATCH\n"


# -- CREATE TYPE ... AS TABLE -------------------------------------------------------------------
def test_a_table_type_declares_a_table_variable_with_its_columns_and_keys(
    engine: Engine,
) -> None:
    run(engine, "CREATE TYPE s.IdList1 AS TABLE (Id INT NOT NULL PRIMARY KEY, Note NVARCHAR(5))")
    assert run(
        engine,
        "DECLARE @ids s.IdList1;\nINSERT INTO @ids (Id) VALUES (1), (2);\n"
        "PRINT (SELECT COUNT(*) FROM @ids);\n"
        + caught("INSERT INTO @ids (Id) VALUES (1);")
        + caught("INSERT INTO @ids (Id) VALUES (NULL);"),
    ) == ("2", "2627", "515")


def test_a_table_type_variable_checks_rows_as_a_declared_table_variable_does(
    engine: Engine,
) -> None:
    """Lengths (2628, also of an alias column), CHECK (547) and UNIQUE (2627) on every
    write: the variable is made from the type's columns as DECLARE @t TABLE is."""
    run(
        engine,
        "CREATE TYPE s.Code17 FROM NVARCHAR(3) NOT NULL\n"
        "CREATE TYPE s.Rows17 AS TABLE (id INT PRIMARY KEY, code s.Code17, note NVARCHAR(2),\n"
        "    n INT CHECK (n > 0), UNIQUE (n))",
    )
    assert run(
        engine,
        "DECLARE @t s.Rows17\nINSERT INTO @t VALUES (1, N'ab', NULL, 1), (2, N'cd', NULL, 2)\n"
        + caught("INSERT INTO @t VALUES (3, N'abcd', NULL, 3)")
        + caught("INSERT INTO @t SELECT 3, N'ab', N'xyz', 3")
        + caught("UPDATE @t SET code = N'abcdef' WHERE id = 1")
        + caught("UPDATE @t SET n = 0 WHERE id = 1")
        + caught("UPDATE @t SET n = 2 WHERE id = 1")
        + "CREATE TABLE #src17 (id INT)\nINSERT INTO #src17 VALUES (1)\n"
        + caught("UPDATE #src17 SET id = 5 OUTPUT inserted.id, N'long', NULL, 5 INTO @t")
        + "PRINT (SELECT STRING_AGG(CONCAT(id, code, n), ',') WITHIN GROUP (ORDER BY id) FROM @t)",
    ) == ("2628", "2628", "2628", "547", "2627", "2628", "1ab1,2cd2")


def test_a_type_lasts_across_sessions_and_a_rollback_undoes_its_creation(engine: Engine) -> None:
    run(engine, "CREATE TYPE s.Kept2 AS TABLE (a INT)")
    run(engine, "BEGIN TRANSACTION\nCREATE TYPE s.Undone2 AS TABLE (a INT)\nROLLBACK")
    assert run(
        engine,
        "DECLARE @k s.Kept2\nINSERT INTO @k VALUES (7)\nPRINT (SELECT a FROM @k)\n"
        + caught("DECLARE @u s.Undone2"),
    ) == ("7", "2715")


def test_create_type_twice_and_drop_type_give_sql_servers_errors(engine: Engine) -> None:
    assert run(
        engine,
        "CREATE TYPE s.Twice3 AS TABLE (a INT)\n"
        + caught("CREATE TYPE s.Twice3 AS TABLE (b INT)")
        + "DROP TYPE s.Twice3\n"
        + caught("DROP TYPE s.Twice3")
        + "DROP TYPE IF EXISTS s.Twice3\n"
        + caught("DECLARE @t s.Twice3")
        + caught("CREATE TYPE nowhere.T AS TABLE (a INT)"),
    ) == ("219", "218", "2715", "2760")


def test_the_compatibility_pass_lets_a_table_type_through(engine: Engine) -> None:
    script = (
        "CREATE TYPE s.Ids4 AS TABLE (Id INT PRIMARY KEY)\nGO\n"
        "DECLARE @ids s.Ids4\nINSERT INTO @ids VALUES (1)\nSELECT Id FROM @ids\n"
        "DECLARE @elsewhere s.MadeInAnotherScript\n"
    )
    emulation = engine.tsql_emulation()
    assert emulation is not None
    assert classify(script, "t.sql", emulation) == ()


def test_a_table_type_with_options_is_refused_where_it_is_written(engine: Engine) -> None:
    with pytest.raises(UnsupportedConstruct) as refused:
        run(engine, "CREATE TYPE s.Opt5 AS TABLE (a INT) WITH (MEMORY_OPTIMIZED = ON)")
    assert "table type options are not supported" in str(refused.value)


# -- table-valued parameters --------------------------------------------------------------------
TOTAL = """
CREATE PROCEDURE s.usp_Total6 @Ids s.Ids6 READONLY, @Label NVARCHAR(10) = N'total'
AS
PRINT CONCAT(@Label, ' ', (SELECT COUNT(*) FROM @Ids), ' ',
    ISNULL((SELECT SUM(o.Amount) FROM s.Orders6 o JOIN @Ids i ON i.OrderId = o.OrderId), 0));
"""


def test_a_table_valued_parameter_sees_the_rows_passed_by_position_or_name(
    engine: Engine,
) -> None:
    run(
        engine,
        "CREATE TYPE s.Ids6 AS TABLE (OrderId INT NOT NULL PRIMARY KEY)\n"
        "CREATE TABLE s.Orders6 (OrderId INT, Amount INT)\n"
        "INSERT INTO s.Orders6 VALUES (1, 10), (2, 20), (3, 30)",
    )
    run(engine, TOTAL)
    assert run(
        engine,
        "DECLARE @ids s.Ids6\nINSERT INTO @ids VALUES (1), (3)\n"
        "EXEC s.usp_Total6 @ids\nEXEC s.usp_Total6 @Label = N'named', @Ids = @ids\n"
        "EXEC s.usp_Total6\nEXEC s.usp_Total6 DEFAULT, N'default'\n"
        "BEGIN TRANSACTION\nEXEC s.usp_Total6 @ids, N'in tran'\nROLLBACK\n"
        "PRINT (SELECT COUNT(*) FROM @ids)",
    ) == ("total 2 40", "named 2 40", "total 0 0", "default 0 0", "in tran 2 40", "2")


def test_sp_executesql_passes_a_table_valued_parameter(engine: Engine) -> None:
    run(engine, "CREATE TYPE s.Ids7 AS TABLE (Id INT)")
    assert run(
        engine,
        "DECLARE @ids s.Ids7\nINSERT INTO @ids VALUES (4), (5)\n"
        "EXEC sp_executesql N'PRINT (SELECT SUM(Id) FROM @t)', N'@t s.Ids7 READONLY', @t = @ids",
    ) == ("9",)


def test_a_table_valued_parameter_must_be_readonly_and_is_not_written(engine: Engine) -> None:
    run(engine, "CREATE TYPE s.Ids8 AS TABLE (Id INT)")
    assert run(
        engine,
        caught("EXEC (N'CREATE PROCEDURE s.usp_Writes8 @Ids s.Ids8 READONLY AS DELETE FROM @Ids')")
        + caught(
            "EXEC (N'CREATE PROCEDURE s.usp_Output8 @Ids s.Ids8 READONLY AS "
            "UPDATE s.Orders6 SET Amount = 0 OUTPUT inserted.OrderId INTO @Ids')"
        )
        + caught("EXEC (N'CREATE PROCEDURE s.usp_Plain8 @Ids s.Ids8 AS SELECT 1')")
        + caught("EXEC (N'CREATE PROCEDURE s.usp_Missing8 @Ids s.Nowhere8 READONLY AS SELECT 1')"),
    ) == ("10700", "10700", "352", "2715")


def test_a_procedure_with_a_table_valued_parameter_is_read_back_in_a_new_session(
    engine: Engine,
) -> None:
    run(engine, "CREATE TYPE s.Ids9 AS TABLE (Id INT)")
    run(
        engine,
        "CREATE PROCEDURE s.usp_Count9 @Ids s.Ids9 READONLY AS PRINT (SELECT COUNT(*) FROM @Ids)",
    )
    engine.tsql_session = Session()  # type: ignore[attr-defined]  # a resumed run
    assert run(engine, "DECLARE @i s.Ids9\nINSERT INTO @i VALUES (1)\nEXEC s.usp_Count9 @i") == (
        "1",
    )


def test_a_function_with_a_table_valued_parameter_is_refused(engine: Engine) -> None:
    with pytest.raises(UnsupportedConstruct) as refused:
        run(
            engine,
            "CREATE FUNCTION s.fn_Count10 (@Ids s.Ids9 READONLY) RETURNS INT AS BEGIN RETURN 1 END",
        )
    assert "table-valued parameters of functions are not supported" in str(refused.value)


# -- alias types --------------------------------------------------------------------------------
def test_an_alias_type_is_its_base_type_for_variables_parameters_and_columns(
    engine: Engine,
) -> None:
    run(
        engine,
        "CREATE TYPE s.Code11 FROM NVARCHAR(3) NOT NULL\nCREATE TYPE s.Amount11 FROM DECIMAL(9, 2)",
    )
    run(
        engine,
        "CREATE PROCEDURE s.usp_Show11 @c s.Code11, @a s.Amount11 = 1 AS PRINT CONCAT(@c, '|', @a)",
    )
    assert run(
        engine,
        "DECLARE @a s.Amount11 = 3.14159\nPRINT @a\n"
        "EXEC s.usp_Show11 N'abcdef', 2.5\n"
        "EXEC sp_executesql N'PRINT @x', N'@x s.Amount11', @x = 7.777\n"
        "CREATE TABLE s.Items11 (id INT, code s.Code11, note [s].[Code11] NULL,\n"
        "    amount s.Amount11)\n"
        "INSERT INTO s.Items11 VALUES (1, N'abc', NULL, 1.234)\n"
        "PRINT (SELECT CONCAT(code, ' ', amount) FROM s.Items11)\n"
        + caught("INSERT INTO s.Items11 VALUES (2, NULL, NULL, 1)")
        + "DECLARE @t TABLE (c s.Code11)\n"
        + caught("INSERT INTO @t VALUES (NULL)"),
    ) == ("3.14", "abc|2.50", "7.78", "abc 1.23", "515", "515")


def test_a_table_type_may_have_columns_of_an_alias_type(engine: Engine) -> None:
    run(engine, "CREATE TYPE s.Code12 FROM NVARCHAR(2) NOT NULL")
    run(engine, "CREATE TYPE s.Lines12 AS TABLE (code s.Code12, n INT)")
    assert run(
        engine,
        "DECLARE @l s.Lines12\n"
        + caught("INSERT INTO @l VALUES (NULL, 1)")
        + "INSERT INTO @l VALUES (N'xy', 2)\nPRINT (SELECT CONCAT(code, n) FROM @l)",
    ) == ("515", "xy2")


def test_a_column_of_a_missing_type_gives_error_2715(engine: Engine) -> None:
    assert run(
        engine,
        "BEGIN TRY\nEXEC (N'CREATE TABLE s.Bad13 (a INT, b s.Nope13)')\nEND TRY\n"
        "BEGIN CATCH PRINT ERROR_NUMBER() PRINT ERROR_MESSAGE() END CATCH",
    ) == ("2715", "Column, parameter, or variable #2: Cannot find data type s.Nope13.")


def test_the_compatibility_pass_gives_alias_columns_their_base_type(engine: Engine) -> None:
    script = (
        "CREATE TYPE s.Code14 FROM NVARCHAR(3)\nGO\n"
        "CREATE TABLE s.t14 (c s.Code14, d s.MadeElsewhere)\n"
        "CREATE TABLE s.u14 (c s.Code14)\n"
        "DECLARE @c s.Code14 = N'x'\nSET @c = N'y'\n"
        "GO\nCREATE PROCEDURE s.p14 @c s.Code14 AS PRINT @c\n"
    )
    emulation = engine.tsql_emulation()
    assert emulation is not None
    assert classify(script, "t.sql", emulation) == ()


def test_alter_table_add_gives_a_column_of_an_alias_type_its_base_type(engine: Engine) -> None:
    run(
        engine,
        "CREATE TYPE s.Code15 FROM NVARCHAR(3) NOT NULL\nCREATE TYPE s.Amount15 FROM DECIMAL(9, 2)",
    )
    assert run(
        engine,
        "CREATE TABLE s.t15 (id INT)\n"
        "ALTER TABLE s.t15 ADD code s.Code15, amount [s].[Amount15], note s.Code15 NULL\n"
        "INSERT INTO s.t15 VALUES (1, N'abc', 2.34567, NULL)\n"
        "PRINT (SELECT CONCAT(code, ' ', amount, ' ', ISNULL(note, '-')) FROM s.t15)\n"
        + caught("INSERT INTO s.t15 VALUES (2, NULL, 1, NULL)")
        + caught("EXEC (N'ALTER TABLE s.t15 ADD other s.Nope15')"),
    ) == ("abc 2.35 -", "515", "2715")


def test_the_compatibility_pass_lets_alter_table_add_an_alias_column_through(
    engine: Engine,
) -> None:
    script = (
        "CREATE TYPE s.Code16 FROM NVARCHAR(3)\nGO\n"
        "CREATE TABLE s.t16 (id INT)\nALTER TABLE s.t16 ADD code s.Code16\n"
    )
    emulation = engine.tsql_emulation()
    assert emulation is not None
    assert classify(script, "t.sql", emulation) == ()


# -- TYPE_ID, TYPE_NAME, sys.types, sys.table_types ---------------------------------------------
def test_type_id_type_name_and_sys_types_list_the_types_created(engine: Engine) -> None:
    run(
        engine,
        "CREATE TYPE s.Code18 FROM NVARCHAR(3) NOT NULL\nCREATE TYPE dbo.Amount18 FROM INT\n"
        "CREATE TYPE s.Ids18 AS TABLE (id INT)",
    )
    assert run(
        engine,
        "PRINT CONCAT(IIF(TYPE_ID('s.Code18') > 256, N'y', N'n'),\n"
        "    IIF(TYPE_ID(N'Amount18') = TYPE_ID('[dbo].[Amount18]'), N'y', N'n'),\n"
        "    ISNULL(TYPE_ID('Code18'), 0), ISNULL(TYPE_ID('s.Nope18'), 0))\n"
        "PRINT CONCAT(TYPE_NAME(TYPE_ID('s.Code18')), N' ', TYPE_NAME(TYPE_ID('s.Ids18')))\n"
        "PRINT (SELECT STRING_AGG(CONCAT(SCHEMA_NAME(schema_id), N'.', name, N':',\n"
        "    CAST(is_user_defined AS INT), CAST(is_table_type AS INT)), N',')\n"
        "    WITHIN GROUP (ORDER BY name) FROM sys.types WHERE name LIKE N'%18')\n"
        "PRINT (SELECT COUNT(*) FROM sys.types t WHERE t.name = N'Code18' AND t.is_nullable = 0\n"
        "    AND t.user_type_id = TYPE_ID(N's.Code18') AND t.schema_id = SCHEMA_ID(N's'))\n"
        "PRINT (SELECT STRING_AGG(name, N',') FROM sys.table_types WHERE name LIKE N'%18')\n"
        "IF TYPE_ID(N's.Ids18') IS NOT NULL DROP TYPE s.Ids18\n"
        "PRINT ISNULL(TYPE_ID(N's.Ids18'), 0)\n"
        "BEGIN TRANSACTION\nCREATE TYPE s.Undone18 FROM INT\nROLLBACK\n"
        "PRINT (SELECT COUNT(*) FROM sys.types WHERE name = N'Undone18')",
    ) == ("yy00", "Code18 Ids18", "dbo.Amount18:10,s.Code18:10,s.Ids18:11", "1", "Ids18", "0", "0")


@pytest.mark.parametrize(
    ("statement", "refused"),
    [
        ("PRINT TYPE_ID('int')", "TYPE_ID('int'): the ids of SQL Server's own types"),
        ("PRINT TYPE_ID('sys.sysname')", "TYPE_ID('sys.sysname'): the ids of SQL Server's"),
        ("PRINT TYPE_NAME(56)", "TYPE_NAME(56): the ids of SQL Server's own types"),
        (
            "SELECT TYPE_NAME(c.system_type_id) FROM sys.columns AS c",
            "TYPE_NAME(system_type_id): the ids of SQL Server's own types",
        ),
        (
            "DECLARE @n sysname = N's.T'\nPRINT TYPE_ID(@n)",
            "TYPE_ID(): only a type name written as a string is emulated",
        ),
    ],
)
def test_what_asks_for_sql_servers_own_types_is_refused(
    engine: Engine, statement: str, refused: str
) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, statement)
    assert refused in str(raised.value)
