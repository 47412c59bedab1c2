"""Stored procedures on DuckDB: where their errors are reported, what a new session reads
back from the database, transactions, nesting and the scope of what they create.
(SQL Server's documented results for each construct are in tests/tsql/conformance/.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed, UnsupportedConstruct
from etlcheck.tsql.scope import Session

pytestmark = pytest.mark.duckdb
FIXTURES = Path(__file__).parent / "fixtures"


def run(engine: DuckDBEngine, script: str, name: str = "inline.sql") -> tuple[str, ...]:
    return engine.run_script(script, Path(name)).messages


def test_an_error_in_a_procedure_is_reported_where_the_procedure_says_it(
    engine: DuckDBEngine,
) -> None:
    defined = FIXTURES / "procedures_defined.sql"
    engine.run_script(defined.read_text(), defined)
    with pytest.raises(StatementFailed) as raised:
        run(engine, "PRINT 'calling'\nEXEC dbo.usp_note 1, N'one'", "later.sql")
    location = raised.value.location
    assert location is not None
    assert (Path(location.path).name, location.line, location.column) == (
        "procedures_defined.sql",
        9,
        5,
    )
    assert raised.value.statement == "SELECT CAST(@note AS INT) AS converted"
    # The statement before it ran: an uncaught error ends the step, as under XACT_ABORT.
    assert engine.query("SELECT id, note FROM dbo.audit").rows == [(1, "one")]


def test_a_new_session_reads_procedures_back_from_the_database(engine: DuckDBEngine) -> None:
    defined = FIXTURES / "procedures_defined.sql"
    engine.run_script(defined.read_text(), defined)
    engine.tsql_session = Session()  # as a resumed run in a new process
    assert run(engine, "EXEC dbo.usp_note 2, N'2'\nPRINT (SELECT COUNT(*) FROM dbo.audit)") == (
        "1",
    )
    engine.tsql_session = Session()
    with pytest.raises(StatementFailed) as raised:
        run(engine, "EXEC dbo.usp_note 3, N'three'")
    location = raised.value.location
    assert location is not None and (location.line, location.column) == (9, 5)
    assert Path(location.path).name == "procedures_defined.sql"


def test_nesting_temp_tables_and_dynamic_sql_inside_a_procedure(engine: DuckDBEngine) -> None:
    state = FIXTURES / "procedure_state.sql"
    assert engine.run_script(state.read_text(), state).messages == (
        "1/0/0/gone",  # @@NESTLEVEL, @@PROCID is the procedure's id, no transaction
        "temp tables gone",
        "2",  # the dynamic SQL ran one level below the procedure
    )


def test_create_procedure_is_undone_by_rollback(engine: DuckDBEngine) -> None:
    run(engine, "CREATE PROCEDURE dbo.usp_kept AS PRINT 'kept'")
    run(engine, "BEGIN TRANSACTION\nEXEC (N'CREATE PROCEDURE dbo.usp_undone AS PRINT 1')")
    assert run(engine, "EXEC dbo.usp_undone") == ("1",)
    run(engine, "ROLLBACK")
    with pytest.raises(StatementFailed, match=r"Could not find stored procedure 'dbo\.usp_undone'"):
        run(engine, "EXEC dbo.usp_undone")
    assert run(engine, "EXEC dbo.usp_kept") == ("kept",)


def test_a_procedure_that_leaves_a_transaction_open_is_error_266(engine: DuckDBEngine) -> None:
    run(engine, "CREATE PROCEDURE dbo.usp_opens AS BEGIN TRANSACTION")
    script = "BEGIN TRY EXEC dbo.usp_opens END TRY BEGIN CATCH PRINT ERROR_NUMBER() END CATCH"
    assert run(engine, script + "\nPRINT @@TRANCOUNT\nROLLBACK") == ("266", "1")


P_A = "CREATE PROCEDURE dbo.p @a INT AS PRINT @a"


@pytest.mark.parametrize(
    ("setup", "statement", "number"),
    [
        ("", "EXEC (N'CREATE PROCEDURE nowhere.p AS PRINT 1')", 2760),  # no such schema
        (P_A, "EXEC (N'CREATE PROCEDURE dbo.p AS PRINT 2')", 2714),
        ("", "EXEC (N'ALTER PROCEDURE dbo.never AS PRINT 1')", 208),
        (
            "CREATE TABLE dbo.t (a INT)",
            "EXEC (N'CREATE OR ALTER PROCEDURE dbo.t AS PRINT 1')",
            2010,
        ),
        ("CREATE FUNCTION dbo.f() RETURNS INT AS BEGIN RETURN 1 END", "EXEC dbo.f", 2809),
        (P_A, "EXEC dbo.p 1 + 1", 102),  # an expression is no argument
        (P_A, "EXEC dbo.p @a = 1, 2", 119),
        (P_A, "EXEC dbo.p @a = 1, @a = 2", 8143),
        (P_A, "EXEC dbo.p @a = 1 OUTPUT", 179),
        (P_A, "DECLARE @v INT\nEXEC dbo.p @v OUTPUT", 8162),
        ("", "EXEC (N'RETURN 5')", 178),  # a status only in a procedure
    ],
)
def test_what_sql_server_refuses_fails_with_its_error_number(
    engine: DuckDBEngine, setup: str, statement: str, number: int
) -> None:
    if setup:
        run(engine, setup)
    caught = f"BEGIN TRY\n{statement}\nEND TRY\nBEGIN CATCH PRINT ERROR_NUMBER() END CATCH"
    assert run(engine, caught) == (str(number),)


def test_create_procedure_must_start_its_batch(engine: DuckDBEngine) -> None:
    with pytest.raises(StatementFailed) as raised:
        run(engine, "PRINT 1\nCREATE PROCEDURE dbo.p AS PRINT 1")
    assert raised.value.message == (
        "'CREATE/ALTER PROCEDURE' must be the first statement in a query batch."
    )
    assert str(raised.value).startswith("inline.sql:2:1:")


def test_return_null_is_status_0_with_sql_servers_message(engine: DuckDBEngine) -> None:
    run(engine, "CREATE PROCEDURE dbo.usp_null AS RETURN NULL")
    assert run(engine, "DECLARE @rc INT = 9\nEXEC @rc = dbo.usp_null\nPRINT @rc") == (
        "The 'usp_null' procedure attempted to return a status of NULL, which is not allowed. "
        "A status of 0 will be returned instead.",
        "0",
    )


def test_a_procedure_in_a_transaction_the_caller_rolls_back(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.rows (n INT)\nGO\n"
        "CREATE PROCEDURE dbo.usp_add @n INT AS INSERT INTO dbo.rows VALUES (@n)",
    )
    run(engine, "BEGIN TRANSACTION\nEXEC dbo.usp_add 1\nEXEC dbo.usp_add 2\nROLLBACK")
    run(engine, "EXEC dbo.usp_add 3")
    assert engine.query("SELECT n FROM dbo.rows").rows == [(3,)]


def test_a_trigger_is_refused_before_it_runs(engine: DuckDBEngine) -> None:
    with pytest.raises(UnsupportedConstruct, match="CREATE TRIGGER: triggers are not supported"):
        run(engine, "CREATE TRIGGER dbo.trg ON dbo.t AFTER INSERT AS PRINT 1")
