"""Seed once, a fresh copy for every run: a run's writes never reach the next copy, and
nothing is left behind. DuckDB copies the file; PostgreSQL copies with TEMPLATE."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from etlcheck.bench.copies import SeededCopies, seed_once
from etlcheck.config import load_config
from etlcheck.engines.pgcluster import postgres_unavailable_reason
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
