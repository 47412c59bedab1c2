"""An SSDT-shaped project run end to end on DuckDB and PostgreSQL (``ssdt_warehouse/``):
production's DDL sets MS_Description on its schemas, tables and columns, the sandbox copy
gets them, and a step that updates and adds properties in the sandbox is VERIFIED. A
step that changes a production property through a schema name built at run time (the
lint finding allowed with a pragma, so only the run can catch it) is not: the fingerprint
names the property on DuckDB; on PostgreSQL, where the run's role may write only in the
sandbox, the call fails as SQL Server's would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main

HERE = Path(__file__).parent
ENGINES = [
    pytest.param("duckdb", marks=pytest.mark.duckdb),
    pytest.param("postgres", marks=pytest.mark.postgres),
]


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "warehouse"
    shutil.copytree(HERE / "ssdt_warehouse", folder)
    monkeypatch.chdir(folder)
    return folder


def available(engine: str) -> None:
    if engine == "postgres":
        from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
        from etlcheck.testing import skip_unless_available

        skip_unless_available("postgres", postgres_unavailable_reason())


def add_step(folder: Path, script: Path) -> None:
    shutil.copy(script, folder / "sql" / "20-stamp.sql")
    config = folder / "etlcheck.toml"
    config.write_text(
        config.read_text().replace(
            '"10-customer-totals.sql"]', '"10-customer-totals.sql", "20-stamp.sql"]'
        ),
        "utf-8",
    )


def last_run(folder: Path) -> dict:
    return json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_step_that_keeps_the_sandbox_descriptions_is_verified(
    warehouse: Path, engine: str, capsys: pytest.CaptureFixture[str]
) -> None:
    available(engine)
    assert main(["lint", "--engine", engine]) == 0
    capsys.readouterr()
    assert main(["run", "--engine", engine]) == 0
    out = capsys.readouterr().out
    assert "VERIFIED — stayed in the sandbox, production unchanged" in out
    # Properties on the copy of a production table: what production would get.
    assert "dw.customer_totals [MS_Description] (extended property) would get a new value" in out
    assert "dw.customer_totals.loaded_at [MS_Description] (extended property) would be added" in out
    assert "Data landed in the sandbox" not in out
    assert last_run(warehouse)["production"]["is_clean"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("step", ["property_leak_variable.sql", "property_leak_dynamic.sql"])
def test_a_production_property_changed_at_run_time_is_caught(
    warehouse: Path, engine: str, step: str, capsys: pytest.CaptureFixture[str]
) -> None:
    available(engine)
    add_step(warehouse, HERE / "properties" / step)
    assert main(["lint", "--engine", engine]) == 0  # the finding is allowed, wrongly
    capsys.readouterr()
    assert main(["run", "--engine", engine]) == 1
    out = capsys.readouterr().out
    assert "NOT VERIFIED" in out
    if engine == "duckdb":
        changed = {
            "property_leak_variable.sql": "dw.customer_totals [MS_Description] (extended "
            "property) was altered: its value changed",
            "property_leak_dynamic.sql": "dw.customer_totals [Owner] (extended property) was "
            "created",
        }[step]
        assert f"production changed: {changed}" in out
        assert not last_run(warehouse)["production"]["is_clean"]
    else:
        assert (
            "step 2 20-stamp.sql failed: " in out
            and "Extended properties are not permitted on 'dw.customer_totals'" in out
        )
        assert last_run(warehouse)["production"]["is_clean"]
