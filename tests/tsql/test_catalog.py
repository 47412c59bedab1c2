"""Catalog emulation answers as SQL Server would (names case-insensitive)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.tsql.catalog import split_object_name

pytestmark = pytest.mark.duckdb
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine() as started:
        path = FIXTURES / "catalog.sql"
        started.run_script(path.read_text(), path)
        yield started


def printed(engine: DuckDBEngine, expression: str) -> str:
    return engine.run_script(f"PRINT {expression}", Path("q.sql")).messages[0]


def scalar(engine: DuckDBEngine, query: str) -> object:
    rows = engine.run_script(f"DECLARE @v NVARCHAR(200)\n{query}\nPRINT @v", Path("q.sql"))
    return rows.messages[0]


@pytest.mark.parametrize(
    ("name", "type_", "found"),
    [
        ("etl.Customers", None, True),
        ("[ETL].[customers]", "'U'", True),
        ("etl.customers", "'V'", False),
        ("etl.ActiveCustomers", "'V'", True),
        ("etl.missing", None, False),
        ("Customers", None, False),
        ("tempdb..#work", None, True),
        ("#work", "'U'", True),
        ("tempdb..#other", None, False),
    ],
)
def test_object_id(engine: DuckDBEngine, name: str, type_: str | None, found: bool) -> None:
    arguments = f"'{name}'" + (f", {type_}" if type_ else "")
    answer = printed(engine, f"CASE WHEN OBJECT_ID({arguments}) IS NULL THEN 'no' ELSE 'yes' END")
    assert answer == ("yes" if found else "no")


@pytest.mark.parametrize(
    ("arguments", "found"),
    [
        ("N'[etl].[Customers]', N'U'", True),
        ("N'etl.ActiveCustomers', N'V'", True),
        ("N'etl.Customers', N'V'", False),
        ("N'tempdb..#work'", True),
        ("N'etl.missing'", False),
    ],
)
def test_object_id_with_unicode_constants(
    engine: DuckDBEngine, arguments: str, found: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[str] = []
    query = engine.query
    monkeypatch.setattr(engine, "query", lambda sql: sent.append(sql) or query(sql))
    answer = printed(engine, f"CASE WHEN OBJECT_ID({arguments}) IS NULL THEN 'no' ELSE 'yes' END")
    assert answer == ("yes" if found else "no")
    assert not [sql for sql in sent if "object_id(" in sql.lower()], "answered from the cache"


def test_object_id_of_a_sequence_agrees_with_sys_objects(engine: DuckDBEngine) -> None:
    script = (
        "CREATE SEQUENCE etl.invoice_numbers START WITH 1;\n"
        "DECLARE @name NVARCHAR(50) = N'etl.invoice_numbers';\n"
        "IF OBJECT_ID(N'etl.invoice_numbers', N'SO') = OBJECT_ID(@name, 'SO') PRINT 'same';\n"
        "IF OBJECT_ID('etl.invoice_numbers', 'U') IS NULL PRINT 'not a table';\n"
        "DROP SEQUENCE etl.invoice_numbers;"
    )
    messages = engine.run_script(script, Path("q.sql")).messages
    assert messages == ("same", "not a table")


def test_object_id_with_a_variable_uses_the_database(engine: DuckDBEngine) -> None:
    script = (
        "DECLARE @n NVARCHAR(50) = 'etl.customers'\nIF OBJECT_ID(@n, 'U') IS NOT NULL PRINT 'y'"
    )
    assert engine.run_script(script, Path("q.sql")).messages == ("y",)


def test_object_id_matches_sys_objects(engine: DuckDBEngine) -> None:
    answer = printed(
        engine,
        "CAST((SELECT COUNT(*) FROM sys.objects WHERE object_id = OBJECT_ID('etl.Customers')"
        " AND type = 'U' AND name = 'customers') AS VARCHAR(5))",
    )
    assert answer == "1"


def test_schema_functions(engine: DuckDBEngine) -> None:
    assert printed(engine, "SCHEMA_NAME(SCHEMA_ID('ETL'))") == "etl"
    assert printed(engine, "SCHEMA_NAME()") == "dbo"
    assert printed(engine, "CASE WHEN SCHEMA_ID('nope') IS NULL THEN 'none' END") == "none"
    assert printed(engine, "DB_NAME()") == "memory"


def test_sys_views(engine: DuckDBEngine) -> None:
    names = engine.run_script(
        "DECLARE @s NVARCHAR(200)\n"
        "SELECT @s = STRING_AGG(name, ',') WITHIN GROUP (ORDER BY name) FROM sys.schemas\n"
        "PRINT @s",
        Path("q.sql"),
    ).messages[0]
    assert names.split(",") == ["dbo", "etl", "INFORMATION_SCHEMA", "sys"]
    query = (
        "SELECT @v = STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY c.column_id) "
        "FROM sys.columns c JOIN sys.tables t ON t.object_id = c.object_id "
        "WHERE t.name = 'CUSTOMERS' AND t.schema_id = SCHEMA_ID('etl')"
    )
    assert scalar(engine, query) == "id,name,active,amount,seen"
    identity = "SELECT @v = name FROM sys.columns WHERE is_identity = 1"
    assert scalar(engine, identity) == "id"


def test_information_schema(engine: DuckDBEngine) -> None:
    tables = (
        "SELECT @v = STRING_AGG(TABLE_NAME + ':' + TABLE_TYPE, ',') "
        "WITHIN GROUP (ORDER BY TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES "
        "WHERE TABLE_SCHEMA = 'ETL'"
    )
    assert scalar(engine, tables) == "ActiveCustomers:VIEW,Customers:BASE TABLE"
    columns = (
        "SELECT @v = STRING_AGG(COLUMN_NAME + ' ' + DATA_TYPE + ' ' + IS_NULLABLE, ',') "
        "WITHIN GROUP (ORDER BY ORDINAL_POSITION) FROM INFORMATION_SCHEMA.COLUMNS "
        "WHERE TABLE_NAME = 'customers'"
    )
    assert scalar(engine, columns) == (
        "id int NO,name nvarchar NO,active bit YES,amount decimal YES,seen datetime2 YES"
    )
    schemata = "SELECT @v = SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'Etl'"
    assert scalar(engine, schemata) == "etl"


def test_temp_tables_stay_out_of_the_user_catalog(engine: DuckDBEngine) -> None:
    assert scalar(engine, "SELECT @v = COUNT(*) FROM sys.tables WHERE name LIKE '#%'") == "0"


def test_emulation_schema_is_hidden_from_user_schemas(engine: DuckDBEngine) -> None:
    assert engine.schemas() == ["dbo", "etl"]
    assert engine.internal_schemas == ("sys",)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("etl.t", ["etl", "t"]),
        ("[my.schema].[t]", ["my.schema", "t"]),
        ("tempdb..#t", ["tempdb", "", "#t"]),
        ('"a"."b"', ["a", "b"]),
    ],
)
def test_split_object_name(name: str, parts: list[str]) -> None:
    assert split_object_name(name) == parts
