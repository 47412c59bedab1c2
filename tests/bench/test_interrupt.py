"""Real signals sent to real ``etlcheck bench`` processes: the benchmark stops at the next
statement (warm runs) or passes the signal on to its run's process (cold runs), exits
130 or 143 with one line, and leaves no copies, no stored result and no run record.

The second step of the order warehouse is replaced by an endless loop; each test waits
until the trace (``ETLCHECK_TRACE``) shows the loop running before it signals."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from etlcheck.bench.storage import benchmarks_dir

HERE = Path(__file__).resolve().parent
WAIT_SECONDS = 180.0
"""How long a test waits for the benchmark to reach the loop (the machine may be busy)."""
LOOPING = "step 2 20-merge-customers.sql start"


def _start(project: Path, *arguments: str) -> tuple[subprocess.Popen[str], Path]:
    shutil.copyfile(HERE / "blocking-merge.sql", project / "sql" / "20-merge-customers.sql")
    trace = project / "trace.txt"
    process = subprocess.Popen(
        [sys.executable, "-m", "etlcheck.cli", "bench", "--runs", "1", "--warmup", "0", *arguments],
        cwd=project,
        env={**os.environ, "ETLCHECK_TRACE": str(trace)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, trace


def _wait_for_the_loop(process: subprocess.Popen[str], trace: Path) -> None:
    """Until the trace shows statements of the looping step (polled)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        text = trace.read_text("utf-8") if trace.exists() else ""
        if LOOPING in text and text.split(LOOPING, 1)[1].count("statement UPDATE") >= 3:
            return
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the benchmark ended before its loop: {out}\n{err}")
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"the benchmark did not reach its loop in {WAIT_SECONDS:g}s")


def _children(pid: int) -> list[int]:
    """The pids of a process's children (Linux's /proc)."""
    listing = Path(f"/proc/{pid}/task/{pid}/children")
    if not listing.exists():
        pytest.skip("needs /proc/<pid>/task/<pid>/children (Linux) to find the run's process")
    return [int(child) for child in listing.read_text().split()]


def _is_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _nothing_left(project: Path) -> None:
    work = project / ".etlcheck"
    assert not list(work.glob("bench-*")), "the copies of the seeded database are left"
    assert not benchmarks_dir(project).exists() or not list(benchmarks_dir(project).rglob("*.json"))
    assert not (work / "runs").exists(), "a benchmark keeps no run records"


def test_sigint_stops_a_warm_benchmark_at_the_next_statement(orders_project: Path) -> None:
    process, trace = _start(orders_project)
    _wait_for_the_loop(process, trace)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 130, err
    assert err.strip() == (
        "etlcheck: SIGINT: the benchmark was interrupted during head-run1; its database "
        "copies were removed and no result was stored (run it again)"
    )
    assert "Report:" not in out
    _nothing_left(orders_project)


def test_sigterm_reaches_a_cold_run_in_its_own_process(orders_project: Path) -> None:
    process, trace = _start(orders_project, "--cache", "cold")
    _wait_for_the_loop(process, trace)
    (child,) = _children(process.pid)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 143, err
    assert err.strip().startswith("etlcheck: SIGTERM: the benchmark was interrupted during")
    assert _is_gone(child), "the cold run's process outlived the benchmark"
    _nothing_left(orders_project)
