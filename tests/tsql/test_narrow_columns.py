"""tinyint and bit columns keep SQL Server's values on both engines: PostgreSQL stores both
as smallint, so a CHECK fails a tinyint outside 0 to 255 with error 220, and stops on a bit
other than 0 or 1, which SQL Server would have stored as 1 (a CAST AS BIT converts it)."""

from __future__ import annotations

import pytest

from etlcheck.engines.base import Engine
from tests.engine_params import either_engine, throwaway_postgres  # noqa: F401 (the engine fixture)
from tests.tsql.tsql_scripts import rejected, rows, run

TABLE = """
CREATE SCHEMA ops;
GO
CREATE TABLE ops.retries (id INT NOT NULL PRIMARY KEY, tries TINYINT NOT NULL, active BIT NULL);
INSERT INTO ops.retries VALUES (1, 255, 1), (2, 0, 0), (3, 7, NULL);
"""


def test_a_tinyint_column_refuses_a_write_outside_its_range_with_error_220(engine: Engine) -> None:
    run(engine, TABLE)
    caught = """
    BEGIN TRY
        {}
    END TRY
    BEGIN CATCH
        PRINT CONCAT(ERROR_NUMBER(), ' ', ERROR_MESSAGE());
    END CATCH;
    """
    (updated,) = run(
        engine, caught.format("UPDATE ops.retries SET tries = tries - 1 WHERE id = 2;")
    )
    if engine.name == "postgres":
        assert updated == "220 Arithmetic overflow error for data type tinyint, value = -1."
    else:  # DuckDB subtracts in tinyint and says so: SQL Server's int result would be -1
        assert updated == "220 Out of Range Error: Overflow in subtraction of UINT8 (0 - 1)!"
    assert run(engine, caught.format("INSERT INTO ops.retries (id, tries) VALUES (4, 256);")) == (
        "220 Arithmetic overflow error for data type tinyint, value = 256.",
    )
    assert rows(engine, "SELECT id, tries FROM ops.retries ORDER BY id") == [
        (1, 255),
        (2, 0),
        (3, 7),
    ]


def test_a_bit_written_through_cast_is_1_for_any_nonzero_value(engine: Engine) -> None:
    run(engine, TABLE)
    run(engine, "UPDATE ops.retries SET active = CAST(tries AS BIT);")
    assert rows(engine, "SELECT id, active FROM ops.retries ORDER BY id") in (
        [(1, 1), (2, 0), (3, 1)],
        [(1, True), (2, False), (3, True)],
    )


@pytest.mark.postgres
def test_postgres_stops_on_a_bit_column_given_another_number() -> None:
    with throwaway_postgres(dbo=False) as postgres:
        run(postgres, TABLE)
        failure = rejected(postgres, "UPDATE ops.retries SET active = tries WHERE id = 3;")
        assert str(failure).endswith(
            "etlcheck: 7 written into bit column 'active' of table 'ops.retries': SQL Server "
            "stores 1 for any value other than 0, which PostgreSQL cannot do as it stores it; "
            "CAST the value AS BIT, which converts it as SQL Server does, or run on "
            "--engine duckdb"
        )
        assert rows(postgres, "SELECT active FROM ops.retries WHERE id = 3") == [(None,)]


def test_duckdb_stores_1_for_a_bit_column_given_another_number() -> None:
    from etlcheck.engines.duckdb import DuckDBEngine

    with DuckDBEngine(None) as duckdb:
        run(duckdb, TABLE)
        run(duckdb, "UPDATE ops.retries SET active = tries WHERE id = 3;")
        assert rows(duckdb, "SELECT active FROM ops.retries WHERE id = 3") == [(True,)]
