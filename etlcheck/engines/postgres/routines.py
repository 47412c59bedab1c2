"""The SQL that makes a T-SQL function a PostgreSQL object: a SQL function whose parameters
take any number (or any text), each converted to its declared type where the body uses
it (``$1``..., see ``tsql.udfs``); ``RETURNS TABLE (...)`` for an inline function, its
columns read from the query itself. Creating it needs the CREATE permission on the
schema, so a sandbox-only role cannot make one elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.tsql.emulation.routines import FunctionSignature, RoutineSQL, quote_identifier

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget

BODY_QUOTE = "$etlcheck$"


class PostgresRoutineSQL(RoutineSQL):
    def parameter(self, index: int, name: str) -> str:
        return f"${index + 1}"

    def _head(self, signature: FunctionSignature) -> str:
        types = ", ".join(_accepting(type_sql) for type_sql in signature.types)
        return f"CREATE FUNCTION {signature.qualified()}({types})"

    def scalar(self, signature: FunctionSignature, returns: str, expression: str) -> str:
        body = f"{BODY_QUOTE} SELECT {expression} {BODY_QUOTE}"
        return f"{self._head(signature)} RETURNS {returns} LANGUAGE sql STABLE AS {body}"

    def table(
        self, signature: FunctionSignature, columns: tuple[tuple[str, str], ...], query: str
    ) -> str:
        returned = ", ".join(f"{quote_identifier(name)} {type_sql}" for name, type_sql in columns)
        body = f"{BODY_QUOTE} {query} {BODY_QUOTE}"
        return f"{self._head(signature)} RETURNS TABLE ({returned}) LANGUAGE sql STABLE AS {body}"

    def drop(self, signature: FunctionSignature, table: bool) -> str:
        return f"DROP FUNCTION IF EXISTS {signature.qualified()}"

    def columns(self, target: SqlTarget, query: str) -> tuple[tuple[str, str], ...]:
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

    def may_create_in(self, target: SqlTarget, schema_id: int) -> bool:
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
