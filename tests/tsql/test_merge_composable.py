"""Composable DML (``INSERT … SELECT … FROM (MERGE … OUTPUT …) AS changes``) beyond its
conformance script (``composable-dml.sql``), on both interpreting engines: an INSERT into
another table than the MERGE's (a history; DuckDB, whose keys the interpreter checks for
one table a statement, refuses it), and an INSERT target SQL Server refuses (a FOREIGN KEY
refers to it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.errors import UnsupportedConstruct
from tests.engine_params import BOTH_ENGINES, started_engine

HERE = Path(__file__).parent / "merge_output"


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with started_engine(request.param) as started:
        yield started


def _run(engine: Engine, name: str) -> tuple[str, ...]:
    path = HERE / name
    return engine.run_script(path.read_text("utf-8"), Path(name)).messages


def test_the_insert_around_a_merge_writes_another_table(engine: Engine) -> None:
    if engine.name == "duckdb":
        with pytest.raises(UnsupportedConstruct, match="writes the MERGE's target only"):
            _run(engine, "composed_other_target.sql")
        return
    assert _run(engine, "composed_other_target.sql") == ("1", "1:10->11", "1:11, 2:20, 3:30")


def test_an_insert_target_on_a_side_of_a_foreign_key_is_refused(engine: Engine) -> None:
    with pytest.raises(UnsupportedConstruct, match="either side of a FOREIGN KEY"):
        _run(engine, "composed_keyed_target.sql")
