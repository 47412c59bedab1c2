"""Fixtures the T-SQL tests share: a fresh in-memory DuckDB engine per test (a module
that needs another engine defines its own ``engine``), and a record of what it is sent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from tests.tsql.tsql_scripts import Sent


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine(None) as started:
        yield started


@pytest.fixture
def sent(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Sent:
    """Records what the ``engine`` fixture is sent from here on."""
    return Sent(engine, monkeypatch)
