"""SQL Server's clone carries production's FOREIGN KEYs between the sandbox copies: read
from sys.foreign_keys / sys.foreign_key_columns, added once every copy holds its rows,
parents' keys first, each referring to the copy of its parent, never to production. Checked
without a server (the catalog SQL, the statements for given catalog rows, those statements
run as T-SQL through the DuckDB interpreter, the order against a recording adapter) and
against a real server at the end, which skips without one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlglot

from etlcheck.engines.base import QueryResult
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.engines.mssql import SqlServerEngine
from etlcheck.engines.mssql import foreign_keys as mssql_keys
from tests.seeding.seed_helpers import error_number, tsql

COPIES = [
    ("dw", "DimCategory", "poc_dw"),
    ("dw", "DimProduct", "poc_dw"),
    ("dw", "FactSales", "poc_dw"),
]
# What the catalog query answers for production's keys: a two-column key from the fact to
# the product, the product's key to its category, an employee's key to its manager (itself),
# and a key to ref.Currency, a table the clone does not copy.
ROWS = [
    ("FK_DimProduct_Category", "dw", "DimProduct", "dw", "DimCategory", 1, "CategoryKey",
     "CategoryKey", "NO_ACTION", "NO_ACTION", False, False, False),
    ("FK_FactSales_Currency", "dw", "FactSales", "ref", "Currency", 1, "CurrencyCode",
     "Code", "NO_ACTION", "NO_ACTION", False, False, False),
    ("FK_FactSales_Product", "dw", "FactSales", "dw", "DimProduct", 1, "ProductKey",
     "ProductKey", "NO_ACTION", "NO_ACTION", False, False, False),
    ("FK_FactSales_Product", "dw", "FactSales", "dw", "DimProduct", 2, "ProductVersion",
     "Version", "NO_ACTION", "NO_ACTION", False, False, False),
    ("FK_FactSales_Promo", "dw", "FactSales", "dw", "DimCategory", 1, "PromoCategory",
     "CategoryKey", "CASCADE", "SET_NULL", True, True, True),
]  # fmt: skip


def test_the_catalog_query_reads_both_sides_by_column_order() -> None:
    sql = mssql_keys.foreign_keys_sql(["dw", "O'Brien"])
    tree = sqlglot.parse_one(sql, read="tsql")
    tables = {table.name for table in tree.find_all(sqlglot.exp.Table)}
    assert {"foreign_keys", "foreign_key_columns", "tables", "schemas", "columns"} <= tables
    assert "LOWER(cs.name) IN (N'dw', N'o''brien')" in sql
    assert sql.endswith("ORDER BY cs.name, ct.name, fk.name, fkc.constraint_column_id")


def test_rows_become_one_key_each_with_its_columns_in_order() -> None:
    keys = mssql_keys.foreign_keys_from_rows(ROWS)
    product = next(key for key in keys if key.name == "FK_FactSales_Product")
    assert (product.columns, product.parent_columns) == (
        ("ProductKey", "ProductVersion"),
        ("ProductKey", "Version"),
    )
    promo = next(key for key in keys if key.name == "FK_FactSales_Promo")
    assert (promo.on_delete, promo.on_update, promo.disabled, promo.trusted) == (
        "CASCADE",
        "SET NULL",
        True,
        False,
    )


def test_the_statements_refer_to_the_copies_parents_first() -> None:
    statements = mssql_keys.clone_statements(mssql_keys.foreign_keys_from_rows(ROWS), COPIES)
    assert statements == [
        "ALTER TABLE [poc_dw].[DimProduct] WITH CHECK ADD CONSTRAINT [FK_DimProduct_Category] "
        "FOREIGN KEY ([CategoryKey]) REFERENCES [poc_dw].[DimCategory] ([CategoryKey])",
        "ALTER TABLE [poc_dw].[FactSales] WITH CHECK ADD CONSTRAINT [FK_FactSales_Product] "
        "FOREIGN KEY ([ProductKey], [ProductVersion]) REFERENCES [poc_dw].[DimProduct] "
        "([ProductKey], [Version])",
        "ALTER TABLE [poc_dw].[FactSales] WITH NOCHECK ADD CONSTRAINT [FK_FactSales_Promo] "
        "FOREIGN KEY ([PromoCategory]) REFERENCES [poc_dw].[DimCategory] ([CategoryKey]) "
        "ON DELETE CASCADE ON UPDATE SET NULL NOT FOR REPLICATION",
        "ALTER TABLE [poc_dw].[FactSales] NOCHECK CONSTRAINT [FK_FactSales_Promo]",
    ]
    # The key to ref.Currency is left out: its parent has no copy, and production is never named.
    assert not any("[dw]" in statement or "Currency" in statement for statement in statements)


def test_a_table_that_refers_to_itself_keeps_its_key_and_a_cycle_still_ends() -> None:
    rows = [
        ("FK_Employee_Manager", "hr", "Employee", "hr", "Employee", 1, "ManagerId", "Id",
         "NO_ACTION", "NO_ACTION", False, False, False),
        ("FK_A_B", "hr", "A", "hr", "B", 1, "BId", "Id", "NO_ACTION", "NO_ACTION", False,
         False, False),
        ("FK_B_A", "hr", "B", "hr", "A", 1, "AId", "Id", "NO_ACTION", "NO_ACTION", False,
         False, False),
    ]  # fmt: skip
    copies = [("hr", "A", "poc_hr"), ("hr", "B", "poc_hr"), ("hr", "Employee", "poc_hr")]
    statements = mssql_keys.clone_statements(mssql_keys.foreign_keys_from_rows(rows), copies)
    assert len(statements) == 3
    assert (
        "ALTER TABLE [poc_hr].[Employee] WITH CHECK ADD CONSTRAINT [FK_Employee_Manager] "
        "FOREIGN KEY ([ManagerId]) REFERENCES [poc_hr].[Employee] ([Id])"
    ) in statements


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine() as started:
        yield started


def test_the_statements_hold_under_the_interpreter(engine: DuckDBEngine) -> None:
    """Run as T-SQL (the interpreter honours FOREIGN KEY as SQL Server does): the copy of
    the fact refers to the copy of the product, so an unknown product fails with 547."""
    tsql(
        engine,
        "CREATE SCHEMA poc_dw;\nGO\n"
        "CREATE TABLE poc_dw.DimCategory (CategoryKey INT NOT NULL PRIMARY KEY);\n"
        "CREATE TABLE poc_dw.DimProduct (ProductKey INT NOT NULL, Version INT NOT NULL,\n"
        "  CategoryKey INT NOT NULL, CONSTRAINT PK_DimProduct PRIMARY KEY (ProductKey, Version));\n"
        "CREATE TABLE poc_dw.FactSales (SaleId INT NOT NULL PRIMARY KEY, ProductKey INT,\n"
        "  ProductVersion INT, CurrencyCode CHAR(3), PromoCategory INT);\n"
        "INSERT INTO poc_dw.DimCategory VALUES (1);\n"
        "INSERT INTO poc_dw.DimProduct VALUES (7, 1, 1);\n"
        "INSERT INTO poc_dw.FactSales VALUES (1, 7, 1, 'EUR', NULL);",
    )
    keys = [key for key in mssql_keys.foreign_keys_from_rows(ROWS) if key.on_delete == "NO ACTION"]
    for statement in mssql_keys.clone_statements(tuple(keys), COPIES):
        tsql(engine, statement)
    assert (
        error_number(engine, "INSERT INTO poc_dw.FactSales VALUES (2, 8, 1, 'EUR', NULL)")
        == "error 547"
    )
    assert error_number(engine, "DELETE FROM poc_dw.DimCategory") == "error 547"


class CloningServer(SqlServerEngine):
    """The SQL Server adapter against a recorded catalog: production holds dw.DimProduct
    (one INT column) and dw.FactSales, the fact's key refers to the product."""

    def __init__(self) -> None:
        super().__init__(None)
        self.sent: list[str] = []

    def query(self, sql: str, *params: object) -> QueryResult:
        self.sent.append(sql)
        if "sys.foreign_keys" in sql:
            return QueryResult(
                ("name",), [row for row in ROWS if row[0] == "FK_FactSales_Product"][:1]
            )
        if "sys.columns" in sql and "sys.key_constraints" not in sql:
            row = ("ProductKey", "int", 4, 10, 0, False, False, None, None, None, False)
            return QueryResult(("name",), [row])
        return QueryResult(("name",), [])

    def execute(self, sql: str, *params: object) -> int:
        self.sent.append(sql)
        return 0


