"""`etlcheck run` on a copy of the sample pipeline: a syntax error is bad input, and a
failing step can be fixed and the run resumed from it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main

REPO = Path(__file__).resolve().parents[1]


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    return err[0]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "project"
    target.mkdir()
    shutil.copy(REPO / "etlcheck.toml", target / "etlcheck.toml")
    shutil.copytree(REPO / "sql", target / "sql")
    expectations = "suites/poc_isolation/expectations"
    shutil.copytree(REPO / expectations, target / expectations)
    monkeypatch.chdir(target)
    return target


def test_syntax_error_is_one_line_with_its_position(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = project / "sql" / "23-stage-policies.sql"
    lines = script.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.lstrip().upper().startswith("INSERT"))
    # the second INTO, the token the parser stopped at
    column = len(lines[index]) - len(lines[index].lstrip()) + len("INSERT INTO ") + 1
    lines[index] = lines[index].replace("INSERT", "INSERT INTO INTO", 1)
    script.write_text("\n".join(lines) + "\n")
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert f"23-stage-policies.sql:{index + 1}:{column}: syntax error: Expected" in err[0]
    assert "<Token" not in err[0]
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
    assert "4 expectation suites met" in out
    resumed = json.loads((project / "reports" / "latest" / "run.json").read_text())
    assert resumed["run"]["run_id"] != first["run"]["run_id"]
    assert resumed["run"]["resumes"] == first["run"]["run_id"]
    assert resumed["run"]["steps"][0]["script"] == "20-stage-products.sql"


def test_refuses_to_replace_a_database_it_did_not_create(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "warehouse.duckdb"
    foreign.write_bytes(b"not ours")
    assert main(["run", "--db", str(foreign)]) == 2
    line = one_error_line(capsys)
    assert "refusing to replace" in line and "rule: external-target" in line
    assert foreign.read_bytes() == b"not ours"


def test_refuses_a_server_database_that_does_not_look_disposable(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://etl:secret@127.0.0.1:1/warehouse"
    assert main(["run", "--engine", "postgres", "--db", url]) == 2
    line = one_error_line(capsys)
    assert "disposable-target" in line and "warehouse" in line
    assert "secret" not in line


def test_missing_expectations_folder_is_bad_input(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(project / "suites")
    assert main(["run"]) == 2
    line = one_error_line(capsys)
    assert "etlcheck.toml:28:16: [run] expectations = " in line
    assert line.endswith(
        "suites/poc_isolation/expectations does not exist (fix the path "
        "(relative to the configuration file) or remove the key)"
    )


def test_until_then_from_continues_in_the_same_database(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--until", "03-staging-tables"]) == 0
    assert "Total Steps: 5/5 completed" in capsys.readouterr().out
    assert main(["run", "--from", "10-load-code-maps"]) == 0
    out = capsys.readouterr().out
    assert "Total Steps: 36/36 completed" in out and "VERIFIED" in out


def test_from_needs_an_earlier_database(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--from", "10-load-code-maps"]) == 2
    assert "does not exist" in one_error_line(capsys)


def test_setup_and_reset_are_idempotent(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "sandbox.duckdb")
    assert main(["setup", "--db", db]) == 0
    assert "created: poc_etl, poc_dbo, poc_raw_data" in capsys.readouterr().out
    assert main(["setup", "--db", db]) == 0
    assert "created: nothing to do" in capsys.readouterr().out
    assert main(["reset", "--db", db]) == 0
    assert "reset: poc_etl, poc_dbo, poc_raw_data" in capsys.readouterr().out


def test_setup_refuses_a_sandbox_that_is_production(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project / "etlcheck.toml"
    config.write_text(config.read_text().replace('dbo = "poc_dbo"', 'dbo = "etl"'))
    assert main(["setup", "--db", str(tmp_path / "x.duckdb")]) == 2
    line = one_error_line(capsys)
    assert "etl" in line and "rule" in line


def test_an_in_memory_run_verifies_and_leaves_no_database(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--db", ":memory:"]) == 0
    out = capsys.readouterr().out
    assert "Total Steps: 41/41 completed" in out and "VERIFIED" in out
    leftovers = [p.name for p in project.rglob("*") if "memory" in p.name or p.suffix == ".duckdb"]
    assert leftovers == []


@pytest.mark.parametrize(
    "command",
    [["run", "--from", "10-load-code-maps"], ["run", "--resume"], ["setup"], ["reset"]],
)
def test_an_in_memory_database_has_nothing_to_continue(
    project: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert main([*command, "--db", ":memory:"]) == 2
    assert "--db :memory: lives only as long as one run" in one_error_line(capsys)
