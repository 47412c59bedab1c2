"""Seed once, a fresh copy for every run: a run's writes never reach the next copy, and
nothing is left behind. DuckDB copies the file; PostgreSQL copies with TEMPLATE."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from etlcheck.bench.copies import SeededCopies, seed_once
from etlcheck.config import load_config
from etlcheck.engines.copies import OWNER, UNOWNED_AGE_SECONDS
from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
from etlcheck.errors import UsageError
from etlcheck.options import RunOptions
from etlcheck.targets import open_engine
from etlcheck.testing import skip_unless_available


def _orders(copies: SeededCopies, options: RunOptions, label: str, add: bool = False) -> int:
    """Rows of the sandbox copy of sales.Orders in a fresh copy (adding one first)."""
    copy = copies.fresh(options, label)
    assert copy.config is options.config
    engine = open_engine(copy, fresh=False)
    try:
        if add:
            engine.execute(
                "INSERT INTO poc_sales.\"Orders\" VALUES ('O-9', 'C-01', DATE '2024-06-01', 1)"
                if engine.name == "postgres"
                else "INSERT INTO poc_sales.Orders VALUES ('O-9', 'C-01', DATE '2024-06-01', 1)"
            )
        table = 'poc_sales."Orders"' if engine.name == "postgres" else "poc_sales.Orders"
        return int(engine.query(f"SELECT COUNT(*) FROM {table}").scalar())
    finally:
        engine.close()
        copies.discard(copy)


def _check_copies(options: RunOptions) -> SeededCopies:
    copies = seed_once(options)
    try:
        assert copies.seed.cloned
        assert _orders(copies, options, "first", add=True) == 2  # the seeded and the added row
        assert _orders(copies, options, "second") == 1  # a new copy: the added row is not there
    finally:
        copies.close()
    return copies


@pytest.mark.duckdb
def test_duckdb_copies_the_seeded_file(orders_project: Path) -> None:
    options = RunOptions.from_config(load_config(orders_project / "etlcheck.toml"))
    _check_copies(options)
    assert not list((orders_project / ".etlcheck").glob("bench-*"))


@pytest.mark.postgres
def test_postgres_copies_with_template(orders_project: Path) -> None:
    skip_unless_available("postgres", postgres_unavailable_reason())
    config = load_config(orders_project / "etlcheck.toml")
    _check_copies(RunOptions.from_config(config, engine="postgres"))


def test_an_engine_that_cannot_copy_is_refused(orders_project: Path) -> None:
    options = RunOptions.from_config(load_config(orders_project / "etlcheck.toml"))
    with pytest.raises(UsageError, match="cannot copy a seeded mssql database"):
        seed_once(replace(options, engine="mssql"))


def _folder(work: Path, name: str, owner: str | None, age: float = 0.0) -> Path:
    folder = work / name
    (folder / "sub").mkdir(parents=True)
    (folder / "seeded.duckdb").write_bytes(b"x")
    if owner is not None:
        (folder / OWNER).write_text(owner, "utf-8")
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder


@pytest.mark.duckdb
def test_the_copies_a_killed_benchmark_left_go_with_the_next(orders_project: Path) -> None:
    work = orders_project / ".etlcheck"
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    killed = _folder(work, "bench-killed", ended.stdout.strip())
    running = _folder(work, "bench-running", str(os.getpid()))
    unowned_old = _folder(work, "bench-old", None, age=UNOWNED_AGE_SECONDS + 60)
    unowned_new = _folder(work, "bench-new", None)
    other = _folder(work, "kept", ended.stdout.strip())
    options = RunOptions.from_config(load_config(orders_project / "etlcheck.toml"))
    seed_once(options).close()
    assert not killed.exists() and not unowned_old.exists()
    assert running.exists() and unowned_new.exists() and other.exists()
    assert sorted(f.name for f in work.glob("bench-*")) == ["bench-new", "bench-running"]
