"""A pipeline that opens a load batch, takes its id with ``SCOPE_IDENTITY()``, logs a step
in a procedure and closes the batch by that id, as ETL code writes it: `etlcheck run`
verifies it on the default engine and on PostgreSQL, with the log tables remapped into
the sandbox and their identity continuing after the rows production holds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main
from tests.own_pipeline.edits import assert_run_fails_after_edit

HERE = Path(__file__).parent

ENGINES = [
    pytest.param([], marks=pytest.mark.duckdb, id="duckdb"),
    pytest.param(["--engine", "postgres"], marks=pytest.mark.postgres, id="pg"),
]


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "warehouse"
    shutil.copytree(HERE / "load_batches", folder)
    monkeypatch.chdir(folder)
    assert main(["init"]) == 0
    return folder


def step_messages(folder: Path, script: str) -> list[str]:
    document = json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))
    (step,) = [step for step in document["run"]["steps"] if step["script"] == script]
    return list(step["messages"])


def _require(engine: list[str]) -> None:
    if engine:
        from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
        from etlcheck.testing import skip_unless_available

        skip_unless_available("postgres", postgres_unavailable_reason())


@pytest.mark.parametrize("engine", ENGINES)
def test_the_batch_is_opened_logged_and_closed_by_its_id(
    warehouse: Path, engine: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _require(engine)
    capsys.readouterr()
    assert main(["run", *engine]) == 0
    out = capsys.readouterr().out
    assert "compat" not in out
    assert "etl.LoadBatch would get 1 row added (3 -> 4 rows)" in out
    assert "VERIFIED — stayed in the sandbox" in out
    # IDENT_CURRENT is production's last batch; the new one is 4, its step the seed 100;
    # the procedure's insert is @@IDENTITY, not the caller's SCOPE_IDENTITY().
    assert step_messages(warehouse, "02-load.sql") == [
        "last batch 3",
        "step 100 of batch 4",
        "batch 4, last identity 100",
    ]


@pytest.mark.duckdb
def test_the_pipelines_own_check_fails_when_the_batch_stays_open(
    warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Closing another batch than the one SCOPE_IDENTITY() gave fails the pipeline's check.
    assert_run_fails_after_edit(
        warehouse / "sql" / "02-load.sql",
        "WHERE BatchId = @batch",
        "WHERE BatchId = @batch - 1",
        capsys,
        "the batch this run opened was not closed",
    )
