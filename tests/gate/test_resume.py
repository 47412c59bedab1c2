"""``--resume`` cannot hide production damage: a resumed run is judged by the
before-fingerprint of the run that seeded the database, gets its own run id linking to
the run it continues, and leaves that run's report as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.gate.conftest import SQL, PostgresServer, add_step, run_etlcheck

DAMAGE = "production changed: dbo.Brokers lost 90 rows"


def with_damage_then_failure(project: Path) -> None:
    """Step 12 deletes 90 production rows through dynamic SQL (its lint finding silenced
    with a reason); step 13 fails on a view nobody deployed."""
    add_step(project, "stage", "12-purge-dormant-brokers.sql", "")
    shutil.copy(SQL / "purge-dormant-brokers.sql", project / "sql" / "12-purge-dormant-brokers.sql")
    add_step(project, "stage", "13-region-report.sql", "")
    shutil.copy(SQL / "region-report-missing-table.sql", project / "sql" / "13-region-report.sql")


def fix_the_failing_step(project: Path) -> None:
    shutil.copy(SQL / "region-report-fixed.sql", project / "sql" / "13-region-report.sql")


def latest_run(project: Path) -> dict[str, object]:
    document: dict[str, object] = json.loads(
        (project / "reports" / "latest" / "run.json").read_text()
    )
    return document


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_resume_keeps_the_damage(project: Path, *db: str) -> None:
    with_damage_then_failure(project)
    failed = run_etlcheck(project, "run", *db)
    assert failed.code == 1, failed.out + failed.err
    assert DAMAGE in failed.out
    assert "step 6 13-region-report.sql failed" in failed.out
    first = latest_run(project)
    first_id = str(first["run"]["run_id"])  # type: ignore[index]
    first_folder = project / "reports" / first_id
    first_files = {path.name: digest(path) for path in first_folder.iterdir()}

    fix_the_failing_step(project)
    resumed = run_etlcheck(project, "run", "--resume", *db)
    assert resumed.code == 1, resumed.out + resumed.err
    assert DAMAGE in resumed.out, "the resumed run hid the damage of the run it continues"
    assert "VERIFIED —" not in resumed.out.replace("NOT VERIFIED —", "")
    assert f"Continues run {first_id}" in resumed.out
    second = latest_run(project)
    run = second["run"]
    assert isinstance(run, dict)
    assert run["run_id"] != first_id and run["resumes"] == first_id
    assert [step["script"] for step in run["steps"]] == [
        "13-region-report.sql",
        "20-export-brokers.sql",
        "21-export-region-totals.sql",
    ]
    assert second["origin"] == first_id
    assert DAMAGE in second["findings"]  # type: ignore[operator]
    assert {path.name: digest(path) for path in first_folder.iterdir()} == first_files
    html = (project / "reports" / str(run["run_id"]) / "report.html").read_text()
    assert f'href="../{first_id}/report.html"' in html


def test_resume_is_judged_by_the_original_fingerprint(brokerage: Path) -> None:
    check_resume_keeps_the_damage(brokerage)


@pytest.mark.postgres
def test_resume_on_a_postgres_server_is_judged_by_the_original_fingerprint(
    brokerage: Path, postgres_server: PostgresServer
) -> None:
    """On PostgreSQL the sandbox principal cannot delete production rows, so the damage is
    done between the runs, by hand: the resumed run must still see it."""
    postgres_server.create_database("etlcheck_gate_resume")
    db = ["--db", postgres_server.url("etlcheck_gate_resume"), "--allow-external-target"]
    add_step(brokerage, "stage", "13-region-report.sql", "")
    shutil.copy(SQL / "region-report-missing-table.sql", brokerage / "sql" / "13-region-report.sql")
    failed = run_etlcheck(brokerage, "run", *db)
    assert failed.code == 1, failed.out + failed.err
    assert "production changed" not in failed.out
    first_id = str(latest_run(brokerage)["run"]["run_id"])  # type: ignore[index]
    postgres_server.execute(
        "etlcheck_gate_resume", 'DELETE FROM dbo."Brokers" WHERE "BrokerId" <= 90'
    )
    fix_the_failing_step(brokerage)
    resumed = run_etlcheck(brokerage, "run", "--resume", *db)
    assert resumed.code == 1, resumed.out + resumed.err
    assert DAMAGE in resumed.out
    second = latest_run(brokerage)
    assert second["run"]["resumes"] == first_id  # type: ignore[index]
    assert second["origin"] == first_id


def test_resume_after_a_clean_run_has_nothing_to_do(brokerage: Path) -> None:
    assert run_etlcheck(brokerage, "run").code == 0
    again = run_etlcheck(brokerage, "run", "--resume")
    assert again.code == 2
    assert "completed: there is nothing to resume" in again.error_line


def test_resume_with_no_earlier_run(brokerage: Path) -> None:
    outcome = run_etlcheck(brokerage, "run", "--resume")
    assert outcome.code == 2
    assert "--resume found no earlier run on .etlcheck/brokerage.duckdb" in outcome.error_line


def test_resume_refuses_a_run_whose_fingerprint_is_gone(brokerage: Path) -> None:
    with_damage_then_failure(brokerage)
    assert run_etlcheck(brokerage, "run").code == 1
    for kept in (brokerage / ".etlcheck" / "runs").glob("*/before.npz"):
        kept.unlink()
    outcome = run_etlcheck(brokerage, "run", "--resume")
    assert outcome.code == 2
    assert "before-fingerprint" in outcome.error_line and "cannot be read" in outcome.error_line
