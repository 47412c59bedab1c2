"""Cloning production into the sandbox, on DuckDB and on PostgreSQL: a copy behaves under
the interpreter exactly as the production table does (its keys fail a duplicate with error
2627, its IDENTITY continues where production's would, its defaults fill in), holds the
same rows, and a table larger than ``[seed] max_rows`` is refused before anything is
copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.errors import ConfigError
from etlcheck.isolation.fingerprint import fingerprint_schemas
from etlcheck.seeding.clone import clone_production
from etlcheck.seeding.seeder import Seeder
from tests.seeding.seed_helpers import error_number, options_for, rows, tsql


def seeded(project: Path, engine: Engine) -> Seeder:
    seeder = Seeder(engine, options_for(project, engine))
    seeder.ddl("db")
    seeder.files("data")
    return seeder


def columns(engine: Engine, schema: str) -> list[tuple[object, ...]]:
    return rows(
        engine,
        "SELECT table_name, column_name, data_type, is_nullable, ordinal_position "
        f"FROM information_schema.columns WHERE table_schema = '{schema}' "
        "ORDER BY table_name, ordinal_position",
    )


def test_a_copy_has_the_structure_and_rows_of_production(project: Path, engine: Engine) -> None:
    summary = seeded(project, engine).finish()
    assert {(c.qualified_name, c.sandbox_name, c.rows) for c in summary.clones} == {
        ("inv.Items", "sbx_inv.Items", 3),
        ("feed.receipts", "sbx_feed.receipts", 3),
    }
    assert columns(engine, "sbx_inv") == columns(engine, "inv")
    production = fingerprint_schemas(engine, ["inv", "sbx_inv"])
    original, copy = (production.table(s, "Items") for s in ("inv", "sbx_inv"))
    assert original is not None and copy is not None
    assert (copy.row_count, copy.content_hash) == (original.row_count, original.content_hash)


def test_a_copy_enforces_the_production_keys(project: Path, engine: Engine) -> None:
    seeded(project, engine).finish()
    duplicate_sku = "INSERT INTO sbx_inv.Items (Sku, Name) VALUES (N'SKU-2', N'again')"
    assert error_number(engine, duplicate_sku) == "error 2627"
    tsql(engine, "SET IDENTITY_INSERT sbx_inv.Items ON")
    duplicate_id = "INSERT INTO sbx_inv.Items (ItemId, Sku, Name) VALUES (110, N'SKU-8', N'x')"
    assert error_number(engine, duplicate_id) == "error 2627"
    assert rows(engine, 'SELECT COUNT(*) FROM sbx_inv."Items"') == [(3,)]


def test_a_copy_continues_the_identity_and_fills_the_defaults(
    project: Path, engine: Engine
) -> None:
    seeded(project, engine).finish()
    tsql(engine, "INSERT INTO sbx_inv.Items (Sku, Name) VALUES (N'NEW-1', N'new')")
    added = rows(
        engine, 'SELECT "ItemId", "Price", "Active" FROM sbx_inv."Items" WHERE "Sku" = \'NEW-1\''
    )
    assert [(row[0], row[1], bool(row[2])) for row in added] == [(130, 0, True)]
    # production's own identity is its own: the copy took nothing from it
    tsql(engine, "INSERT INTO inv.Items (Sku, Name) VALUES (N'NEW-1', N'new')")
    assert rows(engine, 'SELECT "ItemId" FROM inv."Items" WHERE "Sku" = \'NEW-1\'') == [(130,)]


def test_a_copy_continues_after_values_production_already_used(
    project: Path, engine: Engine
) -> None:
    """Production generated 130 and deleted it again: SQL Server's next value is 140, in
    production and so in the copy."""
    seeder = seeded(project, engine)
    tsql(engine, "INSERT INTO inv.Items (Sku, Name) VALUES (N'GONE', N'deleted again')")
    tsql(engine, "DELETE FROM inv.Items WHERE Sku = N'GONE'")
    seeder.finish()
    tsql(engine, "INSERT INTO sbx_inv.Items (Sku, Name) VALUES (N'NEXT', N'next')")
    assert rows(engine, 'SELECT "ItemId" FROM sbx_inv."Items" WHERE "Sku" = \'NEXT\'') == [(140,)]


def test_a_truncated_copy_starts_its_identity_again_from_the_seed(
    project: Path, engine: Engine
) -> None:
    """TRUNCATE TABLE resets an identity to its seed on SQL Server: a copy that continued
    after production's rows (130) starts again at the seed (100), production's goes on."""
    seeded(project, engine).finish()
    tsql(engine, "TRUNCATE TABLE sbx_inv.Items")
    tsql(engine, "INSERT INTO sbx_inv.Items (Sku, Name) VALUES (N'AGAIN', N'reloaded')")
    assert rows(engine, 'SELECT "ItemId" FROM sbx_inv."Items"') == [(100,)]
    tsql(engine, "INSERT INTO inv.Items (Sku, Name) VALUES (N'NEW-1', N'new')")
    assert rows(engine, 'SELECT "ItemId" FROM inv."Items" WHERE "Sku" = \'NEW-1\'') == [(130,)]


def test_a_table_over_max_rows_is_refused_before_anything_is_copied(
    project: Path, engine: Engine
) -> None:
    config = project / "etlcheck.toml"
    config.write_text(config.read_text() + "max_rows = 2\n", "utf-8")
    text = config.read_text().replace("max_rows = 2\n", "")
    config.write_text(text.replace("[seed]\n", "[seed]\nmax_rows = 2\n"), "utf-8")
    options = options_for(project, engine)
    seeder = Seeder(engine, options)
    seeder.ddl("db")
    seeder.files("data")
    with pytest.raises(ConfigError) as refused:
        clone_production(engine, options.config)
    assert "cloning feed.receipts into the sandbox would copy 3 rows, more than [seed] " in str(
        refused.value
    )
    assert "max_rows = 2" in str(refused.value)
    assert not {"sbx_inv", "sbx_feed"} & {s.lower() for s in engine.schemas()}


@pytest.mark.duckdb
def test_no_clone_when_asked_or_when_no_production_table_was_seeded(project: Path) -> None:
    from etlcheck.engines.duckdb import DuckDBEngine

    with DuckDBEngine() as engine:
        options = options_for(project, engine, clone_production=False)
        seeder = Seeder(engine, options)
        seeder.ddl("db")
        seeder.files("data")
        summary = seeder.finish()
        assert not summary.cloned and summary.clones == ()
        assert rows(
            engine, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'sbx_inv'"
        ) == [(0,)]
    with DuckDBEngine() as engine:  # nothing seeded: nothing to clone
        assert not Seeder(engine, options_for(project, engine)).finish().cloned


def test_production_seeded_from_ddl_alone_is_cloned_empty(project: Path, engine: Engine) -> None:
    # The steps write to production's tables; without their copies the sandbox would
    # fail where production runs.
    seeder = Seeder(engine, options_for(project, engine))
    seeder.ddl("db")
    summary = seeder.finish()
    assert summary.cloned
    assert {(c.qualified_name, c.sandbox_name, c.rows) for c in summary.clones} == {
        ("inv.Items", "sbx_inv.Items", 0),
        ("feed.receipts", "sbx_feed.receipts", 0),
    }
    tsql(engine, "INSERT INTO sbx_inv.Items (Sku, Name) VALUES (N'A-1', N'first')")
    assert error_number(engine, "INSERT INTO sbx_inv.Items (Sku, Name) VALUES (N'A-1', N'x')") == (
        "error 2627"
    )
