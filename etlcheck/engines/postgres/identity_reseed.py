"""The IDENTITY of a table as ``DBCC CHECKIDENT`` reads and reseeds it, on PostgreSQL.

An identity column's own sequence holds the state SQL Server keeps: ``is_called`` is false
until a row draws from it (after CREATE TABLE, after TRUNCATE TABLE's ``RESTART IDENTITY``),
and its ``last_value`` is then the value the next row gets. A reseed sets both with
``setval``: drawn (``is_called``) when a row was inserted since the table was created or
truncated, so the next row gets the value after the new one, not drawn otherwise, so the
first row gets the new value itself. A new value past the seed, the sequence's bound (its
MINVALUE counting up), moves the bound; the seed stays the sequence's start value, which
TRUNCATE TABLE restarts from.

``sys.ident_current`` reads ``last_value`` itself: before the first row it is the seed,
or the value a reseed chose for the first row, as SQL Server's IDENT_CURRENT returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.tsql.identity_state import IdentityState

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget

IDENTITY_FUNCTIONS = """
CREATE OR REPLACE FUNCTION sys.etlcheck_identity_state(table_sql text)
RETURNS TABLE (column_name text, seed numeric, step numeric, last_value numeric,
               is_called boolean, edge numeric)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    found record;
BEGIN
    FOR found IN
        SELECT c.column_name AS name, c.sequence::regclass AS sequence_id, s.seqstart,
               s.seqincrement
        FROM sys.etlcheck_identity_columns(table_sql) c
        JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.sequence::regclass
    LOOP
        column_name := found.name;
        seed := found.seqstart;
        step := found.seqincrement;
        EXECUTE format('SELECT last_value, is_called FROM %s', found.sequence_id)
            INTO last_value, is_called;
        EXECUTE format('SELECT %s(%I) FROM %s',
            CASE WHEN found.seqincrement > 0 THEN 'max' ELSE 'min' END,
            found.name, table_sql) INTO edge;
        RETURN NEXT;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION sys.etlcheck_reseed_identity(
    table_sql text, new_value numeric, first_row boolean)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    found record;
BEGIN
    FOR found IN
        SELECT c.column_name AS name, c.sequence::regclass AS sequence_id, s.seqincrement,
               s.seqmin, s.seqmax
        FROM sys.etlcheck_identity_columns(table_sql) c
        JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.sequence::regclass
    LOOP
        IF found.seqincrement > 0 AND new_value < found.seqmin THEN
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET MINVALUE %s',
                table_sql, found.name, new_value);
        ELSIF found.seqincrement < 0 AND new_value > found.seqmax THEN
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET MAXVALUE %s',
                table_sql, found.name, new_value);
        END IF;
        PERFORM pg_catalog.setval(found.sequence_id, new_value::bigint, NOT first_row);
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION sys.ident_current(table_name text)
RETURNS numeric LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    sequence_id regclass := sys.etlcheck_identity_sequence(sys.object_id(table_name, 'U'));
    found numeric;
BEGIN
    IF sequence_id IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT last_value FROM %s', sequence_id) INTO found;
    RETURN found::numeric(38, 0);
END
$$;
"""
"""Installed after ``system_catalog``'s functions, which they use (and ``ident_current``
replaces)."""


def table_sql(schema: str, table: str) -> str:
    """``schema.table`` as PostgreSQL names it; schema ``#``: the session's temp table."""
    owner = "pg_temp" if schema == "#" else _quote(schema)
    return f"{owner}.{_quote(table)}"


def identity_state(target: SqlTarget, schema: str, table: str) -> IdentityState | None:
    """The identity of ``schema.table`` (see the module); None without identity column."""
    named = _literal(table_sql(schema, table))
    rows = target.query(f"SELECT * FROM sys.etlcheck_identity_state({named})").rows
    if not rows:
        return None
    column, seed, step, last, called, edge = rows[0]
    return IdentityState(
        column=str(column),
        seed=int(seed),
        increment=int(step),
        last=int(last) if called else None,
        following=int(last) + int(step) if called else int(last),
        edge=None if edge is None else int(edge),
    )


def reseed_identity(target: SqlTarget, schema: str, table: str, value: int, first: bool) -> None:
    """Make ``value`` the current identity value (see the module)."""
    named = _literal(table_sql(schema, table))
    first_row = "true" if first else "false"
    target.query(f"SELECT sys.etlcheck_reseed_identity({named}, {int(value)}, {first_row})")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
