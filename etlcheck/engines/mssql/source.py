"""A live SQL Server database read as a seed source: ``ApplicationIntent=ReadOnly``,
SELECTs only, and what the login could write, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from etlcheck.engines.base import QueryResult
from etlcheck.engines.mssql import tables as mssql_tables
from etlcheck.seeding.source_db import SourceDatabase, unreachable
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.seeding.tabledef import TableDefinition


class MssqlSource(SourceDatabase):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        from etlcheck.engines.mssql.odbc import (
            connection_string,
            discover_driver,
            import_pyodbc,
            parse_mssql_url,
        )

        pyodbc = import_pyodbc()
        address = parse_mssql_url(url)
        text = connection_string(address, discover_driver()).rstrip(";")
        try:
            self.connection: Any = pyodbc.connect(
                text + ";ApplicationIntent=ReadOnly", autocommit=False, timeout=10
            )
        except pyodbc.Error as error:
            raise unreachable(url, error) from None

    def _query(self, sql: str) -> QueryResult:
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql)
            columns = tuple(column[0] for column in cursor.description or ())
            rows = [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()
        self.connection.rollback()
        return QueryResult(columns, rows)

    def close(self) -> None:
        self.connection.close()

    def tables(self) -> list[tuple[str, str]]:
        return [(str(s), str(t)) for s, t in self.query(mssql_tables.tables_sql(())).rows]

    def definition(self, schema: str, table: str) -> TableDefinition:
        return mssql_tables.read_definition(self, schema, table)

    def write_grants(self) -> list[str]:
        return mssql_write_grants(self.query(MSSQL_GRANTS_SQL).rows)

    def rows_sql(self, definition: TableDefinition, limit: int, where: str | None) -> str:
        names = ", ".join(mssql_tables.quote_tsql(c.name) for c in definition.stored_columns)
        condition = f" WHERE {where}" if where else ""
        target = (
            f"{mssql_tables.quote_tsql(definition.schema)}."
            f"{mssql_tables.quote_tsql(definition.name)}"
        )
        return f"SELECT TOP ({int(limit)}) {names} FROM {target}{condition}"


MSSQL_WRITE_PERMISSIONS = (
    "INSERT", "UPDATE", "DELETE", "ALTER", "CONTROL", "CREATE TABLE", "ALTER ANY SCHEMA",
)  # fmt: skip
MSSQL_GRANTS_SQL = (
    "SELECT 'role', name FROM (VALUES ('sysadmin', IS_SRVROLEMEMBER('sysadmin')), "
    "('db_owner', IS_ROLEMEMBER('db_owner')), ('db_datawriter', IS_ROLEMEMBER('db_datawriter')), "
    "('db_ddladmin', IS_ROLEMEMBER('db_ddladmin'))) AS r(name, member) WHERE member = 1 "
    "UNION ALL SELECT 'permission', permission_name FROM fn_my_permissions(NULL, 'DATABASE') "
    "WHERE permission_name IN (" + ", ".join(sql_literal(p) for p in MSSQL_WRITE_PERMISSIONS) + ")"
)


def mssql_write_grants(rows: list[tuple[Any, ...]]) -> list[str]:
    """Words for the rows of :data:`MSSQL_GRANTS_SQL`."""
    roles = [str(name) for kind, name in rows if kind == "role"]
    permissions = [str(name) for kind, name in rows if kind == "permission"]
    found = [f"member of {role}" for role in roles]
    if permissions:
        found.append(f"{', '.join(permissions)} on the database")
    return found
