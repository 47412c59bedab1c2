"""The interface every engine adapter fills in, and the capabilities it declares.

``start()`` is a template method in the style of testcontainers: it calls
``_start`` (bring up or locate the server), ``_connect`` and ``_prepare``
(e.g. install catalog emulation); subclasses fill in those small methods.

Code outside an engine's folder asks the engine what it can do (``embedded``,
``supports_least_privilege``, ``fingerprint_sql()``, ``tsql_emulation()``,
``clone_tables()``...), never which engine it is.
"""

from __future__ import annotations

import functools
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Sequence
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Self

from etlcheck.tsql.target import QueryResult, ScriptResult

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from etlcheck.engines.copies import DatabaseCopies
    from etlcheck.isolation.fingerprint_sql import FingerprintSQL
    from etlcheck.tsql.emulation import Emulation
    from etlcheck.tsql.scope import Session

__all__ = ["Engine", "EngineInfo", "QueryResult", "ScriptResult", "TableCopy"]

TableCopy = tuple[str, str, str]
"""(production schema, table, sandbox schema): one table ``clone_tables`` copies."""


@dataclass
class EngineInfo:
    """Facts about a running engine that go into run.json."""

    name: str
    version: str = ""
    target: str = ""
    started_in_seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


_NO_CATALOG_CHANGE = (
    "SELECT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "WITH",
    "MERGE",
    "TRUNCATE",
    "VALUES",
    "BEGIN",
    "COMMIT",
    "SAVEPOINT",
    "RELEASE",
    "SET ",
    "SHOW",
    "(",
)
"""First words of statements that cannot create, drop or alter an object (ROLLBACK can:
it undoes the transaction's DDL)."""


