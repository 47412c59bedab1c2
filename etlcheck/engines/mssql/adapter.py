"""SQL Server: a disposable container from testcontainers, or an existing server by URL.

T-SQL runs natively (batches split on GO, sent as written). The driver is pyodbc with
whichever SQL Server ODBC driver is installed. Least privilege is a database user
without login, granted the sandbox schemas and denied the protected ones, used through
``EXECUTE AS USER`` with a cookie so a script's own REVERT cannot escape it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.engines.base import Engine, QueryResult, ScriptResult, TableCopy
from etlcheck.engines.disposable import DEFAULT_DISPOSABLE_PATTERN, check_disposable
from etlcheck.engines.mssql.container import (
    IMAGE_VARIABLE,
    URL_VARIABLE,
    ContainerSettings,
    make_container,
    mssql_unavailable_reason,
)
from etlcheck.engines.mssql.fingerprint import SqlServerFingerprintSQL
from etlcheck.engines.mssql.odbc import (
    ServerAddress,
    connection_string,
    discover_driver,
    import_pyodbc,
    parse_mssql_url,
)
from etlcheck.engines.mssql.sandbox import (
    drop_principal_sql,
    quote_tsql,
    sandbox_principal_sql,
    tsql_string,
)
from etlcheck.engines.mssql.tables import clone_tables, explicit_identity_values, tsql_reseed
from etlcheck.errors import EngineError

if TYPE_CHECKING:
    import pandas as pd

PERMISSION_ERRORS = frozenset({229, 230, 262, 2760, 15151, 15247, 1088, 3701})
"""SQL Server errors that mean 'permission denied' (SELECT/INSERT denied, CREATE denied...)."""

_FRAME_TYPES = {
    "boolean": "BIT",
    "bigint": "BIGINT",
    "double precision": "FLOAT",
    "numeric": "DECIMAL(38, 10)",
    "timestamp": "DATETIME2",
    "timestamptz": "DATETIMEOFFSET",
    "date": "DATE",
    "time": "TIME",
    "bytea": "VARBINARY(MAX)",
    "interval": "NVARCHAR(100)",
    "text": "NVARCHAR(MAX)",
}


class SqlServerEngine(Engine):
    """SQL Server with native T-SQL; a container when no URL is given."""

    name = "mssql"
    dialect = "tsql"
    interprets_tsql = False
    throwaway = "a throwaway SQL Server"
    supports_least_privilege = True
    principal_creates_schemas = False  # see create_sandbox_principal
    system_schemas = ("sys", "information_schema")
    text_type = "NVARCHAR(MAX)"
    current_database_sql = "DB_NAME()"
    column_default_sql = (
        "COALESCE(COLUMN_DEFAULT, CASE COLUMNPROPERTY(OBJECT_ID(QUOTENAME(TABLE_SCHEMA) + '.' "
        "+ QUOTENAME(TABLE_NAME)), COLUMN_NAME, 'IsIdentity') WHEN 1 THEN 'identity' END)"
    )

    @classmethod
    def fingerprint_sql(cls) -> SqlServerFingerprintSQL:
        return SqlServerFingerprintSQL()

    def __init__(
        self,
        target: str | None = None,
        *,
        image: str | None = None,
        driver: str | None = None,
        disposable_pattern: str = DEFAULT_DISPOSABLE_PATTERN,
        allow_external_target: bool = False,
    ) -> None:
        super().__init__(target or os.environ.get(URL_VARIABLE) or None)
        self.image = image or os.environ.get(IMAGE_VARIABLE) or ContainerSettings.image
        self.requested_driver = driver
        self.disposable_pattern = disposable_pattern
        self.allow_external_target = allow_external_target
        self.address: ServerAddress | None = None
        self.driver = ""
        self.database = ""
        self._container: Any = None
        self._connection: Any = None
        self._pyodbc: Any = None
        self._principals: list[str] = []
        if self.target:
            self.info.target = parse_mssql_url(self.target).redacted()

    def __repr__(self) -> str:
        return f"SqlServerEngine(target={self.info.target or 'container ' + self.image!r})"

    # --- lifecycle -------------------------------------------------------------------------

    def _start(self) -> None:
        if self.target:
            address = parse_mssql_url(self.target)
            check_disposable(
                address.database,
                address.redacted(),
                self.disposable_pattern,
                self.allow_external_target,
            )
            self._pyodbc = import_pyodbc()
            self.driver = discover_driver(self.requested_driver or address.driver)
            self.address = address
            self.database = address.database
            return
        self._pyodbc = import_pyodbc()
        self.driver = discover_driver(self.requested_driver)
        reason = mssql_unavailable_reason()
        if reason is not None:
            raise EngineError(
                f"cannot start SQL Server: {reason}",
                hint="start Docker or set "
                f"{URL_VARIABLE}=mssql://user:password@host:1433/etlcheck_db",
            )
        self._start_container()

    def _start_container(self) -> None:
        settings = ContainerSettings(image=self.image)
        began = time.perf_counter()
        self._container = make_container(settings)
        try:
            self._container.start()
            host = self._container.get_container_host_ip()
            port = int(self._container.get_exposed_port(settings.port))
        except Exception as error:
            self.close()
            raise EngineError(
                f"the SQL Server container ({self.image}) did not start: {type(error).__name__}",
                hint="check that Docker can pull the image and has 2 GB of memory free",
            ) from None
        self.info.extra["container_start_seconds"] = round(time.perf_counter() - began, 3)
        self.info.extra["image"] = self.image
        master = ServerAddress(host, port, settings.user, settings.password, "master", self.driver)
        self.database = f"etlcheck_{secrets.token_hex(4)}"
        connection = self._pyodbc.connect(connection_string(master, self.driver), autocommit=True)
        try:
            connection.execute(f"CREATE DATABASE {quote_tsql(self.database)}")
        finally:
            connection.close()
        self.address = master.with_database(self.database)
        self.info.target = f"container {self.image} {self.address.redacted()}"

    def _connect(self) -> None:
        assert self.address is not None
        try:
            self._connection = self._pyodbc.connect(
                connection_string(self.address, self.driver), autocommit=True
            )
        except self._pyodbc.Error as error:
            self.close()
            raise EngineError(
                f"cannot connect to SQL Server {self.address.redacted()} with {self.driver}: "
                f"{error.args[-1] if error.args else error}",
                hint="check the URL, the credentials and that the server is up",
            ) from None
        self.info.version = str(
            self.query("SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))").scalar()
        )
        self.info.extra["odbc_driver"] = self.driver

    def close(self) -> None:
        try:
            if self._connection is not None:
                if self._container is None:
                    for user in list(self._principals):
                        with contextlib.suppress(Exception):
                            self.drop_sandbox_principal(user)
                with contextlib.suppress(Exception):
                    self._connection.close()
        finally:
            self._connection = None
            if self._container is not None:
                with contextlib.suppress(Exception):
                    self._container.stop()
                self._container = None

    # --- statements ------------------------------------------------------------------------

    @property
    def connection(self) -> Any:
        if self._connection is None:
            raise EngineError("the SQL Server engine is not started")
        return self._connection

    def quote(self, name: str) -> str:
        return quote_tsql(name)

    def execute(self, sql: str, *params: Any) -> int:
        self.before_statement(sql)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, *params)
            return int(cursor.rowcount) if cursor.description is None else -1
        finally:
            cursor.close()

    def query(self, sql: str, *params: Any) -> QueryResult:
        self.before_statement(sql)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, *params)
            while cursor.description is None and cursor.nextset():
                pass
            if cursor.description is None:
                return QueryResult((), [])
            columns = tuple(column[0] for column in cursor.description)
            return QueryResult(columns, [tuple(row) for row in cursor.fetchall()])
        finally:
            cursor.close()

    def create_schema(self, schema: str) -> None:
        self.execute(
            f"IF SCHEMA_ID({tsql_string(schema)}) IS NULL "
            f"EXEC({tsql_string('CREATE SCHEMA ' + quote_tsql(schema))})"
        )

    def drop_schema(self, schema: str) -> None:
        """Drop every table and view in the schema, then the schema."""
        self.execute(
            "DECLARE @sql nvarchar(max) = N''; "
            "SELECT @sql += N'DROP ' + CASE o.type WHEN 'V' THEN N'VIEW ' ELSE N'TABLE ' END "
            "+ QUOTENAME(s.name) + N'.' + QUOTENAME(o.name) + N'; ' "
            "FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id "
            f"WHERE s.name = {tsql_string(schema)} AND o.type IN ('U', 'V'); "
            "EXEC sys.sp_executesql @sql; "
            f"IF SCHEMA_ID({tsql_string(schema)}) IS NOT NULL "
            f"EXEC({tsql_string('DROP SCHEMA ' + quote_tsql(schema))})"
        )

    def schemas(self) -> list[str]:
        result = self.query(
            "SELECT name FROM sys.schemas WHERE schema_id BETWEEN 1 AND 16383 "
            "AND name NOT IN ('sys', 'INFORMATION_SCHEMA', 'guest') ORDER BY name"
        )
        return [row[0] for row in result.rows]

    def sqlalchemy_url(self) -> str | None:
        """``mssql+pyodbc`` with the engine's own ODBC connection string; None before
        the server is known or without SQLAlchemy."""
        if self.address is None:
            return None
        try:
            from sqlalchemy.engine import URL
        except ImportError:
            return None
        odbc = connection_string(self.address, self.driver)
        url = URL.create("mssql+pyodbc", query={"odbc_connect": odbc})
        return url.render_as_string(hide_password=False)

    def load_frame(self, schema: str, table: str, frame: pd.DataFrame) -> None:
        """Replace schema.table with the frame, sent as one parameter array (fast_executemany)."""
        from etlcheck.engines.frames import column_types, frame_rows

        target = self.qualified(schema, table)
        columns = ", ".join(
            f"{quote_tsql(name)} {_FRAME_TYPES.get(kind, 'NVARCHAR(MAX)')}"
            for name, kind in column_types(frame)
        )
        self.create_schema(schema)
        self.execute(f"DROP TABLE IF EXISTS {target}")
        self.execute(f"CREATE TABLE {target} ({columns})")
        rows = list(frame_rows(frame))
        if not rows:
            return
        marks = ", ".join("?" for _ in frame.columns)
        cursor = self.connection.cursor()
        try:
            cursor.fast_executemany = True
            cursor.executemany(f"INSERT INTO {target} VALUES ({marks})", rows)
        finally:
            cursor.close()

    def run_script(self, text: str, path: Path) -> ScriptResult:
        from etlcheck.engines.mssql.script import run_batches

        return run_batches(self.connection.cursor, text, path, self._pyodbc.Error)

    # --- seeding (engines/mssql/tables.py) --------------------------------------------------
    def clone_tables(
        self, tables: Sequence[TableCopy], without_rows: AbstractSet[TableCopy] = frozenset()
    ) -> None:
        if without_rows:  # SQL Server steps do not run in a transaction of etlcheck's
            raise EngineError("SQL Server clones every table with its rows")
        clone_tables(self, tables)

    def continue_identity(self, schema: str, table: str) -> None:
        self.execute(tsql_reseed(schema, table))

    def explicit_identity_values(self, schema: str, table: str) -> AbstractContextManager[None]:
        return explicit_identity_values(self, schema, table)

    def is_permission_error(self, error: BaseException) -> bool:
        """True when the server refused for lack of permission (a leak stopped by the database)."""
        from etlcheck.engines.mssql.script import parse_server_error

        return parse_server_error(error).number in PERMISSION_ERRORS

    # --- least privilege -------------------------------------------------------------------

    def create_sandbox_principal(
        self,
        sandbox_schemas: Sequence[str],
        read_schemas: Sequence[str] = (),
        protected_schemas: Sequence[str] = (),
        left_to_steps: Collection[str] = (),
    ) -> str:
        """Create the run's user (see ``sandbox_principal_sql``); returns its name.

        Every sandbox schema is made here, also one a step creates: the user has no
        CREATE SCHEMA permission (``principal_creates_schemas`` is False). SQL Server
        grants it for the whole database, any name, not per schema, and the SSDT form
        ``CREATE SCHEMA s AUTHORIZATION dbo`` would need IMPERSONATE on dbo besides. A
        pipeline that creates a schema production lacks therefore meets it made already
        on this engine (guard it with ``IF SCHEMA_ID('s') IS NULL``).
        """
        if left_to_steps:
            raise EngineError("SQL Server's run user cannot create the schemas left to steps")
        user = f"etlcheck_run_{secrets.token_hex(4)}"
        for schema in sandbox_schemas:
            self.create_schema(schema)
        for statement in sandbox_principal_sql(
            user, sandbox_schemas, read_schemas, protected_schemas
        ):
            self.execute(statement)
        self._principals.append(user)
        return user

    @contextlib.contextmanager
    def run_as(self, user: str) -> Iterator[None]:
        """EXECUTE AS USER with a cookie: only this context can REVERT the switch.

        Both statements go as direct batches (no parameters): a parameterised call would
        run inside sp_executesql, whose scope ends the impersonation with it.
        """
        cookie = self.query(
            "DECLARE @cookie varbinary(8000); "
            f"EXECUTE AS USER = {tsql_string(user)} WITH COOKIE INTO @cookie; "
            "SELECT @cookie"
        ).scalar()
        try:
            yield
        finally:
            self.execute(f"REVERT WITH COOKIE = 0x{bytes(cookie).hex()}")

    def drop_sandbox_principal(self, user: str) -> None:
        for statement in drop_principal_sql(user):
            self.execute(statement)
        if user in self._principals:
            self._principals.remove(user)
