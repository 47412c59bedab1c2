"""The rows of OUTPUT ... INTO: inserted into their table in the statement's transaction,
with the table's keys checked as any INSERT's are."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from etlcheck.tsql.guard import KeyGuard, KeyViolation

if TYPE_CHECKING:
    from etlcheck.tsql.plan import OutputInto
    from etlcheck.tsql.runtime import Runtime

BATCH_ROWS = 500
"""Rows per INSERT ... VALUES statement."""


def insert_output(interpreter: Runtime, into: OutputInto, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert ``rows`` into the OUTPUT INTO table; KeyViolation when a key repeats."""
    literal = interpreter.emulation.literal
    for start in range(0, len(rows), BATCH_ROWS):
        values = ", ".join(
            "(" + ", ".join(literal(value, None) for value in row) + ")"
            for row in rows[start : start + BATCH_ROWS]
        )
        interpreter.target.execute(f"{into.prefix} VALUES {values}")
    guard = KeyGuard.for_written(interpreter, into.written) if into.written else None
    if guard is not None and rows:
        violation = guard.violation()
        if violation is not None:
            raise KeyViolation(violation)
