"""PostgresEngine on a real throwaway cluster: catalog emulation, COPY loads, least privilege.

One cluster for the whole module. Without PostgreSQL binaries the tests skip with the
reason, unless ETLCHECK_REQUIRE_ENGINE names postgres: then they fail.
"""

from __future__ import annotations

import datetime as dt
import decimal
import sys
from collections.abc import Iterator

import pandas as pd
import pytest

from etlcheck.engines.postgres import PostgresEngine
from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
from etlcheck.errors import EngineError, RefusalError
from etlcheck.testing import skip_unless_available

pytestmark = pytest.mark.postgres


def _require_postgres() -> None:
    skip_unless_available("postgres", postgres_unavailable_reason())


@pytest.fixture(scope="module")
def engine() -> Iterator[PostgresEngine]:
    _require_postgres()
    started = PostgresEngine().start()
    print(
        f"\nthrowaway cluster started in {started.info.started_in_seconds:.2f}s "
        f"(initdb + pg_ctl: {started.info.extra['cluster_start_seconds']}s)"
    )
    started.execute("CREATE SCHEMA etl")
    started.execute('CREATE TABLE etl."Brokers" (id int PRIMARY KEY, name text)')
    started.execute("INSERT INTO etl.\"Brokers\" VALUES (1, 'production')")
    started.execute("CREATE SEQUENCE etl.brokers_seq")
    started.execute("CREATE SCHEMA raw_data")
    started.execute("CREATE TABLE raw_data.policies (id int)")
    started.execute("INSERT INTO raw_data.policies VALUES (7)")
    started.execute("CREATE SCHEMA poc_etl")
    started.execute("CREATE TABLE poc_etl.seeded (id int)")
    try:
        yield started
    finally:
        started.close()


def test_throwaway_database_has_a_disposable_name(engine: PostgresEngine) -> None:
    assert engine.database.startswith("etlcheck_")
    assert engine.query("SELECT current_database()").scalar() == engine.database
    assert engine.info.version.startswith(engine.info.extra["server_version"].split(".")[0])


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT 1 FROM sys.schemas WHERE name = 'ETL'", 1),
        ("SELECT 1 FROM sys.schemas WHERE name = N'etl'", 1),
        ("SELECT COUNT(*) FROM sys.schemas WHERE name = 'nope'", 0),
        (
            "SELECT COUNT(*) FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id "
            "WHERE s.name = 'etl' AND t.type = 'U' AND t.name = 'brokers'",
            1,
        ),
        ("SELECT COUNT(*) FROM sys.objects WHERE name LIKE 'BRO%' AND type IN ('U', 'V')", 1),
        ("SELECT CASE WHEN OBJECT_ID('[etl].[Brokers]', 'U') IS NOT NULL THEN 1 END", 1),
        ("SELECT CASE WHEN OBJECT_ID('etl.brokers') = OBJECT_ID('ETL.BROKERS') THEN 1 END", 1),
        ("SELECT COUNT(OBJECT_ID('etl.Brokers', 'V'))", 0),
        ("SELECT COUNT(OBJECT_ID('dbo.Brokers'))", 0),
        (
            "SELECT CASE WHEN SCHEMA_ID('Etl') = (SELECT schema_id FROM sys.schemas "
            "WHERE name = 'etl') THEN 1 END",
            1,
        ),
        ("SELECT COUNT(*) FROM sys.columns WHERE object_id = OBJECT_ID('etl.Brokers')", 2),
        (
            "SELECT COUNT(*) FROM sys.indexes WHERE object_id = OBJECT_ID('etl.Brokers') "
            "AND is_primary_key",
            1,
        ),
        (
            "SELECT CASE WHEN OBJECT_NAME(OBJECT_ID('etl.Brokers')) = 'Brokers' "
            "AND OBJECT_SCHEMA_NAME(OBJECT_ID('etl.Brokers')) = 'etl' THEN 1 END",
            1,
        ),
        ("SELECT CASE WHEN DB_NAME() = current_database() THEN 1 END", 1),
        ("SELECT COUNT(*) FROM sys.sequences WHERE name = 'brokers_seq'", 1),
        ("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'etl'", 1),
    ],
)
def test_tsql_catalog_emulation(engine: PostgresEngine, sql: str, expected: int) -> None:
    assert engine.query(sql).scalar() == expected


def test_object_id_finds_session_temp_tables(engine: PostgresEngine) -> None:
    engine.execute('CREATE TEMP TABLE "#work" (x int)')
    try:
        assert engine.query("SELECT OBJECT_ID('tempdb..#work')").scalar() is not None
        assert engine.query("SELECT COUNT(*) FROM sys.tables WHERE name = '#work'").scalar() == 0
    finally:
        engine.execute('DROP TABLE "#work"')


