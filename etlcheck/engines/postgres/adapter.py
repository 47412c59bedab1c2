"""PostgreSQL: a throwaway cluster from the local binaries, or a disposable database by URL.

T-SQL runs through etlcheck's interpreter, transpiled to PostgreSQL; ``_prepare`` installs
the ``sys.*`` catalog emulation it relies on (see ``system_catalog``). The engine enforces least
privilege: ``create_sandbox_principal`` makes a role that owns only the sandbox schemas and
reads only the allow-listed ones, and ``run_as`` switches the session to it.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import time
from collections.abc import Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck import APPLICATION_NAME
from etlcheck.engines.base import Engine, QueryResult, ScriptResult, TableCopy
from etlcheck.engines.disposable import DEFAULT_DISPOSABLE_PATTERN, check_disposable, redact_url
from etlcheck.engines.postgres.cluster import PgBinaries, ThrowawayCluster
from etlcheck.engines.postgres.fingerprint import PostgresFingerprintSQL
from etlcheck.engines.postgres.sandbox import grant_sandbox, install_schema_guard
from etlcheck.engines.postgres.system_catalog import (
    CITEXT_SCHEMA_QUERY,
    EMULATION_SCHEMA,
    emulation_statements,
)
from etlcheck.errors import EngineError

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.copies import DatabaseCopies
    from etlcheck.engines.postgres.emulation import PostgresEmulation

_PIP_HINT = "pip install 'etlcheck[postgres]'"
PERMISSION_DENIED = "42501"
_IN_TRANSACTION = 2
"""psycopg.pq.TransactionStatus.INTRANS: a transaction is open and healthy."""
_IN_ERROR = 3
"""psycopg.pq.TransactionStatus.INERROR: the open transaction has failed."""
_NESTED = "etlcheck_script_transaction"
"""The savepoint that stands for a transaction the script opens inside its step's."""

_UNDEFINED_NAME = ("42P01", "42703")
_INSTALL_LOCK = 0x6574_6C63  # "etlc": one installer of the emulation at a time, per database
"""SQLSTATEs of an unknown table or column."""
SEARCH_PATH = f'dbo, "$user", public, {EMULATION_SCHEMA}'
"""The search_path of every connection to a database with the emulation: unqualified T-SQL
names mean dbo, and sys (last) holds the emulated functions and types."""


@contextlib.contextmanager
def _one_line_errors() -> Iterator[None]:
    """PostgreSQL errors keep their class (and SQLSTATE) but lose the LINE/caret lines."""
    psycopg = _import_psycopg()
    try:
        yield
    except psycopg.Error as error:
        text = str(error)
        first = text.split("\n")[0].strip()
        quoted = re.search(r'"([^"]*)"', first)
        if (
            error.sqlstate in _UNDEFINED_NAME
            and quoted
            and quoted.group(1) != quoted.group(1).lower()
        ):
            first += " (on PostgreSQL a T-SQL name matches only with the case it was created with)"
        if first == text.strip():
            raise
        raise type(error)(first) from error


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise EngineError(
            "the PostgreSQL engine needs the psycopg driver", hint=_PIP_HINT
        ) from None
    return psycopg


