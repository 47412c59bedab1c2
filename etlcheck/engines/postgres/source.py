"""A live PostgreSQL database read as a seed source: a read-only session, SELECTs only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from etlcheck.engines.base import QueryResult
from etlcheck.engines.postgres import tables as postgres_tables
from etlcheck.errors import EngineError
from etlcheck.seeding.source_db import SourceDatabase, unreachable

if TYPE_CHECKING:
    from etlcheck.seeding.tabledef import TableDefinition

READ_ONLY_OPTIONS = "-c default_transaction_read_only=on"


class PostgresSource(SourceDatabase):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        try:
            import psycopg
        except ImportError:
            raise EngineError(
                "reading a PostgreSQL seed database needs psycopg",
                hint="pip install 'etlcheck[postgres]'",
            ) from None
        try:
            self.connection: Any = psycopg.connect(
                url, autocommit=False, options=READ_ONLY_OPTIONS, connect_timeout=10
            )
        except psycopg.Error as error:
            raise unreachable(url, error) from None
        self.connection.read_only = True

    def _query(self, sql: str) -> QueryResult:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            columns = tuple(column.name for column in cursor.description or ())
            rows = [tuple(row) for row in cursor.fetchall()]
        self.connection.rollback()  # end the read-only transaction; nothing to keep
        return QueryResult(columns, rows)

    def close(self) -> None:
        self.connection.close()

    def tables(self) -> list[tuple[str, str]]:
        return [(str(s), str(t)) for s, t in self.query(postgres_tables.tables_sql(())).rows]

    def definition(self, schema: str, table: str) -> TableDefinition:
        return postgres_tables.read_definition(self, schema, table)

    def write_grants(self) -> list[str]:
        found = []
        if self.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar():
            found.append("superuser")
        if self.query("SELECT has_database_privilege(current_database(), 'CREATE')").scalar():
            found.append("CREATE on the database")
        rows = self.query(
            "SELECT n.nspname || '.' || c.relname, "
            "concat_ws(', ', CASE WHEN has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END, "
            "CASE WHEN has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END, "
            "CASE WHEN has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END, "
            "CASE WHEN has_table_privilege(c.oid, 'TRUNCATE') THEN 'TRUNCATE' END) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', "
            "'information_schema') ORDER BY 1"
        ).rows
        writable = [(name, grants) for name, grants in rows if grants]
        if writable:
            first_name, first_grants = writable[0]
            more = f" (and {len(writable) - 1} more tables)" if len(writable) > 1 else ""
            found.append(f"{first_grants} on {first_name}{more}")
        return found

    def rows_sql(self, definition: TableDefinition, limit: int, where: str | None) -> str:
        names = ", ".join(_selected(c.name, c.type_sql) for c in definition.stored_columns)
        condition = f" WHERE {where}" if where else ""
        target = postgres_tables.qualified(definition.schema, definition.name)
        return f"SELECT {names} FROM {target}{condition} LIMIT {int(limit)}"


_READ_AS = {"NVARCHAR(MAX)": "text", "MONEY": "numeric"}
"""Columns read as another type than their own: what becomes NVARCHAR(MAX) (json, arrays,
enums, intervals…) as PostgreSQL's own text of it, money as a number (its text follows the
server's locale)."""


def _selected(name: str, type_sql: str) -> str:
    quoted = '"' + name.replace('"', '""') + '"'
    read_as = _READ_AS.get(type_sql)
    return f"{quoted}::{read_as} AS {quoted}" if read_as else quoted
