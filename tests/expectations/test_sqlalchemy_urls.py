"""GX's SQL datasource reaches the engine's own database: the SQLAlchemy URL each server
engine offers connects (PostgreSQL, on the throwaway cluster) or carries the engine's exact
ODBC connection string (SQL Server, checked without a server); DuckDB offers none."""

from __future__ import annotations

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.engines.mssql import SqlServerEngine
from etlcheck.engines.mssql.odbc import connection_string, parse_mssql_url


@pytest.mark.duckdb
def test_duckdb_offers_no_sqlalchemy_url() -> None:
    with DuckDBEngine(None) as engine:
        assert engine.sqlalchemy_url() is None
        assert engine.exports_tables and engine.row_locator == "rowid"


@pytest.mark.postgres
def test_the_postgres_url_connects_to_the_engines_database(postgres_server: Engine) -> None:
    import sqlalchemy

    url = postgres_server.sqlalchemy_url()
    assert url is not None and url.startswith("postgresql+psycopg://")
    connection_engine = sqlalchemy.create_engine(url)
    try:
        with connection_engine.connect() as connection:
            name = connection.execute(sqlalchemy.text("SELECT current_database()")).scalar()
    finally:
        connection_engine.dispose()
    assert name == postgres_server.query("SELECT current_database()").scalar()


def test_the_sql_server_url_carries_the_engines_connection_string() -> None:
    from sqlalchemy.engine import make_url

    engine = SqlServerEngine("mssql://sa:p%40ss;w{rd}@db.example:1433/etlcheck_ci")
    assert engine.sqlalchemy_url() is None  # no server known before start
    engine.address = parse_mssql_url("mssql://sa:p%40ss;w{rd}@db.example:1433/etlcheck_ci")
    engine.driver = "ODBC Driver 18 for SQL Server"
    url = engine.sqlalchemy_url()
    assert url is not None
    parsed = make_url(url)
    assert parsed.drivername == "mssql+pyodbc"
    assert parsed.query["odbc_connect"] == connection_string(engine.address, engine.driver)
