"""The SQL that makes a T-SQL function an engine object, per dialect (see ``tsql.udfs``),
and the permission check before a routine is created in a schema.

- DuckDB: a macro (``CREATE MACRO s.f(p) AS expr`` or ``AS TABLE query``); its
  parameters are untyped, so each use converts the argument to the declared type
  (``tsql.udfs``).
- PostgreSQL: a SQL function whose parameters take any number (or any text), each
  converted to its declared type where the body uses it (``$1``..., see ``tsql.udfs``);
  ``RETURNS TABLE (...)`` for an inline function, its columns read from the query
  itself. Creating it needs the CREATE permission on the schema, so a sandbox-only role
  cannot make one elsewhere.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

_QUOTE = "$etlcheck$"


@dataclass(frozen=True)
class FunctionSignature:
    """A function's place and parameters: names (``@a``, lower case) and engine types."""

    schema: str
    name: str
    parameters: tuple[str, ...]
    types: tuple[str, ...]

    def qualified(self) -> str:
        return _quote(self.schema) + "." + _quote(self.name)


def _quote(name: str) -> str:
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

    def columns(self, target: Engine, query: str) -> tuple[tuple[str, str], ...]:
        """Names and engine types of what ``query`` returns (when ``table`` needs them)."""
        return ()

    def may_create_in(self, target: Engine, schema_id: int) -> bool:
        """Whether the session may create a routine in the schema of id ``schema_id``."""
        return True


class DuckDBRoutineSQL(RoutineSQL):
    def parameter(self, index: int, name: str) -> str:
        return _macro_parameter(name)

    def _head(self, signature: FunctionSignature) -> str:
        parameters = ", ".join(_macro_parameter(name) for name in signature.parameters)
        return f"CREATE OR REPLACE MACRO {signature.qualified()}({parameters})"

    def scalar(self, signature: FunctionSignature, returns: str, expression: str) -> str:
        return f"{self._head(signature)} AS ({expression})"

    def table(
        self, signature: FunctionSignature, columns: tuple[tuple[str, str], ...], query: str
    ) -> str:
        return f"{self._head(signature)} AS TABLE {query}"

    def drop(self, signature: FunctionSignature, table: bool) -> str:
        kind = "MACRO TABLE" if table else "MACRO"
        return f"DROP {kind} IF EXISTS {signature.qualified()}"


def _macro_parameter(name: str) -> str:
    return "etlcheck_p_" + "".join(c if c.isalnum() else "_" for c in name.lstrip("@").lower())


class PostgresRoutineSQL(RoutineSQL):
    def parameter(self, index: int, name: str) -> str:
        return f"${index + 1}"

    def _head(self, signature: FunctionSignature) -> str:
        types = ", ".join(_accepting(type_sql) for type_sql in signature.types)
        return f"CREATE FUNCTION {signature.qualified()}({types})"

    def scalar(self, signature: FunctionSignature, returns: str, expression: str) -> str:
        body = f"{_QUOTE} SELECT {expression} {_QUOTE}"
        return f"{self._head(signature)} RETURNS {returns} LANGUAGE sql STABLE AS {body}"

    def table(
        self, signature: FunctionSignature, columns: tuple[tuple[str, str], ...], query: str
    ) -> str:
        returned = ", ".join(f"{_quote(name)} {type_sql}" for name, type_sql in columns)
        body = f"{_QUOTE} {query} {_QUOTE}"
        return f"{self._head(signature)} RETURNS TABLE ({returned}) LANGUAGE sql STABLE AS {body}"

    def drop(self, signature: FunctionSignature, table: bool) -> str:
        return f"DROP FUNCTION IF EXISTS {signature.qualified()}"

    def columns(self, target: Engine, query: str) -> tuple[tuple[str, str], ...]:
        target.execute(f"CREATE OR REPLACE TEMP VIEW etlcheck_function_probe AS {query}")
        try:
            rows = target.query(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute "
                "WHERE attrelid = 'pg_temp.etlcheck_function_probe'::regclass AND attnum > 0 "
                "ORDER BY attnum"
            ).rows
        finally:
            target.execute("DROP VIEW IF EXISTS pg_temp.etlcheck_function_probe")
        return tuple((str(name), str(type_sql)) for name, type_sql in rows)

    def may_create_in(self, target: Engine, schema_id: int) -> bool:
        found = target.query(
            f"SELECT has_schema_privilege(current_user, {int(schema_id)}::oid, 'CREATE')"
        ).scalar()
        return bool(found)


_NUMBERS = ("SMALLINT", "INT", "INTEGER", "BIGINT", "DECIMAL", "NUMERIC")


def _accepting(type_sql: str) -> str:
    """The type a PostgreSQL parameter is declared with, so that every argument SQL
    Server would convert is accepted (PostgreSQL picks a function by its argument types,
    and SUM of integers is bigint there): numbers as numeric, text as text. The body
    converts each to the declared type (``parameter``)."""
    upper = type_sql.upper()
    if "CITEXT" in upper or upper.startswith(("VARCHAR", "CHAR", "TEXT")):
        return "text"
    if upper.split("(")[0].strip() in _NUMBERS:
        return "numeric"
    return type_sql
