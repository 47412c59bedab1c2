"""IDENTITY columns continue after the rows seeding put in, as on SQL Server.

Rows loaded with their own key values (a data file, a clone, a snapshot) do not move an
engine's identity sequence. SQL Server moves the identity past explicit values; here
each loaded table's identity is set to continue after its largest value, so the first
row the pipeline inserts gets the next one instead of repeating a seeded key. Each engine
does it in ``Engine.continue_identity``; what they share is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine


def next_identity(
    engine: Engine, schema: str, table: str, column: str, start: int, step: int
) -> int:
    """The value after the table's largest (smallest, counting down) key, else ``start``."""
    pick = "MAX" if step > 0 else "MIN"
    found = engine.query(
        f"SELECT {pick}({engine.quote(column)}) FROM {engine.qualified(schema, table)}"
    ).scalar()
    return start if found is None else int(found) + step
