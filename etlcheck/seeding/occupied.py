"""A server database given by URL must be empty before etlcheck seeds it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.errors import RefusalError
from etlcheck.seeding.catalog import base_tables, existing_schemas

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine


def refuse_occupied(engine: Engine, config: Config) -> None:
    """Refuse to seed a server database that already holds production or sandbox schemas:
    an earlier run seeded it (its DDL would fail on "already exists", its files would add
    their rows twice), or it is not the empty database etlcheck needs. The default schema
    (``dbo``, which every SQL Server database has) counts only when it holds tables."""
    sandbox = config.sandbox
    schemas = {*sandbox.protected, *sandbox.schema_map, *sandbox.schema_map.values()}
    tables = base_tables(engine, schemas)
    empty_default = sandbox.default_schema.lower()
    occupied = {schema for schema, _ in tables} | {
        schema for schema in existing_schemas(engine, schemas) if schema.lower() != empty_default
    }
    if not occupied:
        return
    names = ", ".join(sorted(occupied, key=str.lower))
    raise RefusalError(
        f"refusing to seed {engine.info.target}: it already holds schema(s) {names} "
        f"({len(tables)} tables; an earlier run seeded it?)",
        hint=f"give --db an empty database, or drop schema(s) {names} first",
    )
