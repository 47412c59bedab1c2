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
