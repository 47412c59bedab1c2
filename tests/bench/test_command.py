"""``etlcheck bench`` end to end on the order warehouse, with the measured runs replaced by
synthetic ones where a verdict is asserted (nothing here times anything real), and real
runs where only the shape of what is stored and printed is asserted."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from etlcheck.bench.storage import BenchStore, benchmarks_dir
from etlcheck.cli import main
from tests.bench.conftest import Synthetic


def _bench(project: Path, *arguments: str) -> int:
    return main(["bench", "--config", str(project / "etlcheck.toml"), *arguments])


def test_a_slower_step_exits_1_and_is_named(
    orders_project: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _bench(orders_project, "--save", "before") == 0
    synthetic.calls.clear()
    synthetic.seconds["20-merge-customers.sql"] = [1.90, 1.93, 1.88, 1.95, 1.91]
    capsys.readouterr()
    assert _bench(orders_project, "--baseline", "before") == 1
    out = capsys.readouterr().out
    assert "✗ 20-merge-customers.sql is slower: median 1.910s against 0.021s" in out
    assert "✗ phase Publish is slower" in out
    assert synthetic.calls == ["head-warmup1", *(f"head-run{i}" for i in range(1, 6))]
    assert _bench(orders_project, "--baseline", "before", "--fail-on", "none") == 0
    assert _bench(orders_project, "--baseline", "before", "--fail-on", "phase") == 1


def test_unchanged_runs_exit_0_and_are_stored(
    orders_project: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _bench(orders_project) == 0
    assert _bench(orders_project, "--baseline", "latest") == 0
    out = capsys.readouterr().out
    assert "0 slower, 0 faster, 5 same, 0 noisy (against 0001;" in out
    (machine,) = benchmarks_dir(orders_project).iterdir()
    stored = [s.result for s in BenchStore(orders_project, machine.name).results()]
    assert [r.number for r in stored] == [2, 1]
    assert stored[0].steps[1].samples.rows == (3, 3, 3, 3, 3)
    assert "Report: " in out and "bench.html" in out


def test_a_machine_that_slowed_down_is_named_and_fails_nothing(
    orders_project: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    synthetic.seconds["20-merge-customers.sql"] = [0.500, 0.505, 0.498, 0.510, 0.502]
    assert _bench(orders_project, "--save", "quiet") == 0
    synthetic.reference = 0.030  # the machine, busier: everything 1.5 times as slow
    synthetic.seconds = {n: [w * 1.5 for w in ws] for n, ws in synthetic.seconds.items()}
    capsys.readouterr()
    assert _bench(orders_project, "--baseline", "quiet") == 0
    out = capsys.readouterr().out
    assert "0 slower, 0 faster, 3 same, 2 noisy (against 0001 (quiet);" in out
    assert (
        "the machine ran ×1.50 slower than for the baseline (a reference workload timed "
        "before each run): 2 changes it explains are noisy, not slower"
    ) in out
    (path,) = benchmarks_dir(orders_project).glob("*/0002_*.json")
    assert json.loads(path.read_text("utf-8"))["reference"] == [0.03] * 5
    assert synthetic.reference_closed == 2


def test_a_baseline_with_other_keys_is_refused_before_any_run(
    orders_project: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _bench(orders_project, "--save", "ast") == 0
    synthetic.calls.clear()
    capsys.readouterr()
    assert _bench(orders_project, "--rewrite", "none", "--baseline", "ast") == 2
    captured = capsys.readouterr()
    error = captured.err.strip()
    assert error.count("\n") == 0
    assert error.startswith("etlcheck: error: refusing to compare with baseline 0001 (ast)")
    assert "its rewrite mode is ast, this run's is none" in error
    assert synthetic.calls == []  # refused before anything was measured
    assert captured.out == ""  # ... and before seeding, or anything printed


def test_other_seed_data_is_refused_after_seeding(
    orders_project: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _bench(orders_project, "--save", "before") == 0
    orders = orders_project / "data" / "landing.orders.csv"
    orders.write_text(orders.read_text("utf-8") + "O-1007,C-05,Quay Office,2024-05-06,8.00\n")
    synthetic.calls.clear()
    capsys.readouterr()
    assert _bench(orders_project, "--baseline", "latest") == 2
    error = capsys.readouterr().err
    assert (
        "no earlier result with this run's keys; the newest, 0001 (before), has seed digest"
        in error
    )
    assert synthetic.calls == []


def test_too_few_runs_against_a_baseline_are_refused(
    orders_project: Path, synthetic: Synthetic, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _bench(orders_project) == 0
    assert _bench(orders_project, "--runs", "3", "--baseline", "latest") == 2
    assert "cannot reach p < 0.01" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--runs", "0"], "--runs 0: at least one run is needed"),
        (["--save", "12"], "--save '12' is not a usable name"),
        (["--baseline", "latest", "--compare-ref", "HEAD"], "each choose what to compare with"),
        (["--baseline", "nothing-saved"], "--baseline nothing-saved: no result"),
        (["--db", "x.duckdb"], "--db is for server engines"),
        (["--factor", "0.9"], "must be above 1"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    orders_project: Path,
    synthetic: Synthetic,
    capsys: pytest.CaptureFixture[str],
    arguments: Sequence[str],
    message: str,
) -> None:
    assert _bench(orders_project, *arguments) == 2
    error = capsys.readouterr().err.strip()
    assert message in error and "\n" not in error
    assert synthetic.calls == []


def test_real_runs_store_every_measure(
    orders_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Real runs on copies of one seeded database: the samples' shape, not their values."""
    assert _bench(orders_project, "--runs", "2", "--warmup", "0", "--save", "real") == 0
    out = capsys.readouterr().out
    assert out.count("seeding once") == 1
    (path,) = benchmarks_dir(orders_project).glob("*/0001_*.json")
    stored = json.loads(path.read_text("utf-8"))
    assert stored["name"] == "real" and stored["runs"] == 2
    assert stored["key"]["cache"] == "warm" and stored["key"]["scale"] == "none"
    merge = stored["steps"][1]
    assert merge["script"] == "20-merge-customers.sql"
    assert merge["samples"]["rows"] == [3, 3]  # one customer renamed, two added: every run
    assert all(len(merge["samples"][m]) == 2 for m in ("wall", "engine", "interpreter", "cpu"))
    assert all(rss > 2**20 for rss in merge["samples"]["peak_rss"])
    assert [p["name"] for p in stored["phases"]] == ["stage", "publish"]
    # the copies and the seeded database are gone; the project's database was never made
    assert not list((orders_project / ".etlcheck").glob("bench-*"))
    assert not (orders_project / ".etlcheck" / "orders.duckdb").exists()
    assert not (orders_project / ".etlcheck" / "runs").exists()  # no run records
