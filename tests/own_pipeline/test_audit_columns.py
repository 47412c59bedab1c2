"""A warehouse whose tables stamp every row with who loaded it, from where and when
(``DEFAULT SUSER_SNAME()``, ``SYSTEM_USER``, ``HOST_NAME()``, ``APP_NAME()``,
``USER_NAME()``, ``ORIGINAL_LOGIN()``, ``SYSDATETIMEOFFSET()``), and whose load procedure
logs ``SUSER_SNAME()`` and ``HOST_NAME()``: `etlcheck init` and `etlcheck run` verify it on
the default engine and on PostgreSQL. The pipeline's own last step fails the run unless
the rows it loaded carry the loading session's names."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.tsql.emulation.session_functions import host_name
from tests.own_pipeline.edits import assert_run_fails_after_edit

HERE = Path(__file__).parent
CHECK = "03-check.sql"


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "warehouse"
    shutil.copytree(HERE / "audit_columns", folder)
    monkeypatch.chdir(folder)
    assert main(["init"]) == 0
    return folder


def load_messages(folder: Path) -> list[str]:
    document = json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))
    (load,) = [step for step in document["run"]["steps"] if step["script"] == "02-load.sql"]
    return load["messages"]


ENGINES = [
    pytest.param([], "etlcheck", marks=pytest.mark.duckdb, id="duckdb"),
    pytest.param(
        ["--engine", "postgres"], "etlcheck_run_[0-9a-f]{8}", marks=pytest.mark.postgres, id="pg"
    ),
]


@pytest.mark.parametrize(("engine", "login"), ENGINES)
def test_the_audited_load_is_verified(
    warehouse: Path, engine: list[str], login: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if engine:
        from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
        from etlcheck.testing import skip_unless_available

        skip_unless_available("postgres", postgres_unavailable_reason())
    capsys.readouterr()
    assert main(["run", *engine]) == 0
    out = capsys.readouterr().out
    assert "compat" not in out
    assert "stage.d would get 2 rows added (1 -> 3 rows)" in out
    assert "ops.load_log would get 1 row added (1 -> 2 rows)" in out
    assert "VERIFIED — stayed in the sandbox" in out
    # DuckDB has no logins (etlcheck); PostgreSQL runs the steps as the run's role.
    (message,) = load_messages(warehouse)
    assert re.fullmatch(f"loaded 2 rows as {login} on {re.escape(host_name())}", message)


@pytest.mark.duckdb
def test_the_pipelines_own_check_fails_when_the_names_disagree(
    warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The check is not vacuous: asked for rows stamped by someone else, it fails the run.
    assert_run_fails_after_edit(
        warehouse / "sql" / CHECK,
        "CreatedBy <> SUSER_SNAME()",
        "CreatedBy = SUSER_SNAME()",
        capsys,
        "a loaded row does not carry the loading session's names",
    )
