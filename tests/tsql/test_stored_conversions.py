"""Text stored into typed columns without a CAST, in the forms beyond ISO 8601 that SQL
Server reads (the conformance script ``stored-conversions`` runs the ISO forms on both
engines): PostgreSQL converts them as SQL Server does; DuckDB stops the step, loudly, at
the statement (a known difference the README states)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed

SCRIPT = """DROP TABLE IF EXISTS dbo.loaded_days;
DROP TABLE IF EXISTS dbo.staged_days;
CREATE TABLE dbo.staged_days (compact VARCHAR(8), us NVARCHAR(10), named NVARCHAR(12));
INSERT INTO dbo.staged_days VALUES ('20240229', N'02/29/2024', N'Feb 29 2024');
CREATE TABLE dbo.loaded_days (compact DATE, us DATE, named DATETIME);
INSERT INTO dbo.loaded_days SELECT compact, us, named FROM dbo.staged_days;
PRINT (SELECT CONCAT(CONVERT(VARCHAR(10), compact, 120), ' ', CONVERT(VARCHAR(10), us, 120),
    ' ', CONVERT(VARCHAR(19), named, 120)) FROM dbo.loaded_days);
"""


@pytest.mark.postgres
def test_postgresql_stores_the_forms_sql_server_reads(postgres: Engine) -> None:
    result = postgres.run_script(SCRIPT, Path("load.sql"))
    assert result.messages == ("2024-02-29 2024-02-29 2024-02-29 00:00:00",)


@pytest.mark.duckdb
def test_duckdb_stops_at_the_statement_that_stores_them() -> None:
    with DuckDBEngine(None) as engine, pytest.raises(StatementFailed) as failed:
        engine.run_script(SCRIPT, Path("load.sql"))
    message = str(failed.value)
    assert "load.sql:6:1" in message
    assert '"20240229" (DuckDB converts text to a date or datetime without a CAST only' in message
    assert "CAST the text to date or datetime" in message


@pytest.mark.duckdb
def test_duckdb_says_how_to_write_a_literal_compared_with_a_date_column() -> None:
    script = (
        "DROP TABLE IF EXISTS dbo.days; CREATE TABLE dbo.days (d DATE);\n"
        "INSERT INTO dbo.days VALUES ('2024-01-05');\n"
        "PRINT (SELECT COUNT(*) FROM dbo.days WHERE d >= '20240101');"
    )
    with DuckDBEngine(None) as engine, pytest.raises(StatementFailed) as failed:
        engine.run_script(script, Path("filter.sql"))
    assert "filter.sql:3:7" in str(failed.value)
    assert "write '2024-01-31'" in str(failed.value)
