"""OUTPUT ... INTO a table on either side of a FOREIGN KEY: SQL Server refuses the
statement (error 332) before it changes a row, so the emulations refuse it too, where
PostgreSQL would run it and DuckDB would load the rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from tests.engine_params import either_engine, throwaway_postgres  # noqa: F401 (the engine fixture)
from tests.tsql.tsql_scripts import Sent, rejected, rows, run

KEY_MAP = (Path(__file__).parent / "key_map.sql").read_text(encoding="utf-8")
LOAD = """
INSERT INTO dw.DimCustomer (SourceId, Name)
OUTPUT inserted.CustomerKey, inserted.SourceId INTO etl.CustomerKeyMap (CustomerKey, SourceId)
SELECT SourceId, Name FROM etl.stg_customer;
"""


def message(target: str, constraint: str) -> str:
    return (
        f"The target table '{target}' of the OUTPUT INTO clause cannot be on either side of "
        f"a (primary key, foreign key) relationship. Found reference constraint '{constraint}'."
    )


def test_output_into_the_child_of_a_key_is_error_332_and_changes_nothing(engine: Engine) -> None:
    run(engine, KEY_MAP)
    error = rejected(engine, "PRINT 'loading'\n" + LOAD)
    assert error.message == message("etl.CustomerKeyMap", "FK_CustomerKeyMap_DimCustomer")
    assert error.location is not None
    assert (error.location.line, error.location.column) == (3, 1)
    assert rows(engine, 'SELECT count(*) FROM dw."DimCustomer"') == [(0,)]
    assert rows(engine, 'SELECT count(*) FROM etl."CustomerKeyMap"') == [(0,)]


def test_output_into_the_parent_of_a_key_is_error_332(engine: Engine) -> None:
    run(engine, KEY_MAP + "\nGO\nINSERT INTO dw.DimCustomer (SourceId, Name) VALUES ('C-0', 'Old')")
    error = rejected(
        engine,
        "DELETE FROM etl.stg_customer\n"
        "OUTPUT deleted.SourceId, deleted.Name INTO dw.DimCustomer (SourceId, Name);",
    )
    assert error.message == message("dw.DimCustomer", "FK_CustomerKeyMap_DimCustomer")
    assert rows(engine, 'SELECT count(*) FROM etl."stg_customer"') == [(2,)]


def test_a_switched_off_key_still_refuses(engine: Engine) -> None:
    switch_off = "ALTER TABLE etl.CustomerKeyMap NOCHECK CONSTRAINT ALL;\n"
    if engine.name == "postgres":  # PostgreSQL's keys cannot be switched off here
        switch_off = ""
    run(engine, KEY_MAP)
    error = rejected(engine, switch_off + LOAD)
    assert error.message == message("etl.CustomerKeyMap", "FK_CustomerKeyMap_DimCustomer")


def test_output_into_a_table_without_keys_still_loads(engine: Engine) -> None:
    run(engine, KEY_MAP)
    run(
        engine,
        "INSERT INTO dw.DimCustomer (SourceId, Name)\n"
        "OUTPUT inserted.CustomerKey, N'INSERT' INTO etl.LoadAudit (CustomerKey, Action)\n"
        "SELECT SourceId, Name FROM etl.stg_customer;",
    )
    assert rows(engine, 'SELECT count(*) FROM etl."LoadAudit"') == [(2,)]


@pytest.mark.postgres
def test_a_table_with_an_enabled_trigger_is_error_331_on_postgres() -> None:
    with throwaway_postgres(dbo=False) as engine:
        run(engine, KEY_MAP)
        engine.execute(
            "CREATE FUNCTION etl.noop() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RETURN NEW; END $$"
        )
        engine.execute(
            'CREATE TRIGGER audit_stamp BEFORE INSERT ON etl."LoadAudit" '
            "FOR EACH ROW EXECUTE FUNCTION etl.noop()"
        )
        audit = (
            "INSERT INTO dw.DimCustomer (SourceId, Name)\n"
            "OUTPUT inserted.CustomerKey, N'INSERT' INTO etl.LoadAudit (CustomerKey, Action)\n"
            "SELECT SourceId, Name FROM etl.stg_customer;"
        )
        error = rejected(engine, audit)
        assert error.message == (
            "The target table 'etl.LoadAudit' of the OUTPUT INTO clause cannot have any "
            "enabled triggers."
        )
        engine.execute('ALTER TABLE etl."LoadAudit" DISABLE TRIGGER audit_stamp')
        run(engine, audit)
        assert rows(engine, 'SELECT count(*) FROM etl."LoadAudit"') == [(2,)]


@pytest.mark.postgres
def test_postgres_is_asked_about_the_target_once_while_its_catalog_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with throwaway_postgres(dbo=False) as engine:
        run(engine, KEY_MAP)
        sent = Sent(engine, monkeypatch)
        run(
            engine,
            "DECLARE @i int = 0;\nWHILE @i < 3\nBEGIN\n"
            "  INSERT INTO dw.DimCustomer (SourceId, Name)\n"
            "  OUTPUT inserted.CustomerKey, N'INSERT' INTO etl.LoadAudit (CustomerKey, Action)\n"
            "  VALUES (CONCAT('C-', @i), N'n');\n"
            "  SET @i += 1;\nEND",
        )
        assert rows(engine, 'SELECT count(*) FROM etl."LoadAudit"') == [(3,)]
        asked = [sql for sql in sent.statements if "pg_constraint" in sql or "pg_trigger" in sql]
        assert len(asked) == 2