def test_schemas_hide_the_emulation_and_system_schemas(engine: PostgresEngine) -> None:
    schemas = engine.schemas()
    assert {"etl", "raw_data", "poc_etl"} <= set(schemas)
    assert "sys" not in schemas
    assert not any(name.startswith("pg_") for name in schemas)


def test_load_frame_copies_rows_with_types_and_nulls(engine: PostgresEngine) -> None:
    frame = pd.DataFrame(
        {
            "id": pd.array([1, 2, None], dtype="Int64"),
            "name": ["a", None, 'it\'s "quoted"\ttab'],
            "amount": [1.5, None, 2.0],
            "at": pd.to_datetime(["2024-01-01 10:00", None, "2024-02-01 00:00"]),
            "flag": [True, False, True],
            "price": [decimal.Decimal("1.10"), None, decimal.Decimal("2")],
            "day": [dt.date(2024, 1, 1), None, None],
        }
    )
    engine.load_frame("poc_raw_data", "frame", frame)
    engine.load_frame("poc_raw_data", "frame", frame)  # replaces, does not append
    rows = engine.query("SELECT * FROM poc_raw_data.frame ORDER BY name NULLS FIRST").rows
    assert len(rows) == 3
    assert rows[0] == (2, None, None, None, False, None, None)
    assert rows[1] == (
        1,
        "a",
        1.5,
        dt.datetime(2024, 1, 1, 10),
        True,
        decimal.Decimal("1.10"),
        dt.date(2024, 1, 1),
    )
    assert rows[2][1] == 'it\'s "quoted"\ttab'
    types = engine.query(
        "SELECT data_type FROM information_schema.columns WHERE table_schema = 'poc_raw_data' "
        "AND table_name = 'frame' ORDER BY ordinal_position"
    ).rows
    assert [t for (t,) in types] == [
        "bigint",
        "text",
        "double precision",
        "timestamp without time zone",
        "boolean",
        "numeric",
        "date",
    ]


