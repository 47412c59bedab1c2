"""The sample pipeline in sql/: its shape, its naming, and a full run on DuckDB."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etlcheck.config import Config, load_config
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.pipeline import Pipeline
from etlcheck.runner import Runner
from etlcheck.sampledata import generate, seed_database

STATE_TABLES = {"etl_run_state", "etl_step_state"}
INCIDENT_STAGING = {
    "stg_brokers": 12_260,
    "stg_policies": 148_103,
    "stg_groups": 3_181,
    "stg_proposals": 12_613,
}
_BARE = re.compile(r"(?<![\w\[\]])(etl|dbo|raw_data)\.(\w+)", re.IGNORECASE)
_BRACKETED = re.compile(r"\[(etl|dbo|raw_data)\]\.\[(\w+)\]", re.IGNORECASE)


@pytest.fixture(scope="module")
def config(sample_config_path: Path) -> Config:
    return load_config(sample_config_path)


@pytest.fixture(scope="module")
def scripts(config: Config) -> dict[str, str]:
    pipeline = Pipeline.from_config(config)
    return {step.name: step.read() for step in pipeline.steps}


def _code(text: str) -> str:
    """The script without comments, so names in prose do not count."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    return re.sub(r"--[^\n]*", "", text)


def test_pipeline_has_41_steps_in_three_phases(config: Config) -> None:
    assert [(p.name, len(p.scripts)) for p in config.phases] == [
        ("schema", 5),
        ("transform", 18),
        ("export", 18),
    ]
    assert config.phase("schema").scripts[:2] == (
        "00a-state-management-tables.sql",
        "00-schema-setup.sql",
    )
    Pipeline.from_config(config).check_files()


def test_schema_setup_holds_the_incident_idiom(scripts: dict[str, str]) -> None:
    setup = _code(scripts["00-schema-setup.sql"])
    assert "SELECT 1 FROM sys.schemas WHERE name = 'etl'" in setup
    assert "DROP SCHEMA [etl];" in setup
    assert "CREATE SCHEMA [etl]" in setup
    assert "CREATE SCHEMA [raw_data]" in setup


def test_state_tables_are_always_written_bare(scripts: dict[str, str]) -> None:
    for name, text in scripts.items():
        for schema, table in _BRACKETED.findall(_code(text)):
            assert table.lower() not in STATE_TABLES, f"{name}: [{schema}].[{table}]"
        for schema, table in _BARE.findall(_code(text)):
            if schema.lower() == "etl":
                assert table.lower() in STATE_TABLES, f"{name}: bare etl.{table}"


def test_production_and_staging_are_always_bracketed_raw_reads_bare(
    scripts: dict[str, str],
) -> None:
    bare_schemas = set()
    for name, text in scripts.items():
        bare_schemas |= {schema.lower() for schema, _ in _BARE.findall(_code(text))}
        assert not re.search(r"\[raw_data\]\.", text, re.IGNORECASE), name
    assert bare_schemas == {"etl", "raw_data"}
    exports = [n for n in scripts if n[:2] >= "30"]
    for name in exports:
        code = _code(scripts[name])
        assert "[dbo]." in code and "NOT EXISTS (" in code, name
        assert not re.search(r"\b(UPDATE|DELETE|MERGE)\b", code, re.IGNORECASE), name
        assert re.search(r"IF OBJECT_ID\(N?'\[dbo\]\.\[\w+\]', N?'U'\) IS NULL", code), name


def test_scripts_use_the_idioms_data_teams_use(scripts: dict[str, str]) -> None:
    everything = "\n".join(scripts.values())
    for idiom in (
        "IF OBJECT_ID(",
        "SELECT ",
        " INTO #",
        "MERGE ",
        "WHERE NOT EXISTS",
        "TRUNCATE TABLE",
        "DECLARE @",
        "SET @",
        "BEGIN TRY",
        "BEGIN CATCH",
        "THROW;",
        "THROW 50",
        "PRINT ",
        "@@ROWCOUNT",
        "ROW_NUMBER() OVER",
        "\nGO\n",
    ):
        assert idiom in everything, idiom


def _run(config: Config, scale: str) -> tuple[DuckDBEngine, dict[str, int], object]:
    engine = DuckDBEngine().start()
    summary = seed_database(engine, config, scale, sandboxed=False)
    result = Runner(engine, Pipeline.from_config(config), "etl", scale=scale).run()
    return engine, dict(summary.expected_staging), result


@pytest.mark.duckdb
def test_poc_run_completes_and_stages_what_the_generator_expects(config: Config) -> None:
    engine, expected, result = _run(config, "poc")
    try:
        failed = [r.error for r in result.results if r.status != "ok"]  # type: ignore[attr-defined]
        assert failed == []
        assert result.completed == 41  # type: ignore[attr-defined]
        for table, rows in expected.items():
            assert engine.query(f"SELECT COUNT(*) FROM etl.{table}").scalar() == rows, table
        logged = engine.query(
            "SELECT source_table, error_code, COUNT(*) FROM etl.load_errors GROUP BY ALL"
        ).rows
        rejects = generate("poc", config.sample.seed).expected_rejects()
        assert {(t, c): n for t, c, n in logged} == {
            (t, c): n for t, codes in rejects.items() for c, n in codes.items()
        }
        assert engine.query("SELECT COUNT(*) FROM etl.etl_step_state").scalar() == 41 + 41
    finally:
        engine.close()


@pytest.mark.duckdb
def test_poc_staging_equals_the_clean_entities(config: Config) -> None:
    engine, _, _ = _run(config, "poc")
    try:
        truth = generate("poc", config.sample.seed).staging["stg_brokers"]
        staged = engine.query(
            "SELECT broker_code, status, email, source_row_id FROM etl.stg_brokers "
            "ORDER BY broker_code"
        ).rows
        expected = truth.sort_values("broker_code")[
            ["broker_code", "status", "email", "source_row_id"]
        ]
        assert staged == [
            (code, status, email if isinstance(email, str) else None, int(row))
            for code, status, email, row in expected.itertuples(index=False)
        ]
    finally:
        engine.close()


@pytest.mark.duckdb
def test_seeded_tables_have_the_layout_the_pipeline_creates(config: Config) -> None:
    """Production's etl tables, seeded, match the ones 03-staging-tables.sql creates."""
    with DuckDBEngine() as seeded, DuckDBEngine() as built:
        seed_database(seeded, config, "poc", sandboxed=False)
        steps = Pipeline.from_config(config).steps[:5]
        for step in steps:
            built.run_script(step.read(), step.path)
        for table in ("stg_brokers", "stg_policies", "stg_groups", "stg_proposals"):
            describe = (
                f"SELECT column_name, data_type FROM information_schema.columns "
                f"WHERE table_schema = 'etl' AND table_name = '{table}' ORDER BY ordinal_position"
            )
            assert seeded.query(describe).rows == built.query(describe).rows, table


@pytest.mark.duckdb
@pytest.mark.slow
def test_seed_run_reproduces_the_incident_staging_counts(config: Config) -> None:
    engine, _, result = _run(config, "seed")
    try:
        assert [r.status for r in result.results] == ["ok"] * 41  # type: ignore[attr-defined]
        counts = {
            table: engine.query(f"SELECT COUNT(*) FROM etl.{table}").scalar()
            for table in INCIDENT_STAGING
        }
        assert counts == INCIDENT_STAGING
    finally:
        engine.close()
