"""How DuckDB seeds: a production table cloned into its sandbox, IDENTITY continued after
the rows seeding put in, a data file read by DuckDB itself."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.engines.duckdb.emulation import IDENTITY_SUFFIX
from etlcheck.engines.duckdb.identity_rename import SEED_SQL, identity_bound
from etlcheck.engines.duckdb.sequences import copy_sequences, retarget_default
from etlcheck.seeding.csv_text import value_sql
from etlcheck.seeding.identity import next_identity
from etlcheck.seeding.loaders import reader_sql
from etlcheck.state import sql_literal
from etlcheck.tsql.foreign_keys import retarget_comment
from etlcheck.tsql.keys import decode_keys, duplicate_sql, repeats_sql, violation_message

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine, TableCopy


class DuckDBCloner:
    """From ``duckdb_columns()``, ``duckdb_constraints()`` and the table comments, each read
    once for all tables; the emulated IDENTITY gets its own sequence, the recorded keys the
    same table comment, and the recorded foreign keys refer to the copies of their parents;
    a default that calls a production sequence calls its sandbox copy
    (:mod:`etlcheck.engines.duckdb.sequences`)."""

    def __init__(self) -> None:
        self._sequence_copies: dict[tuple[str, str], str] = {}

    def clone(
        self,
        engine: Engine,
        tables: Sequence[TableCopy],
        without_rows: AbstractSet[TableCopy] = frozenset(),
    ) -> None:
        if not tables:
            return
        schemas = ", ".join(sql_literal(schema) for schema in {s for s, _, _ in tables})
        where = f"WHERE database_name = current_database() AND schema_name IN ({schemas})"
        columns: dict[tuple[str, str], list[tuple[str, str, bool, str | None]]] = {}
        column_comments: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for schema, table, name, kind, nullable, default, remark in engine.query(
            "SELECT schema_name, table_name, column_name, data_type, is_nullable, "
            f"column_default, comment FROM duckdb_columns() {where} ORDER BY column_index"
        ).rows:
            columns.setdefault((schema, table), []).append((name, kind, nullable, default))
            if remark:  # the name of the column's DEFAULT constraint
                column_comments.setdefault((schema, table), []).append((name, str(remark)))
        generated = _generated_columns(engine, schemas)
        constraints: dict[tuple[str, str], list[str]] = {}
        for schema, table, kind, text in engine.query(
            "SELECT schema_name, table_name, constraint_type, constraint_text "
            f"FROM duckdb_constraints() {where}"
        ).rows:
            if kind in ("PRIMARY KEY", "UNIQUE", "CHECK"):
                constraints.setdefault((schema, table), []).append(str(text))
        comments = {
            (schema, table): comment
            for schema, table, comment in engine.query(
                f"SELECT schema_name, table_name, comment FROM duckdb_tables() {where}"
            ).rows
        }
        sequences = {
            (schema, name): (int(seed), int(step), last)
            for schema, name, seed, step, last in engine.query(
                f"SELECT schema_name, sequence_name, {SEED_SQL}, increment_by, last_value "
                "FROM duckdb_sequences() s WHERE database_name = current_database()"
            ).rows
        }
        copies = {(schema.lower(), table.lower()): target for schema, table, target in tables}
        self._sequence_copies = copy_sequences(engine, tables)
        for schema, table, target in tables:
            definitions = [
                self._column(engine, (schema, table, target), column, sequences, generated)
                for column in columns[(schema, table)]
            ]
            copy = engine.qualified(target, table)
            definitions += constraints.get((schema, table), [])
            engine.execute(f"CREATE TABLE {copy} ({', '.join(definitions)})")
            comment = comments.get((schema, table))
            if comment:
                comment = retarget_comment(str(comment), copies)
                engine.execute(f"COMMENT ON TABLE {copy} IS {sql_literal(comment)}")
            for name, remark in column_comments.get((schema, table), []):
                column = f"{copy}.{engine.quote(name)}"
                engine.execute(f"COMMENT ON COLUMN {column} IS {sql_literal(remark)}")
        self.copy_rows(engine, [copy for copy in tables if copy not in without_rows])

    def copy_rows(self, engine: Engine, tables: Sequence[TableCopy]) -> None:
        """Production's rows into each clone (created by ``clone``, still empty)."""
        # A table has no order: the copies are written by every thread at once.
        engine.execute("SET preserve_insertion_order = false")
        try:
            for schema, table, target in tables:
                source, copy = engine.qualified(schema, table), engine.qualified(target, table)
                stored = ", ".join(
                    engine.quote(name) for name in _stored_columns(engine, schema, table)
                )
                engine.execute(f"INSERT INTO {copy} ({stored}) SELECT {stored} FROM {source}")
        finally:
            engine.execute("RESET preserve_insertion_order")

    def _column(
        self,
        engine: Engine,
        clone: TableCopy,
        column: tuple[str, str, bool, str | None],
        sequences: dict[tuple[str, str], tuple[int, int, object]],
        generated: frozenset[tuple[str, str, str]],
    ) -> str:
        name, kind, nullable, default = column
        text = f"{engine.quote(name)} {kind}"
        if (clone[0], clone[1], name) in generated:  # a computed column
            return f"{text} GENERATED ALWAYS AS ({default}) VIRTUAL"
        identity = (
            default is not None and default.startswith("nextval(") and (IDENTITY_SUFFIX in default)
        )
        if identity:
            assert default is not None
            sequence = default[default.index("'") + 1 : default.rindex("'")].replace("''", "'")
            new = self._sequence(engine, clone, name, sequence, sequences)
            text += f" DEFAULT nextval({sql_literal(new)})"
        elif default is not None:
            text += f" DEFAULT {retarget_default(default, self._sequence_copies)}"
        return text + ("" if nullable else " NOT NULL")

    def _sequence(
        self,
        engine: Engine,
        clone: TableCopy,
        column: str,
        sequence: str,
        sequences: dict[tuple[str, str], tuple[int, int, object]],
    ) -> str:
        """A new sequence in the sandbox that continues where production's would: after
        its last value or after the largest key, whichever is later."""
        schema, table, target = clone
        parts = [part.strip('"') for part in sequence.split(".")]
        name, owner = parts[-1], parts[-2] if len(parts) > 1 else schema
        start, step, last = sequences[(owner, name)]
        following = next_identity(engine, schema, table, column, start, step)
        if last is not None:
            pick = max if step > 0 else min
            following = pick(following, int(str(last)) + step)
        new = engine.qualified(target, name)
        engine.execute(f"DROP SEQUENCE IF EXISTS {new}")
        create_continued_sequence(engine, new, start, following, step)
        return new


