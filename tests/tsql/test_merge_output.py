"""MERGE ... OUTPUT where the engine's MERGE returns nothing (PostgreSQL 15): the rows come
from a row trigger's log. What the conformance scripts (``output-merge*.sql``) do not show:
a MERGE that fails and is caught leaves nothing in the OUTPUT of the writes after it, nor
(OUTPUT of the source's columns, ``emulation.merge_rows``) in its target; a target with an
index on DuckDB, which alters no such table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
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


def test_a_failed_merge_naming_source_columns_leaves_the_target_as_it_was(engine: Engine) -> None:
    path = HERE / "source_columns_failed.sql"
    messages = engine.run_script(path.read_text("utf-8"), Path(path.name)).messages
    assert messages == (
        "8672",
        "2",
        "A:1, B:2",
        "2",
        "UPDATE A x 1, INSERT C z -1",
        "A:5, B:2, C:7",
    )


def test_source_columns_of_a_merge_into_a_table_with_an_index() -> None:
    path = HERE / "source_columns_indexed.sql"
    with throwaway_postgres() as started:
        messages = started.run_script(path.read_text("utf-8"), Path(path.name)).messages
    assert messages == ("INSERT 1",)


def test_duckdb_refuses_source_columns_of_a_merge_into_a_table_with_an_index() -> None:
    path = HERE / "source_columns_indexed.sql"
    with DuckDBEngine() as started:
        started.create_schema("dbo")
        with pytest.raises(UnsupportedConstruct, match="an index depends on it: ix_mi_dim_code"):
            started.run_script(path.read_text("utf-8"), Path(path.name))


def test_source_columns_of_a_temp_target_from_a_cte_and_from_values(engine: Engine) -> None:
    path = HERE / "source_columns_temp.sql"
    messages = engine.run_script(path.read_text("utf-8"), Path(path.name)).messages
    assert messages == ("3", "DELETE -1 - b -, INSERT 3 y - y, UPDATE 1 x a x", "4", "1:x, 3:z")
