"""A connection to a live seed database that can only read, and records what it sends."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from etlcheck.engines.base import QueryResult
from etlcheck.engines.disposable import redact_url
from etlcheck.engines.mssql import tables as mssql_tables
from etlcheck.engines.postgres import tables as postgres_tables
from etlcheck.errors import ConfigError, EngineError
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.seeding.tabledef import TableDefinition

READ_ONLY_OPTIONS = "-c default_transaction_read_only=on"


class SourceDatabase(ABC):
    """Reads a live database: every statement goes through :meth:`query` and is recorded."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.statements: list[str] = []

    def query(self, sql: str) -> QueryResult:
        first = sql.split(None, 1)[0].upper() if sql.strip() else ""
        if first not in ("SELECT", "WITH"):
            raise AssertionError(f"a seed database gets SELECTs only, not: {sql[:60]}")
        self.statements.append(sql)
        return self._query(sql)

    @abstractmethod
    def _query(self, sql: str) -> QueryResult: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def tables(self) -> list[tuple[str, str]]: ...

    @abstractmethod
    def definition(self, schema: str, table: str) -> TableDefinition: ...

    @abstractmethod
    def write_grants(self) -> list[str]:
        """What the login could change, in words; empty when it can only read."""

    def rows(self, definition: TableDefinition, limit: int, where: str | None) -> pd.DataFrame:
        import pandas as pd

        result = self.query(self.rows_sql(definition, limit, where))
        return pd.DataFrame.from_records(result.rows, columns=list(result.columns))

    @abstractmethod
    def rows_sql(self, definition: TableDefinition, limit: int, where: str | None) -> str: ...


def open_source(url: str) -> SourceDatabase:
    """A read-only connection to ``url``; one clear error when it cannot be reached."""
    if url.lower().startswith(("postgresql://", "postgres://")):
        return PostgresSource(url)
    if url.lower().startswith("mssql://"):
        return MssqlSource(url)
    raise ConfigError(
        f"seed database {redact_url(url)}: no reader for this scheme",
        hint="use postgresql://… or mssql://…",
    )


def _unreachable(url: str, error: BaseException) -> ConfigError:
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ConfigError(
        f"cannot reach the seed database {redact_url(url)}: {detail}",
        hint="check the URL, that the server runs, and the login",
    )


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
            raise _unreachable(url, error) from None
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
        names = ", ".join('"' + c.name.replace('"', '""') + '"' for c in definition.stored_columns)
        condition = f" WHERE {where}" if where else ""
        target = postgres_tables.qualified(definition.schema, definition.name)
        return f"SELECT {names} FROM {target}{condition} LIMIT {int(limit)}"


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
            raise _unreachable(url, error) from None

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
