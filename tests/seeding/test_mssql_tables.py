"""SQL Server snapshots and clones, as far as they can be checked without a server: the
catalog SQL, tables written back as T-SQL (run here through the DuckDB interpreter, which
must honour their keys and IDENTITY), the row copy, the grants check and the SELECT-only
guard. The same paths against a real server run at the end, skipping without one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlglot

from etlcheck.engines.base import QueryResult
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.engines.mssql import SqlServerEngine
from etlcheck.engines.mssql import tables as mssql_tables
from etlcheck.engines.mssql.source import MSSQL_GRANTS_SQL, mssql_write_grants
from etlcheck.seeding.source_db import SourceDatabase, open_source
from etlcheck.seeding.tabledef import TableDefinition
from tests.seeding.seed_helpers import error_number, rows, tsql

# What sys.columns / sys.types / sys.identity_columns / sys.default_constraints answer for
# CREATE TABLE [dbo].[Brokers] (Id INT IDENTITY(100, 5), Code NVARCHAR(20) NOT NULL,
# Rate DECIMAL(5,4) DEFAULT 0, Joined DATETIME2(3) DEFAULT GETDATE(), Notes NVARCHAR(MAX),
# Flag BIT, Code2 AS UPPER(Code), CONSTRAINT PK_Brokers PRIMARY KEY (Id),
# CONSTRAINT UQ_Brokers_Code UNIQUE (Code)).
COLUMNS = [
    ("Id", "int", 4, 10, 0, False, True, 100, 5, None, False),
    ("Code", "nvarchar", 40, 0, 0, False, False, None, None, None, False),
    ("Rate", "decimal", 5, 5, 4, True, False, None, None, "((0))", False),
    ("Joined", "datetime2", 8, 23, 3, True, False, None, None, "(getdate())", False),
    ("Notes", "nvarchar", -1, 0, 0, True, False, None, None, None, False),
    ("Flag", "bit", 1, 1, 0, True, False, None, None, None, False),
    ("Code2", "nvarchar", 40, 0, 0, True, False, None, None, None, True),
]
KEYS = [("PK_Brokers", "PK", "Id"), ("UQ_Brokers_Code", "UQ", "Code")]


@pytest.fixture
def brokers() -> TableDefinition:
    return mssql_tables.definition_from_rows("dbo", "Brokers", COLUMNS, KEYS)


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine() as started:
        yield started


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (("nvarchar", 40, 0, 0), "NVARCHAR(20)"),
        (("nvarchar", -1, 0, 0), "NVARCHAR(MAX)"),
        (("varchar", 15, 0, 0), "VARCHAR(15)"),
        (("varbinary", -1, 0, 0), "VARBINARY(MAX)"),
        (("numeric", 9, 18, 2), "NUMERIC(18, 2)"),
        (("datetime2", 8, 27, 7), "DATETIME2(7)"),
        (("uniqueidentifier", 16, 0, 0), "UNIQUEIDENTIFIER"),
        (("int", 4, 10, 0), "INT"),
    ],
)
def test_column_types_from_the_catalog(row: tuple[str, int, int, int], expected: str) -> None:
    assert mssql_tables.type_sql(*row) == expected


def test_a_table_is_written_back_as_t_sql(brokers: TableDefinition) -> None:
    assert brokers.create_tsql("poc_dbo") == (
        "CREATE TABLE [poc_dbo].[Brokers] ([Id] INTEGER IDENTITY(100, 5) NOT NULL, "
        "[Code] NVARCHAR(20) NOT NULL, [Rate] NUMERIC(5, 4) NULL DEFAULT 0, "
        "[Joined] DATETIME2(3) NULL DEFAULT GETDATE(), [Notes] NVARCHAR(MAX) NULL, "
        "[Flag] BIT NULL, CONSTRAINT [PK_Brokers] PRIMARY KEY ([Id]), "
        "CONSTRAINT [UQ_Brokers_Code] UNIQUE ([Code]))"
    )
    assert sqlglot.parse_one(brokers.create_tsql(), read="tsql") is not None


def test_the_t_sql_keeps_keys_identity_and_defaults_under_the_interpreter(
    brokers: TableDefinition, engine: DuckDBEngine
) -> None:
    engine.create_schema("dbo")
    engine.run_script(brokers.create_tsql(), Path("<definition>"))
    tsql(
        engine,
        "INSERT INTO dbo.Brokers (Code) VALUES (N'B-1'); "
        "INSERT INTO dbo.Brokers (Code) VALUES (N'B-2')",
    )
    assert rows(engine, 'SELECT "Id", "Rate" FROM dbo."Brokers" ORDER BY 1') == [
        (100, 0),
        (105, 0),
    ]
    assert error_number(engine, "INSERT INTO dbo.Brokers (Code) VALUES (N'B-1')") == "error 2627"


def test_the_row_copy_keeps_identity_values_and_reseeds(brokers: TableDefinition) -> None:
    assert mssql_tables.copy_rows_sql(brokers, "poc_dbo") == [
        "SET IDENTITY_INSERT [poc_dbo].[Brokers] ON",
        "INSERT INTO [poc_dbo].[Brokers] ([Id], [Code], [Rate], [Joined], [Notes], [Flag]) "
        "SELECT [Id], [Code], [Rate], [Joined], [Notes], [Flag] FROM [dbo].[Brokers]",
        "SET IDENTITY_INSERT [poc_dbo].[Brokers] OFF",
        "DECLARE @current NUMERIC(38, 0) = IDENT_CURRENT('[dbo].[Brokers]'); "
        "IF @current IS NOT NULL DBCC CHECKIDENT ('[poc_dbo].[Brokers]', RESEED, @current) "
        "WITH NO_INFOMSGS",
    ]
    plain = mssql_tables.definition_from_rows("dbo", "Notes", [COLUMNS[1]], [])
    assert mssql_tables.copy_rows_sql(plain, "poc_dbo") == [
        "INSERT INTO [poc_dbo].[Notes] ([Code]) SELECT [Code] FROM [dbo].[Notes]"
    ]


def test_catalog_queries_name_the_object_safely() -> None:
    sql = mssql_tables.columns_sql("dbo", "Odd]Name")
    assert "OBJECT_ID(N'[dbo].[Odd]]Name]')" in sql
    assert mssql_tables.tables_sql(["Sales", "dbo"]).endswith(
        "WHERE t.is_ms_shipped = 0 AND LOWER(s.name) IN (N'sales', N'dbo') ORDER BY s.name, t.name"
    )
    for query in (sql, mssql_tables.keys_sql("dbo", "T"), MSSQL_GRANTS_SQL):
        assert query.lstrip().startswith("SELECT")


def test_grants_in_words() -> None:
    assert mssql_write_grants([]) == []
    assert mssql_write_grants(
        [("role", "db_datawriter"), ("permission", "INSERT"), ("permission", "DELETE")]
    ) == ["member of db_datawriter", "INSERT, DELETE on the database"]


def test_a_source_refuses_to_send_anything_but_a_select() -> None:
    class Recording(SourceDatabase):
        def _query(self, sql: str) -> QueryResult:
            return QueryResult(("x",), [(1,)])

        def close(self) -> None: ...
        def tables(self) -> list[tuple[str, str]]:
            return []

        def definition(self, schema: str, table: str) -> TableDefinition:
            raise NotImplementedError

        def write_grants(self) -> list[str]:
            return []

        def rows_sql(self, definition: TableDefinition, limit: int, where: str | None) -> str:
            return "SELECT 1"

    source = Recording("mssql://x")
    source.query("SELECT 1")
    source.query("WITH t AS (SELECT 1 AS x) SELECT x FROM t")
    with pytest.raises(AssertionError, match="SELECTs only"):
        source.query("DELETE FROM dbo.Brokers")
    assert source.statements[0] == "SELECT 1" and len(source.statements) == 2


def test_an_unreachable_server_is_one_clear_error() -> None:
    from etlcheck.errors import EngineError, EtlcheckError

    try:
        open_source("mssql://reader:s3cret@127.0.0.1:1/prod")
    except EtlcheckError as error:
        text = str(error)
        assert "s3cret" not in text
        assert isinstance(error, EngineError) or text.startswith(
            "cannot reach the seed database mssql://reader:***@127.0.0.1:1/prod"
        )
    else:
        pytest.fail("a server on port 1 answered")


@pytest.mark.mssql
def test_a_snapshot_of_a_real_sql_server(tmp_path: Path) -> None:
    from etlcheck.engines.mssql import SqlServerEngine
    from etlcheck.engines.mssql.container import mssql_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("mssql", mssql_unavailable_reason())
    with SqlServerEngine() as server:
        server.execute("IF SCHEMA_ID(N'shop') IS NULL EXEC(N'CREATE SCHEMA shop')")
        server.execute("DROP TABLE IF EXISTS shop.Items")
        server.execute(
            "CREATE TABLE shop.Items (Id INT IDENTITY(10, 10) PRIMARY KEY, "
            "Name NVARCHAR(40) NOT NULL UNIQUE, Price DECIMAL(9, 2) DEFAULT 0)"
        )
        server.execute("INSERT INTO shop.Items (Name) VALUES (N'a'), (N'b')")
        address = server.address
        assert address is not None
        source = open_source(
            f"mssql://{address.user}:{address.password}@{address.host}:{address.port}/"
            f"{address.database}"
        )
        definition = source.definition("shop", "Items")
        assert [k.columns for k in definition.keys] == [("Id",), ("Name",)]
        frame = source.rows(definition, 10, None)
        assert len(frame) == 2
        assert all(s.startswith("SELECT") for s in source.statements)
        source.close()


def test_a_table_typed_from_a_file_gets_unbounded_text_on_sql_server() -> None:
    from etlcheck.seeding.files import inferred_create_sql

    described = [("code", "VARCHAR", 2), ("n", "BIGINT", 2), ("ok", "BOOLEAN", 1)]
    assert inferred_create_sql(SqlServerEngine, "ref", "Codes", described) == (
        "CREATE TABLE [ref].[Codes] ([code] NVARCHAR(MAX), [n] BIGINT, [ok] BIT)"
    )


class RecordingServer(SqlServerEngine):
    """The SQL Server adapter, recording what seeding sends to a server that has one
    IDENTITY table instead of sending it."""

    def __init__(self) -> None:
        super().__init__(None)
        self.sent: list[str] = []

    def query(self, sql: str, *params: object) -> QueryResult:
        self.sent.append(sql)
        return QueryResult(("x",), [(1,)])

    def execute(self, sql: str, *params: object) -> int:
        self.sent.append(sql)
        return 0

    def insert_frame(
        self, schema: str, table: str, frame: pd.DataFrame, expressions: list[str]
    ) -> None:
        self.sent.append(f"<insert {schema}.{table} {', '.join(expressions)}>")


def test_rows_for_an_identity_table_go_in_under_identity_insert() -> None:
    from etlcheck.seeding.loaders import insert_frame

    server = RecordingServer()
    insert_frame(server, "dbo", "Brokers", pd.DataFrame({"Id": [1], "Code": ["a"]}))
    server.continue_identity("dbo", "Brokers")
    assert server.sent == [
        "SELECT OBJECTPROPERTY(OBJECT_ID('[dbo].[Brokers]'), 'TableHasIdentity')",
        "SET IDENTITY_INSERT [dbo].[Brokers] ON",
        "<insert dbo.Brokers [Id], [Code]>",
        "SET IDENTITY_INSERT [dbo].[Brokers] OFF",
        "IF OBJECTPROPERTY(OBJECT_ID('[dbo].[Brokers]'), 'TableHasIdentity') = 1 "
        "DBCC CHECKIDENT ('[dbo].[Brokers]', RESEED) WITH NO_INFOMSGS",
    ]
