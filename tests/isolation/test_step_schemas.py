"""Which sandbox schemas are left for the pipeline to create: those whose production
schema a step creates and the seeded database does not hold. The rest are made before
step 1, as always; an engine whose run principal cannot create schemas leaves none."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.config import Config, Phase, SandboxConfig
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.engines.mssql import SqlServerEngine
from etlcheck.isolation.sandbox import setup_sandbox
from etlcheck.isolation.step_schemas import schemas_created_by_steps, schemas_left_to_steps

FIXTURES = Path(__file__).resolve().parents[1] / "own_pipeline" / "step_schemas"
SANDBOX = SandboxConfig(
    schema_map={"stage": "poc_stage", "etl": "poc_etl"}, protected=("stage", "etl")
)


def pipeline(folder: Path, setup: str | None = None) -> Config:
    """The fixture warehouse's two steps (``variants/<setup>`` as the first) in ``folder``."""
    shutil.copytree(FIXTURES / "sql", folder / "sql")
    if setup is not None:
        shutil.copy(FIXTURES / "variants" / setup, folder / "sql" / "01-setup.sql")
    phase = Phase("load", "Load", ("01-setup.sql", "02-totals.sql"), 60.0)
    return Config(folder / "etlcheck.toml", "warehouse", folder / "sql", (phase,), SANDBOX)


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    """Production as seeded: ``etl`` only."""
    with DuckDBEngine() as started:
        started.execute("CREATE SCHEMA etl")
        yield started


@pytest.mark.parametrize(
    ("setup", "created"),
    [
        (None, {"stage"}),
        ("nested-setup.sql", {"stage"}),
        ("dynamic-setup.sql", {"stage"}),
        ("uses-stage.sql", set()),
    ],
)
def test_the_schemas_a_step_creates_are_read_from_every_step(
    setup: str | None, created: set[str], tmp_path: Path
) -> None:
    assert schemas_created_by_steps(pipeline(tmp_path, setup)) == created


@pytest.mark.duckdb
def test_a_schema_production_lacks_and_a_step_creates_is_left(
    engine: DuckDBEngine, tmp_path: Path
) -> None:
    config = pipeline(tmp_path)
    assert schemas_left_to_steps(engine, config) == {"poc_stage"}
    made = setup_sandbox(engine, config.sandbox, leave=schemas_left_to_steps(engine, config))
    assert made == ["poc_etl"]
    assert "poc_stage" not in engine.schemas()


@pytest.mark.duckdb
def test_a_schema_production_has_is_made_although_a_step_creates_it(
    engine: DuckDBEngine, tmp_path: Path
) -> None:
    engine.execute("CREATE SCHEMA stage")
    assert schemas_left_to_steps(engine, pipeline(tmp_path)) == frozenset()


@pytest.mark.duckdb
def test_a_sandbox_schema_that_exists_already_is_not_left(
    engine: DuckDBEngine, tmp_path: Path
) -> None:
    """A continued run: step 1 of the first run made ``poc_stage``."""
    engine.execute("CREATE SCHEMA poc_stage")
    assert schemas_left_to_steps(engine, pipeline(tmp_path)) == frozenset()


@pytest.mark.duckdb
def test_a_schema_the_steps_only_use_is_made_before_step_1(
    engine: DuckDBEngine, tmp_path: Path
) -> None:
    config = pipeline(tmp_path, "uses-stage.sql")
    left = schemas_left_to_steps(engine, config)
    assert left == frozenset()
    assert setup_sandbox(engine, config.sandbox, leave=left) == ["poc_stage", "poc_etl"]


def test_sql_server_leaves_no_schema_to_its_run_user(tmp_path: Path) -> None:
    """The run's user on SQL Server has no CREATE SCHEMA permission: every sandbox schema
    is made before step 1 there (decided before the server is asked anything)."""
    assert not SqlServerEngine.principal_creates_schemas
    assert schemas_left_to_steps(SqlServerEngine(), pipeline(tmp_path)) == frozenset()
