"""A connection to a live seed database that can only read, and records what it sends.
Each engine that can be a seed source has its reader in its folder (``source.py``)."""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

from etlcheck.engines.base import QueryResult
from etlcheck.engines.disposable import redact_url
from etlcheck.engines.registry import source_reader
from etlcheck.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.seeding.tabledef import TableDefinition


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
    """A read-only connection to ``url`` (the reader its engine registers); one clear
    error when it cannot be reached."""
    reader = source_reader(url)
    if reader is None:
        raise ConfigError(
            f"seed database {redact_url(url)}: no reader for this scheme",
            hint="use postgresql://… or mssql://…",
        )
    module_name, class_name = reader.split(":")
    source_class: type[SourceDatabase] = getattr(importlib.import_module(module_name), class_name)
    return source_class(url)


def unreachable(url: str, error: BaseException) -> ConfigError:
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ConfigError(
        f"cannot reach the seed database {redact_url(url)}: {detail}",
        hint="check the URL, that the server runs, and the login",
    )
