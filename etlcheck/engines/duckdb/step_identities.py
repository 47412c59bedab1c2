"""The IDENTITY values a rolled-back step drew, given back on DuckDB.

DuckDB aborts a transaction at its first error, so a step that catches an error (a
``TRY … CATCH`` around an INSERT that may fail) is rolled back and run again without a
transaction of etlcheck's. A sequence's ``nextval`` is not undone by a rollback: the
identity values the first attempt drew would be lost, and the rows of the second attempt
would get keys SQL Server, which ran the step once, never gives them (``SCOPE_IDENTITY()``
6 instead of 3). The last value of every identity's sequence is noted when the step's
transaction opens, and a sequence that moved is made anew from there after the rollback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.engines.duckdb.identity_rename import reseed_identity

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget

Marks = dict[tuple[str, str], tuple[int | None, int]]
"""(schema, table) -> (last value, start value) of the table's identity sequence."""


def identity_marks(target: SqlTarget, suffix: str) -> Marks:
    """Where each identity sequence of the database stands now (temp tables' excepted:
    they belong to the session, not to a step)."""
    rows = target.query(
        "SELECT schema_name, sequence_name, last_value, start_value FROM duckdb_sequences() "
        "WHERE database_name = current_database() "
        f"AND ends_with(sequence_name, '{suffix}')"
    ).rows
    return {
        (str(schema), str(name)[: -len(suffix)]): (None if last is None else int(last), int(start))
        for schema, name, last, start in rows
    }


def give_back(target: SqlTarget, before: Marks, suffix: str) -> None:
    """Put every identity sequence that moved since ``before`` back where it stood."""
    if not before:
        return
    for key, now in identity_marks(target, suffix).items():
        was = before.get(key)
        if was is None or was == now:
            continue  # made by the step (gone with it), or untouched
        last, start = was
        schema, table = key
        if last is None:
            reseed_identity(target, schema, table, suffix, start, first=True)
        else:
            reseed_identity(target, schema, table, suffix, last, first=False)
