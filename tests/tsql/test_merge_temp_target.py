"""A MERGE into a #temp table named without an alias, on both interpreting engines: the
statement's columns name it ``#tg.id``, and so does DuckDB's check of a target row matched
twice (error 8672), as the engine names the table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from tests.engine_params import BOTH_ENGINES, started_engine
from tests.tsql.tsql_scripts import run

TABLES = """
CREATE TABLE #tg (id INT, v NVARCHAR(5));
INSERT INTO #tg VALUES (1, N'a'), (2, N'b');
CREATE TABLE #feed (id INT, v NVARCHAR(5));
"""
SHOW = "PRINT (SELECT STRING_AGG(CONCAT(id, N':', v), N', ') WITHIN GROUP (ORDER BY id) FROM #tg);"
MERGE = "MERGE #tg USING #feed ON #tg.id = #feed.id WHEN MATCHED THEN UPDATE SET v = #feed.v;"


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with started_engine(request.param) as started:
        yield started


def test_a_merge_into_a_temp_table_without_an_alias(engine: Engine) -> None:
    script = TABLES + "INSERT INTO #feed VALUES (1, N'x');\n" + MERGE + SHOW
    assert run(engine, script) == ("1:x, 2:b",)


def test_a_temp_target_row_matched_twice_is_error_8672(engine: Engine) -> None:
    script = (
        TABLES
        + "INSERT INTO #feed VALUES (1, N'x'), (1, N'y');\n"
        + f"BEGIN TRY {MERGE} END TRY BEGIN CATCH PRINT ERROR_NUMBER(); END CATCH\n"
        + SHOW
    )
    assert run(engine, script) == ("8672", "1:a, 2:b")
