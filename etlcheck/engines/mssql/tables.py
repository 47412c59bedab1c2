"""SQL Server tables read from its catalog (for ``mssql://`` snapshots and clones), and
IDENTITY values while seeding."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from etlcheck.engines.mssql.foreign_keys import clone_foreign_keys
from etlcheck.seeding.tabledef import (
    ColumnDefinition,
    KeyDefinition,
    Reader,
    TableDefinition,
    tsql_default,
)
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

_SIZED = {"varchar", "char", "varbinary", "binary"}
_UNICODE = {"nvarchar", "nchar"}
_PRECISE = {"decimal", "numeric"}
_FRACTIONAL = {"datetime2", "time", "datetimeoffset"}


def unwrapped(default: str | None) -> str | None:
    """A default as SQL Server's catalog keeps it, without its parentheses (``((0))``)."""
    if default is None:
        return None
    text = default.strip()
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text


def quote_tsql(name: str) -> str:
    return "[" + name.replace("]", "]]") + "]"


def object_literal(schema: str, table: str) -> str:
    """``N'[schema].[table]'`` for OBJECT_ID(...)."""
    return "N" + sql_literal(f"{quote_tsql(schema)}.{quote_tsql(table)}")


def tables_sql(schemas: Iterable[str]) -> str:
    """User tables of the given schemas (all user tables when none are given)."""
    names = ", ".join("N" + sql_literal(schema.lower()) for schema in schemas)
    where = f" AND LOWER(s.name) IN ({names})" if names else ""
    return (
        "SELECT s.name, t.name FROM sys.tables AS t "
        "JOIN sys.schemas AS s ON s.schema_id = t.schema_id "
        f"WHERE t.is_ms_shipped = 0{where} ORDER BY s.name, t.name"
    )


def columns_sql(schema: str, table: str) -> str:
    return (
        "SELECT c.name, ty.name, c.max_length, c.precision, c.scale, c.is_nullable, "
        "c.is_identity, CAST(ic.seed_value AS BIGINT), CAST(ic.increment_value AS BIGINT), "
        "dc.definition, c.is_computed "
        "FROM sys.columns AS c "
        "JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id "
        "LEFT JOIN sys.identity_columns AS ic "
        "ON ic.object_id = c.object_id AND ic.column_id = c.column_id "
        "LEFT JOIN sys.default_constraints AS dc "
        "ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id "
        f"WHERE c.object_id = OBJECT_ID({object_literal(schema, table)}) ORDER BY c.column_id"
    )


def keys_sql(schema: str, table: str) -> str:
    return (
        "SELECT kc.name, kc.type, col.name FROM sys.key_constraints AS kc "
        "JOIN sys.index_columns AS ic "
        "ON ic.object_id = kc.parent_object_id AND ic.index_id = kc.unique_index_id "
        "JOIN sys.columns AS col ON col.object_id = ic.object_id AND col.column_id = ic.column_id "
        f"WHERE kc.parent_object_id = OBJECT_ID({object_literal(schema, table)}) "
        "ORDER BY kc.type, kc.name, ic.key_ordinal"
    )


def type_sql(name: str, max_length: int, precision: int, scale: int) -> str:
    """A column's T-SQL type from ``sys.columns`` and ``sys.types``."""
    kind = name.lower()
    if kind in _UNICODE | _SIZED:
        length = max_length // 2 if kind in _UNICODE and max_length > 0 else max_length
        return f"{kind.upper()}({'MAX' if max_length < 0 else length})"
    if kind in _PRECISE:
        return f"{kind.upper()}({precision}, {scale})"
    if kind in _FRACTIONAL:
        return f"{kind.upper()}({scale})"
    return kind.upper()


