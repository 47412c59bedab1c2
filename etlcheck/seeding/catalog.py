"""The few catalog questions seeding asks, through ``information_schema`` (every engine)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine


@dataclass(frozen=True)
class ColumnInfo:
    """A column as the database holds it."""

    name: str
    data_type: str
    nullable: bool
    default: str | None

    @property
    def may_be_left_out(self) -> bool:
        """Whether an INSERT may leave this column out (NULL or its default fills it)."""
        return self.nullable or self.default is not None


def _in_list(names: Iterable[str]) -> str:
    return ", ".join(sql_literal(name.lower()) for name in names) or "NULL"


def base_tables(engine: Engine, schemas: Iterable[str]) -> list[tuple[str, str]]:
    """(schema, table) of every table in ``schemas`` (case-insensitive), sorted."""
    result = engine.query(
        "SELECT table_schema, table_name FROM information_schema.tables "
        f"WHERE table_type = 'BASE TABLE' AND table_catalog = {engine.current_database_sql} "
        f"AND LOWER(table_schema) IN ({_in_list(schemas)}) "
        "ORDER BY table_schema, table_name"
    )
    return [(str(schema), str(name)) for schema, name in result.rows]


def existing_schemas(engine: Engine, schemas: Iterable[str]) -> list[str]:
    """Those of ``schemas`` (case-insensitive) the database holds, as it spells them."""
    result = engine.query(
        "SELECT schema_name FROM information_schema.schemata "
        f"WHERE catalog_name = {engine.current_database_sql} "
        f"AND LOWER(schema_name) IN ({_in_list(schemas)})"
    )
    return sorted(str(row[0]) for row in result.rows)


def table_exists(engine: Engine, schema: str, table: str) -> bool:
    return columns_of(engine, schema, table) != []


def columns_of(engine: Engine, schema: str, table: str) -> list[ColumnInfo]:
    """The columns of ``schema.table`` in order; empty when there is no such table."""
    result = engine.query(
        f"SELECT column_name, data_type, is_nullable, {engine.column_default_sql} "
        "FROM information_schema.columns "
        f"WHERE table_catalog = {engine.current_database_sql} "
        f"AND LOWER(table_schema) = {sql_literal(schema.lower())} "
        f"AND LOWER(table_name) = {sql_literal(table.lower())} ORDER BY ordinal_position"
    )
    return [
        ColumnInfo(str(name), str(kind), str(nullable).upper() == "YES", default)
        for name, kind, nullable, default in result.rows
    ]


def actual_name(engine: Engine, schema: str, table: str) -> tuple[str, str] | None:
    """``schema.table`` spelled as the database holds it, or None."""
    result = engine.query(
        "SELECT table_schema, table_name FROM information_schema.tables "
        f"WHERE table_catalog = {engine.current_database_sql} "
        f"AND LOWER(table_schema) = {sql_literal(schema.lower())} "
        f"AND LOWER(table_name) = {sql_literal(table.lower())}"
    )
    return (str(result.rows[0][0]), str(result.rows[0][1])) if result.rows else None


def row_count(engine: Engine, schema: str, table: str) -> int:
    return int(engine.query(f"SELECT COUNT(*) FROM {engine.qualified(schema, table)}").scalar())
