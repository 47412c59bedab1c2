"""Fixtures the T-SQL tests share: a fresh in-memory DuckDB engine per test (a module
that needs another engine defines its own ``engine``), a record of what it is sent, and a
PostgreSQL engine on a throwaway cluster for each module that asks for one (``postgres``,
also named ``postgres_engine``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from tests.engine_params import throwaway_postgres
from tests.tsql.tsql_scripts import Sent


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine(None) as started:
        yield started


@pytest.fixture
def sent(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Sent:
    """Records what the ``engine`` fixture is sent from here on."""
    return Sent(engine, monkeypatch)


@pytest.fixture(scope="module")
def postgres() -> Iterator[Engine]:
    """A PostgreSQL engine holding ``dbo``, one cluster for the module."""
    with throwaway_postgres() as started:
        yield started


@pytest.fixture(scope="module")
def postgres_engine(postgres: Engine) -> Engine:
    return postgres
