"""The sample-data generator: deterministic, exact volumes per scale, dirt on purpose."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from etlcheck.config import load_config
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import ConfigError
from etlcheck.sampledata import SampleData, generate, plan_for, seed_database
from etlcheck.sampledata.layouts import layouts_in_scripts
from etlcheck.sampledata.plans import ENTITIES, PRODUCTION_SEED

INCIDENT_STAGING = {
    "stg_brokers": 12_260,
    "stg_policies": 148_103,
    "stg_groups": 3_181,
    "stg_proposals": 12_613,
}
INCIDENT_PRODUCTION = {"Brokers": 12_263, "Policies": 113_215, "Proposals": 11_891}


@pytest.fixture(scope="module")
def poc() -> SampleData:
    return generate("poc", 20240611)


@pytest.fixture(scope="module")
def layouts(repo_root: Path) -> dict[tuple[str, str], object]:
    return layouts_in_scripts(sorted((repo_root / "sql").glob("*.sql")))


def test_same_scale_and_seed_give_the_same_frames(poc: SampleData) -> None:
    again = generate("poc", 20240611)
    for name, frame in poc.raw.items():
        pd.testing.assert_frame_equal(frame, again.raw[name])
    for name, frame in poc.production.items():
        pd.testing.assert_frame_equal(frame, again.production[name])


def test_another_seed_gives_other_rows(poc: SampleData) -> None:
    other = generate("poc", 1)
    assert not poc.raw["brokers"].equals(other.raw["brokers"])
    assert len(other.raw["brokers"]) == len(poc.raw["brokers"])


def test_poc_has_100_rows_in_every_raw_table(poc: SampleData) -> None:
    assert set(poc.raw) == set(ENTITIES)
    assert {name: len(frame) for name, frame in poc.raw.items()} == dict.fromkeys(ENTITIES, 100)


def test_seed_plan_reproduces_the_incident_figures() -> None:
    plan = plan_for("seed")
    staged = {f"stg_{name}": entity.clean for name, entity in plan.entities}
    assert {k: staged[k] for k in INCIDENT_STAGING} == INCIDENT_STAGING
    assert {k: plan.production_rows(k) for k in INCIDENT_PRODUCTION} == INCIDENT_PRODUCTION


@pytest.mark.parametrize("factor", [2, 3, 10])
def test_integer_scale_multiplies_the_seed_volumes(factor: int) -> None:
    seed, scaled = plan_for("seed"), plan_for(str(factor))
    for (name, base), (_, bigger) in zip(seed.entities, scaled.entities, strict=True):
        assert bigger.raw == factor * base.raw, name
        assert bigger.clean == factor * base.clean, name
    for table, rows in PRODUCTION_SEED.items():
        assert scaled.production_rows(table) == factor * rows


def test_poc_production_is_proportionally_smaller(poc: SampleData) -> None:
    for table in ("Brokers", "Policies", "Proposals", "Groups", "Clients"):
        assert 0 < len(poc.production[table]) < PRODUCTION_SEED[table] / 10


def test_bad_scale_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="positive whole number"):
        generate("huge")


def test_staging_frames_match_the_plan(poc: SampleData) -> None:
    for name, entity in poc.plan.entities:
        assert len(poc.staging[f"stg_{name}"]) == entity.clean
        assert poc.staging[f"stg_{name}"].iloc[:, 0].is_unique or name == "premiums"


def test_raw_sample_is_dirty(poc: SampleData) -> None:
    brokers = poc.raw["brokers"]
    codes = brokers["broker_code"].dropna()
    assert (codes != codes.str.strip()).any(), "padded codes"
    assert (codes.str.strip() != codes.str.strip().str.upper()).any(), "lower-case codes"
    assert (codes.str.strip() == "").any() or brokers["broker_code"].isna().any(), "missing keys"
    normalised = codes.str.strip().str.upper()
    assert normalised[normalised != ""].duplicated().any(), "duplicates"
    assert (
        not brokers["status_code"]
        .str.strip()
        .str.upper()
        .isin(["A", "ACT", "ACTIVE", "I", "INACT", "INACTIVE", "S", "SUSP"])
        .all()
    ), "bad status codes"
    assert brokers["email"].isna().any(), "NULL e-mails"
    rates = pd.to_numeric(brokers["commission_rate"], errors="coerce")
    assert (~rates.between(0, 1)).any(), "unreadable or impossible commission rates"
    policies = poc.raw["policies"]
    assert (policies["end_date"] < policies["start_date"]).any(), "impossible terms"


def test_clean_rows_survive_normalisation(poc: SampleData) -> None:
    """Each clean key appears in the raw table once or more, modulo case and blanks."""
    raw = poc.raw["policies"]["policy_number"].dropna().str.strip().str.upper()
    staged = poc.staging["stg_policies"]["policy_number"]
    assert staged.isin(raw).all()
    winners = (
        poc.raw["policies"]
        .set_index("source_row_id")
        .loc[poc.staging["stg_policies"]["source_row_id"]]
    )
    assert (winners["policy_number"].str.strip().str.upper().to_numpy() == staged.to_numpy()).all()


def test_frames_have_the_layout_of_the_pipeline_ddl(
    poc: SampleData, layouts: dict[tuple[str, str], object]
) -> None:
    for schema, frames in (
        ("raw_data", poc.raw),
        ("dbo", poc.production),
        ("etl", poc.earlier_run),
    ):
        for name, frame in frames.items():
            layout = layouts.get((schema, name.lower()))
            if layout is None:  # a table the pipeline never touches
                assert name in {"Regions", "Commissions", "AuditLog", "file_watermarks"}
                continue
            assert tuple(frame.columns) == layout.column_names, f"{schema}.{name}"


@pytest.mark.duckdb
@pytest.mark.parametrize("sandboxed", [True, False])
def test_seed_database_fills_production_and_the_raw_sample(
    sample_config_path: Path, sandboxed: bool
) -> None:
    config = load_config(sample_config_path)
    with DuckDBEngine() as engine:
        summary = seed_database(engine, config, "poc", sandboxed=sandboxed)
        raw_schema = "poc_raw_data" if sandboxed else "raw_data"
        assert summary.raw_schema == raw_schema
        for entity in ENTITIES:
            assert engine.query(f"SELECT COUNT(*) FROM {raw_schema}.{entity}").scalar() == 100
            if sandboxed:  # the sandbox's copy is raw_data's, row for row and type for type
                differing = engine.query(
                    f"SELECT count(*) FROM (SELECT * FROM raw_data.{entity} EXCEPT ALL "
                    f"SELECT * FROM poc_raw_data.{entity})"
                ).scalar()
                assert differing == 0
                assert (
                    engine.query(f"DESCRIBE poc_raw_data.{entity}").rows
                    == engine.query(f"DESCRIBE raw_data.{entity}").rows
                )
        assert (
            summary.rows("dbo.Brokers") == engine.query("SELECT COUNT(*) FROM dbo.Brokers").scalar()
        )
        assert engine.query("SELECT COUNT(*) FROM etl.etl_step_state").scalar() == 41
        assert engine.query("SELECT COUNT(*) FROM etl.stg_policies").scalar() > 0
        types = dict(engine.query("DESCRIBE dbo.Policies").rows[i][:2] for i in range(15))
        assert types["AnnualPremium"] == "DECIMAL(12,2)"
        assert types["IsGroupPolicy"] == "BOOLEAN"
        schemas = set(engine.schemas())
        assert ("poc_raw_data" in schemas) is sandboxed
        assert not any(re.match(r"etlcheck_(seed|holding)_", t) for t in _tables(engine))


def _tables(engine: DuckDBEngine) -> list[str]:
    return [r[0] for r in engine.query("SELECT table_name FROM information_schema.tables").rows]


@pytest.mark.slow
def test_seed_scale_generates_the_incident_volumes() -> None:
    data = generate("seed", 20240611)
    counts = data.expected_staging_counts()
    assert {k: counts[k] for k in INCIDENT_STAGING} == INCIDENT_STAGING
    assert {k: len(data.production[k]) for k in INCIDENT_PRODUCTION} == INCIDENT_PRODUCTION
    for name, entity in data.plan.entities:
        assert len(data.raw[name]) == entity.raw


@pytest.mark.duckdb
def test_a_prepared_database_file_starts_the_run_checkpointed(
    sample_config_path: Path, tmp_path: Path
) -> None:
    from etlcheck.options import RunOptions
    from etlcheck.stages import prepare_database

    options = RunOptions.from_config(load_config(sample_config_path), scale="poc")
    database = tmp_path / "prepared.duckdb"
    with DuckDBEngine(str(database)) as engine:
        prepare_database(engine, options)
        wal = database.with_name(database.name + ".wal")
        assert not wal.exists() or wal.stat().st_size == 0
        assert engine.query("SELECT count(*) FROM poc_raw_data.policies").scalar() == 100
