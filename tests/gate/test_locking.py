"""One run at a time on one database: a second ``etlcheck run`` (or setup, or reset) on
the database of a running one gets one line naming the holder, exit 2, and leaves the
database alone; with ``--wait`` it waits for the first to finish."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gate.conftest import run_etlcheck
from tests.gate.test_interrupt import WAIT_SECONDS, start_run, with_blocking_step


@pytest.fixture
def first_run(brokerage: Path):
    with_blocking_step(brokerage, "block-in-cross-join.sql")
    running = start_run(brokerage)
    running.wait_for("CROSS JOIN")
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.communicate()


@pytest.mark.parametrize("command", [["run"], ["run", "--from", "3"], ["setup"], ["reset"]])
def test_a_second_command_on_a_running_database_is_refused(
    brokerage: Path, first_run, command: list[str]
) -> None:
    database = brokerage / ".etlcheck" / "brokerage.duckdb"
    size = database.stat().st_size
    second = run_etlcheck(brokerage, *command)
    assert second.code == 2, second.out + second.err
    pid = first_run.process.pid
    line = second.error_line
    assert line.startswith(f"etlcheck: error: another etlcheck run (pid {pid}, since "), line
    assert line.endswith(
        ") holds .etlcheck/brokerage.duckdb (wait for it to finish, pass --wait, or give this "
        "run another --db)"
    ), line
    assert first_run.process.poll() is None, "the first run was disturbed"
    assert database.exists() and database.stat().st_size >= size
    code, _, _ = first_run.stop(signal.SIGINT)
    assert code == 130


def test_wait_runs_once_the_first_run_is_done(brokerage: Path, first_run) -> None:
    waiting = subprocess.Popen(
        [sys.executable, "-m", "etlcheck.cli", "run", "--wait", "--until", "2"],
        cwd=brokerage,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert waiting.stderr is not None
    line = waiting.stderr.readline()
    assert line.startswith(
        f"etlcheck: waiting for another etlcheck run (pid {first_run.process.pid}, since"
    ), line
    assert waiting.poll() is None
    code, _, _ = first_run.stop(signal.SIGINT)
    assert code == 130
    out, err = waiting.communicate(timeout=WAIT_SECONDS)
    assert waiting.returncode == 0, out + err
    assert "Total Steps: 2/2 completed" in out


def test_different_databases_do_not_wait_for_each_other(brokerage: Path, first_run) -> None:
    other = run_etlcheck(brokerage, "run", "--db", "other.duckdb", "--until", "2")
    assert other.code == 0, other.out + other.err
    assert first_run.process.poll() is None
