"""The catalog cache lives with the connection: the interpreter's own CREATE/DROP TABLE
update it in place, anything else that may change the catalog makes it stale
(etlcheck.tsql.catalog.CatalogCache, Engine.note/catalog_epoch)."""

from __future__ import annotations

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.tsql.catalog import CatalogCache, CatalogSnapshot
from tests.tsql.tsql_scripts import run

pytestmark = pytest.mark.duckdb

REBUILD = """
IF OBJECT_ID('dbo.customers') IS NOT NULL DROP TABLE dbo.customers
CREATE TABLE dbo.customers (code NVARCHAR(5) PRIMARY KEY, name NVARCHAR(20))
IF OBJECT_ID('tempdb..#raw') IS NOT NULL DROP TABLE #raw
CREATE TABLE #raw (code NVARCHAR(5), name NVARCHAR(20))
INSERT INTO #raw VALUES ('a', 'Ann'), ('b', 'Bob'), ('{extra}', 'Extra')
INSERT INTO dbo.customers SELECT code, name FROM #raw
SELECT code INTO #codes FROM dbo.customers
IF OBJECT_ID('tempdb..#codes') IS NOT NULL PRINT 'codes'
DROP TABLE #codes
IF OBJECT_ID('tempdb..#codes') IS NULL PRINT 'no codes'
DROP TABLE #raw
PRINT CAST((SELECT COUNT(*) FROM dbo.customers) AS VARCHAR(5))
"""
"""A transform in the usual shape: guarded drops, temp tables, one permanent table."""


def cache(engine: DuckDBEngine) -> CatalogCache:
    catalog = engine.tsql_session.catalog
    assert isinstance(catalog, CatalogCache)
    return catalog


def exists(engine: DuckDBEngine, name: str) -> str:
    return run(engine, f"IF OBJECT_ID('{name}') IS NULL PRINT 'missing' ELSE PRINT 'present'")[0]


def test_rebuilding_scripts_are_right_and_load_the_catalog_once(engine: DuckDBEngine) -> None:
    for extra in ("c", "d", "e"):
        assert run(engine, REBUILD.format(extra=extra)) == ("codes", "no codes", "3")
        assert engine.query("SELECT code FROM dbo.customers ORDER BY code").rows == [
            ("a",),
            ("b",),
            (extra,),
        ]
    tables = engine.query(
        "SELECT table_name FROM duckdb_tables() WHERE table_name IN ('customers', 'raw', 'codes')"
    ).rows
    assert tables == [("customers",)]
    # The first OBJECT_ID loads the catalog; every later CREATE/DROP TABLE and SELECT INTO
    # is the interpreter's own and is applied to the snapshot, and OBJECT_ID ... IS NULL
    # needs only existence, never the id of a table created since the load.
    assert cache(engine).loads <= 1


