"""The emulated IDENTITY of a table renamed by ``sp_rename`` on DuckDB.

The identity is a sequence named after its table (``t__identity``, see ``emulation``), which
IDENT_CURRENT finds by the table's name and which the next ``CREATE TABLE t`` replaces. A
renamed table therefore takes a sequence of its new name that goes on where the old one
was (the old one, which the next night's ``CREATE TABLE DimX_new`` would need, is dropped).
DuckDB cannot rename a sequence a default uses, so the default is dropped first."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def move_identity(target: SqlTarget, schema: str, old: str, new: str, suffix: str) -> None:
    """Give the identity column of ``schema.new`` (renamed from ``old``) the sequence of
    its new name, continuing from the old one's last value."""
    old_sequence, new_sequence = old + suffix, new + suffix
    found = target.query(
        "SELECT c.column_name, s.start_value, s.increment_by, s.last_value "
        "FROM duckdb_columns() c JOIN duckdb_sequences() s "
        "ON s.database_name = c.database_name AND s.schema_name = c.schema_name "
        f"WHERE c.database_name = current_database() AND c.schema_name = {_literal(schema)} "
        f"AND c.table_name = {_literal(new)} AND s.sequence_name = {_literal(old_sequence)} "
        f"AND c.column_default LIKE {_literal('nextval(%' + suffix + '%')}"
    ).rows
    if not found:
        return
    column, start, step, last = found[0]
    table = f"{_quote(schema)}.{_quote(new)}"
    sequence = f"{_quote(schema)}.{_quote(new_sequence)}"
    target.execute(f"ALTER TABLE {table} ALTER COLUMN {_quote(str(column))} DROP DEFAULT")
    first = start if last is None else last
    target.execute(
        f"CREATE OR REPLACE SEQUENCE {sequence} START WITH {int(first)} INCREMENT BY {int(step)}"
    )
    if last is not None:  # drawn once, so that its last value is the old one's
        target.query(f"SELECT nextval({_literal(sequence)})")
    target.execute(
        f"ALTER TABLE {table} ALTER COLUMN {_quote(str(column))} "
        f"SET DEFAULT nextval({_literal(sequence)})"
    )
    target.execute(f"DROP SEQUENCE {_quote(schema)}.{_quote(old_sequence)}")