def test_load_frame_sends_rows_through_copy(
    engine: PostgresEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    statements: list[str] = []
    real_cursor = engine.connection.cursor

    class Spy:
        def __init__(self) -> None:
            self.inner = real_cursor()

        def __enter__(self) -> Spy:
            self.inner.__enter__()
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.__exit__(*exc)

        def execute(self, sql: str, *args: object) -> object:
            statements.append(str(sql))
            return self.inner.execute(sql, *args)

        def copy(self, sql: str) -> object:
            statements.append(str(sql))
            return self.inner.copy(sql)

    monkeypatch.setattr(engine.connection, "cursor", Spy)
    engine.load_frame("poc_raw_data", "spied", pd.DataFrame({"id": range(500)}))
    monkeypatch.undo()
    assert any(s.startswith("COPY ") for s in statements)
    assert not any(s.upper().startswith("INSERT") for s in statements)
    assert engine.query("SELECT COUNT(*) FROM poc_raw_data.spied").scalar() == 500


def test_sandbox_principal_cannot_write_outside_the_sandbox(engine: PostgresEngine) -> None:
    role = engine.create_sandbox_principal(["poc_etl", "poc_dbo"], ["raw_data"])
    with engine.run_as(role):
        assert engine.query("SELECT current_user").scalar() == role
        engine.execute("INSERT INTO poc_etl.seeded VALUES (1)")
        engine.execute("DROP SCHEMA poc_etl CASCADE")
        engine.execute("CREATE SCHEMA poc_etl")
        engine.execute("CREATE TABLE poc_etl.stg AS SELECT id FROM raw_data.policies")
        assert engine.query("SELECT COUNT(*) FROM poc_etl.stg").scalar() == 1
        for leak in (
            "INSERT INTO etl.\"Brokers\" VALUES (2, 'leak')",
            "CREATE TABLE etl.leak (id int)",
            "DROP SCHEMA etl CASCADE",
            "INSERT INTO raw_data.policies VALUES (8)",
            "CREATE SCHEMA dbo",
            "ALTER SCHEMA poc_dbo RENAME TO dbo",
        ):
            with pytest.raises(Exception, match=r"permission denied|must be owner") as caught:
                engine.execute(leak)
            assert engine.is_permission_error(caught.value), leak
    assert engine.query("SELECT current_user").scalar() == "postgres"
    assert engine.query('SELECT COUNT(*) FROM etl."Brokers"').scalar() == 1
    assert engine.query("SELECT COUNT(*) FROM raw_data.policies").scalar() == 1


def test_a_sandbox_schema_left_to_the_pipeline_is_created_by_the_role(
    engine: PostgresEngine,
) -> None:
    """``poc_fresh`` is the sandbox of a schema production lacks and step 1 creates: the
    role may create it (and then owns it), and still no schema outside its sandbox."""
    role = engine.create_sandbox_principal(
        ["poc_etl", "poc_fresh"], ["raw_data"], left_to_steps=["poc_fresh"]
    )
    assert "poc_fresh" not in engine.schemas()
    with engine.run_as(role):
        engine.execute("CREATE SCHEMA poc_fresh")
        engine.execute("CREATE TABLE poc_fresh.stg AS SELECT id FROM raw_data.policies")
        with pytest.raises(Exception, match="permission denied") as caught:
            engine.execute("CREATE SCHEMA poc_other")
        assert engine.is_permission_error(caught.value)
    owner = engine.query(
        "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'poc_fresh'"
    ).scalar()
    assert owner == role
    engine.drop_sandbox_principal(role)
    engine.drop_schema("poc_fresh")


def test_external_url_with_a_disposable_name_is_used_and_cleaned(engine: PostgresEngine) -> None:
    engine.execute("CREATE DATABASE ci_external")
    address = engine._cluster.address if engine._cluster else None
    assert address is not None
    url = f"postgresql://postgres:{address.password}@127.0.0.1:{address.port}/ci_external"
    external = PostgresEngine(url).start()
    try:
        assert address.password not in repr(external)
        assert address.password not in external.info.target
        role = external.create_sandbox_principal(["poc_etl"], [])
        assert external.query("SELECT 1 FROM sys.schemas WHERE name = 'POC_ETL'").scalar() == 1
    finally:
        external.close()
    remaining = engine.query("SELECT COUNT(*) FROM pg_roles WHERE rolname = %s", (role,))
    assert remaining.scalar() == 0


@pytest.mark.parametrize("database", ["production", "warehouse", "postgres"])
def test_external_url_with_a_production_name_is_refused(database: str) -> None:
    url = f"postgresql://someone:secret@127.0.0.1:1/{database}"
    with pytest.raises(RefusalError) as refused:
        PostgresEngine(url).start()
    message = str(refused.value)
    assert "disposable-target" in message and database in message
    assert "secret" not in message
    assert refused.value.exit_code == 2


def test_custom_disposable_pattern_and_explicit_override() -> None:
    with pytest.raises(RefusalError, match="qa_only"):
        PostgresEngine(
            "postgresql://u@127.0.0.1:1/etlcheck_x", disposable_pattern="^qa_only"
        ).start()
    with pytest.raises(EngineError, match="cannot connect"):
        PostgresEngine("postgresql://u@127.0.0.1:1/production", allow_external_target=True).start()


def test_missing_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(EngineError, match=r"pip install 'etlcheck\[postgres\]'"):
        PostgresEngine("postgresql://u@127.0.0.1:1/etlcheck_x").start()


def test_insert_frame_appends_through_a_holding_table(engine: PostgresEngine) -> None:
    engine.create_schema("poc_raw_data")
    engine.execute("CREATE TABLE poc_raw_data.appended (id INT, amount NUMERIC(6, 2))")
    frame = pd.DataFrame({"id": [1, 2], "amount": ["1.255", None]})
    expressions = ['CAST("id" AS INT)', 'CAST("amount" AS NUMERIC(6, 2))']
    engine.insert_frame("poc_raw_data", "appended", frame, expressions)
    engine.insert_frame("poc_raw_data", "appended", frame.head(1), expressions)
    rows = engine.query("SELECT id, amount FROM poc_raw_data.appended ORDER BY id").rows
    assert rows == [(1, decimal.Decimal("1.26")), (1, decimal.Decimal("1.26")), (2, None)]
    leftovers = engine.query(
        "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'etlcheck\\_holding%'"
    ).scalar()
    assert leftovers == 0


def test_connections_opened_at_once_on_one_database_all_start(engine: PostgresEngine) -> None:
    """pytest-xdist workers open the run's database together; each installs the emulation."""
    from concurrent.futures import ThreadPoolExecutor

    engine.execute("CREATE DATABASE ci_together")
    address = engine._cluster.address if engine._cluster else None
    assert address is not None
    url = f"postgresql://postgres:{address.password}@127.0.0.1:{address.port}/ci_together"
    with ThreadPoolExecutor(6) as pool:
        started = list(pool.map(lambda _: PostgresEngine(url).start(), range(6)))
    try:
        for each in started:
            assert each.query("SELECT sys.quotename('a b')").scalar() == "[a b]"
    finally:
        for each in started:
            each.close()