def _generated_columns(engine: Engine, schemas: str) -> frozenset[tuple[str, str, str]]:
    """(schema, table, column) of the computed columns in ``schemas`` (SQL literals)."""
    rows = engine.query(
        "SELECT table_schema, table_name, column_name FROM information_schema.columns "
        f"WHERE table_catalog = current_database() AND table_schema IN ({schemas}) "
        "AND is_generated = 'ALWAYS'"
    ).rows
    return frozenset((str(schema), str(table), str(name)) for schema, table, name in rows)


def _stored_columns(engine: Engine, schema: str, table: str) -> list[str]:
    """The columns of ``schema.table`` that hold values (not the computed ones), in order."""
    rows = engine.query(
        "SELECT column_name FROM information_schema.columns "
        f"WHERE table_catalog = current_database() AND table_schema = {sql_literal(schema)} "
        f"AND table_name = {sql_literal(table)} AND is_generated <> 'ALWAYS' "
        "ORDER BY ordinal_position"
    ).rows
    return [str(name) for (name,) in rows]


def identity_columns(engine: Engine, schema: str, table: str) -> list[tuple[str, str]]:
    """(column, sequence as the default names it) of the emulated IDENTITY columns."""
    result = engine.query(
        "SELECT column_name, column_default FROM duckdb_columns() "
        "WHERE database_name = current_database() "
        f"AND schema_name = {sql_literal(schema)} AND table_name = {sql_literal(table)} "
        f"AND column_default LIKE 'nextval(%{IDENTITY_SUFFIX}%'"
    )
    found = []
    for column, default in result.rows:
        text = str(default)
        found.append((str(column), text[text.index("'") + 1 : text.rindex("'")].replace("''", "'")))
    return found


def sequence_settings(engine: Engine, schema: str, name: str) -> tuple[int, int]:
    """(seed, increment) of an identity's DuckDB sequence."""
    row = engine.query(
        f"SELECT {SEED_SQL}, increment_by FROM duckdb_sequences() s "
        "WHERE database_name = current_database() "
        f"AND schema_name = {sql_literal(schema)} AND sequence_name = {sql_literal(name)}"
    ).rows[0]
    return int(row[0]), int(row[1])


