"""A run that dies leaves no PostgreSQL server and no temp directory behind.

Each layer of the teardown is proven alone on a real cluster started by a child
process: the SIGTERM handler and atexit (with the watchdog killed first, so only
the in-process guard can clean), the watchdog (the child is SIGKILLed, which no
in-process guard survives) and orphan reaping by a later start (child and watchdog
both SIGKILLed).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from etlcheck.engines.postgres.cluster import postgres_unavailable_reason, reap_orphans
from etlcheck.testing import skip_unless_available

pytestmark = pytest.mark.postgres

CHILD = """
import sys, time
from etlcheck.engines.postgres import PostgresEngine
engine = PostgresEngine().start()
engine.execute("CREATE TABLE midway (id int)")
cluster = engine._cluster
postmaster = (cluster.data_dir / "postmaster.pid").read_text().split()[0]
print(cluster.root, postmaster, cluster._watchdog.pid, flush=True)
if sys.argv[1] == "exit":
    sys.exit(0)
time.sleep(600)
"""


def _require_postgres() -> None:
    skip_unless_available("postgres", postgres_unavailable_reason())


@dataclass(frozen=True)
class Run:
    process: subprocess.Popen[str]
    root: Path
    postmaster: int
    watchdog: int


@pytest.fixture
def temp_base() -> Iterator[Path]:
    """A temp folder of our own (readable by the postgres OS user) so reaping stays local."""
    _require_postgres()
    base = Path(tempfile.mkdtemp(prefix="etlcheck-teardown-"))
    base.chmod(0o755)
    yield base
    reap_orphans(base)
    for leftover in base.iterdir():
        subprocess.run(["rm", "-rf", str(leftover)], check=False)
    base.rmdir()


def _start_run(base: Path, mode: str = "sleep") -> Run:
    env = {**os.environ, "TMPDIR": str(base)}
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    line = process.stdout.readline().split()
    assert len(line) == 3, "the child did not start its cluster"
    root, postmaster, watchdog = Path(line[0]), int(line[1]), int(line[2])
    assert root.parent == base and _running(postmaster) and root.exists()
    return Run(process, root, postmaster, watchdog)


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may be slow to reap)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def _wait_until_gone(run: Run, deadline_seconds: float = 60) -> None:
    """Poll until the server and its folder are gone, or the deadline passes."""
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if not _running(run.postmaster) and not run.root.exists():
            return
        time.sleep(0.2)


def _kill_watchdog(run: Run) -> None:
    os.kill(run.watchdog, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _running(run.watchdog) and time.monotonic() < deadline:
        time.sleep(0.05)


def test_sigterm_handler_stops_the_server_and_removes_the_folder(temp_base: Path) -> None:
    run = _start_run(temp_base)
    _kill_watchdog(run)
    run.process.send_signal(signal.SIGTERM)
    assert run.process.wait(timeout=60) == -signal.SIGTERM  # the handler chains to the default
    assert not _running(run.postmaster), "postmaster left running after SIGTERM"
    assert not run.root.exists(), f"{run.root} left behind after SIGTERM"


def test_atexit_cleans_up_when_the_run_forgets_to_close(temp_base: Path) -> None:
    run = _start_run(temp_base, mode="exit")
    _kill_watchdog(run)
    assert run.process.wait(timeout=60) == 0
    assert not _running(run.postmaster)
    assert not run.root.exists()


def test_watchdog_cleans_up_after_sigkill(temp_base: Path) -> None:
    run = _start_run(temp_base)
    run.process.kill()
    run.process.wait(timeout=10)
    _wait_until_gone(run)
    assert not _running(run.postmaster), "postmaster left running after SIGKILL"
    assert not run.root.exists(), f"{run.root} left behind after SIGKILL"


def test_next_start_reaps_a_cluster_whose_owner_and_watchdog_died(temp_base: Path) -> None:
    run = _start_run(temp_base)
    _kill_watchdog(run)
    run.process.kill()
    run.process.wait(timeout=10)
    assert _running(run.postmaster) and run.root.exists()  # nobody left to clean
    reaped = reap_orphans(temp_base)
    assert reaped == [run.root]
    assert not _running(run.postmaster)
    assert not run.root.exists()
