"""The SQL that makes a T-SQL function an engine object (see ``tsql.udfs``), and the
permission check before a routine is created in a schema: what every dialect's
``RoutineSQL`` (in its engine's folder) fills in.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget


@dataclass(frozen=True)
class FunctionSignature:
    """A function's place and parameters: names (``@a``, lower case) and engine types."""

    schema: str
    name: str
    parameters: tuple[str, ...]
    types: tuple[str, ...]

    def qualified(self) -> str:
        # In lower case: a call names the function unquoted (PostgreSQL folds it to lower
        # case), and T-SQL's names ignore case anyway (dbo.fnPad is dbo.FNPAD).
        return quote_identifier(self.schema) + "." + quote_identifier(self.name.lower())


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class RoutineSQL(ABC):
    """What one dialect needs to create, call and drop a function."""

    @abstractmethod
    def parameter(self, index: int, name: str) -> str:
        """How the body refers to its ``index``-th parameter (named ``name``)."""

    @abstractmethod
    def scalar(self, signature: FunctionSignature, returns: str, expression: str) -> str:
        """CREATE a scalar function returning ``expression``."""

    @abstractmethod
    def table(
        self, signature: FunctionSignature, columns: tuple[tuple[str, str], ...], query: str
    ) -> str:
        """CREATE an inline table-valued function returning ``query``'s rows."""

    @abstractmethod
    def drop(self, signature: FunctionSignature, table: bool) -> str:
        """DROP the function."""

    def columns(self, target: SqlTarget, query: str) -> tuple[tuple[str, str], ...]:
        """Names and engine types of what ``query`` returns (when ``table`` needs them)."""
        return ()

    def may_create_in(self, target: SqlTarget, schema_id: int) -> bool:
        """Whether the session may create a routine in the schema of id ``schema_id``."""
        return True