def test_the_clone_adds_the_keys_once_every_copy_holds_its_rows() -> None:
    server = CloningServer()
    server.clone_tables([("dw", "FactSales", "poc_dw"), ("dw", "DimProduct", "poc_dw")])
    writes = [sql for sql in server.sent if not sql.startswith("SELECT")]
    key = next(i for i, sql in enumerate(writes) if "ADD CONSTRAINT" in sql)
    assert key == len(writes) - 1
    assert writes[key] == (
        "ALTER TABLE [poc_dw].[FactSales] WITH CHECK ADD CONSTRAINT [FK_FactSales_Product] "
        "FOREIGN KEY ([ProductKey]) REFERENCES [poc_dw].[DimProduct] ([ProductKey])"
    )
    assert sum(sql.startswith("INSERT INTO [poc_dw]") for sql in writes[:key]) == 2


@pytest.mark.mssql
def test_a_real_clone_carries_the_key_between_the_copies() -> None:
    from etlcheck.engines.mssql.container import mssql_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("mssql", mssql_unavailable_reason())
    with SqlServerEngine() as server:
        for schema in ("dw", "poc_dw"):
            server.execute(f"IF SCHEMA_ID(N'{schema}') IS NULL EXEC(N'CREATE SCHEMA {schema}')")
        for schema in ("poc_dw", "dw"):
            server.execute(f"DROP TABLE IF EXISTS {schema}.FactSales, {schema}.DimProduct")
        server.execute("CREATE TABLE dw.DimProduct (ProductKey INT NOT NULL PRIMARY KEY)")
        server.execute(
            "CREATE TABLE dw.FactSales (SaleId INT NOT NULL PRIMARY KEY, ProductKey INT NOT NULL "
            "CONSTRAINT FK_FactSales_Product REFERENCES dw.DimProduct (ProductKey))"
        )
        server.execute(
            "INSERT INTO dw.DimProduct VALUES (1); INSERT INTO dw.FactSales VALUES (1, 1)"
        )
        server.clone_tables([("dw", "FactSales", "poc_dw"), ("dw", "DimProduct", "poc_dw")])
        found = server.query(
            "SELECT OBJECT_SCHEMA_NAME(parent_object_id), "
            "OBJECT_SCHEMA_NAME(referenced_object_id), OBJECT_NAME(referenced_object_id), "
            "is_not_trusted FROM sys.foreign_keys "
            "WHERE name = N'FK_FactSales_Product' ORDER BY 1"
        ).rows
        assert [tuple(row) for row in found] == [
            ("dw", "dw", "DimProduct", False),
            ("poc_dw", "poc_dw", "DimProduct", False),
        ]
        with pytest.raises(Exception, match="FOREIGN KEY"):
            server.execute("INSERT INTO poc_dw.FactSales VALUES (2, 9)")
