"""The lock of one run per database, as a benchmark meets it: a ``--db`` server database
that another etlcheck run holds is refused in one line before anything is seeded (the
benchmark seeds it and copies it); the copies of an embedded database are the
benchmark's own, so a run holding the project's database does not stop it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.config import load_config
from etlcheck.locking import lock_file_for
from etlcheck.options import RunOptions
from etlcheck.targets import database_identity
from tests.bench.conftest import Synthetic

SERVER = "postgresql://bench:Rook-Lantern-42@localhost:1/etl_test_orders"
"""Nothing listens on port 1: a benchmark that got past the lock would fail to connect."""
HOLDER = """
import sys
from etlcheck.locking import holding
from pathlib import Path
with holding(Path(sys.argv[1]), sys.argv[2]):
    print("held", flush=True)
    sys.stdin.read()
"""


@contextmanager
def held_by_another_process(project: Path, db: str | None) -> Iterator[int]:
    """The lock of the database ``db`` names, held by a process of its own; its pid."""
    options = RunOptions.from_config(load_config(project / "etlcheck.toml"), db=db)
    identity = database_identity(options)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock_file_for(identity.key)), identity.shown],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.communicate("")


def test_a_server_database_another_run_holds_is_refused(
    orders_project: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    with held_by_another_process(orders_project, SERVER) as pid:
        code = main(["bench", "--config", str(orders_project / "etlcheck.toml"), "--db", SERVER])
    assert code == 2
    captured = capsys.readouterr()
    line = captured.err.strip()
    assert line.startswith(f"etlcheck: error: another etlcheck run (pid {pid}, since "), line
    assert "holds postgresql://bench:***@localhost:1/etl_test_orders" in line
    assert "\n" not in line and "Rook-Lantern-42" not in captured.err + captured.out
    assert "seeding once" not in captured.out
    assert synthetic.calls == []


def test_a_run_on_the_projects_database_does_not_stop_a_benchmark(
    orders_project: Path, synthetic: Synthetic
) -> None:
    with held_by_another_process(orders_project, None):
        code = main(["bench", "--config", str(orders_project / "etlcheck.toml")])
    assert code == 0
    assert len(synthetic.calls) == 6  # a warm-up and five runs
    assert not (orders_project / ".etlcheck" / "runs").exists()
