"""What the engine-level tests share: the DuckDB/PostgreSQL parametrization, and a
PostgreSQL engine on a throwaway cluster (skipped without the binaries, failed when
ETLCHECK_REQUIRE_ENGINE names postgres)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from etlcheck.engines.base import Engine

BOTH_ENGINES = [
    pytest.param("duckdb", marks=pytest.mark.duckdb),
    pytest.param("postgres", marks=pytest.mark.postgres),
]
"""``@pytest.fixture(params=BOTH_ENGINES)``: one case per interpreting engine."""


@contextmanager
def throwaway_postgres(*, dbo: bool = True) -> Iterator[Engine]:
    """A started PostgreSQL engine (holding ``dbo`` unless asked not to), closed after."""
    from etlcheck.engines.postgres import PostgresEngine
    from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("postgres", postgres_unavailable_reason())
    started = PostgresEngine().start()
    try:
        if dbo:
            started.create_schema("dbo")
        yield started
    finally:
        started.close()


@contextmanager
def started_engine(name: str, *, dbo: bool = True) -> Iterator[Engine]:
    """A fresh database of the interpreting engine ``name`` (a ``BOTH_ENGINES`` param),
    holding ``dbo`` unless asked not to, closed after."""
    if name == "duckdb":
        from etlcheck.engines.duckdb import DuckDBEngine

        with DuckDBEngine(None) as duckdb:
            if dbo:
                duckdb.create_schema("dbo")
            yield duckdb
        return
    with throwaway_postgres(dbo=dbo) as started:
        yield started


@pytest.fixture(params=BOTH_ENGINES, name="engine")
def either_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A fresh DuckDB database, then a throwaway PostgreSQL cluster without ``dbo``: import
    it into a test module (``from tests.engine_params import either_engine``) to run its
    tests on both."""
    with started_engine(request.param, dbo=False) as started:
        yield started