def definition_from_rows(
    schema: str, table: str, columns: Sequence[Sequence[Any]], keys: Sequence[Sequence[Any]]
) -> TableDefinition:
    """A TableDefinition from the rows of :func:`columns_sql` and :func:`keys_sql`."""
    found = []
    for (
        name,
        kind,
        length,
        precision,
        scale,
        nullable,
        identity,
        seed,
        step,
        default,
        computed,
    ) in columns:
        found.append(
            ColumnDefinition(
                name=str(name),
                type_sql=type_sql(str(kind), int(length), int(precision), int(scale)),
                nullable=bool(nullable),
                identity=(int(seed), int(step)) if identity else None,
                default_sql=tsql_default(unwrapped(default), "tsql"),
                computed=bool(computed),
            )
        )
    grouped: dict[str, KeyDefinition] = {}
    for name, kind, column in keys:
        key = grouped.get(str(name), KeyDefinition(str(name), str(kind).strip() == "PK", ()))
        grouped[str(name)] = KeyDefinition(key.name, key.primary, (*key.columns, str(column)))
    return TableDefinition(schema, table, tuple(found), tuple(grouped.values()))


def read_definition(reader: Reader, schema: str, table: str) -> TableDefinition:
    return definition_from_rows(
        schema,
        table,
        reader.query(columns_sql(schema, table)).rows,
        reader.query(keys_sql(schema, table)).rows,
    )


def copy_rows_sql(definition: TableDefinition, target: str) -> list[str]:
    """Copy a table's rows into its clone in ``target``, IDENTITY values as they are."""
    names = ", ".join(quote_tsql(c.name) for c in definition.stored_columns)
    source = f"{quote_tsql(definition.schema)}.{quote_tsql(definition.name)}"
    copy = f"{quote_tsql(target)}.{quote_tsql(definition.name)}"
    insert = f"INSERT INTO {copy} ({names}) SELECT {names} FROM {source}"
    if not any(column.identity for column in definition.columns):
        return [insert]
    return [
        f"SET IDENTITY_INSERT {copy} ON",
        insert,
        f"SET IDENTITY_INSERT {copy} OFF",
        # The copy continues after the production identity's current value.
        f"DECLARE @current NUMERIC(38, 0) = IDENT_CURRENT({sql_literal(source)}); "
        f"IF @current IS NOT NULL DBCC CHECKIDENT ({sql_literal(copy)}, RESEED, @current) "
        "WITH NO_INFOMSGS",
    ]


def clone_tables(engine: Engine, tables: Sequence[tuple[str, str, str]]) -> None:
    """Each table scripted from its catalog, then its rows copied; then production's
    FOREIGN KEYs between the copies (``engines.mssql.foreign_keys``)."""
    for schema, table, target in tables:
        definition = read_definition(engine, schema, table)
        engine.execute(definition.create_tsql(target))
        for statement in copy_rows_sql(definition, target):
            engine.execute(statement)
    clone_foreign_keys(engine, tables)


def tsql_reseed(schema: str, table: str) -> str:
    """SQL Server: reseed to the largest value when it is above the current identity."""
    name = f"[{schema.replace(']', ']]')}].[{table.replace(']', ']]')}]"
    literal = sql_literal(name)
    return (
        f"IF OBJECTPROPERTY(OBJECT_ID({literal}), 'TableHasIdentity') = 1 "
        f"DBCC CHECKIDENT ({literal}, RESEED) WITH NO_INFOMSGS"
    )


@contextlib.contextmanager
def explicit_identity_values(engine: Engine, schema: str, table: str) -> Iterator[None]:
    """Inserts inside take IDENTITY values as given (``SET IDENTITY_INSERT``)."""
    target = f"{quote_tsql(schema)}.{quote_tsql(table)}"
    has_identity = engine.query(
        f"SELECT OBJECTPROPERTY(OBJECT_ID({sql_literal(target)}), 'TableHasIdentity')"
    ).scalar()
    if has_identity:
        engine.execute(f"SET IDENTITY_INSERT {target} ON")
    try:
        yield
    finally:
        if has_identity:
            engine.execute(f"SET IDENTITY_INSERT {target} OFF")
