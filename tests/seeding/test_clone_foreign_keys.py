"""Cloning a star schema whose fact refers to its dimension, on DuckDB and PostgreSQL:
the copies carry the FOREIGN KEY between them (poc_dw.FactSales -> poc_dw.DimProduct),
never back to production's table. The project is the one the end-to-end test runs
(``tests/own_pipeline/star_schema``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.seeding.seeder import Seeder
from etlcheck.tsql.foreign_keys import decode_foreign_keys
from tests.seeding.seed_helpers import error_number, options_for, rows, tsql

STAR = Path(__file__).parents[1] / "own_pipeline" / "star_schema"


@pytest.fixture
def star(tmp_path: Path) -> Path:
    target = tmp_path / "star"
    shutil.copytree(STAR, target)
    return target


def seeded(project: Path, engine: Engine) -> None:
    seeder = Seeder(engine, options_for(project, engine))
    seeder.ddl("db")
    seeder.files("data")
    seeder.finish()


def test_the_copies_refer_to_each_other(star: Path, engine: Engine) -> None:
    seeded(star, engine)
    # A product only the sandbox has: a fact may refer to it, so the key is the copy's.
    tsql(engine, "INSERT INTO poc_dw.DimProduct VALUES (9, 'P-900', 'Sandbox only')")
    tsql(engine, "INSERT INTO poc_dw.FactSales VALUES (90, 9, '2026-12-01', 1)")
    unknown = "INSERT INTO poc_dw.FactSales VALUES (91, 42, '2026-12-01', 1)"
    assert error_number(engine, unknown) == "error 547"
    assert error_number(engine, "DELETE FROM poc_dw.DimProduct WHERE ProductKey = 1") == (
        "error 547"
    )
    # Production is untouched, and its own key still holds there.
    assert error_number(engine, "DELETE FROM dw.DimProduct WHERE ProductKey = 1") == "error 547"
    assert rows(engine, 'SELECT COUNT(*) FROM dw."FactSales"') == [(2,)]


@pytest.mark.duckdb
def test_on_duckdb_the_recorded_key_names_the_sandbox_parent(star: Path) -> None:
    from etlcheck.engines.duckdb import DuckDBEngine

    with DuckDBEngine() as engine:
        seeded(star, engine)
        comment = engine.query(
            "SELECT comment FROM duckdb_tables() "
            "WHERE schema_name = 'poc_dw' AND table_name = 'FactSales'"
        ).scalar()
        parents = {key.parent for key in decode_foreign_keys(str(comment))}
    assert parents == {("poc_dw", "DimProduct")}


@pytest.mark.postgres
def test_on_postgres_the_constraint_refers_to_the_sandbox_parent(
    star: Path, postgres_engine: Engine
) -> None:
    try:
        seeded(star, postgres_engine)
        referenced = rows(
            postgres_engine,
            "SELECT conname, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid = 'poc_dw.\"FactSales\"'::regclass ORDER BY conname",
        )
    finally:
        for schema in ("poc_dw", "poc_raw", "dw", "raw"):
            postgres_engine.drop_schema(schema)
    assert [parent for _, parent in referenced] == ['poc_dw."DimProduct"'] * 2
