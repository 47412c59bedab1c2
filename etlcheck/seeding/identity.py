"""IDENTITY columns continue after the rows seeding put in, as on SQL Server.

Rows loaded with their own key values (a data file, a clone, a snapshot) do not move an
engine's identity sequence. SQL Server moves the identity past explicit values; here
each loaded table's identity is set to continue after its largest value, so the first
row the pipeline inserts gets the next one instead of repeating a seeded key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

DUCKDB_IDENTITY_SUFFIX = "__identity"


def continue_identity(engine: Engine, schema: str, table: str) -> None:
    """Make the next generated IDENTITY value of ``schema.table`` follow its rows."""
    if engine.dialect == "duckdb":
        _duckdb(engine, schema, table)
    elif engine.dialect == "postgres":
        _postgres(engine, schema, table)
    elif engine.dialect == "tsql":
        engine.execute(tsql_reseed(schema, table))


def tsql_reseed(schema: str, table: str) -> str:
    """SQL Server: reseed to the largest value when it is above the current identity."""
    name = f"[{schema.replace(']', ']]')}].[{table.replace(']', ']]')}]"
    literal = sql_literal(name)
    return (
        f"IF OBJECTPROPERTY(OBJECT_ID({literal}), 'TableHasIdentity') = 1 "
        f"DBCC CHECKIDENT ({literal}, RESEED) WITH NO_INFOMSGS"
    )


def duckdb_identity_columns(engine: Engine, schema: str, table: str) -> list[tuple[str, str]]:
    """(column, sequence as the default names it) of the emulated IDENTITY columns."""
    result = engine.query(
        "SELECT column_name, column_default FROM duckdb_columns() "
        "WHERE database_name = current_database() "
        f"AND schema_name = {sql_literal(schema)} AND table_name = {sql_literal(table)} "
        f"AND column_default LIKE 'nextval(%{DUCKDB_IDENTITY_SUFFIX}%'"
    )
    found = []
    for column, default in result.rows:
        text = str(default)
        found.append((str(column), text[text.index("'") + 1 : text.rindex("'")].replace("''", "'")))
    return found


def duckdb_sequence(engine: Engine, schema: str, name: str) -> tuple[int, int]:
    """(start, increment) of a DuckDB sequence."""
    row = engine.query(
        "SELECT start_value, increment_by FROM duckdb_sequences() "
        "WHERE database_name = current_database() "
        f"AND schema_name = {sql_literal(schema)} AND sequence_name = {sql_literal(name)}"
    ).rows[0]
    return int(row[0]), int(row[1])


def next_identity(
    engine: Engine, schema: str, table: str, column: str, start: int, step: int
) -> int:
    """The value after the table's largest (smallest, counting down) key, else ``start``."""
    pick = "MAX" if step > 0 else "MIN"
    found = engine.query(
        f"SELECT {pick}({engine.quote(column)}) FROM {engine.qualified(schema, table)}"
    ).scalar()
    return start if found is None else int(found) + step


def _duckdb(engine: Engine, schema: str, table: str) -> None:
    # A sequence a column default uses cannot be replaced: the default is dropped first.
    for column, sequence in duckdb_identity_columns(engine, schema, table):
        sequence_name = sequence.split(".")[-1].strip('"')
        start, step = duckdb_sequence(engine, schema, sequence_name)
        following = next_identity(engine, schema, table, column, start, step)
        target = engine.qualified(schema, table)
        quoted_sequence = engine.qualified(schema, sequence_name)
        engine.execute(f"ALTER TABLE {target} ALTER COLUMN {engine.quote(column)} DROP DEFAULT")
        engine.execute(f"DROP SEQUENCE {quoted_sequence}")
        engine.execute(
            f"CREATE SEQUENCE {quoted_sequence} START WITH {following} INCREMENT BY {step}"
        )
        engine.execute(
            f"ALTER TABLE {target} ALTER COLUMN {engine.quote(column)} "
            f"SET DEFAULT nextval({sql_literal(quoted_sequence)})"
        )


def _postgres(engine: Engine, schema: str, table: str) -> None:
    target = engine.qualified(schema, table)
    columns = engine.query(
        "SELECT a.attname FROM pg_attribute a "
        f"WHERE a.attrelid = {sql_literal(target)}::regclass AND a.attidentity <> '' "
        "AND NOT a.attisdropped"
    ).rows
    for (column,) in columns:
        largest = engine.query(f"SELECT MAX({engine.quote(column)}) FROM {target}").scalar()
        if largest is not None:
            engine.query(
                "SELECT setval(pg_get_serial_sequence("
                f"{sql_literal(target)}, {sql_literal(column)}), {int(largest)})"
            )
