"""The sample pipeline in sql/ runs unchanged through the interpreter on DuckDB."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine

pytestmark = pytest.mark.duckdb
ROOT = Path(__file__).resolve().parents[2]


def manifest() -> list[Path]:
    config = tomllib.loads((ROOT / "etlcheck.toml").read_text())
    sql_dir = ROOT / config["project"]["sql_dir"]
    return [sql_dir / name for phase in config["phases"] for name in phase["scripts"]]


def test_all_41_scripts_run_and_produce_the_expected_staging() -> None:
    sampledata = pytest.importorskip("etlcheck.sampledata")
    scripts = manifest()
    assert len(scripts) == 41
    data = sampledata.generate("poc")
    with DuckDBEngine() as engine:
        for name, frame in data.raw.items():
            engine.load_frame("raw_data", name, frame)
        for name, frame in data.production.items():
            engine.load_frame("dbo", name, frame)
        for name, frame in data.earlier_run.items():
            engine.load_frame("etl", name, frame)
        completed = 0
        for script in scripts:
            engine.run_script(script.read_text(), script)
            completed += 1
        assert completed == 41
        for table, expected in data.expected_staging_counts().items():
            count = engine.query(f"SELECT count(*) FROM etl.{table}").scalar()
            assert (table, count) == (table, expected)