def continue_identity(engine: Engine, schema: str, table: str) -> None:
    """Make the next generated IDENTITY value of ``schema.table`` follow its rows."""
    # A sequence a column default uses cannot be replaced: the default is dropped first.
    for column, sequence in identity_columns(engine, schema, table):
        sequence_name = sequence.split(".")[-1].strip('"')
        start, step = sequence_settings(engine, schema, sequence_name)
        following = next_identity(engine, schema, table, column, start, step)
        target = engine.qualified(schema, table)
        quoted_sequence = engine.qualified(schema, sequence_name)
        engine.execute(f"ALTER TABLE {target} ALTER COLUMN {engine.quote(column)} DROP DEFAULT")
        engine.execute(f"DROP SEQUENCE {quoted_sequence}")
        create_continued_sequence(engine, quoted_sequence, start, following, step)
        engine.execute(
            f"ALTER TABLE {target} ALTER COLUMN {engine.quote(column)} "
            f"SET DEFAULT nextval({sql_literal(quoted_sequence)})"
        )


def create_continued_sequence(
    engine: Engine, sequence: str, seed: int, following: int, step: int
) -> None:
    """A sequence whose next value is ``following``. When that is past the seed, the value
    before it is drawn once, so the sequence's last value (IDENT_CURRENT) is the one the
    table's identity reached, as on SQL Server, rather than its seed."""
    previous = following - step
    low = min(seed, following) if step > 0 else max(seed, following)
    bound = identity_bound(low, step)
    if following == seed or (previous < low if step > 0 else previous > low):
        engine.execute(
            f"CREATE SEQUENCE {sequence} START WITH {following} INCREMENT BY {step} {bound}"
        )
        return
    engine.execute(f"CREATE SEQUENCE {sequence} START WITH {previous} INCREMENT BY {step} {bound}")
    engine.query(f"SELECT nextval({sql_literal(sequence)})")


_SPACED_OFFSET = r"\s+([+-]\d{1,2}(:?\d{2})?)\s*$"
"""SQL Server writes a datetimeoffset as ``2024-05-01 08:00:00.0000000 +02:00``; DuckDB
reads the offset only when no space stands before it."""


def load_file(engine: Engine, path: Path, schema: str, table: str, columns: Sequence[str]) -> None:
    """DuckDB reads the file itself, in one INSERT (a CSV's fields as text, which the
    table's column types convert; datetimeoffset, binary and bit text as SQL Server's
    tools write them too)."""
    is_csv = path.suffix.lower() != ".parquet"
    types: dict[str, str] = {}
    if is_csv:
        rows = engine.query(
            "SELECT column_name, data_type FROM information_schema.columns "
            f"WHERE table_schema = {sql_literal(schema)} AND table_name = {sql_literal(table)}"
        ).rows
        types = {str(name): str(kind) for name, kind in rows}
    names = ", ".join(engine.quote(column) for column in columns)
    values = ", ".join(_value(engine.quote(column), types.get(column, "")) for column in columns)
    source = reader_sql(path, names=columns if is_csv else ())
    engine.begin_transaction()  # a file that fails (a value, a repeated key) adds no row
    try:
        engine.execute(
            f"INSERT INTO {engine.qualified(schema, table)} ({names}) SELECT {values} FROM {source}"
        )
        _check_keys(engine, schema, table)
    except BaseException:
        engine.rollback_transaction()
        raise
    engine.commit_transaction()


def _check_keys(engine: Engine, schema: str, table: str) -> None:
    """The keys the interpreter enforces itself (``etlcheck.tsql.keys``) hold after a bulk
    load, which no statement of the interpreter checked: a repeated value fails as SQL
    Server's bcp or BULK INSERT would, with error 2627's message."""
    comment = engine.query(
        "SELECT comment FROM duckdb_tables() WHERE database_name = current_database() "
        f"AND schema_name = {sql_literal(schema)} AND table_name = {sql_literal(table)}"
    ).scalar()
    target = engine.qualified(schema, table)
    for key in decode_keys(None if comment is None else str(comment)):
        if engine.query(repeats_sql(target, key)).scalar():
            repeated = engine.query(duplicate_sql(target, key, "rowid")).rows
            values = tuple(repeated[0]) if repeated else ()
            raise ValueError(violation_message(key, f"{schema}.{table}", values))


def _value(column: str, data_type: str) -> str:
    if "TIME ZONE" in data_type.upper():
        return f"regexp_replace({column}, '{_SPACED_OFFSET}', '\\1')"
    return value_sql(column, data_type, for_text_copy=False)
