"""A small pipeline written with the constructs the embedded engines now run (a sequence,
WAITFOR, OUTPUT INTO, sp_executesql with OUTPUT, RAISERROR, QUOTENAME, STRING_AGG, CROSS
APPLY) passes the compatibility pass and runs, rewritten into its sandbox, on DuckDB and
PostgreSQL with the results SQL Server gives; a WAITFOR counts in its step's time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.compatibility import check_pipeline, check_script
from etlcheck.config import load_config
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.isolation.rewrite import rewrite_script
from etlcheck.pipeline import Pipeline
from etlcheck.runner import Runner
from etlcheck.testing import skip_unless_available

HERE = Path(__file__).parent
CONFIG = load_config(HERE / "compat_project" / "etlcheck.toml")
EXPECTED = ("batch 100 loaded 1 row(s) for Ann", "[Ann], [Bob]]]")


def _engines() -> list[object]:
    return [
        pytest.param("duckdb", marks=pytest.mark.duckdb),
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    if request.param == "duckdb":
        with DuckDBEngine(None) as started:
            yield started
        return
    from etlcheck.engines.postgres import PostgresEngine
    from etlcheck.engines.postgres.cluster import postgres_unavailable_reason

    skip_unless_available("postgres", postgres_unavailable_reason())
    started = PostgresEngine().start()
    try:
        yield started
    finally:
        started.close()


@pytest.mark.parametrize("engine", _engines(), indirect=True)
def test_the_pipeline_passes_and_runs_in_its_sandbox(engine: Engine) -> None:
    assert check_pipeline(CONFIG, engine.name) == ()
    engine.execute("CREATE SCHEMA poc_etl")
    messages: list[str] = []
    for step in Pipeline.from_config(CONFIG).steps:
        text = rewrite_script(step.read(), step.path, CONFIG.sandbox, "ast").text
        messages += engine.run_script(text, step.path).messages
    assert tuple(messages) == EXPECTED
    audit = engine.query("SELECT id, customer, action FROM poc_etl.order_audit ORDER BY id").rows
    assert [tuple(row) for row in audit] == [(1, "Ann", "INSERT"), (2, "Bob]", "INSERT")]


def test_a_wait_counts_in_its_steps_time(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(time, "sleep", lambda seconds: clock.__setitem__(0, clock[0] + seconds))
    with DuckDBEngine(None) as engine:
        engine.execute("CREATE SCHEMA IF NOT EXISTS etl")
        runner = Runner(engine, Pipeline.from_config(CONFIG), "etl")
        result = runner.run()
    assert result.ok, result.failed
    seconds = {step.step.name: step.seconds for step in result.results}
    assert seconds["02-load.sql"] == pytest.approx(0.05)
    assert seconds["01-tables.sql"] == seconds["03-report.sql"] == 0.0


@pytest.mark.parametrize("engine", _engines(), indirect=True)
def test_emulated_functions_work_wherever_a_statement_has_expressions(engine: Engine) -> None:
    path = HERE / "fixtures" / "constructs_in_every_position.sql"
    text = path.read_text()
    assert check_script(text, path.name, engine.name) == ()
    engine.execute("CREATE SCHEMA IF NOT EXISTS dbo")
    assert engine.run_script(text, path).messages == ("two", "[a]0010,b", "1", "20240229")


def test_computed_columns_run_on_duckdb_and_are_a_finding_on_postgres() -> None:
    script = "CREATE TABLE dbo.c (name NVARCHAR(20), code AS (QUOTENAME(name)))"
    assert check_script(script, "c.sql", "duckdb") == ()
    (finding,) = check_script(script, "c.sql", "postgres")
    assert finding.message.startswith("computed column: PostgreSQL needs the type")
