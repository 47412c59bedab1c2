"""Real signals sent to real ``etlcheck run`` processes, on DuckDB and PostgreSQL.

Each run's step 5 blocks (a SELECT of about 10^12 rows, or an endless loop of short
statements) after writing a marker row into staging and into a copy of production. The
test waits until the trace (``ETLCHECK_TRACE``) shows the blocking statement, sends the
signal, and checks what a user would: the exit code, the one line, the run state (in the
ledger and in the pipeline's state tables), that the step left nothing behind, what is
left over, and that ``--resume`` finishes the run with production unchanged."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from etlcheck.locking import is_locked, lock_file_for
from tests.gate.conftest import SQL, PostgresServer, add_step, run_etlcheck

BLOCKING_STEP = "12-score-broker-pairs.sql"
WAIT_SECONDS = 180.0
"""How long a test waits for a run to reach a point (the machine may be busy)."""


@dataclass
class RunningEtlcheck:
    """An ``etlcheck`` process and the trace it writes."""

    process: subprocess.Popen[str]
    trace: Path
    project: Path

    def wait_for(self, needle: str, after: str = f"{BLOCKING_STEP} start") -> None:
        """Until the trace has a line containing ``needle`` after the line containing
        ``after`` (polled; fails if the run ends first or takes over WAIT_SECONDS)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            text = self.trace.read_text("utf-8") if self.trace.exists() else ""
            if after in text and needle in (text.split(after, 1)[1] if after else text):
                return
            if self.process.poll() is not None:
                out, err = self.process.communicate()
                pytest.fail(f"the run ended before {needle!r}: {out}\n{err}")
            time.sleep(0.05)
        pytest.fail(f"the run did not reach {needle!r} in {WAIT_SECONDS:g}s")

    def stop(self, signum: int) -> tuple[int, str, str]:
        self.process.send_signal(signum)
        out, err = self.process.communicate(timeout=WAIT_SECONDS)
        return self.process.returncode, out, err


