"""``etlcheck bench --compare-ref REF``: REF's scripts in a temporary git worktree, run
interleaved with this worktree's (ABAB...) on copies of one seeded database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from etlcheck.bench.benchmark import Benchmark, BenchSettings, Side
from etlcheck.bench.compare_ref import base_options, checked_out
from etlcheck.cli import main
from etlcheck.config import load_config
from etlcheck.options import RunOptions
from tests.bench.conftest import Synthetic

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git on PATH")

MERGE = "20-merge-customers.sql"
PUBLISH = "21-publish-orders.sql"


def _git(folder: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=ci", "-c", "user.email=ci@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repository(orders_project: Path) -> Path:
    """The order warehouse committed to git, then edited in the worktree: the merge step
    gains a join (a code change), the staging step is only reformatted."""
    _git(orders_project, "init", "-q", "-b", "main")
    _git(orders_project, "add", "-A")
    _git(orders_project, "commit", "-q", "-m", "orders pipeline")
    merge = orders_project / "sql" / MERGE
    merge.write_text(
        merge.read_text("utf-8").replace(
            "FROM   stage.orders AS s\nWHERE",
            "FROM   stage.orders AS s\nCROSS JOIN stage.orders AS again\nWHERE",
        ),
        "utf-8",
    )
    stage = orders_project / "sql" / "10-stage-orders.sql"
    reformatted = stage.read_text("utf-8").replace("SELECT  ", "select\n    ")
    stage.write_text("-- reformatted\n" + reformatted.replace("FROM ", "from "), "utf-8")
    return orders_project


def _bench(project: Path, *arguments: str) -> int:
    return main(["bench", "--config", str(project / "etlcheck.toml"), *arguments])


def test_base_and_head_run_interleaved(
    repository: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    synthetic.head_only[MERGE] = [0.90, 0.93, 0.88, 0.95, 0.91]
    assert _bench(repository, "--compare-ref", "main") == 1
    assert synthetic.calls[:4] == ["base-warmup1", "head-warmup1", "base-run1", "head-run1"]
    assert synthetic.calls[-2:] == ["base-run5", "head-run5"]
    out = capsys.readouterr().out
    assert "base: ref main (" in out
    assert f"✗ {MERGE} is slower" in out
    assert not (repository / ".etlcheck" / "benchmarks").exists()  # nothing saved unless --save


def test_the_ref_worktree_holds_the_committed_scripts_and_goes_away(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Real runs (no verdict asserted): the edited step is marked, the reformatted one not."""
    code = _bench(repository, "--compare-ref", "main", "--warmup", "0", "--fail-on", "none")
    assert code == 0
    out = capsys.readouterr().out
    assert f" {MERGE}*" in out
    assert " 10-stage-orders.sql " in out  # reformatted only: not marked
    assert "10-stage-orders.sql*" not in out
    assert len(_git(repository, "worktree", "list").splitlines()) == 1


def test_an_unknown_ref_is_one_line(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _bench(repository, "--compare-ref", "no-such-branch") == 2
    error = capsys.readouterr().err.strip()
    assert "--compare-ref no-such-branch: no such commit, branch or tag" in error
    assert "\n" not in error


def test_outside_git_is_one_line(orders_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _bench(orders_project, "--compare-ref", "main") == 2
    assert "needs the scripts in a git repository" in capsys.readouterr().err


def test_each_side_runs_its_own_scripts(repository: Path) -> None:
    """Real runs: the ref's publish step inserts every order, the head's only the large
    ones; the rows each side affected show which scripts it ran."""
    publish = repository / "sql" / "21-publish-orders.sql"
    publish.write_text(
        publish.read_text("utf-8").replace(
            "WHERE  NOT EXISTS", "WHERE  s.amount > 50\n  AND  NOT EXISTS"
        ),
        "utf-8",
    )
    options = RunOptions.from_config(load_config(repository / "etlcheck.toml"))
    settings = BenchSettings(runs=1, warmup=0)
    with checked_out(options, "main") as checkout:
        sides = [
            Side("base", base_options(options, checkout), checkout.source),
            Side("head", options),
        ]
        benchmark = Benchmark(options, settings, lambda line: None)
        try:
            base, head = benchmark.measure(sides, benchmark.seed())
        finally:
            benchmark.close()
    rows = {r.source.split()[0]: r.step(PUBLISH).samples.rows for r in (base, head)}
    assert rows == {"ref": (6,), "worktree": (4,)}
    assert base.step(PUBLISH).digest != head.step(PUBLISH).digest
