"""The IDENTITY and sequence values a rolled-back step drew, given back on DuckDB.

DuckDB aborts a transaction at its first error, so a step that catches an error (a
``TRY … CATCH`` around an INSERT that may fail) is rolled back and run again without a
transaction of etlcheck's. A sequence's ``nextval`` is not undone by a rollback: the values
the first attempt drew would be lost, and the second attempt would get other keys and
numbers than SQL Server, which ran the step once, gives (``SCOPE_IDENTITY()`` 6 instead of
3, ``NEXT VALUE FOR`` 1001 instead of 1000). Where each sequence stands is noted when the
step's transaction opens, and a sequence that moved is made anew from there after the
rollback: an identity's through ``reseed_identity``, any other from the statement DuckDB
gives for it as it stood (its ``sql``, whose START is the next value), the defaults that
draw from it set aside meanwhile (DuckDB cannot replace a sequence a default uses).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.engines.duckdb.identity_rename import reseed_identity

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget


@dataclass(frozen=True)
class Mark:
    """Where one sequence stood: its last value (None before its first), its start value
    and the statement that makes it anew as it stood."""

    last: int | None
    start: int
    sql: str


Marks = dict[tuple[str, str], Mark]
"""(schema, sequence name) -> where the sequence stood."""


MARKS_SQL = (
    "SELECT schema_name, sequence_name, last_value, start_value, sql "
    "FROM duckdb_sequences() WHERE database_name = current_database() AND NOT temporary"
)
"""Where each sequence of the database stands (temp tables' excepted: they belong to the
session, not to a step). The adapter asks it of its connection directly before every
step: bookkeeping, which neither the trace nor the stop request need to see."""


def identity_marks(rows: Sequence[Sequence[Any]]) -> Marks:
    """The marks in ``rows`` of :data:`MARKS_SQL`."""
    return {
        (str(schema), str(name)): Mark(None if last is None else int(last), int(start), str(sql))
        for schema, name, last, start, sql in rows
    }


def give_back(target: SqlTarget, before: Marks, suffix: str) -> None:
    """Put every sequence that moved since ``before`` back where it stood."""
    if not before:
        return
    for key, now in identity_marks(target.query(MARKS_SQL).rows).items():
        was = before.get(key)
        if was is None or was.last == now.last:
            continue  # made by the step (gone with it), or untouched
        schema, name = key
        if name.endswith(suffix):
            table = name[: -len(suffix)]
            if was.last is None:
                reseed_identity(target, schema, table, suffix, was.start, first=True)
            else:
                reseed_identity(target, schema, table, suffix, was.last, first=False)
        else:
            _remake(target, schema, name, was.sql)


def _remake(target: SqlTarget, schema: str, name: str, sql: str) -> None:
    """Replace the sequence ``schema.name`` by the one ``sql`` (DuckDB's CREATE SEQUENCE of
    it, unqualified) makes, the column defaults that use it dropped and set again."""
    qualified = f"{_quote(schema)}.{_quote(name)}"
    statement = f"CREATE OR REPLACE SEQUENCE {qualified} {_options(sql)}"
    users = target.query(
        "SELECT schema_name, table_name, column_name, column_default FROM duckdb_columns() "
        "WHERE database_name = current_database() AND column_default LIKE '%nextval(%' "
        f"AND column_default ILIKE {_literal('%' + name + '%')}"
    ).rows
    for table_schema, table, column, _ in users:
        target.execute(
            f"ALTER TABLE {_quote(table_schema)}.{_quote(table)} "
            f"ALTER COLUMN {_quote(column)} DROP DEFAULT"
        )
    target.execute(statement.rstrip().rstrip(";"))
    for table_schema, table, column, default in users:
        target.execute(
            f"ALTER TABLE {_quote(table_schema)}.{_quote(table)} "
            f"ALTER COLUMN {_quote(column)} SET DEFAULT {default}"
        )


def _options(sql: str) -> str:
    """What follows the sequence's name in DuckDB's ``CREATE SEQUENCE name ...;``."""
    rest = sql.split(" SEQUENCE ", 1)[1].lstrip()
    if rest.startswith('"'):
        end = 1
        while True:
            end = rest.index('"', end)
            if rest[end + 1 : end + 2] != '"':
                break
            end += 2
        rest = rest[end + 1 :]
    else:
        rest = rest.split(" ", 1)[1] if " " in rest else ""
    return rest.strip().rstrip(";")


def _quote(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
