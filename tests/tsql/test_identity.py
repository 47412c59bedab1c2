"""SCOPE_IDENTITY(), @@IDENTITY and IDENT_CURRENT beyond the conformance scripts: MERGE,
tables without identity, and explicit values under SET IDENTITY_INSERT (refused when read,
never guessed), on both interpreting engines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from etlcheck.errors import UnsupportedConstruct
from tests.engine_params import BOTH_ENGINES, started_engine
from tests.tsql.tsql_scripts import run

TABLES = """
CREATE TABLE dbo.batch (id INT IDENTITY(1,1) PRIMARY KEY, code NVARCHAR(10) NOT NULL);
CREATE TABLE dbo.plain (code NVARCHAR(10) NOT NULL);
"""
SHOW = (
    "PRINT CONCAT(ISNULL(CAST(SCOPE_IDENTITY() AS INT), -9), ' ', "
    "ISNULL(CAST(@@IDENTITY AS INT), -9))"
)


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with started_engine(request.param) as started:
        yield started


def test_a_merge_that_inserts_sets_the_values_one_that_only_updates_keeps_them(
    engine: Engine,
) -> None:
    merge = (
        "MERGE dbo.batch AS t USING (VALUES (N'a'), (N'b'), (N'c')) AS s (code) "
        "ON t.code = s.code WHEN MATCHED THEN UPDATE SET code = s.code "
        "WHEN NOT MATCHED THEN INSERT (code) VALUES (s.code);"
    )
    script = f"{TABLES}INSERT INTO dbo.batch (code) VALUES (N'a');\n{merge}\n{SHOW}\n"
    script += f"INSERT INTO dbo.batch (code) VALUES (N'z');\n{merge}\n{SHOW}"
    assert run(engine, script) == ("3 3", "4 4")


def test_an_insert_into_a_table_without_identity_keeps_the_values(engine: Engine) -> None:
    script = (
        f"{TABLES}INSERT INTO dbo.batch (code) VALUES (N'a'), (N'b');\n"
        f"INSERT INTO dbo.plain (code) VALUES (N'x');\n{SHOW}\n"
        f"PRINT ISNULL(CAST(IDENT_CURRENT('dbo.plain') AS VARCHAR(10)), 'null')"
    )
    assert run(engine, script) == ("2 2", "null")


def test_explicit_identity_values_run_but_reading_the_identity_after_them_is_refused(
    engine: Engine,
) -> None:
    explicit = (
        f"{TABLES}INSERT INTO dbo.batch (code) VALUES (N'a');\n"
        "SET IDENTITY_INSERT dbo.batch ON;\n"
        "INSERT INTO dbo.batch (id, code) VALUES (-1, N'unknown');\n"
        "SET IDENTITY_INSERT dbo.batch OFF;\n"
    )
    assert run(engine, explicit + "PRINT 'loaded'") == ("loaded",)
    engine.execute("DROP TABLE dbo.batch; DROP TABLE dbo.plain")
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, explicit + "DECLARE @batch INT = SCOPE_IDENTITY();")
    message = str(raised.value)
    assert "t.sql:8:1" in message
    assert "SCOPE_IDENTITY(): the last INSERT into dbo.batch gave the identity column" in message


def test_a_generated_value_after_explicit_ones_is_known_again(engine: Engine) -> None:
    script = (
        f"{TABLES}SET IDENTITY_INSERT dbo.batch ON;\n"
        "INSERT INTO dbo.batch (id, code) VALUES (-1, N'unknown');\n"
        "SET IDENTITY_INSERT dbo.batch OFF;\n"
        f"INSERT INTO dbo.batch (code) VALUES (N'a');\n{SHOW}"
    )
    assert run(engine, script) == ("1 1",)


def test_a_table_variables_identity_counts_as_sql_servers_does(engine: Engine) -> None:
    script = (
        "DECLARE @rows TABLE (id INT IDENTITY(5,1), v INT);\n"
        f"INSERT INTO @rows (v) VALUES (1), (2);\n{SHOW}"
    )
    assert run(engine, script) == ("6 6",)
