"""`etlcheck run` on a copy of the sample pipeline: a syntax error is bad input, and a
failing step can be fixed and the run resumed from it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "project"
    target.mkdir()
    shutil.copy(REPO / "etlcheck.toml", target / "etlcheck.toml")
    shutil.copytree(REPO / "sql", target / "sql")
    monkeypatch.chdir(target)
    return target


def test_syntax_error_is_one_line_with_its_position(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = project / "sql" / "23-stage-policies.sql"
    lines = script.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.lstrip().upper().startswith("INSERT"))
    column = len(lines[index]) - len(lines[index].lstrip()) + 1
    lines[index] = lines[index].replace("INSERT", "INSERT INTO INTO", 1)
    script.write_text("\n".join(lines) + "\n")
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert f"23-stage-policies.sql:{index + 1}:{column}: syntax error" in err[0]
    assert not (project / "reports").exists()


def test_failed_step_then_resume(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = project / "sql" / "20-stage-products.sql"
    original = script.read_text()
    script.write_text(original.replace("FROM [etl].[in_products]", "FROM [etl].[in_products_gone]"))
    assert main(["run"]) == 1
    out = capsys.readouterr().out
    assert "Total Steps: 15/41 completed" in out
    assert "in_products_gone" in out and "20-stage-products.sql:12:1:" in out
    assert "Phase 3: Export to Production (0 of 18 scripts completed)" in out

    first = json.loads((project / "reports" / "latest" / "run.json").read_text())
    failed = [s for s in first["run"]["steps"] if s["status"] == "failed"]
    assert [s["script"] for s in failed] == ["20-stage-products.sql"]

    script.write_text(original)
    assert main(["run", "--resume"]) == 0
    out = capsys.readouterr().out
    assert "Total Steps: 26/26 completed" in out
    resumed = json.loads((project / "reports" / "latest" / "run.json").read_text())
    assert resumed["run"]["run_id"] == first["run"]["run_id"]
    assert resumed["run"]["steps"][0]["script"] == "20-stage-products.sql"
