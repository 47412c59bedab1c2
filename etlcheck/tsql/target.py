"""The database the T-SQL interpreter runs on, as the interpreter sees it.

``tsql`` knows no engine: it runs on anything with these few members. Every engine
adapter (``etlcheck.engines``) is one; tests may pass a recording double.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class QueryResult:
    """Rows of a query with their column names."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def scalar(self) -> Any:
        return self.rows[0][0] if self.rows else None


@dataclass(frozen=True)
class ScriptResult:
    """What running one script did: rows affected (sum over DML), PRINT output, statements run."""

    rows_affected: int = 0
    messages: tuple[str, ...] = ()
    statements: int = 0


class SqlTarget(Protocol):
    """Statements in the target's own dialect, transactions, and a count that moves
    whenever a statement may have changed the catalog (the interpreter's cache is stale
    once it does)."""

    @property
    def catalog_epoch(self) -> int: ...

    def execute(self, sql: str) -> int:
        """Run one statement; rows affected, or -1 when unknown."""
        ...

    def query(self, sql: str) -> QueryResult: ...

    def query_expression(self, sql: str) -> QueryResult:
        """A query that reads no table, answered even in an aborted transaction."""
        ...

    def begin_transaction(self) -> None: ...

    def commit_transaction(self) -> None: ...

    def rollback_transaction(self) -> None: ...

    @property
    def supports_savepoints(self) -> bool:
        """Whether SAVE TRANSACTION can be rolled back to (a SAVEPOINT of the engine)."""
        ...

    def save_point(self, name: str) -> None:
        """Make the savepoint ``name`` in the open transaction (nothing without savepoints)."""
        ...

    def rollback_to_point(self, name: str) -> None:
        """Undo what the open transaction did since the savepoint ``name``."""
        ...
