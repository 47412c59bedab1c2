"""MERGE ... OUTPUT where the engine's MERGE returns nothing (PostgreSQL 15): the rows come
from a row trigger's log. What the conformance scripts (``output-merge*.sql``) do not show:
a MERGE that fails and is caught leaves nothing in the OUTPUT of the writes after it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from tests.engine_params import BOTH_ENGINES, throwaway_postgres

HERE = Path(__file__).parent / "merge_output"


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    if request.param == "duckdb":
        with DuckDBEngine() as started:
            started.create_schema("dbo")
            yield started
        return
    with throwaway_postgres() as started:
        yield started


def test_a_failed_merge_leaves_nothing_behind(engine: Engine) -> None:
    path = HERE / "failed_merge_then_more.sql"
    messages = engine.run_script(path.read_text("utf-8"), Path(path.name)).messages
    assert messages == ("2627", "INSERT A", "2")
