"""The run report's "previous run": the newest earlier VERIFIED run with equal keys, named;
never a failed run or a run of another scale, engine, rewrite mode or cache state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from etlcheck.cli import main
from etlcheck.report.html import render_html
from etlcheck.report.previous import changed_scripts, previous_verified

KEY = {
    "engine": "duckdb",
    "scale": "poc",
    "rewrite": "ast",
    "seed_digest": "5eed5eed5eed5eed",
    "cache": "warm",
    "etlcheck_version": "0.1.0",
}


def _write(base: Path, run_id: str, verdict: str = "verified", **key: str) -> None:
    folder = base / run_id
    folder.mkdir(parents=True)
    document = {"verdict": verdict, "bench_key": {**KEY, **key}, "run": {"run_id": run_id}}
    (folder / "run.json").write_text(json.dumps(document), "utf-8")


def test_the_newest_verified_run_with_equal_keys_is_chosen(tmp_path: Path) -> None:
    _write(tmp_path, "20260501-100000-aaaa")
    _write(tmp_path, "20260501-110000-bbbb")  # the one
    _write(tmp_path, "20260501-120000-cccc", verdict="not verified")  # failed, or too slow
    _write(tmp_path, "20260501-130000-dddd", scale="seed")
    _write(tmp_path, "20260501-140000-eeee", cache="cold")
    _write(tmp_path, "20260501-150000-ffff", engine="postgres")
    (tmp_path / "20260501-160000-0000").mkdir()  # a run that wrote nothing
    chosen = previous_verified(tmp_path, KEY, "20260501-170000-9999")
    assert chosen is not None and chosen["run"]["run_id"] == "20260501-110000-bbbb"


def test_a_run_never_compares_with_itself_or_with_nothing(tmp_path: Path) -> None:
    _write(tmp_path, "20260501-100000-aaaa")
    assert previous_verified(tmp_path, KEY, "20260501-100000-aaaa") is None
    assert previous_verified(tmp_path / "fresh-clone", KEY, "x") is None
    assert previous_verified(tmp_path, None, "x") is None  # a continued run has no key


def test_the_report_names_the_previous_run_and_its_keys() -> None:
    document: dict[str, Any] = {
        "verdict": "verified",
        "bench_key": KEY,
        "scripts": {"10-stage-orders.sql": "1111", "20-merge-customers.sql": "2222"},
        "run": {"run_id": "20260502-090000-abcd", "phases": [], "steps": []},
    }
    previous = {
        **document,
        "scripts": {"10-stage-orders.sql": "1111", "20-merge-customers.sql": "0000"},
        "run": {"run_id": "20260501-110000-bbbb", "phases": [], "steps": []},
    }
    page = render_html(document, previous)
    assert "previous run 20260501-110000-bbbb, the newest earlier run that was verified" in page
    assert "engine duckdb, scale poc, rewrite ast, seed 5eed5eed, cache warm" in page
    assert "Changed since then: <code>20-merge-customers.sql</code>" in page
    assert changed_scripts(document, previous) == ["20-merge-customers.sql"]
    alone = render_html(document, None)
    assert "No earlier verified run with this run's keys" in alone


def test_two_runs_of_a_pipeline(orders_project: Path) -> None:
    """Real runs: the second report names the first; a regex run has other keys."""
    config = ["--config", str(orders_project / "etlcheck.toml")]
    assert main(["run", *config]) == 0
    assert main(["run", *config]) == 0
    latest = (orders_project / "reports" / "latest").resolve()
    (earlier,) = (
        p for p in (orders_project / "reports").iterdir() if p.name not in ("latest", latest.name)
    )
    first, second = (json.loads((r / "run.json").read_text("utf-8")) for r in (earlier, latest))
    assert first["bench_key"] == second["bench_key"]
    assert first["scripts"] == second["scripts"] and len(first["scripts"]) == 3
    page = (latest / "report.html").read_text("utf-8")
    assert f"previous run {first['run']['run_id']}, the newest earlier run" in page
    assert '<section id="benchmarks">' in page
    assert "no etlcheck bench results with this run" in page