class PostgresEngine(Engine):
    """PostgreSQL with T-SQL interpreted; throwaway cluster when no target URL is given."""

    name = "postgres"
    dialect = "postgres"
    column_default_sql = "COALESCE(column_default, CASE is_identity WHEN 'YES' THEN 'identity' END)"
    interprets_tsql = True
    throwaway = "a throwaway PostgreSQL cluster"
    supports_least_privilege = True
    supports_step_transactions = True
    internal_schemas = (EMULATION_SCHEMA,)
    system_schemas = ("information_schema", "pg_catalog", "pg_toast")
    text_type = "TEXT"
    loads_files = True

    @classmethod
    def fingerprint_sql(cls) -> PostgresFingerprintSQL:
        return PostgresFingerprintSQL()

    @classmethod
    def tsql_emulation(cls) -> PostgresEmulation:
        from etlcheck.engines.postgres.emulation import PostgresEmulation

        return PostgresEmulation()

    def __init__(
        self,
        target: str | None = None,
        *,
        disposable_pattern: str = DEFAULT_DISPOSABLE_PATTERN,
        allow_external_target: bool = False,
        binaries: PgBinaries | None = None,
    ) -> None:
        super().__init__(target)
        self.info.target = redact_url(target) if target else ""
        self.disposable_pattern = disposable_pattern
        self.allow_external_target = allow_external_target
        self._binaries = binaries
        self._cluster: ThrowawayCluster | None = None
        self._conninfo: dict[str, Any] = {}
        self._connection: Any = None
        self._principals: list[str] = []
        self._role: str | None = None
        """The role ``run_as`` set, while it is set."""
        self.database = ""

    def __repr__(self) -> str:
        return f"PostgresEngine(target={self.info.target or 'throwaway cluster'!r})"

    # --- lifecycle -------------------------------------------------------------------------

    @classmethod
    def database_copies(cls, db: str | None, work: Path) -> DatabaseCopies | None:
        from etlcheck.engines.postgres.copies import TemplateCopies

        return TemplateCopies(db)

    def _start(self) -> None:
        psycopg = _import_psycopg()
        if self.target is None:
            self._start_cluster(psycopg)
            return
        try:
            conninfo = psycopg.conninfo.conninfo_to_dict(self.target)
        except psycopg.ProgrammingError as error:
            raise EngineError(
                f"not a PostgreSQL URL: {redact_url(self.target)}: {error}",
                hint="use postgresql://user:password@host:port/database",
            ) from None
        self.database = str(conninfo.get("dbname") or conninfo.get("user") or "")
        check_disposable(
            self.database, self.info.target, self.disposable_pattern, self.allow_external_target
        )
        self._conninfo = conninfo

    def _start_cluster(self, psycopg: Any) -> None:
        began = time.perf_counter()
        self._cluster = ThrowawayCluster(self._binaries)
        try:
            address = self._cluster.start()
            self.info.extra["cluster_start_seconds"] = round(time.perf_counter() - began, 3)
            self.database = f"etlcheck_{secrets.token_hex(4)}"
            server = {"host": str(address.socket_dir), "port": address.port, "user": address.user}
            with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
                admin.execute(f"CREATE DATABASE {self.quote(self.database)}")
        except BaseException:
            self._cluster.stop()
            self._cluster = None
            raise
        self._conninfo = {**server, "dbname": self.database}
        self.info.target = f"throwaway cluster 127.0.0.1:{address.port}/{self.database}"
        self.info.extra["server_version"] = self._cluster.binaries.version

    def _connect(self) -> None:
        psycopg = _import_psycopg()
        try:
            # APP_NAME() reads application_name; a URL that names another keeps its own.
            settings = {"application_name": APPLICATION_NAME, **self._conninfo}
            self._connection = psycopg.connect(autocommit=True, **settings)
        except psycopg.Error as error:
            self.close()
            raise EngineError(
                f"cannot connect to PostgreSQL {self.info.target}: {str(error).strip()}",
                hint="check the URL, that the server runs and the credentials",
            ) from None
        self.info.version = str(self.query("SHOW server_version").scalar())

    def _prepare(self) -> None:
        """Install the T-SQL emulation (sys.*) and keep sys on the search_path.

        ``dbo`` comes first on the path: unqualified T-SQL names mean ``dbo``.
        """
        from etlcheck.tsql.scope import Session

        # Connections opened on one database at once (pytest-xdist workers) would otherwise
        # replace the same functions together: "tuple concurrently updated".
        self.execute(f"SELECT pg_advisory_lock({_INSTALL_LOCK})")
        try:
            for statement in emulation_statements("citext_placeholder")[:2]:
                self.execute(statement)
            citext_schema = self.query(CITEXT_SCHEMA_QUERY).scalar()
            citext = f"{self.quote(citext_schema)}.citext"
            self.execute(emulation_statements(citext)[2])
            path = SEARCH_PATH
            if self._cluster is not None:
                self.execute(f"ALTER DATABASE {self.quote(self.database)} SET search_path = {path}")
            self.execute(f"SET search_path = {path}")
            # Staging sorts and temp tables (#t) of the seed scale fit in memory, as on SQL Server.
            self.execute("SET work_mem = '64MB'")
            self.execute("SET temp_buffers = '256MB'")
            self.tsql_emulation().install(self)
        finally:
            self.execute(f"SELECT pg_advisory_unlock({_INSTALL_LOCK})")
        self.tsql_session = Session()

    def close(self) -> None:
        try:
            if self._connection is not None and self._cluster is None:
                for role in reversed(self._principals):
                    with contextlib.suppress(Exception):
                        self.drop_sandbox_principal(role)
            if self._connection is not None:
                with contextlib.suppress(Exception):
                    self._connection.close()
        finally:
            self._connection = None
            if self._cluster is not None:
                self._cluster.stop()
                self._cluster = None

    # --- statements ------------------------------------------------------------------------

    @property
    def connection(self) -> Any:
        if self._connection is None:
            raise EngineError("the PostgreSQL engine is not started")
        return self._connection

    def execute(self, sql: str, params: Any = None) -> int:
        self.before_statement(sql)
        with self._statement() as cursor:
            cursor.execute(sql, params)
            rowcount: int = cursor.rowcount
            return rowcount if cursor.description is None else -1

    def query(self, sql: str, params: Any = None) -> QueryResult:
        self.before_statement(sql)
        with self._statement() as cursor:
            cursor.execute(sql, params)
            if cursor.description is None:
                return QueryResult((), [])
            columns = tuple(column.name for column in cursor.description)
            return QueryResult(columns, [tuple(row) for row in cursor.fetchall()])

    def local_url(self) -> str | None:
        if self._cluster is None or self._cluster.address is None:
            return None
        address = self._cluster.address
        return (
            f"postgresql://{address.user}@/{self.database}"
            f"?host={address.socket_dir}&port={address.port}"
        )

    def interrupt(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.cancel_safe(timeout=5)

    def step_transaction_aborted(self) -> bool:
        return self.connection.info.transaction_status == _IN_ERROR

    def transaction_control(self, sql: str) -> None:
        """A transaction-control statement, sent as it is (no statement savepoint around it:
        releasing that would release a savepoint made inside it too)."""
        with self.connection.cursor() as cursor, _one_line_errors():
            cursor.execute(sql)

    @property
    def supports_savepoints(self) -> bool:
        return True

    def save_point(self, name: str) -> None:
        self.transaction_control(f"SAVEPOINT {name}")

    def rollback_to_point(self, name: str) -> None:
        self.transaction_control(f"ROLLBACK TO SAVEPOINT {name}")
        self.catalog_epoch += 1

    def begin_nested(self) -> None:
        self.transaction_control(f"SAVEPOINT {_NESTED}")

    def commit_nested(self) -> None:
        self.transaction_control(f"RELEASE SAVEPOINT {_NESTED}")

    def rollback_nested(self) -> None:
        self.transaction_control(f"ROLLBACK TO SAVEPOINT {_NESTED}")
        self.transaction_control(f"RELEASE SAVEPOINT {_NESTED}")
        self.catalog_epoch += 1

    @contextlib.contextmanager
    def _statement(self) -> Iterator[Any]:
        """A cursor; inside an open transaction the statement gets a savepoint.

        SQL Server rolls back only the failed statement (XACT_ABORT OFF); PostgreSQL would
        abort the whole transaction, so TRY...CATCH could run nothing after an error.
        """
        connection = self.connection
        with connection.cursor() as cursor, _one_line_errors():
            if connection.info.transaction_status != _IN_TRANSACTION:
                yield cursor
                return
            cursor.execute("SAVEPOINT etlcheck_statement")
            try:
                yield cursor
            except BaseException:
                cursor.execute("ROLLBACK TO SAVEPOINT etlcheck_statement")
                raise
            if connection.info.transaction_status == _IN_TRANSACTION:
                cursor.execute("RELEASE SAVEPOINT etlcheck_statement")

    def sqlalchemy_url(self) -> str | None:
        """``postgresql+psycopg`` with this engine's own connection settings (for a
        throwaway cluster, its socket); None when SQLAlchemy is not installed."""
        try:
            from sqlalchemy.engine import URL
        except ImportError:
            return None
        settings = {k: str(v) for k, v in self._conninfo.items() if k != "dbname" and v}
        # A database given by URL keeps its own search_path (etlcheck sets the emulation's
        # only on the connections it opens): without sys on it, SQLAlchemy reflects the
        # emulation's types (sys.citext) as NullType and every expectation fails.
        settings.setdefault("options", f"-c search_path={SEARCH_PATH.replace(' ', '')}")
        url = URL.create("postgresql+psycopg", database=self.database or None, query=settings)
        return url.render_as_string(hide_password=False)

    def load_frame(self, schema: str, table: str, frame: pd.DataFrame) -> None:
        """Replace schema.table with the frame's rows, sent with COPY in one transaction."""
        from etlcheck.engines.postgres.seeding import copy_frame

        self.catalog_epoch += 1
        copy_frame(self, self.connection, schema, table, frame)

    def run_script(self, text: str, path: Path) -> ScriptResult:
        from etlcheck.tsql.interpreter import Interpreter

        return Interpreter(self, self.tsql_emulation(), self.tsql_session).run_script(text, path)

    # --- seeding (engines/postgres/seeding.py) ---------------------------------------------
    def clone_tables(
        self, tables: Sequence[TableCopy], without_rows: AbstractSet[TableCopy] = frozenset()
    ) -> None:
        from etlcheck.engines.postgres.seeding import PostgresCloner

        PostgresCloner().clone(self, tables, without_rows)

    def copy_rows(self, tables: Sequence[TableCopy]) -> None:
        from etlcheck.engines.postgres.seeding import PostgresCloner

        cloner = PostgresCloner()
        for schema, table, target in tables:
            cloner.copy_rows(self, schema, table, target)

    def continue_identity(self, schema: str, table: str) -> None:
        from etlcheck.engines.postgres.seeding import continue_identity

        continue_identity(self, schema, table)

    def load_file(self, path: Path, schema: str, table: str, columns: Sequence[str]) -> None:
        from etlcheck.engines.postgres.seeding import load_file

        load_file(self, self.connection, path, schema, table, columns)

    def schemas(self) -> list[str]:
        """User schemas, without PostgreSQL's own and the T-SQL emulation schema."""
        result = self.query(
            "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%%' "
            "AND nspname NOT IN ('information_schema', %s) ORDER BY nspname",
            (EMULATION_SCHEMA,),
        )
        return [row[0] for row in result.rows]

    @staticmethod
    def is_permission_error(error: BaseException) -> bool:
        """True for 'permission denied' (SQLSTATE 42501): a leak stopped by the database."""
        return getattr(error, "sqlstate", None) == PERMISSION_DENIED

    # --- least privilege -------------------------------------------------------------------

    def create_sandbox_principal(
        self,
        sandbox_schemas: Sequence[str],
        read_schemas: Sequence[str] = (),
        protected_schemas: Sequence[str] = (),
        left_to_steps: Collection[str] = (),
    ) -> str:
        """A role that owns (so may create, write and drop in) only the sandbox schemas.

        It reads ``read_schemas`` and nothing else (no denial of the protected ones is
        needed); a guard lets it create or rename only schemas named in ``sandbox_schemas``.
        Those in ``left_to_steps`` are not made here: the role creates them (CREATE on the
        database) and so owns them. Returns the role name for ``run_as``.
        """
        role = f"etlcheck_run_{secrets.token_hex(4)}"
        self.execute(f"CREATE ROLE {self.quote(role)} NOLOGIN")
        self._principals.append(role)
        made = [schema for schema in sandbox_schemas if schema not in left_to_steps]
        grant_sandbox(self, role, made, read_schemas)
        self.info.extra["schema_guard"] = install_schema_guard(self, role, sandbox_schemas)
        return role

    @contextlib.contextmanager
    def run_as(self, role: str) -> Iterator[None]:
        """Run what happens inside as ``role`` (SET ROLE), back to the admin session after."""
        self.execute(f"SET ROLE {self.quote(role)}")
        self._role = role
        try:
            yield
        finally:
            self._role = None
            self.execute("RESET ROLE")

    @contextlib.contextmanager
    def owner_session(self) -> Iterator[None]:
        role = self._role
        if role is None:
            yield
            return
        self.execute("RESET ROLE")
        try:
            yield
        finally:
            self.execute(f"SET ROLE {self.quote(role)}")

    def drop_sandbox_principal(self, role: str) -> None:
        """Hand the role's objects back to the admin user and drop it (roles are server-wide)."""
        quoted = self.quote(role)
        self.execute("RESET ROLE")
        self.execute(f"REASSIGN OWNED BY {quoted} TO CURRENT_USER")
        self.execute(f"DROP OWNED BY {quoted}")
        self.execute(f"DROP ROLE {quoted}")
        with contextlib.suppress(Exception):
            self.execute("DELETE FROM sys.etlcheck_sandbox_grants WHERE role_name = %s", (role,))
        if role in self._principals:
            self._principals.remove(role)
