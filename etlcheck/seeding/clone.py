"""The sandbox starts as production does: every protected table copied into its sandbox.

Structure (columns, types, NOT NULL, defaults, IDENTITY, keys and CHECK constraints)
and rows; on the interpreting engines also the extended properties of the table, its
columns and its schema. A cloned table behaves under the interpreter exactly as the
production one: the same recorded keys (a repeated key fails with error 2627), an
IDENTITY that continues where production's would. Foreign keys between the tables copied
are copied between the copies; one whose parent is not copied is left out, as it would
point back at production's table. How a table is copied is the engine's
(``Engine.clone_tables``). A table the first step drops before anything reads it gets
its structure only; its rows are owed to it until that step commits
(:mod:`etlcheck.seeding.discarded`, :mod:`etlcheck.seeding.owed_rows`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.seeding.catalog import base_tables
from etlcheck.seeding.discarded import discarded_tables
from etlcheck.seeding.owed_rows import OwedRows, OwedTable
from etlcheck.seeding.summary import ClonedTable
from etlcheck.tsql.property_store import copy_sql

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine


def clone_production(
    engine: Engine, config: Config, *, owe: bool = True
) -> tuple[ClonedTable, ...]:
    """Clone every table of every mapped protected schema; refuse, before copying
    anything, a table with more rows than ``[seed] max_rows``. ``owe``: a table the steps
    drop before reading gets its rows only if the drop does not happen (the parser's
    remap only: another rewrite may leave the drop on production's table)."""
    sandbox = config.sandbox
    mapped = [schema for schema in sandbox.protected if sandbox.sandbox_of(schema)]
    tables = row_counts(engine, base_tables(engine, mapped))
    limit = config.seed.max_rows
    for schema, table, rows in tables:
        if rows > limit:
            raise ConfigError(
                f"cloning {schema}.{table} into the sandbox would copy {rows:,} rows, more "
                f"than [seed] max_rows = {limit:,}",
                SourceLocation(config.source),
                "raise [seed] max_rows, seed fewer rows, or set [seed] clone_production = false",
            )
    targets = {schema: sandbox.sandbox_of(schema) or "" for schema, _, _ in tables}
    for target in dict.fromkeys(targets.values()):
        engine.create_schema(target)
    for schema, table, _ in tables:
        engine.execute(f"DROP TABLE IF EXISTS {engine.qualified(targets[schema], table)}")
    dropped = discarded_tables(engine, config, [(s, t) for s, t, _ in tables]) if owe else {}
    copies = [(s, t, targets[s]) for s, t, _ in tables]
    engine.clone_tables(copies, frozenset(c for c in copies if (c[0], c[1]) in dropped))
    OwedRows(engine).record(
        [OwedTable(s, t, target, dropped[(s, t)]) for s, t, target in copies if (s, t) in dropped]
    )
    copy_extended_properties(engine, mapped, tables, sandbox.sandbox_of)
    return tuple(ClonedTable(s, t, targets[s], rows, dropped.get((s, t))) for s, t, rows in tables)


def copy_extended_properties(
    engine: Engine,
    schemas: list[str],
    tables: list[tuple[str, str, int]],
    sandbox_of: Callable[[str], str | None],
) -> None:
    """Give each sandbox schema the extended properties production's schema has, on
    itself and on the tables cloned from it, where the T-SQL emulation keeps them."""
    emulation = engine.tsql_emulation()
    if emulation is None:
        return
    literal = functools.partial(emulation.literal, type_sql=None)
    for schema in schemas:
        target = sandbox_of(schema)
        if target is None:
            continue
        cloned = [table for source, table, _ in tables if source.lower() == schema.lower()]
        for statement in copy_sql(literal, schema, target, cloned):
            engine.execute(statement)


def row_counts(engine: Engine, tables: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """Each table with its row count, read in one query."""
    if not tables:
        return []
    counts = " UNION ALL ".join(
        f"SELECT {index} AS n, COUNT(*) AS c FROM {engine.qualified(schema, table)}"
        for index, (schema, table) in enumerate(tables)
    )
    found = dict(engine.query(f"SELECT n, c FROM ({counts}) AS counted").rows)
    return [(schema, table, int(found[index])) for index, (schema, table) in enumerate(tables)]
