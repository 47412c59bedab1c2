"""`etlcheck dq` validates the suites against the database the last run left, without
running the pipeline, and writes dq.html and dq.json beside that run's report."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.cli import main

REPO = Path(__file__).resolve().parents[1]
SUITES = Path("suites") / "poc_isolation" / "expectations"

pytestmark = pytest.mark.slow


def new_project(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(REPO / "etlcheck.toml", folder / "etlcheck.toml")
    shutil.copytree(REPO / "sql", folder / "sql")
    shutil.copytree(REPO / SUITES, folder / SUITES)
    return folder


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "Traceback" not in line
    return line


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A project whose pipeline ran once (poc scale, the default database file)."""
    project = new_project(tmp_path_factory.mktemp("dq") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert main(["run"]) == 0
    yield project


def test_dq_validates_the_last_runs_database(
    ran: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ran)
    assert main(["dq"]) == 0
    out = capsys.readouterr().out
    assert "stg_policies on poc_etl.stg_policies (" in out and "EXPECTATIONS MET" in out
    folder = (ran / "reports" / "latest").resolve()
    document = json.loads((folder / "dq.json").read_text("utf-8"))
    assert document["verdict"] == "expectations met" and document["findings"] == []
    assert document["run_id"] == folder.name
    assert {s["suite"] for s in document["expectations"]} == {
        "stg_brokers",
        "stg_groups",
        "stg_policies",
        "stg_proposals",
    }
    page = (folder / "dq.html").read_text("utf-8")
    assert "EXPECTATIONS MET" in page and 'id="expectations"' in page
    assert "SELECT broker_code FROM poc_etl.stg_brokers" in page


def test_one_suite_by_name_and_a_failing_rule(
    ran: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ran)
    path = ran / SUITES / "stg_brokers.json"
    original = path.read_text("utf-8")
    suite = json.loads(original)
    suite["expectations"][3]["kwargs"]["value_set"] = ["ACTIVE"]
    path.write_text(json.dumps(suite), "utf-8")
    try:
        assert main(["dq", "--suite", "stg_brokers"]) == 1
    finally:
        path.write_text(original, "utf-8")
    out = capsys.readouterr().out
    assert "stg_groups" not in out
    assert "poc_etl.stg_brokers.status: expect_column_values_to_be_in_set failed:" in out
    assert "NOT MET — 1 suite, 1 failed expectation" in out


def test_unknown_suite_is_one_line(
    ran: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ran)
    assert main(["dq", "--suite", "stg_nope"]) == 2
    assert one_error_line(capsys) == (
        "etlcheck: error: no expectation suite named 'stg_nope' "
        "(suites: stg_brokers, stg_groups, stg_policies, stg_proposals)"
    )


def test_without_a_previous_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(new_project(tmp_path / "fresh"))
    assert main(["dq"]) == 2
    line = one_error_line(capsys)
    assert line.startswith("etlcheck: error: no previous run to validate: neither ")
    assert line.endswith("(run `etlcheck run` first, or pass --db)")


def test_when_the_runs_database_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = new_project(tmp_path / "gone")
    monkeypatch.chdir(project)
    assert main(["run", "--until", "03-staging-tables", "--db", "work/run.duckdb"]) == 0
    (project / "work" / "run.duckdb").unlink()
    capsys.readouterr()
    assert main(["dq"]) == 2
    line = one_error_line(capsys)
    assert "the database of run " in line and "run.duckdb does not exist" in line

    assert main(["run", "--until", "03-staging-tables", "--db", ":memory:"]) == 0
    capsys.readouterr()
    assert main(["dq"]) == 2
    assert "used --db :memory:, so its database is gone" in one_error_line(capsys)
