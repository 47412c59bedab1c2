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
