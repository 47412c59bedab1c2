"""PostgreSQL tables read from its catalog, as T-SQL definitions (``postgresql://`` snapshots)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import sqlglot
from sqlglot import exp

from etlcheck.seeding.tabledef import (
    ColumnDefinition,
    KeyDefinition,
    Reader,
    TableDefinition,
    tsql_default,
)
from etlcheck.state import sql_literal

_TYPES = {
    "smallint": "SMALLINT",
    "integer": "INT",
    "bigint": "BIGINT",
    "real": "REAL",
    "double precision": "FLOAT",
    "boolean": "BIT",
    "text": "NVARCHAR(MAX)",
    "character varying": "NVARCHAR(MAX)",
    "date": "DATE",
    "timestamp without time zone": "DATETIME2",
    "timestamp with time zone": "DATETIMEOFFSET",
    "time without time zone": "TIME",
    "uuid": "UNIQUEIDENTIFIER",
    "bytea": "VARBINARY(MAX)",
    "json": "NVARCHAR(MAX)",
    "jsonb": "NVARCHAR(MAX)",
    "money": "MONEY",
    "numeric": "DECIMAL(38, 10)",
}
_SIZED = re.compile(r"^(character varying|character|numeric|timestamp|time)\((\d+)(?:,\s*(\d+))?\)")


def qualified(schema: str, table: str) -> str:
    return '"' + schema.replace('"', '""') + '"."' + table.replace('"', '""') + '"'


def tables_sql(schemas: Iterable[str]) -> str:
    names = ", ".join(sql_literal(schema.lower()) for schema in schemas)
    where = f" AND lower(n.nspname) IN ({names})" if names else ""
    return (
        "SELECT n.nspname, c.relname FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        f"AND n.nspname NOT LIKE 'pg\\_%'{where} ORDER BY 1, 2"
    )


def columns_sql(schema: str, table: str) -> str:
    return (
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, "
        "a.attidentity, s.seqstart, s.seqincrement, pg_get_expr(d.adbin, d.adrelid), "
        "a.attgenerated "
        "FROM pg_attribute a "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "LEFT JOIN pg_sequence s ON s.seqrelid = pg_get_serial_sequence("
        f"{sql_literal(qualified(schema, table))}, a.attname)::regclass "
        f"WHERE a.attrelid = {sql_literal(qualified(schema, table))}::regclass "
        "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
    )


def keys_sql(schema: str, table: str) -> str:
    return (
        "SELECT con.conname, con.contype, a.attname FROM pg_constraint con "
        "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, position) "
        "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
        f"WHERE con.conrelid = {sql_literal(qualified(schema, table))}::regclass "
        "AND con.contype IN ('p', 'u') ORDER BY con.contype, con.conname, k.position"
    )


def tsql_type(pg_type: str) -> tuple[str, str | None]:
    """(T-SQL type, a note when the type had to be approximated)."""
    text = pg_type.lower()
    sized = _SIZED.match(text)
    if sized:
        kind, first, second = sized.groups()
        if kind == "character varying":
            return f"NVARCHAR({first})", None
        if kind == "character":
            return f"NCHAR({first})", None
        if kind == "numeric":
            return f"DECIMAL({first}, {second or 0})", None
        if text.startswith("timestamp") and "with time zone" in text:
            return f"DATETIMEOFFSET({min(int(first), 7)})", None
        if kind == "timestamp":
            return f"DATETIME2({min(int(first), 7)})", None
        return f"TIME({min(int(first), 7)})", None
    if text in _TYPES:
        return _TYPES[text], None
    return "NVARCHAR(MAX)", f"type {pg_type} has no T-SQL twin: read as NVARCHAR(MAX)"


def default_tsql(expression: str | None) -> str | None:
    """A PostgreSQL default as T-SQL: literals lose their ``::type``, booleans become 1/0."""
    if expression is None or expression.startswith("nextval("):
        return None
    try:
        tree = sqlglot.parse_one(expression, read="postgres")
    except sqlglot.errors.ParseError:
        return None
    while isinstance(tree, exp.Cast) and isinstance(tree.this, exp.Literal | exp.Cast):
        tree = tree.this
    if isinstance(tree, exp.Boolean):
        return "1" if tree.this else "0"
    return tsql_default(tree.sql(dialect="postgres"), "postgres")


def definition_from_rows(
    schema: str, table: str, columns: Sequence[Sequence[Any]], keys: Sequence[Sequence[Any]]
) -> TableDefinition:
    found, notes = [], []
    for name, pg_type, nullable, identity, start, step, default, generated in columns:
        type_text, note = tsql_type(str(pg_type))
        if note:
            notes.append(f"{schema}.{table}.{name}: {note}")
        serial = default is not None and str(default).startswith("nextval(")
        found.append(
            ColumnDefinition(
                name=str(name),
                type_sql=type_text,
                nullable=bool(nullable),
                identity=(int(start or 1), int(step or 1)) if identity or serial else None,
                default_sql=None if generated else default_tsql(default),
                computed=bool(generated),
            )
        )
        if default is not None and not serial and found[-1].default_sql is None:
            notes.append(f"{schema}.{table}.{name}: default {default} has no T-SQL form")
    grouped: dict[str, KeyDefinition] = {}
    for name, kind, column in keys:
        key = grouped.get(str(name), KeyDefinition(str(name), str(kind) == "p", ()))
        grouped[str(name)] = KeyDefinition(key.name, key.primary, (*key.columns, str(column)))
    return TableDefinition(schema, table, tuple(found), tuple(grouped.values()), tuple(notes))


def read_definition(reader: Reader, schema: str, table: str) -> TableDefinition:
    return definition_from_rows(
        schema,
        table,
        reader.query(columns_sql(schema, table)).rows,
        reader.query(keys_sql(schema, table)).rows,
    )
