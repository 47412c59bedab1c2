"""The embedded default engine: DuckDB in-process, a file or memory per test worker.

T-SQL runs through etlcheck's interpreter (``etlcheck.tsql``), which transpiles each
statement to DuckDB and runs control flow in Python. The connection behaves like one
SQL Server session: unqualified names resolve to ``dbo``, string comparisons ignore
case (SQL Server's default collation), ``/`` on integers divides as integers, and
temp tables (``#t``) live as long as the connection.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from etlcheck.engines.base import Engine, QueryResult, ScriptResult, TableCopy
from etlcheck.engines.duckdb import json_udfs
from etlcheck.engines.duckdb.fingerprint import DuckDBFingerprintSQL
from etlcheck.errors import EngineError, UsageError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from etlcheck.engines.copies import DatabaseCopies
    from etlcheck.engines.duckdb.emulation import DuckDBEmulation
    from etlcheck.engines.duckdb.step_identities import Marks


_FRAME = "_etlcheck_frame"
"""The name a DataFrame is registered under while a statement reads it."""
_EXPORT = "etlcheck_export"
"""The name a database file is attached under while ``export_tables`` fills it."""
ROW_GROUP_SIZE = 32_768
"""Rows per row group in database files (DuckDB's default is 122,880); see ``_attach``."""
MEMORY_LIMIT = "512MB"
"""DuckDB's buffer pool for a database file (DuckDB's default is 80 % of the machine's
memory); ``ETLCHECK_DUCKDB_MEMORY`` sets another. See ``_attach``."""
MEMORY_VARIABLE = "ETLCHECK_DUCKDB_MEMORY"


class DuckDBEngine(Engine):
    name = "duckdb"
    dialect = "duckdb"
    interprets_tsql = True
    embedded = True
    supports_least_privilege = False
    supports_step_transactions = True
    object_ids_last = False  # table_oid is handed out afresh each time the file is opened
    row_locator = "rowid"
    exports_tables = True
    loads_files = True
    queries_arrays = True

    internal_schemas: ClassVar[tuple[str, ...]] = ("sys",)
    """Schemas etlcheck creates for catalog emulation; fingerprints must skip them."""
    system_schemas: ClassVar[tuple[str, ...]] = ("main", "information_schema", "pg_catalog")
    """DuckDB's own schemas, which SQL Server does not have."""

    @classmethod
    def fingerprint_sql(cls) -> DuckDBFingerprintSQL:
        return DuckDBFingerprintSQL()

    @classmethod
    def tsql_emulation(cls) -> DuckDBEmulation:
        from etlcheck.engines.duckdb.emulation import DuckDBEmulation

        return DuckDBEmulation()

    def __init__(self, target: str | None = None) -> None:
        super().__init__(target)
        self._connection: Any = None
        self._json_installed = False
        """Whether this connection has the JSON functions (``json_udfs``), added on demand."""
        self._aside: Any = None
        self._catalog: str | None = None
        self._schema = "dbo"
        self._identities_before: Marks = {}
        """Each identity sequence's last value when the step's transaction opened."""

    def _connect(self) -> None:
        import duckdb

        database = self.target or ":memory:"
        try:
            if database == ":memory:":
                self._connection = duckdb.connect(database)
            else:
                Path(database).parent.mkdir(parents=True, exist_ok=True)
                self._connection = self._attach(duckdb.connect(), Path(database))
        except duckdb.Error as error:
            raise EngineError(
                f"cannot open DuckDB database {database}: {error}", hint="check --db"
            ) from None
        self.info.version = duckdb.__version__
        self.info.target = database

    def _attach(self, connection: Any, path: Path) -> Any:
        """Open the database file under the name ``<stem>_db`` (what ``DB_NAME()`` says),
        with smaller row groups.

        DuckDB's own name for a file is its stem, and a catalog named like a schema makes
        every two-part name in that schema ambiguous: ``--db etl.duckdb`` and a script's
        ``etl.stg_policies`` failed to bind. A schema named ``<stem>_db`` is far less likely.

        An insert of a full row group is written straight to the file; smaller ones go
        through the write-ahead log and are written again at the next checkpoint. Most
        of a pipeline's tables hold tens of thousands of rows: with row groups of
        ``ROW_GROUP_SIZE`` rows instead of 122,880 they are written once, and scans have
        more row groups to share between threads.

        DuckDB keeps every block it has read or written in its buffer pool, up to 80 % of
        the machine's memory: at ``--scale 10`` the 1.8 GB file stayed in memory whole and
        the run peaked at 3.6 GB. The blocks are in the file, so a smaller pool only evicts
        them (a query that outgrows it spills to ``<file>.tmp``, which DuckDB removes on
        close). Whole scale-10 runs peaked at 2.0 GB with 1 GB, 1.8-1.9 GB with 768 MB and
        1.5 GB with ``MEMORY_LIMIT`` (the steps took 3 % more CPU time than without a
        limit); the seed-scale database (190 MB seeded) hardly reaches it.
        """
        import duckdb

        self._catalog = f"{path.stem}_db"
        literal = str(path).replace("'", "''")
        connection.execute(
            f"ATTACH '{literal}' AS {self.quote(self._catalog)} (ROW_GROUP_SIZE {ROW_GROUP_SIZE})"
        )
        connection.execute(f"USE {self.quote(self._catalog)}")
        connection.execute(f"SET temp_directory = '{literal}.tmp'")
        limit = os.environ.get(MEMORY_VARIABLE, MEMORY_LIMIT).replace("'", "''")
        try:
            connection.execute(f"SET memory_limit = '{limit}'")
        except duckdb.Error as error:
            raise UsageError(
                f"{MEMORY_VARIABLE}={limit!r} is not a memory size DuckDB accepts ({error})",
                hint=f"set it like {MEMORY_LIMIT!r} or '4GB', or unset it",
            ) from None
        return connection

    def _prepare(self) -> None:
        """Make the connection behave like a SQL Server session and install ``sys``."""
        from etlcheck.tsql.emulation import DEFAULT_SCHEMA
        from etlcheck.tsql.scope import Session

        connection = self.connection
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {self.quote(DEFAULT_SCHEMA)}")
        connection.execute("SET default_collation = 'nocase'")
        connection.execute("SET integer_division = true")
        # A disposable database: no fsync on commit, and blocks written uncompressed.
        # Compressing what each step writes cost 0.8 s of a 2.9 s seed-scale run; the
        # file is about 1.6 times larger for it.
        connection.execute("SET fsync_mode = 'none'")
        connection.execute("SET force_compression = 'uncompressed'")
        self.tsql_emulation().install(self)
        connection.execute(f"SET schema = '{DEFAULT_SCHEMA}'")
        self._schema = DEFAULT_SCHEMA
        self.tsql_session = Session()

    def schemas(self) -> list[str]:
        """User schemas of the database (not DuckDB's own, not etlcheck's emulation)."""
        hidden = {*self.internal_schemas, *self.system_schemas}
        result = self.query(
            "SELECT schema_name FROM duckdb_schemas() "
            "WHERE database_name = current_database() AND NOT internal ORDER BY schema_name"
        )
        return [row[0] for row in result.rows if row[0] not in hidden]

    @property
    def connection(self) -> Any:
        if self._connection is None:
            raise EngineError("the DuckDB engine is not started")
        return self._connection

    def close(self) -> None:
        if self._aside is not None:
            self._aside.close()
            self._aside = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            self._json_installed = False
            self.tsql_session = None

    def before_statement(self, sql: str) -> None:
        super().before_statement(sql)
        if not self._json_installed and json_udfs.names_json(sql):
            self._json_installed = True
            json_udfs.install(self.connection)

    def execute(self, sql: str) -> int:
        self.before_statement(sql)
        cursor = self.connection.execute(sql)
        description = cursor.description
        if description and len(description) == 1 and description[0][0] == "Count":
            row = cursor.fetchone()
            return int(row[0]) if row else 0
        return -1

    def query(self, sql: str) -> QueryResult:
        self.before_statement(sql)
        return _result(self.connection.execute(sql))

    def query_arrays(self, sql: str) -> dict[str, np.ndarray]:
        arrays: dict[str, np.ndarray] = self.connection.execute(sql).fetchnumpy()
        return arrays

    def query_frame(self, sql: str) -> pd.DataFrame:
        self.before_statement(sql)
        frame: pd.DataFrame = self.connection.execute(sql).df()
        return frame

    def database_file(self) -> Path | None:
        return Path(self.target) if self.target and self.target != ":memory:" else None

    def interrupt(self) -> None:
        connection = self._connection
        if connection is not None:
            # closed meanwhile (the run cleaning up): nothing is left to stop
            with contextlib.suppress(Exception):
                connection.interrupt()

    def step_transaction_aborted(self) -> bool:
        """DuckDB aborts a transaction at its first failed statement, and a COMMIT of an
        aborted transaction quietly rolls it back: ask before committing."""
        if self.step_transaction_lost:
            return True
        import duckdb

        try:
            self.connection.execute("SELECT 1")
        except duckdb.TransactionException:
            return True
        return False

    def begin_step(self) -> None:
        from etlcheck.engines.duckdb.step_identities import MARKS_SQL, identity_marks

        super().begin_step()
        self._identities_before = identity_marks(self.connection.execute(MARKS_SQL).fetchall())

    def rollback_step(self) -> None:
        """Undo the step, and give back the identity values it drew (DuckDB's sequences
        keep them: see ``step_identities``)."""
        from etlcheck.engines.duckdb.emulation import IDENTITY_SUFFIX
        from etlcheck.engines.duckdb.step_identities import give_back

        super().rollback_step()
        before, self._identities_before = self._identities_before, {}
        give_back(self, before, IDENTITY_SUFFIX)

    def failed_after_abort(self, error: BaseException) -> bool:
        return "transaction is aborted" in str(error).lower()

    # DuckDB has no savepoints: a transaction the script opens inside the step's is the
    # step's own; undoing only part of it is impossible, so a ROLLBACK aborts the step's
    # transaction (the runner then runs the step again as the script wrote it).
    def begin_nested(self) -> None:
        return

    def commit_nested(self) -> None:
        return

    def rollback_nested(self) -> None:
        self.step_transaction_lost = True
        try:
            self.connection.execute("SELECT error('the step transaction is aborted')")
        except Exception:  # the failure is the point: it leaves the transaction aborted
            return

    def query_expression(self, sql: str) -> QueryResult:
        try:
            return self.query(sql)
        except Exception as error:
            if "transaction is aborted" not in str(error):
                raise
        # The open transaction is aborted; a second connection of the same database has
        # the same collation (global) once given this session's settings.
        if self._aside is None:
            self._aside = self.connection.cursor()
            if self._catalog is not None:
                self._aside.execute(f"USE {self.quote(self._catalog)}")
            self._aside.execute("SET integer_division = true")
            self._aside.execute(f"SET schema = '{self._schema}'")
        return _result(self._aside.execute(sql))

    def load_frame(self, schema: str, table: str, frame: pd.DataFrame) -> None:
        self.create_schema(schema)
        self.catalog_epoch += 1
        self._from_frame(
            f"CREATE OR REPLACE TABLE {self.qualified(schema, table)} AS SELECT * FROM {_FRAME}",
            frame,
        )

    def insert_frame(
        self, schema: str, table: str, frame: pd.DataFrame, expressions: list[str]
    ) -> None:
        # DuckDB selects from the DataFrame itself: no holding table to write and drop.
        names = ", ".join(self.quote(str(name)) for name in frame.columns)
        self._from_frame(
            f"INSERT INTO {self.qualified(schema, table)} ({names}) "
            f"SELECT {', '.join(expressions)} FROM {_FRAME}",
            frame,
        )

    def _from_frame(self, sql: str, frame: pd.DataFrame) -> None:
        """Run ``sql``, which reads the DataFrame as ``_FRAME``."""
        self.connection.register(_FRAME, frame)
        try:
            self.connection.execute(sql)
        finally:
            self.connection.unregister(_FRAME)

    def export_tables(self, tables: Sequence[str], path: Path) -> list[str]:
        """Copy tables into a new database file, inside DuckDB: a file this connection
        holds cannot be opened by another process, a copy of what it needs can."""
        catalog = str(self.query("SELECT current_database()").scalar())
        listed = self.query(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database()"
        )
        found = {f"{schema}.{name}".lower(): (schema, name) for schema, name in listed.rows}
        copied = []
        literal = str(path).replace("'", "''")
        self.connection.execute(
            f"ATTACH '{literal}' AS {_EXPORT} (ROW_GROUP_SIZE {ROW_GROUP_SIZE})"
        )
        try:
            for table in dict.fromkeys(t.lower() for t in tables):
                if table not in found:
                    continue
                schema, name = (self.quote(part) for part in found[table])
                self.connection.execute(f"CREATE SCHEMA IF NOT EXISTS {_EXPORT}.{schema}")
                self.connection.execute(
                    f"CREATE TABLE {_EXPORT}.{schema}.{name} AS "
                    f"SELECT * FROM {self.quote(catalog)}.{schema}.{name}"
                )
                copied.append(".".join(found[table]))
        finally:
            self.connection.execute(f"DETACH {_EXPORT}")
        return copied

    @classmethod
    def database_copies(cls, db: str | None, work: Path) -> DatabaseCopies | None:
        from etlcheck.engines.duckdb.copies import FileCopies

        if db is not None:
            raise UsageError(
                "etlcheck bench seeds and copies a duckdb file of its own; "
                "--db is for server engines",
                hint="drop --db",
            )
        return FileCopies(work)

    def checkpoint(self) -> None:
        if self._catalog is not None:  # a file; an in-memory database has nothing to write
            self.connection.execute("CHECKPOINT")

    def run_script(self, text: str, path: Path) -> ScriptResult:
        from etlcheck.tsql.interpreter import Interpreter

        return Interpreter(self, self.tsql_emulation(), self.tsql_session).run_script(text, path)

    # --- seeding (engines/duckdb/seeding.py) -------------------------------------------------
    def clone_tables(
        self, tables: Sequence[TableCopy], without_rows: AbstractSet[TableCopy] = frozenset()
    ) -> None:
        from etlcheck.engines.duckdb.seeding import DuckDBCloner

        DuckDBCloner().clone(self, tables, without_rows)

    def copy_rows(self, tables: Sequence[TableCopy]) -> None:
        from etlcheck.engines.duckdb.seeding import DuckDBCloner

        DuckDBCloner().copy_rows(self, tables)

    def continue_identity(self, schema: str, table: str) -> None:
        from etlcheck.engines.duckdb.seeding import continue_identity

        continue_identity(self, schema, table)

    def load_file(self, path: Path, schema: str, table: str, columns: Sequence[str]) -> None:
        from etlcheck.engines.duckdb.seeding import load_file

        load_file(self, path, schema, table, columns)


def _result(cursor: Any) -> QueryResult:
    columns = tuple(d[0] for d in cursor.description or ())
    return QueryResult(columns, cursor.fetchall())
