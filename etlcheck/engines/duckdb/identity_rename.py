"""The emulated IDENTITY of a table renamed by ``sp_rename``, emptied by ``TRUNCATE
TABLE``, or reseeded by ``DBCC CHECKIDENT``, on DuckDB.

The identity is a sequence named after its table (``t__identity``, see ``emulation``), which
IDENT_CURRENT finds by the table's name and which the next ``CREATE TABLE t`` replaces. A
renamed table therefore takes a sequence of its new name that goes on where the old one
was (the old one, which the next night's ``CREATE TABLE DimX_new`` would need, is dropped).
A truncated table's sequence starts again from the seed, as SQL Server's identity does, and
one given values of its own past its last one (SET IDENTITY_INSERT ON) goes on from there.
The seed is the sequence's bound (``identity_bound``): its MINVALUE when it counts up, its
MAXVALUE when it counts down, which also lets a seed of 0 or below count up. A reseed past
the seed moves the bound there and keeps the seed in the sequence's comment.
DuckDB can neither rename nor restart a sequence a default uses, so the default is dropped
first and set again after."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.tsql.identity_state import IdentityState

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget


def identity_bound(seed: int, step: int) -> str:
    """The bound of an identity's sequence that keeps its seed (``START WITH`` moves on
    when a table is seeded with rows): DuckDB's defaults, 1 and -1, refuse seeds such as
    ``IDENTITY(0, 1)``."""
    return f"MINVALUE {seed}" if step > 0 else f"MAXVALUE {seed}"


SEED_COMMENT = "etlcheck identity seed "
"""The comment that keeps the seed of a sequence whose bound went past it (a reseed below
the seed, ``DBCC CHECKIDENT (t, RESEED, 0)`` of an ``IDENTITY(1, 1)``)."""
SEED_SQL = (
    f"coalesce(TRY_CAST(regexp_extract(s.comment, '^{SEED_COMMENT}(-?[0-9]+)$', 1) AS BIGINT), "
    "CASE WHEN s.increment_by > 0 THEN s.min_value ELSE s.max_value END)"
)
"""An identity sequence's seed, from ``duckdb_sequences() s`` (see ``identity_bound``)."""


def sequence_statements(kind: str, qualified: str, start: int, step: int, seed: int) -> list[str]:
    """``CREATE OR REPLACE {kind}`` of an identity's sequence that starts at ``start``: its
    bound is the seed, or ``start`` when that is past it, the seed then kept in a comment."""
    low = min(seed, start) if step > 0 else max(seed, start)
    statements = [
        f"CREATE OR REPLACE {kind} {qualified} START WITH {start} INCREMENT BY {step} "
        + identity_bound(low, step)
    ]
    if low != seed:
        statements.append(
            f"COMMENT ON SEQUENCE {qualified} IS {_literal(SEED_COMMENT + str(seed))}"
        )
    return statements


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def move_identity(target: SqlTarget, schema: str, old: str, new: str, suffix: str) -> None:
    """Give the identity column of ``schema.new`` (renamed from ``old``) the sequence of
    its new name, continuing from the old one's last value."""
    old_sequence, new_sequence = old + suffix, new + suffix
    found = target.query(
        f"SELECT c.column_name, s.start_value, s.increment_by, s.last_value, {SEED_SQL} "
        "FROM duckdb_columns() c JOIN duckdb_sequences() s "
        "ON s.database_name = c.database_name AND s.schema_name = c.schema_name "
        f"WHERE c.database_name = current_database() AND c.schema_name = {_literal(schema)} "
        f"AND c.table_name = {_literal(new)} AND s.sequence_name = {_literal(old_sequence)} "
        f"AND c.column_default LIKE {_literal('nextval(%' + suffix + '%')}"
    ).rows
    if not found:
        return
    column, start, step, last, seed = found[0]
    table = f"{_quote(schema)}.{_quote(new)}"
    sequence = f"{_quote(schema)}.{_quote(new_sequence)}"
    target.execute(f"ALTER TABLE {table} ALTER COLUMN {_quote(str(column))} DROP DEFAULT")
    first = start if last is None else last
    for statement in sequence_statements("SEQUENCE", sequence, int(first), int(step), int(seed)):
        target.execute(statement)
    if last is not None:  # drawn once, so that its last value is the old one's
        target.query(f"SELECT nextval({_literal(sequence)})")
    target.execute(
        f"ALTER TABLE {table} ALTER COLUMN {_quote(str(column))} "
        f"SET DEFAULT nextval({_literal(sequence)})"
    )
    target.execute(f"DROP SEQUENCE {_quote(schema)}.{_quote(old_sequence)}")


def restart_identity(target: SqlTarget, schema: str, table: str, suffix: str) -> None:
    """Start the identity of ``schema.table`` (schema ``#``: a temp table) again from its
    seed: its sequence is made anew, so the next row gets the seed."""
    for column, default, sequence_schema, sequence, seed, step, *_ in _identities(
        target, schema, table, suffix
    ):
        found = (column, default, sequence_schema, sequence)
        _renew(target, schema, table, found, int(seed), int(seed), int(step))


