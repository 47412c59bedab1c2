"""Production's sequences in the sandbox, for the DuckDB clone.

A table's ``DEFAULT (NEXT VALUE FOR sales.OrderNumbers)`` calls a sequence of its own
schema; a copy whose default still called production's sequence would advance it from
the sandbox, a write to production no fingerprint sees. So each sequence of a cloned
schema gets a copy in the sandbox that continues where production's stands, and the
copies' defaults call it (the emulated IDENTITY's sequences are the cloner's own).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from etlcheck.engines.duckdb.emulation import IDENTITY_SUFFIX
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine, TableCopy

_NEXTVAL = re.compile(r"nextval\('((?:[^']|'')*)'\)", re.IGNORECASE)


def copy_sequences(engine: Engine, tables: Sequence[TableCopy]) -> dict[tuple[str, str], str]:
    """Copy the sequences of the cloned tables' schemas into their sandboxes; returns
    (schema, name) lower-cased -> the copy, qualified."""
    targets = {schema.lower(): target for schema, _, target in tables}
    if not targets:
        return {}
    schemas = ", ".join(sql_literal(schema) for schema in {s for s, _, _ in tables})
    copies: dict[tuple[str, str], str] = {}
    for schema, name, start, step, low, high, cycle, last in engine.query(
        "SELECT schema_name, sequence_name, start_value, increment_by, min_value, max_value, "
        "cycle, last_value FROM duckdb_sequences() WHERE database_name = current_database() "
        f"AND schema_name IN ({schemas})"
    ).rows:
        if str(name).endswith(IDENTITY_SUFFIX):
            continue
        following = int(start) if last is None else int(last) + int(step)
        copy = engine.qualified(targets[str(schema).lower()], str(name))
        engine.execute(f"DROP SEQUENCE IF EXISTS {copy}")
        engine.execute(
            f"CREATE SEQUENCE {copy} START WITH {following} INCREMENT BY {int(step)} "
            f"MINVALUE {int(low)} MAXVALUE {int(high)}" + (" CYCLE" if cycle else "")
        )
        copies[(str(schema).lower(), str(name).lower())] = copy
    return copies


def retarget_default(default: str, copies: Mapping[tuple[str, str], str]) -> str:
    """``default`` with each ``nextval('schema.name')`` of a copied sequence calling the
    copy instead."""

    def replace(found: re.Match[str]) -> str:
        parts = [part.strip('"') for part in found.group(1).replace("''", "'").split(".")]
        if len(parts) != 2:
            return found.group(0)
        copy = copies.get((parts[0].lower(), parts[1].lower()))
        return found.group(0) if copy is None else f"nextval({sql_literal(copy)})"

    return _NEXTVAL.sub(replace, default)
