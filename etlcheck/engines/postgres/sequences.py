"""Production's sequences in the sandbox, for the PostgreSQL clone.

``CREATE TABLE … (LIKE … INCLUDING DEFAULTS)`` keeps a default that calls production's
sequence (``DEFAULT (NEXT VALUE FOR sales.OrderNumbers)``): the copy would advance it from
the sandbox, where the run's role may not even use it. Each sequence of a cloned schema
(not an IDENTITY's own) gets a copy in the sandbox that continues where production's
stands, and every copied default calls the copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine, TableCopy

_SEQUENCES_SQL = """
SELECT s.schemaname, s.sequencename, s.data_type::text, s.start_value, s.increment_by,
       s.min_value, s.max_value, s.cycle, s.last_value
FROM pg_sequences s
WHERE s.schemaname IN ({schemas}) AND NOT EXISTS (
    SELECT 1 FROM pg_depend d
    WHERE d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass
      AND d.classid = 'pg_class'::regclass AND d.deptype = 'i')
"""

_DEFAULTS_SQL = """
SELECT a.attname, pg_get_expr(ad.adbin, ad.adrelid), dep.refobjid::regclass::text
FROM pg_attrdef ad
JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
JOIN pg_depend dep ON dep.classid = 'pg_attrdef'::regclass AND dep.objid = ad.oid
  AND dep.refclassid = 'pg_class'::regclass
JOIN pg_class c ON c.oid = dep.refobjid AND c.relkind = 'S'
WHERE ad.adrelid = {table}::regclass
"""


def copy_sequences(engine: Engine, tables: Sequence[TableCopy]) -> dict[str, str]:
    """Copy the sequences of the cloned tables' schemas into their sandboxes; returns
    each production sequence's ``regclass`` text -> its copy's."""
    targets = {schema: target for schema, _, target in tables}
    if not targets:
        return {}
    schemas = ", ".join(sql_literal(schema) for schema in targets)
    copies: dict[str, str] = {}
    for schema, name, kind, start, step, low, high, cycle, last in engine.query(
        _SEQUENCES_SQL.format(schemas=schemas)
    ).rows:
        source, copy = engine.qualified(schema, name), engine.qualified(targets[schema], name)
        engine.execute(f"DROP SEQUENCE IF EXISTS {copy}")
        engine.execute(
            f"CREATE SEQUENCE {copy} AS {kind} START WITH {start} INCREMENT BY {step} "
            f"MINVALUE {low} MAXVALUE {high}" + (" CYCLE" if cycle else "")
        )
        if last is not None:
            engine.query(f"SELECT setval({sql_literal(copy)}, {int(last)})")
        shown = engine.query(
            f"SELECT {sql_literal(source)}::regclass::text, {sql_literal(copy)}::regclass::text"
        ).rows[0]
        copies[str(shown[0])] = str(shown[1])
    return copies


def retarget_defaults(engine: Engine, copy: str, copies: dict[str, str]) -> None:
    """Make each default of the table ``copy`` that calls a copied sequence call the copy."""
    for column, default, sequence in engine.query(
        _DEFAULTS_SQL.format(table=sql_literal(copy))
    ).rows:
        replacement = copies.get(str(sequence))
        if replacement is None:
            continue
        retargeted = str(default).replace(
            sql_literal(str(sequence)) + "::regclass", sql_literal(replacement) + "::regclass"
        )
        engine.execute(
            f"ALTER TABLE {copy} ALTER COLUMN {engine.quote(str(column))} SET DEFAULT {retargeted}"
        )