def start_run(project: Path, *args: str) -> RunningEtlcheck:
    trace = project / "trace.txt"
    trace.unlink(missing_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "etlcheck.cli", "run", *args],
        cwd=project,
        env={**os.environ, "ETLCHECK_TRACE": str(trace)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return RunningEtlcheck(process, trace, project)


def with_blocking_step(project: Path, blocking: str) -> None:
    add_step(project, "stage", BLOCKING_STEP, (SQL / blocking).read_text("utf-8"))


def unblock(project: Path) -> None:
    text = (SQL / "score-broker-pairs.sql").read_text("utf-8")
    (project / "sql" / BLOCKING_STEP).write_text(text, "utf-8")


def database_lock(project: Path) -> Path:
    return lock_file_for(str((project / ".etlcheck" / "brokerage.duckdb").resolve()))


def ledger(project: Path) -> list[dict[str, object]]:
    records = [json.loads(p.read_text()) for p in project.glob(".etlcheck/runs/*/run.json")]
    return sorted(records, key=lambda record: str(record["started_at"]))


def duckdb_rows(project: Path, sql: str) -> list[tuple[object, ...]]:
    import duckdb

    with duckdb.connect(str(project / ".etlcheck" / "brokerage.duckdb"), read_only=True) as db:
        return db.execute(sql).fetchall()


def postgres_clusters_of(pid: int) -> list[Path]:
    """Throwaway clusters (temp folders) that process ``pid`` started and left."""
    found = []
    for folder in Path(tempfile.gettempdir()).glob("etlcheck-pg-*"):
        owner = folder / "etlcheck-owner"
        if owner.exists() and owner.read_text().strip() == str(pid):
            found.append(folder)
    return found


def wait_until_gone(pid: int) -> list[Path]:
    """The clusters ``pid`` left, once its clean-up had WAIT_SECONDS to remove them."""
    deadline = time.monotonic() + WAIT_SECONDS
    while postgres_clusters_of(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return postgres_clusters_of(pid)


MARKERS = (
    "SELECT (SELECT COUNT(*) FROM poc_etl.stg_regions WHERE region = 'Marker') + "
    "(SELECT COUNT(*) FROM poc_dbo.RegionTotals WHERE Region = 'Marker')"
)


@pytest.mark.parametrize(
    ("signum", "blocking", "code"),
    [
        (signal.SIGINT, "block-in-cross-join.sql", 130),
        (signal.SIGINT, "block-in-loop.sql", 130),
        (signal.SIGTERM, "block-in-cross-join.sql", 143),
        (signal.SIGTERM, "block-in-loop.sql", 143),
    ],
    ids=["sigint-in-a-statement", "sigint-between-statements", "sigterm-in-a-statement",
         "sigterm-between-statements"],
)  # fmt: skip
def test_a_signal_stops_the_run_at_its_step_and_resume_finishes_it(
    brokerage: Path, signum: int, blocking: str, code: int
) -> None:
    with_blocking_step(brokerage, blocking)
    running = start_run(brokerage)
    running.wait_for("CROSS JOIN" if "cross" in blocking else "statement UPDATE")
    exit_code, out, err = running.stop(signum)

    name = signal.Signals(signum).name
    assert exit_code == code, out + err
    assert err.strip().splitlines() == [
        f"etlcheck: {name}: the run was interrupted at step 5 ({BLOCKING_STEP}), which was "
        "rolled back; it is recorded as interrupted, and etlcheck run --resume continues "
        "from that step"
    ]
    assert f"[ 5/7] stage     {BLOCKING_STEP}" in out and "INTERRUPTED" in out
    [record] = ledger(brokerage)
    assert (record["status"], record["stopped_by"], record["next_step"]) == (
        "interrupted",
        name,
        BLOCKING_STEP,
    )
    assert duckdb_rows(brokerage, "SELECT status FROM poc_etl.etl_run_state") == [("interrupted",)]
    assert duckdb_rows(
        brokerage, "SELECT step_number, status FROM poc_etl.etl_step_state ORDER BY 1"
    ) == [(1, "ok"), (2, "ok"), (3, "ok"), (4, "ok"), (5, "interrupted")]
    assert duckdb_rows(brokerage, MARKERS) == [(0,)], "the interrupted step left rows behind"
    assert not is_locked(database_lock(brokerage))
    assert not database_lock(brokerage).with_suffix(".lock.owner").exists()

    unblock(brokerage)
    resumed = run_etlcheck(brokerage, "run", "--resume")
    assert resumed.code == 0, resumed.out + resumed.err
    assert "VERIFIED — stayed in the sandbox, production unchanged" in resumed.out
    document = json.loads((brokerage / "reports" / "latest" / "run.json").read_text())
    assert document["run"]["resumes"] == record["run_id"]
    assert document["run"]["steps"][0]["script"] == BLOCKING_STEP
    assert document["production"]["is_clean"] and document["production"]["sentences"] == []


def test_a_killed_run_is_interrupted_and_its_step_left_nothing(brokerage: Path) -> None:
    with_blocking_step(brokerage, "block-in-cross-join.sql")
    running = start_run(brokerage)
    running.wait_for("CROSS JOIN")
    exit_code, _, _ = running.stop(signal.SIGKILL)
    assert exit_code == -signal.SIGKILL

    [record] = ledger(brokerage)
    assert (record["status"], record["next_step"]) == ("running", BLOCKING_STEP)
    assert duckdb_rows(brokerage, "SELECT status FROM poc_etl.etl_run_state") == [("running",)]
    assert duckdb_rows(brokerage, MARKERS) == [(0,)], "the killed step's writes were kept"
    assert not is_locked(database_lock(brokerage))

    unblock(brokerage)
    resumed = run_etlcheck(brokerage, "run", "--resume")
    assert resumed.code == 0, resumed.out + resumed.err
    assert "VERIFIED — stayed in the sandbox, production unchanged" in resumed.out
    statuses = duckdb_rows(brokerage, "SELECT status FROM poc_etl.etl_run_state ORDER BY 1")
    assert sorted(statuses) == [("completed",), ("interrupted",)]
    document = json.loads((brokerage / "reports" / "latest" / "run.json").read_text())
    assert [s["script"] for s in document["run"]["steps"]][:1] == [BLOCKING_STEP]


@pytest.mark.postgres
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_a_stopped_run_on_a_throwaway_cluster_leaves_nothing_and_cannot_resume(
    brokerage: Path, signum: int
) -> None:
    from etlcheck.engines.pgcluster import postgres_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("postgres", postgres_unavailable_reason())
    with_blocking_step(brokerage, "block-in-cross-join.sql")
    running = start_run(brokerage, "--engine", "postgres")
    running.wait_for("CROSS JOIN")
    assert postgres_clusters_of(running.process.pid)
    exit_code, _, err = running.stop(signum)
    assert exit_code == (130 if signum == signal.SIGINT else -signal.SIGKILL), err
    assert wait_until_gone(running.process.pid) == [], "the throwaway cluster was left behind"
    [record] = ledger(brokerage)
    assert record["status"] == ("interrupted" if signum == signal.SIGINT else "running")

    unblock(brokerage)
    resumed = run_etlcheck(brokerage, "run", "--resume", "--engine", "postgres")
    assert resumed.code == 2
    assert resumed.error_line == (
        f"etlcheck: error: run {record['run_id']} ran on a throwaway PostgreSQL cluster, "
        "which was removed when that run ended: there is nothing to resume (run again "
        "without --resume)"
    )


@pytest.mark.postgres
def test_sigterm_on_a_postgres_server_rolls_the_step_back_and_resume_finishes(
    brokerage: Path, postgres_server: PostgresServer
) -> None:
    postgres_server.create_database("etlcheck_gate_sigterm")
    db = ["--db", postgres_server.url("etlcheck_gate_sigterm"), "--allow-external-target"]
    with_blocking_step(brokerage, "block-in-loop.sql")
    running = start_run(brokerage, *db)
    running.wait_for("statement UPDATE")
    exit_code, out, err = running.stop(signal.SIGTERM)
    assert exit_code == 143, out + err
    [record] = ledger(brokerage)
    assert (record["status"], record["next_step"]) == ("interrupted", BLOCKING_STEP)
    import psycopg

    with psycopg.connect(
        dbname="etlcheck_gate_sigterm", autocommit=True, **postgres_server.admin
    ) as connection:
        markers = connection.execute(
            "SELECT (SELECT COUNT(*) FROM poc_etl.stg_regions WHERE region = 'Marker') + "
            '(SELECT COUNT(*) FROM poc_dbo."RegionTotals" WHERE "Region" = \'Marker\')'
        ).fetchone()
        states = connection.execute("SELECT status FROM poc_etl.etl_run_state").fetchall()
    assert markers == (0,)
    assert states == [("interrupted",)]

    unblock(brokerage)
    resumed = run_etlcheck(brokerage, "run", "--resume", *db)
    assert resumed.code == 0, resumed.out + resumed.err
    assert "VERIFIED — stayed in the sandbox, production unchanged" in resumed.out


def test_a_signal_while_seeding_stops_before_the_steps(brokerage: Path) -> None:
    running = start_run(brokerage)
    running.wait_for("statement", after="")  # the first statement: the seed is under way
    exit_code, out, err = running.stop(signal.SIGINT)
    assert exit_code == 130, out + err
    assert err.strip().splitlines() == [
        "etlcheck: SIGINT: the run was interrupted before its steps ran (run it again)"
    ]
    records = ledger(brokerage)
    assert [(r["status"], r["next_step"]) for r in records] in ([], [("interrupted", None)])
    resumed = run_etlcheck(brokerage, "run", "--resume")
    assert resumed.code == 2
    assert "nothing to resume" in resumed.error_line or "no earlier run" in resumed.error_line
    again = run_etlcheck(brokerage, "run")
    assert again.code == 0, again.out + again.err