def advance_identity(target: SqlTarget, schema: str, table: str, suffix: str) -> None:
    """After rows of ``schema.table`` were given identity values of their own: when the
    highest (the lowest, counting down) is past the sequence's last value, the sequence
    is made anew from it, so the next row gets the value after it, as in SQL Server."""
    for column, default, sequence_schema, sequence, seed, step, last, _ in _identities(
        target, schema, table, suffix
    ):
        edge = "max" if step > 0 else "min"
        named = _table(schema, table)
        given = target.query(f"SELECT {edge}({_quote(str(column))}) FROM {named}").scalar()
        reached = int(seed) - int(step) if last is None else int(last)
        if given is None or (int(given) - reached) * int(step) <= 0:
            continue
        found = (column, default, sequence_schema, sequence)
        qualified = _renew(target, schema, table, found, int(given), int(seed), int(step))
        target.query(f"SELECT nextval({_literal(qualified)})")  # drawn: its last value


def identity_state(target: SqlTarget, schema: str, table: str, suffix: str) -> IdentityState | None:
    """The identity of ``schema.table`` (``#``: a temp table) as DBCC CHECKIDENT reads it;
    None when it has no identity column. Its sequence's last value is None until a row
    draws from it: after CREATE TABLE, TRUNCATE TABLE and a reseed of a table in that state,
    the next row gets its start value."""
    for column, _, _, _, seed, step, last, start in _identities(target, schema, table, suffix):
        edge = "max" if step > 0 else "min"
        named = _table(schema, table)
        found = target.query(f"SELECT {edge}({_quote(str(column))}) FROM {named}").scalar()
        return IdentityState(
            column=str(column),
            seed=int(seed),
            increment=int(step),
            last=None if last is None else int(last),
            following=int(start) if last is None else int(last) + int(step),
            edge=None if found is None else int(found),
        )
    return None


def reseed_identity(
    target: SqlTarget, schema: str, table: str, suffix: str, value: int, first: bool
) -> None:
    """Make ``value`` the identity's current value: the sequence is made anew from it and
    drawn once, so the next row gets the value after it; ``first`` (no row since the table
    was created or truncated): not drawn, so the next row gets ``value`` itself."""
    for column, default, sequence_schema, sequence, seed, step, *_ in _identities(
        target, schema, table, suffix
    ):
        found = (column, default, sequence_schema, sequence)
        qualified = _renew(target, schema, table, found, value, int(seed), int(step))
        if not first:
            target.query(f"SELECT nextval({_literal(qualified)})")  # drawn: its last value


def _identities(target: SqlTarget, schema: str, table: str, suffix: str) -> list[tuple]:
    """Each identity column of the table: its name and default, its sequence's schema and
    name, seed, increment, last value (None before its first) and start value."""
    where = "c.database_name = 'temp'"
    if schema != "#":
        where = "c.database_name = current_database() AND "
        where += f"lower(c.schema_name) = lower({_literal(schema)})"
    return target.query(
        "SELECT c.column_name, c.column_default, s.schema_name, s.sequence_name, "
        f"{SEED_SQL}, s.increment_by, s.last_value, s.start_value "
        "FROM duckdb_columns() c JOIN duckdb_sequences() s "
        "ON s.database_name = c.database_name AND s.schema_name = c.schema_name "
        f"WHERE {where} AND lower(c.table_name) = lower({_literal(table)}) "
        f"AND lower(s.sequence_name) = lower(c.table_name || {_literal(suffix)}) "
        f"AND c.column_default LIKE {_literal('nextval(%' + suffix + '%')}"
    ).rows


def _table(schema: str, table: str) -> str:
    return f"temp.main.{_quote(table)}" if schema == "#" else f"{_quote(schema)}.{_quote(table)}"


def _renew(
    target: SqlTarget, schema: str, table: str, found: tuple, start: int, seed: int, step: int
) -> str:
    """Make the sequence of ``found`` (column, default, sequence schema and name) anew,
    starting at ``start``, keeping ``seed`` (``sequence_statements``); its qualified name."""
    column, default, sequence_schema, sequence = found
    named = _table(schema, table)
    target.execute(f"ALTER TABLE {named} ALTER COLUMN {_quote(str(column))} DROP DEFAULT")
    temporary = schema == "#"
    kind = "TEMP SEQUENCE" if temporary else "SEQUENCE"
    qualified = _quote(str(sequence))
    if not temporary:
        qualified = f"{_quote(str(sequence_schema))}.{qualified}"
    for statement in sequence_statements(kind, qualified, start, step, seed):
        target.execute(statement)
    target.execute(f"ALTER TABLE {named} ALTER COLUMN {_quote(str(column))} SET DEFAULT {default}")
    return qualified
