"""SAVE TRANSACTION and ROLLBACK TRANSACTION to a savepoint: PostgreSQL rolls back to it
(the most recent of a name, names case sensitive), @@TRANCOUNT stays, table variables keep
their rows, a doomed transaction cannot go back to one (3931); DuckDB, which has no
savepoints, keeps SAVE TRANSACTION and refuses the rollback to one where it happens."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct

SETUP = """
DROP TABLE IF EXISTS dbo.sp_items;
CREATE TABLE dbo.sp_items (id INT PRIMARY KEY, note NVARCHAR(20));
"""

ROLLBACK_TO = """
BEGIN TRANSACTION Work;
INSERT INTO dbo.sp_items VALUES (1, N'kept');
SAVE TRANSACTION First;
INSERT INTO dbo.sp_items VALUES (2, N'two');
SAVE TRANSACTION second;
INSERT INTO dbo.sp_items VALUES (3, N'three');
SAVE TRANSACTION First;
INSERT INTO dbo.sp_items VALUES (4, N'four');
ROLLBACK TRANSACTION First;
PRINT CONCAT('most recent First: ', (SELECT COUNT(*) FROM dbo.sp_items),
    ' trancount ', @@TRANCOUNT);
ROLLBACK TRANSACTION second;
PRINT CONCAT('second: ', (SELECT COUNT(*) FROM dbo.sp_items));
ROLLBACK TRANSACTION First;
PRINT CONCAT('first First: ', (SELECT STRING_AGG(note, ',') FROM dbo.sp_items));
BEGIN TRY
    ROLLBACK TRANSACTION FIRST;
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
ROLLBACK TRANSACTION Work;
PRINT CONCAT('trancount ', @@TRANCOUNT, ' rows ', (SELECT COUNT(*) FROM dbo.sp_items));
"""


def run(engine: Engine, script: str) -> tuple[str, ...]:
    return engine.run_script(script, Path("t.sql")).messages


def test_postgres_rolls_back_to_the_most_recent_savepoint_of_a_name(
    postgres_engine: Engine,
) -> None:
    run(postgres_engine, SETUP)
    assert run(postgres_engine, ROLLBACK_TO) == (
        "most recent First: 3 trancount 1",
        "second: 2",
        "first First: kept",
        "6401",  # names are case sensitive: FIRST is no savepoint, nor the transaction
        "trancount 0 rows 0",
    )


def test_postgres_table_variables_keep_their_rows_and_doomed_cannot_go_back(
    postgres_engine: Engine,
) -> None:
    run(postgres_engine, SETUP)
    script = """
    DECLARE @log TABLE (step NVARCHAR(20));
    BEGIN TRANSACTION;
    SAVE TRANSACTION Here;
    INSERT INTO dbo.sp_items VALUES (1, N'undone');
    INSERT INTO @log VALUES (N'kept');
    ROLLBACK TRANSACTION Here;
    PRINT CONCAT((SELECT COUNT(*) FROM dbo.sp_items), ' ', (SELECT COUNT(*) FROM @log));
    BEGIN TRY
        INSERT INTO dbo.sp_items VALUES (1, N'a'), (1, N'duplicate');
    END TRY
    BEGIN CATCH
        PRINT CONCAT('xact ', XACT_STATE());
        BEGIN TRY
            ROLLBACK TRANSACTION Here;
        END TRY
        BEGIN CATCH
            PRINT ERROR_NUMBER();
        END CATCH;
    END CATCH;
    ROLLBACK;
    PRINT CONCAT('trancount ', @@TRANCOUNT, ' log ', (SELECT COUNT(*) FROM @log));
    """
    assert run(postgres_engine, script) == ("0 1", "xact -1", "3931", "trancount 0 log 1")


def test_duckdb_keeps_a_savepoint_and_refuses_a_rollback_to_it() -> None:
    with DuckDBEngine() as engine:
        run(engine, SETUP)
        kept = """
        BEGIN TRANSACTION;
        SAVE TRANSACTION Here;
        INSERT INTO dbo.sp_items VALUES (1, N'kept');
        COMMIT;
        PRINT (SELECT COUNT(*) FROM dbo.sp_items);
        """
        assert run(engine, kept) == ("1",)
        script = "BEGIN TRANSACTION;\nSAVE TRANSACTION Here;\nROLLBACK TRANSACTION Here;\n"
        with pytest.raises(UnsupportedConstruct) as refused:
            run(engine, script)
    assert refused.value.location is not None
    assert (refused.value.location.line, refused.value.location.column) == (3, 1)
    assert "a rollback to a savepoint cannot be emulated" in str(refused.value)
    assert "--engine postgres" in str(refused.value)