class Engine(ABC):
    """A disposable database that etlcheck seeds, runs scripts on and fingerprints."""

    catalog_epoch = 0
    """How many statements that may have changed the catalog have run (see ``note``);
    the T-SQL interpreter's catalog cache is stale once it moves."""

    name: ClassVar[str]
    """The name users give (``--engine``, ``[run] engine``) and the registry knows."""
    dialect: ClassVar[str]
    """sqlglot dialect of the SQL this engine speaks natively."""
    interprets_tsql: ClassVar[bool] = True
    """True when T-SQL runs through etlcheck's interpreter instead of natively (and so
    T-SQL's column types are translated, see ``text_type``)."""
    embedded: ClassVar[bool] = False
    """True for a database in this process, kept in a file (or memory) given by path:
    etlcheck replaces such a file only when it made it. False for a server, given by URL
    or started for the run (``throwaway``)."""
    throwaway: ClassVar[str] = ""
    """What the engine starts when no URL is given ("a throwaway PostgreSQL cluster")."""
    supports_least_privilege: ClassVar[bool] = False
    """True when the pipeline can run as a principal that may write only to the sandbox
    (``create_sandbox_principal`` and ``run_as``)."""
    principal_creates_schemas: ClassVar[bool] = True
    """True when the run (as its sandbox principal, where there is one) may create a
    sandbox schema itself: a schema the pipeline creates is then left for its step
    (``etlcheck.isolation.step_schemas``) instead of being made before step 1."""
    internal_schemas: ClassVar[tuple[str, ...]] = ()
    """Schemas etlcheck creates on this engine (the T-SQL catalog emulation's ``sys``)."""
    system_schemas: ClassVar[tuple[str, ...]] = ("information_schema",)
    """The engine's own schemas. Neither kind is user data: fingerprints skip both."""
    text_type: ClassVar[str] = "VARCHAR"
    """The type of a text column without a length (``VARCHAR`` on SQL Server would hold
    one character)."""
    current_database_sql: ClassVar[str] = "current_database()"
    """The SQL expression naming the connected database (``information_schema`` filters)."""
    column_default_sql: ClassVar[str] = "column_default"
    """What ``information_schema.columns`` says fills a column an INSERT leaves out (an
    identity column counts: it has a default in this sense)."""
    loads_files: ClassVar[bool] = False
    """True when ``load_file`` reads a data file into a table without a DataFrame."""
    queries_arrays: ClassVar[bool] = False
    """True when ``query_arrays`` hands results over as numpy arrays (no Python rows)."""
    supports_step_transactions: ClassVar[bool] = False
    """True when a step can run inside one transaction (``begin_step``...): an interrupted
    or failed step then leaves nothing behind."""

    object_ids_last: ClassVar[bool] = True
    """True when a table keeps its object id when the database is opened again (a
    fingerprint kept on disk can then still tell a table dropped and re-created)."""

    statement_observer: Callable[[str], None] | None = None
    """Called before every statement this engine sends (see ``before_statement``): the
    run's interruption check and the trace."""
    row_locator: ClassVar[str | None] = None
    """A pseudo-column naming a row's place in its table (DuckDB ``rowid``), stable while
    the table is not written: lets a failing row be fetched again by it. None: no such."""

    def __init__(self, target: str | None = None) -> None:
        self.target = target
        self.info = EngineInfo(name=self.name, target=target or "")
        self.in_step_transaction = False
        self.tsql_session: Session | None = None
        """The interpreter's session on this connection (@@TRANCOUNT, temp tables, the
        catalog cache), kept from one script to the next; None where T-SQL runs natively."""
        self.step_transaction_lost = False
        """A statement of the step could not be undone on its own (an engine without
        savepoints): the step transaction is aborted and must be rolled back."""

    def start(self) -> Self:
        began = time.perf_counter()
        self._start()
        self._connect()
        self._prepare()
        self.info.started_in_seconds = time.perf_counter() - began
        return self

    def _start(self) -> None:  # noqa: B027 - optional hook
        """Bring up or locate the database; embedded engines have nothing to do."""

    @abstractmethod
    def _connect(self) -> None: ...

    def _prepare(self) -> None:  # noqa: B027 - optional hook
        """Install whatever the engine needs before scripts run (catalog emulation...)."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def execute(self, sql: str) -> int:
        """Run one statement in the engine's own dialect; rows affected, or -1 when unknown."""

    @abstractmethod
    def query(self, sql: str) -> QueryResult:
        """Run one query in the engine's own dialect and fetch all rows."""

    def query_expression(self, sql: str) -> QueryResult:
        """A query that reads no table (a T-SQL condition or expression). Engines whose
        failed statements abort the open transaction answer it even then, as SQL Server
        evaluates expressions in a doomed transaction."""
        return self.query(sql)

    def query_frame(self, sql: str) -> pd.DataFrame:
        """A query's rows as a DataFrame (engines that can build one natively do)."""
        import pandas as pd

        result = self.query(sql)
        return pd.DataFrame.from_records(result.rows, columns=list(result.columns))

    exports_tables: ClassVar[bool] = False
    """True when ``export_tables`` can copy tables into a DuckDB file another process reads."""

    def export_tables(self, tables: Sequence[str], path: Path) -> list[str]:
        """Copy the ``schema.table``s that exist into a new DuckDB file at ``path``; return
        those copied. Only engines with ``exports_tables`` can."""
        raise NotImplementedError(f"{self.name} cannot export tables to a DuckDB file")

    def sqlalchemy_url(self) -> str | None:
        """A SQLAlchemy URL of this database for tools that speak SQLAlchemy (Great
        Expectations' SQL datasource), or None when the engine offers none. It may carry
        credentials: never print it."""
        return None

    @abstractmethod
    def load_frame(self, schema: str, table: str, frame: pd.DataFrame) -> None:
        """Create ``schema.table`` from a DataFrame (replacing it) in one bulk operation."""

    @classmethod
    def database_copies(cls, db: str | None, work: Path) -> DatabaseCopies | None:
        """Copies of one seeded database, one per benchmark run (``etlcheck bench``):
        ``db`` is ``--db`` (None: a database of the benchmark's own), ``work`` the
        project's ``.etlcheck`` folder. None when this engine cannot copy a database."""
        return None

    def checkpoint(self) -> None:
        """Write out what the engine has only logged so far (nothing to do for servers)."""
        return

    def insert_frame(
        self, schema: str, table: str, frame: pd.DataFrame, expressions: list[str]
    ) -> None:
        """Append ``frame`` to the existing ``schema.table``: one row a frame row, the
        table's columns (the frame's, by name) given by ``expressions`` over the frame's
        columns (casts, say). The frame goes through a holding table unless the engine can
        select from it directly."""
        holding = f"etlcheck_holding_{table}"
        self.load_frame(schema, holding, frame)
        try:
            names = ", ".join(self.quote(str(name)) for name in frame.columns)
            self.execute(
                f"INSERT INTO {self.qualified(schema, table)} ({names}) "
                f"SELECT {', '.join(expressions)} FROM {self.qualified(schema, holding)}"
            )
        finally:
            self.execute(f"DROP TABLE IF EXISTS {self.qualified(schema, holding)}")

    @abstractmethod
    def run_script(self, text: str, path: Path) -> ScriptResult:
        """Run a whole T-SQL script (batches separated by GO)."""

    def before_statement(self, sql: str) -> None:
        """Every adapter calls this before it sends ``sql``: the catalog epoch, then the
        statement observer (which may raise to stop the run before the statement)."""
        self.note(sql)
        if self.statement_observer is not None:
            self.statement_observer(sql)

    def database_file(self) -> Path | None:
        """The file the database lives in, for an embedded engine (None: a server)."""
        return None

    def local_url(self) -> str | None:
        """A URL another process on this machine can reach this database with, without a
        password (a throwaway server's socket); None when there is none."""
        return None

    def interrupt(self) -> None:  # noqa: B027 - optional hook
        """Stop the statement running now, from another thread (no-op where the driver
        cannot)."""

    # --- one transaction a step --------------------------------------------------------
    def transaction_control(self, sql: str) -> None:
        """Send ``BEGIN``/``COMMIT``/``ROLLBACK`` (an engine that wraps statements, in a
        savepoint say, sends these as they are)."""
        self.execute(sql)

    def begin_step(self) -> None:
        """Open the transaction that holds one whole step."""
        self.transaction_control("BEGIN TRANSACTION")
        self.in_step_transaction = True
        self.step_transaction_lost = False

    def commit_step(self) -> None:
        self.in_step_transaction = False
        self.transaction_control("COMMIT")

    def rollback_step(self) -> None:
        """Undo the step; the catalog the interpreter cached may have changed back."""
        self.in_step_transaction = False
        self.step_transaction_lost = False
        try:
            self.transaction_control("ROLLBACK")
        finally:
            self.catalog_epoch += 1

    def step_transaction_aborted(self) -> bool:
        """True when the step's transaction can no longer commit what the step did."""
        return self.step_transaction_lost

    def failed_after_abort(self, error: BaseException) -> bool:
        """True when ``error`` only says the step's transaction was aborted already (by an
        earlier error the script caught): the step must run again without one."""
        return False

    # --- a script's own transactions (BEGIN TRAN, COMMIT, ROLLBACK, and the interpreter's
    # key checks): plain transactions, or nested in the step's -----------------------------
    def begin_transaction(self) -> None:
        if self.in_step_transaction:
            self.begin_nested()
        else:
            self.execute("BEGIN TRANSACTION")

    def commit_transaction(self) -> None:
        if self.in_step_transaction:
            self.commit_nested()
        else:
            self.execute("COMMIT")

    def rollback_transaction(self) -> None:
        if self.in_step_transaction:
            self.rollback_nested()
        else:
            self.execute("ROLLBACK")

    @property
    def supports_savepoints(self) -> bool:
        """Whether the engine has savepoints (SAVE TRANSACTION's, and nested transactions)."""
        return False

    def save_point(self, name: str) -> None:
        """SAVE TRANSACTION's savepoint (nothing where the engine has none: a rollback to
        it is refused when it happens)."""
        return

    def rollback_to_point(self, name: str) -> None:
        raise NotImplementedError(f"{self.name} has no savepoints")

    def begin_nested(self) -> None:
        """A transaction inside the step's: a savepoint where the engine has them."""
        raise NotImplementedError(f"{self.name} cannot nest a transaction in a step")

    def commit_nested(self) -> None:
        raise NotImplementedError(f"{self.name} cannot nest a transaction in a step")

    def rollback_nested(self) -> None:
        raise NotImplementedError(f"{self.name} cannot nest a transaction in a step")

    # --- what other parts of etlcheck ask of an engine -------------------------------------
    @classmethod
    @abstractmethod
    def fingerprint_sql(cls) -> FingerprintSQL:
        """The queries a fingerprint runs on this engine (``isolation.fingerprint``)."""

    @classmethod
    def tsql_emulation(cls) -> Emulation | None:
        """The T-SQL emulation etlcheck's interpreter uses here; None when the engine
        runs T-SQL itself (``interprets_tsql`` False)."""
        return None

    def open_transactions(self) -> int:
        """@@TRANCOUNT of the engine's T-SQL session (what the scripts' BEGIN TRAN left);
        0 where T-SQL runs natively."""
        return self.tsql_session.transaction_count if self.tsql_session is not None else 0

    def query_arrays(self, sql: str) -> dict[str, np.ndarray]:
        """A query's columns as numpy arrays, by name. Only engines with ``queries_arrays``."""
        raise NotImplementedError(f"{self.name} cannot hand results over as arrays")

    @abstractmethod
    def clone_tables(
        self, tables: Sequence[TableCopy], without_rows: AbstractSet[TableCopy] = frozenset()
    ) -> None:
        """Create each ``sandbox.table`` like ``schema.table`` (columns, types, NOT NULL,
        defaults, IDENTITY, keys, CHECKs) and copy its rows, except into the copies in
        ``without_rows`` (``seeding.clone``; only engines with step transactions get any)."""

    def copy_rows(self, tables: Sequence[TableCopy]) -> None:
        """Copy the rows of each ``schema.table`` into its (empty) clone ``sandbox.table``."""
        raise NotImplementedError(f"{self.name} copies rows only while cloning")

    def owner_session(self) -> AbstractContextManager[None]:
        """Run what happens inside as the session that seeded the database, also inside
        ``run_as`` (etlcheck's own bookkeeping, never the pipeline's statements)."""
        return nullcontext()

    @abstractmethod
    def continue_identity(self, schema: str, table: str) -> None:
        """Make the next generated IDENTITY value of ``schema.table`` follow its rows, as
        SQL Server does after rows with explicit values went in."""

    def explicit_identity_values(self, schema: str, table: str) -> AbstractContextManager[None]:
        """Where inserted rows may carry their own IDENTITY values (SQL Server needs
        ``IDENTITY_INSERT`` for that; the emulations take them as given)."""
        return nullcontext()

    def load_file(self, path: Path, schema: str, table: str, columns: Sequence[str]) -> None:
        """Append a CSV or Parquet file's ``columns`` to the existing ``schema.table``
        without a DataFrame. Only engines with ``loads_files``."""
        raise NotImplementedError(f"{self.name} loads data files through DataFrames")

    def create_sandbox_principal(
        self,
        sandbox_schemas: Sequence[str],
        read_schemas: Sequence[str] = (),
        protected_schemas: Sequence[str] = (),
        left_to_steps: Collection[str] = (),
    ) -> str:
        """A principal that may create and write only in ``sandbox_schemas``, read only
        ``read_schemas`` (and is denied ``protected_schemas`` where the engine can say so);
        its name, for ``run_as``. Only engines with ``supports_least_privilege``.

        ``left_to_steps`` are sandbox schemas the pipeline creates itself: not made here,
        but the principal may create them (``principal_creates_schemas`` engines only)."""
        raise NotImplementedError(f"{self.name} has no least-privilege principals")

    def run_as(self, principal: str) -> AbstractContextManager[None]:
        """Run what happens inside as ``principal``, back to the admin session after."""
        raise NotImplementedError(f"{self.name} has no least-privilege principals")

    def note(self, sql: str) -> None:
        """Count ``sql`` toward ``catalog_epoch`` unless it plainly reads or writes rows;
        engines whose scripts run through the interpreter call this for every statement."""
        if not sql.lstrip()[:9].upper().startswith(_NO_CATALOG_CHANGE):
            self.catalog_epoch += 1

    def quote(self, name: str) -> str:
        """An identifier quoted for this engine."""
        return '"' + name.replace('"', '""') + '"'

    def qualified(self, schema: str, table: str) -> str:
        return f"{self.quote(schema)}.{self.quote(table)}"

    def schemas(self) -> list[str]:
        """User schemas that exist now."""
        result = self.query(
            "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"
        )
        return [row[0] for row in result.rows]

    def create_schema(self, schema: str) -> None:
        self.execute(f"CREATE SCHEMA IF NOT EXISTS {self.quote(schema)}")

    def drop_schema(self, schema: str) -> None:
        """Drop ``schema`` and what is in it, the extended properties the T-SQL emulation
        keeps of them included."""
        self.execute(f"DROP SCHEMA IF EXISTS {self.quote(schema)} CASCADE")
        emulation = self.tsql_emulation()
        if emulation is not None:
            from etlcheck.tsql.property_store import forget_sql

            self.execute(forget_sql(functools.partial(emulation.literal, type_sql=None), schema))

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
