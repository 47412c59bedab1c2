"""Each seed source, on DuckDB and on PostgreSQL: DDL run as written, data files loaded
exactly as written, types from the DDL or from the file, IDENTITY continued after the
seeded rows, and everything recorded (tables, rows, source, digest of each file)."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from etlcheck.engines.base import Engine
from etlcheck.sampledata.seed import sample_tables
from etlcheck.seeding.seeder import Seeder
from tests.seeding.seed_helpers import error_number, options_for, rows, tsql


def test_ddl_runs_as_written_with_keys_identity_and_defaults(project: Path, engine: Engine) -> None:
    seeder = Seeder(engine, options_for(project, engine))
    record = seeder.ddl("db")
    assert {t.qualified_name for t in record.tables} == {"inv.Items", "feed.receipts"}
    assert all(t.rows == 0 and t.source == "db/production.sql" for t in record.tables)
    [script] = record.files
    digest = hashlib.sha256((project / "db" / "production.sql").read_bytes()).hexdigest()
    assert (script.path, script.sha256) == ("db/production.sql", digest)
    tsql(engine, "INSERT INTO inv.Items (Sku, Name) VALUES (N'A-1', N'first')")
    assert rows(engine, 'SELECT "ItemId", "Price", "Active" FROM inv."Items"') in (
        [(100, Decimal("0.00"), True)],
        [(100, Decimal("0.00"), 1)],
    )
    assert error_number(engine, "INSERT INTO inv.Items (Sku, Name) VALUES (N'A-1', N'x')") == (
        "error 2627"
    )


def test_a_csv_loads_exactly_as_written_and_identity_continues(
    project: Path, engine: Engine
) -> None:
    seeder = Seeder(engine, options_for(project, engine))
    seeder.ddl("db")
    record = seeder.file("data/inv.Items.csv")
    [table] = record.tables
    assert (table.qualified_name, table.rows, table.source) == (
        "inv.Items",
        3,
        "data/inv.Items.csv",
    )
    loaded = rows(engine, 'SELECT "ItemId", "Name", "Notes" FROM inv."Items" ORDER BY 1')
    # Blanks are kept, an empty field is NULL, a quoted empty field is an empty string.
    assert loaded == [
        (100, "Bolt", None),
        (110, "  Nut  ", ""),
        (120, "Washer", "kept, with a comma"),
    ]
    tsql(engine, "INSERT INTO inv.Items (Sku, Name) VALUES (N'SKU-9', N'next')")
    assert rows(engine, 'SELECT "ItemId" FROM inv."Items" WHERE "Sku" = \'SKU-9\'') == [(130,)]


def test_a_csv_without_ddl_gets_the_types_the_reader_infers(project: Path, engine: Engine) -> None:
    seeder = Seeder(engine, options_for(project, engine))
    record = seeder.file("data/feed.receipts.csv")
    assert record.tables[0].rows == 3
    types = {
        name: kind
        for name, kind in rows(
            engine,
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'feed' AND table_name = 'receipts'",
        )
    }
    assert types["quantity"].lower() in ("bigint", "integer")
    assert types["received_on"].lower() == "date"
    assert rows(engine, "SELECT quantity FROM feed.receipts WHERE sku = 'SKU-2'") == [(None,)]


def test_parquet_with_and_without_ddl(project: Path, engine: Engine, tmp_path: Path) -> None:
    data = tmp_path / "parquet"
    data.mkdir()
    with duckdb.connect() as connection:
        connection.execute(
            "COPY (SELECT 200 AS ItemId, 'P-1' AS Sku, 'From parquet' AS Name, "
            "CAST(9.5 AS DECIMAL(9, 2)) AS Price, true AS Active) "
            f"TO '{data / 'inv.Items.parquet'}' (FORMAT parquet)"
        )
        connection.execute(
            "COPY (SELECT 'W1' AS code, DATE '2024-06-03' AS opened, 12.5::DOUBLE AS area "
            f"UNION ALL SELECT 'W2', NULL, 3) TO '{data / 'inv.Warehouses.parquet'}' "
            "(FORMAT parquet)"
        )
    seeder = Seeder(engine, options_for(project, engine))
    seeder.ddl("db")
    record = seeder.files(data)
    assert {(t.qualified_name, t.rows) for t in record.tables} == {
        ("inv.Items", 1),
        ("inv.Warehouses", 2),
    }
    assert rows(engine, 'SELECT "Price", "Notes" FROM inv."Items"') == [(Decimal("9.50"), None)]
    assert rows(engine, "SELECT opened FROM inv.\"Warehouses\" WHERE code = 'W1'")[0][
        0
    ].isoformat() == ("2024-06-03")
    tsql(engine, "INSERT INTO inv.Items (Sku, Name) VALUES (N'P-2', N'next')")
    assert rows(engine, 'SELECT MAX("ItemId") FROM inv."Items"') == [(210,)]


def test_the_sample_generator_is_one_source_among_the_others(
    sample_config_path: Path, engine: Engine
) -> None:
    from etlcheck.config import load_config
    from etlcheck.options import RunOptions

    options = RunOptions.from_config(load_config(sample_config_path), engine=engine.name)
    seeder = Seeder(engine, options)
    record = seeder.sample()
    assert record.description == "sample:insurance (scale poc, seed 20240611)"
    seeded = {(t.schema, t.name) for t in record.tables}
    assert seeded == set(sample_tables())
    summary = seeder.finish()
    assert summary.cloned and summary.scale == "poc"
    assert summary.rows("raw_data.brokers") == 100
    copies = {c.sandbox_name: c.rows for c in summary.clones}
    assert copies["poc_raw_data.brokers"] == 100
    assert copies["poc_dbo.Brokers"] == summary.rows("dbo.Brokers")


def test_declared_sources_are_seeded_in_order_and_recorded(project: Path, engine: Engine) -> None:
    from etlcheck.seeding.seeder import seed_declared

    summary = seed_declared(engine, options_for(project, engine))
    assert [s.kind for s in summary.sources] == ["ddl", "files"]
    assert summary.rows("inv.Items") == 3 and summary.rows("feed.receipts") == 3
    assert [f.path for f in summary.sources[1].files] == [
        "data/feed.receipts.csv",
        "data/inv.Items.csv",
    ]
    document = summary.to_dict()
    assert (
        document["sources"][1]["files"][0]["sha256"]
        == hashlib.sha256((project / "data" / "feed.receipts.csv").read_bytes()).hexdigest()
    )
    assert summary.cloned
    assert {c.sandbox_name for c in summary.clones} == {"sbx_inv.Items", "sbx_feed.receipts"}
    schemas = {name.lower() for name in engine.schemas()}
    assert schemas >= {"sbx_inv", "sbx_feed"}
    assert "sbx_work" not in schemas, "production has no work schema: 00-stage.sql creates it"


@pytest.mark.duckdb
def test_nothing_declared_seeds_nothing_and_still_makes_the_sandbox(project: Path) -> None:
    from etlcheck.engines.duckdb import DuckDBEngine
    from etlcheck.seeding.seeder import seed_declared

    config = project / "etlcheck.toml"
    config.write_text(config.read_text().replace("sources = [", "# sources = ["), "utf-8")
    with DuckDBEngine() as engine:
        summary = seed_declared(engine, options_for(project, engine))
        assert summary.sources == () and not summary.cloned and summary.clones == ()
        schemas = {s.lower() for s in engine.schemas()}
        assert {"sbx_inv", "sbx_feed"} <= schemas and "sbx_work" not in schemas


def test_datetimeoffset_text_as_sql_server_writes_it_loads_the_instant(
    project: Path, engine: Engine
) -> None:
    (project / "db" / "events.sql").write_text(
        "CREATE SCHEMA ev;\nGO\n"
        "CREATE TABLE ev.Events (Id INT NOT NULL, HappenedAt DATETIMEOFFSET(7) NULL);\nGO\n"
    )
    (project / "data" / "ev.Events.csv").write_text(
        "Id,HappenedAt\n"
        "1,2024-05-01 08:00:00.0000000 +02:00\n"
        "2,2024-05-01 08:00:00.1234560 -05:30\n"
        "3,2024-05-01T06:00:00+00:00\n"
        "4,\n"
    )
    seeder = Seeder(engine, options_for(project, engine))
    seeder.ddl("db/events.sql")
    seeder.file("data/ev.Events.csv")
    instants = rows(
        engine,
        'SELECT "Id", EXTRACT(EPOCH FROM "HappenedAt") FROM ev."Events" ORDER BY 1',
    )
    assert [(i, None if e is None else float(e)) for i, e in instants] == [
        (1, 1714543200.0),
        (2, 1714570200.123456),
        (3, 1714543200.0),
        (4, None),
    ]


def test_a_csv_may_leave_the_identity_column_to_the_table(project: Path, engine: Engine) -> None:
    (project / "db" / "dims.sql").write_text(
        "CREATE SCHEMA dw;\nGO\n"
        "CREATE TABLE dw.Dim (DimKey INT IDENTITY(1,1) NOT NULL PRIMARY KEY, "
        "Code VARCHAR(10) NOT NULL);\nGO\n"
    )
    (project / "data" / "dw.Dim.csv").write_text("Code\nA\nB\n")
    seeder = Seeder(engine, options_for(project, engine))
    seeder.ddl("db/dims.sql")
    [table] = seeder.file("data/dw.Dim.csv").tables
    assert table.rows == 2
    tsql(engine, "INSERT INTO dw.Dim (Code) VALUES ('C')")
    assert rows(engine, 'SELECT "DimKey", "Code" FROM dw."Dim" ORDER BY 1') == [
        (1, "A"),
        (2, "B"),
        (3, "C"),
    ]
