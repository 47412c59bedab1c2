"""On SQL Server the run's user cannot create schemas, so every sandbox schema is made
before step 1, also one a step creates (``poc_stage`` for ``CREATE SCHEMA stage``). A step
whose unguarded ``CREATE SCHEMA stage`` would then fail halfway through the run (error
2714) is a ``compat`` finding at that statement before anything runs; a guarded one
(``IF SCHEMA_ID(N'stage') IS NULL EXEC(...)``) is not, nor is any on DuckDB and PostgreSQL,
which leave the schema to its step. The pipelines are those of
``tests/own_pipeline/step_schemas``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.compatibility import check_pipeline
from etlcheck.config import load_config

STEP_SCHEMAS = Path(__file__).parents[1] / "own_pipeline" / "step_schemas"
GUARDED = Path(__file__).parent / "premade_schemas" / "guarded-setup.sql"


def project(folder: Path, setup: Path | None, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder.mkdir()
    for part in ("db", "sql"):
        shutil.copytree(STEP_SCHEMAS / part, folder / part)
    if setup is not None:
        shutil.copy(setup, folder / "sql" / "01-setup.sql")
    monkeypatch.chdir(folder)
    assert main(["init"]) == 0
    return folder


@pytest.mark.parametrize(
    ("setup", "line", "column"),
    [
        (None, 2, 1),
        (STEP_SCHEMAS / "variants" / "dynamic-setup.sql", 4, 1),
        (STEP_SCHEMAS / "variants" / "nested-setup.sql", 3, 1),
    ],
    ids=["statement", "dynamic", "with-its-objects"],
)
def test_an_unguarded_create_schema_is_a_finding_on_sql_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setup: Path | None, line: int, column: int
) -> None:
    root = project(tmp_path / "warehouse", setup, monkeypatch)
    (finding,) = check_pipeline(load_config(root / "etlcheck.toml"), "mssql")
    assert str(finding.location.path) == "sql/01-setup.sql"
    assert (finding.location.line, finding.location.column) == (line, column)
    assert finding.code == "compat"
    assert finding.message.startswith(
        "CREATE SCHEMA stage: on SQL Server the run's user cannot create schemas, so "
        "etlcheck makes poc_stage before step 1 and this statement would fail there "
        "(error 2714)"
    )
    assert "IF SCHEMA_ID(N'stage') IS NULL EXEC(N'CREATE SCHEMA stage')" in finding.suggestion


def test_a_guarded_create_schema_and_the_embedded_engines_have_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guarded = project(tmp_path / "guarded", GUARDED, monkeypatch)
    assert check_pipeline(load_config(guarded / "etlcheck.toml"), "mssql") == ()
    plain = project(tmp_path / "plain", None, monkeypatch)
    for engine in ("duckdb", "postgres"):
        assert check_pipeline(load_config(plain / "etlcheck.toml"), engine) == ()


def test_lint_for_sql_server_prints_the_finding_with_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path / "warehouse", None, monkeypatch)
    capsys.readouterr()
    assert main(["lint", "--engine", "mssql"]) == 1
    out = capsys.readouterr().out
    assert "sql/01-setup.sql:2:1: compat: CREATE SCHEMA stage: on SQL Server" in out