def test_the_cache_is_shared_by_the_scripts_of_one_connection(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.kept (a INT)")
    first = cache(engine)
    assert exists(engine, "dbo.kept") == "present"
    assert cache(engine) is first
    loads = first.loads
    for _ in range(3):
        assert exists(engine, "dbo.kept") == "present"
    assert first.loads == loads, "nothing changed the catalog between these scripts"


def test_object_id_after_create_matches_sys_objects(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "IF OBJECT_ID('dbo.t') IS NOT NULL DROP TABLE dbo.t\n"
        "CREATE TABLE dbo.t (a INT)\n"
        "DECLARE @cached INT = OBJECT_ID('dbo.t')\n"
        "DECLARE @listed INT = (SELECT object_id FROM sys.objects WHERE name = 't')\n"
        "PRINT CAST(@cached AS VARCHAR(20))\n"
        "PRINT CAST(@listed AS VARCHAR(20))\n"
        "IF OBJECT_ID('dbo.t') = @listed PRINT 'again'",
    )
    cached, listed, again = messages
    assert cached == listed
    assert int(cached) > 0
    assert again == "again"
    # One load for the guard; the created table's id is unknown until asked for, which
    # reloads once; the second OBJECT_ID finds the id in that reload.
    assert cache(engine).loads == 2


def test_object_id_of_a_table_dropped_in_the_script_is_null(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE dbo.gone (a INT)\n"
        "IF OBJECT_ID('dbo.gone', 'U') IS NOT NULL PRINT 'before'\n"
        "DROP TABLE dbo.gone\n"
        "IF OBJECT_ID('dbo.gone', 'U') IS NULL PRINT 'after'\n"
        "CREATE TABLE dbo.gone (b INT)\n"
        "IF OBJECT_ID('dbo.gone', 'U') IS NOT NULL PRINT 'back'",
    )
    assert messages == ("before", "after", "back")


def test_tables_created_outside_the_interpreter_are_seen(engine: DuckDBEngine) -> None:
    assert exists(engine, "dbo.ext") == "missing"
    loads = cache(engine).loads
    engine.execute("CREATE TABLE dbo.ext (a INT)")
    assert exists(engine, "dbo.ext") == "present"
    assert cache(engine).loads == loads + 1
    engine.execute("DROP TABLE dbo.ext")
    assert exists(engine, "dbo.ext") == "missing"
    assert cache(engine).loads == loads + 2


def test_object_id_outside_agrees_with_sys_objects(engine: DuckDBEngine) -> None:
    assert exists(engine, "dbo.ext") == "missing"
    engine.execute("CREATE TABLE dbo.ext (a INT)")
    listed = engine.query("SELECT object_id FROM sys.objects WHERE name = 'ext'").scalar()
    assert run(engine, "PRINT CAST(OBJECT_ID('dbo.ext') AS VARCHAR(20))") == (str(listed),)


def test_rows_written_outside_do_not_reload_the_catalog(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.r (a INT)")
    assert exists(engine, "dbo.r") == "present"
    loads = cache(engine).loads
    engine.execute("INSERT INTO dbo.r VALUES (1)")
    engine.query("SELECT * FROM dbo.r")
    assert exists(engine, "dbo.r") == "present"
    assert cache(engine).loads == loads


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT 1",
        "INSERT INTO dbo.t VALUES (1)",
        "UPDATE dbo.t SET a = 2",
        "DELETE FROM dbo.t",
        "WITH c AS (SELECT 1 AS a) SELECT a FROM c",
        "TRUNCATE dbo.t",
        "BEGIN TRANSACTION",
        "COMMIT",
        "  select 1",
        "\n\tinsert into dbo.t values (1)",
    ],
)
def test_reading_and_writing_rows_keeps_the_epoch(sql: str) -> None:
    engine = DuckDBEngine(None)
    before = engine.catalog_epoch
    engine.note(sql)
    assert engine.catalog_epoch == before


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE dbo.t (a INT)",
        "DROP TABLE dbo.t",
        "ALTER TABLE dbo.t ADD COLUMN b INT",
        "COMMENT ON TABLE dbo.t IS 'x'",
        "create view dbo.v AS SELECT 1 AS a",
        "\n  drop view dbo.v",
    ],
)
def test_catalog_statements_move_the_epoch(sql: str) -> None:
    engine = DuckDBEngine(None)
    before = engine.catalog_epoch
    engine.note(sql)
    assert engine.catalog_epoch == before + 1


def test_execute_and_query_count_their_statements(engine: DuckDBEngine) -> None:
    start = engine.catalog_epoch
    engine.execute("CREATE TABLE dbo.t (a INT)")
    engine.execute("INSERT INTO dbo.t VALUES (1)")
    engine.query("SELECT a FROM dbo.t")
    assert engine.catalog_epoch == start + 1
    engine.execute("COMMENT ON TABLE dbo.t IS 'x'")
    engine.query("DROP TABLE dbo.t")
    assert engine.catalog_epoch == start + 3


def test_a_rolled_back_create_is_forgotten(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "IF OBJECT_ID('dbo.r') IS NOT NULL DROP TABLE dbo.r\nBEGIN TRANSACTION\n"
        "CREATE TABLE dbo.r (a INT)\nROLLBACK TRANSACTION\n"
        "IF OBJECT_ID('dbo.r') IS NULL PRINT 'gone' ELSE PRINT 'present'",
    )
    assert messages == ("gone",)


def test_a_rolled_back_drop_keeps_the_table(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "IF OBJECT_ID('dbo.d') IS NOT NULL DROP TABLE dbo.d\nCREATE TABLE dbo.d (a INT)\n"
        "BEGIN TRANSACTION\nDROP TABLE dbo.d\nROLLBACK TRANSACTION\n"
        "IF OBJECT_ID('dbo.d') IS NULL PRINT 'gone' ELSE PRINT 'present'",
    )
    assert messages == ("present",)


def test_a_temp_table_has_one_object_id_however_it_is_asked(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "IF OBJECT_ID('tempdb..#z') IS NOT NULL DROP TABLE #z\nCREATE TABLE #z (a INT)\n"
        "DECLARE @n NVARCHAR(30) = 'tempdb..#z'\n"
        "IF OBJECT_ID('tempdb..#z') = OBJECT_ID(@n) PRINT 'same' ELSE PRINT 'different'",
    )
    assert messages == ("same",)


def test_a_remembered_fact_is_asked_again_only_once_the_catalog_moved() -> None:
    epoch = [0]
    asked: list[str] = []
    catalog = CatalogCache(lambda: CatalogSnapshot((), (), "db"), lambda: epoch[0])

    def fact() -> str:
        asked.append("asked")
        return f"fact {len(asked)}"

    assert catalog.remembered("key", fact) == "fact 1"
    assert catalog.remembered("key", fact) == "fact 1"
    epoch[0] += 1  # a statement that may have changed the catalog
    assert catalog.remembered("key", fact) == "fact 2"
    catalog.invalidate()
    assert catalog.remembered("key", fact) == "fact 3"
    assert catalog.remembered("other", fact) == "fact 4"
    assert len(asked) == 4
