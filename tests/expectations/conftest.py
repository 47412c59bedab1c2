"""Fixtures of the expectation tests: a small staging area (staging.sql) on each engine,
SQL that plants a fault (orphan.sql, duplicate.sql, drift.sql) and the suites in suites/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
from etlcheck.testing import skip_unless_available
from tests.expectations.expectation_data import SCHEMAS, run_sql


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Engine]:
    skip_unless_available("postgres", postgres_unavailable_reason())
    from etlcheck.engines.postgres import PostgresEngine

    with PostgresEngine() as started:
        yield started


@pytest.fixture(
    params=[
        pytest.param("duckdb", marks=pytest.mark.duckdb),
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """The staging area, fresh for each test, on DuckDB and on PostgreSQL."""
    if request.param == "duckdb":
        with DuckDBEngine(None) as started:
            run_sql(started, "staging.sql")
            yield started
        return
    server: Engine = request.getfixturevalue("postgres_server")
    for schema in SCHEMAS:
        server.drop_schema(schema)
    run_sql(server, "staging.sql")
    yield server
