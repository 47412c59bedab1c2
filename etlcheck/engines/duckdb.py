"""The embedded default engine: DuckDB in-process, a file or memory per test worker.

T-SQL runs through etlcheck's interpreter (``etlcheck.tsql``), which transpiles each
statement to DuckDB and runs control flow in Python.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.engines.base import Engine, QueryResult, ScriptResult
from etlcheck.errors import EngineError

if TYPE_CHECKING:
    import pandas as pd


class DuckDBEngine(Engine):
    name = "duckdb"
    dialect = "duckdb"
    interprets_tsql = True
    supports_permissions = False

    def __init__(self, target: str | None = None) -> None:
        super().__init__(target)
        self._connection: Any = None

    def _connect(self) -> None:
        import duckdb

        database = self.target or ":memory:"
        if database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connection = duckdb.connect(database)
        except duckdb.Error as error:
            raise EngineError(
                f"cannot open DuckDB database {database}: {error}", hint="check --db"
            ) from None
        self.info.version = duckdb.__version__
        self.info.target = database

    @property
    def connection(self) -> Any:
        if self._connection is None:
            raise EngineError("the DuckDB engine is not started")
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def execute(self, sql: str) -> int:
        cursor = self.connection.execute(sql)
        description = cursor.description
        if description and len(description) == 1 and description[0][0] == "Count":
            row = cursor.fetchone()
            return int(row[0]) if row else 0
        return -1

    def query(self, sql: str) -> QueryResult:
        cursor = self.connection.execute(sql)
        columns = tuple(d[0] for d in cursor.description or ())
        return QueryResult(columns, cursor.fetchall())

    def load_frame(self, schema: str, table: str, frame: pd.DataFrame) -> None:
        self.create_schema(schema)
        self.connection.register("_etlcheck_frame", frame)
        try:
            self.connection.execute(
                f"CREATE OR REPLACE TABLE {self.qualified(schema, table)} "
                "AS SELECT * FROM _etlcheck_frame"
            )
        finally:
            self.connection.unregister("_etlcheck_frame")

    def run_script(self, text: str, path: Path) -> ScriptResult:
        from etlcheck.tsql.interpreter import Interpreter

        return Interpreter(self).run_script(text, path)
