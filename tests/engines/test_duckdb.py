"""The embedded DuckDB engine: a SQL Server-like session with catalog emulation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import EngineError

pytestmark = pytest.mark.duckdb


def test_start_prepares_a_sql_server_like_session() -> None:
    with DuckDBEngine() as engine:
        assert engine.schemas() == ["dbo"]
        engine.run_script("CREATE TABLE plain (a INT)", Path("s.sql"))
        assert engine.query("SELECT count(*) FROM dbo.plain").scalar() == 0
        assert engine.query("SELECT 7 / 2").scalar() == 3
        assert engine.query("SELECT 'ABC' = 'abc'").scalar() is True


def test_file_database_survives_reopening(tmp_path: Path) -> None:
    database = tmp_path / "sub" / "run.duckdb"
    with DuckDBEngine(str(database)) as engine:
        engine.run_script("CREATE SCHEMA etl\nGO\nCREATE TABLE etl.t (a INT)", Path("s.sql"))
    with DuckDBEngine(str(database)) as engine:
        assert engine.schemas() == ["dbo", "etl"]
        result = engine.run_script("IF OBJECT_ID('etl.t') IS NOT NULL PRINT 'kept'", Path("s.sql"))
        assert result.messages == ("kept",)


def test_load_frame_and_execute_count_rows() -> None:
    with DuckDBEngine() as engine:
        engine.load_frame("raw_data", "people", pd.DataFrame({"name": ["a", "b"]}))
        assert engine.execute("DELETE FROM raw_data.people WHERE name = 'a'") == 1
        assert engine.query("SELECT name FROM raw_data.people").rows == [("b",)]
        assert "raw_data" in engine.schemas()


def test_closed_engine_says_so() -> None:
    engine = DuckDBEngine().start()
    engine.close()
    with pytest.raises(EngineError, match="not started"):
        engine.query("SELECT 1")


def test_unopenable_database_is_an_engine_error(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="cannot open DuckDB database"):
        DuckDBEngine(str(tmp_path)).start()


@pytest.mark.parametrize("stem", ["memory", "temp", "Main", "it's run", "etl", "dbo"])
def test_any_file_name_opens_and_reopens(tmp_path: Path, stem: str) -> None:
    # The file is attached as "<stem>_db": never one of DuckDB's reserved catalog names,
    # and never the name of a schema the scripts use (that made etl.t ambiguous).
    database = tmp_path / f"{stem}.duckdb"
    script = "CREATE SCHEMA etl\nGO\nCREATE TABLE etl.t (a INT); INSERT INTO etl.t VALUES (1)"
    with DuckDBEngine(str(database)) as engine:
        engine.run_script(script, Path("s"))
        engine.run_script("SELECT a INTO dbo.u FROM etl.t", Path("s"))
    with DuckDBEngine(str(database)) as engine:
        assert engine.query("SELECT count(*) FROM dbo.u").scalar() == 1
        messages = engine.run_script("PRINT DB_NAME(); PRINT OBJECT_ID('etl.t')", Path("s"))
        assert messages.messages[0] == f"{stem}_db"
        assert messages.messages[1] != ""


def test_file_tables_use_the_smaller_row_groups(tmp_path: Path) -> None:
    from etlcheck.engines.duckdb.adapter import ROW_GROUP_SIZE

    with DuckDBEngine(str(tmp_path / "rows.duckdb")) as engine:
        engine.execute(f"CREATE TABLE dbo.t AS SELECT range AS a FROM range({ROW_GROUP_SIZE * 3})")
        groups = engine.query(
            "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('dbo.t')"
        ).scalar()
    assert groups == 3


def test_catch_after_an_aborted_transaction_works_on_a_file(tmp_path: Path) -> None:
    # The side cursor that evaluates expressions while a transaction is aborted must look
    # at the attached file, not at the connection's empty in-memory catalog.
    with DuckDBEngine(str(tmp_path / "aside.duckdb")) as engine:
        engine.run_script("CREATE TABLE dbo.k (id INT PRIMARY KEY)", Path("s"))
        result = engine.run_script(
            "BEGIN TRY BEGIN TRANSACTION; INSERT INTO dbo.k VALUES (1), (1); COMMIT; END TRY\n"
            "BEGIN CATCH PRINT CONCAT(ERROR_NUMBER(), ' ', DB_NAME(), ' ', SCHEMA_NAME()); "
            "IF @@TRANCOUNT > 0 ROLLBACK; END CATCH",
            Path("s"),
        )
    assert result.messages == ("2627 aside_db dbo",)


def test_insert_frame_appends_straight_from_the_frame() -> None:
    with DuckDBEngine() as engine:
        engine.execute("CREATE TABLE dbo.appended (id INT, amount DECIMAL(6, 2))")
        frame = pd.DataFrame({"id": [1, 2], "amount": ["1.255", None]})
        expressions = ['CAST("id" AS INT)', 'CAST("amount" AS DECIMAL(6, 2))']
        engine.insert_frame("dbo", "appended", frame, expressions)
        engine.insert_frame("dbo", "appended", frame.head(1), expressions)
        rows = engine.query("SELECT id, CAST(amount AS VARCHAR) FROM dbo.appended ORDER BY id")
        assert rows.rows == [(1, "1.26"), (1, "1.26"), (2, None)]
        tables = "SELECT count(*) FROM duckdb_tables() WHERE schema_name <> 'sys'"
        assert engine.query(tables).scalar() == 1  # no holding table left behind


def test_interrupt_after_the_connection_closed_is_quiet() -> None:
    """The interrupting thread of a signal may reach a connection the run is closing
    (DuckDB raises "Connection already closed" there): nothing is left to stop."""
    import duckdb

    engine = DuckDBEngine().start()
    connection = engine.connection
    connection.close()  # closed, but not yet forgotten: the moment inside close()
    with pytest.raises(duckdb.ConnectionException):
        connection.interrupt()  # what interrupt() meets there
    engine.interrupt()
    engine.close()
    engine.interrupt()


def test_nested_conversions_bind_without_copies_of_their_argument(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DuckDB copies a macro's argument wherever the macro uses it: the integer conversion
    of text (a type dispatch) around a style conversion of a date made a statement that
    took most of a second to bind, in every pass of a date dimension's loop. Text the
    statement shows goes straight to the text reading, and no text wrapper is added around
    what cannot be a boolean."""
    ran: list[str] = []
    query = DuckDBEngine.query

    def recording(self: DuckDBEngine, sql: str, *args: object, **kwargs: object) -> object:
        ran.append(sql)
        return query(self, sql, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(DuckDBEngine, "query", recording)
    script = (
        "DECLARE @d DATE = '20240105';\n"
        "PRINT CONVERT(INT, CONVERT(CHAR(8), @d, 112));\n"
        "PRINT TRY_CAST(N' -7 ' AS INT) + TRY_CAST(N'' AS BIGINT);\n"
        "PRINT COALESCE(CAST(TRY_CAST(N'7.5' AS SMALLINT) AS NVARCHAR(5)), N'none');\n"
    )
    with DuckDBEngine() as engine:
        assert engine.run_script(script, Path("dates.sql")).messages == ("20240105", "-7", "none")
        with pytest.raises(
            Exception, match="Conversion failed when converting the varchar value 'x'"
        ):
            engine.run_script("PRINT CAST(N'x' AS INT);", Path("bad.sql"))
    converted = next(sql for sql in ran if "etlcheck_style_text" in sql)
    assert "etlcheck_integer_text" in converted
    assert "etlcheck_int(" not in converted and "etlcheck_text(" not in converted
