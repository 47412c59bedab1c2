"""Fixtures of the seeding tests: an engine per test on DuckDB and on PostgreSQL (one
throwaway cluster per session, emptied between tests), and a small inventory project
written into a temporary folder from the .sql fixtures beside these tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.seeding.owed_rows import TABLE as OWED_TABLE
from tests.engine_params import BOTH_ENGINES, throwaway_postgres

HERE = Path(__file__).parent
PROJECT = HERE / "inventory"


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    with throwaway_postgres(dbo=False) as started:
        yield started


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database with nothing but the engine's own schemas in it."""
    if request.param == "duckdb":
        with DuckDBEngine() as started:
            yield started
        return
    shared: Engine = request.getfixturevalue("postgres_engine")
    before = {name.lower() for name in shared.schemas()}
    try:
        yield shared
    finally:
        for schema in shared.schemas():
            if schema.lower() not in before:
                shared.drop_schema(schema)
        shared.execute(f"DROP TABLE IF EXISTS sys.{OWED_TABLE}")  # no debts for the next test
        shared.catalog_epoch += 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the inventory project (sql/, db/, data/, etlcheck.toml) to change freely."""
    target = tmp_path / "inventory"
    shutil.copytree(PROJECT, target)
    return target
