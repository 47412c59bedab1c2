"""How PostgreSQL seeds: a production table cloned into its sandbox (``LIKE`` and its
constraints), IDENTITY continued after the rows seeding put in, a CSV or a DataFrame sent
with ``COPY``."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.engines.frames import column_types, frame_rows
from etlcheck.engines.postgres.sequences import copy_sequences, retarget_defaults
from etlcheck.seeding.catalog import columns_of
from etlcheck.seeding.csv_text import column_sql, value_sql
from etlcheck.seeding.loaders import load_through_frame, reader_sql
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.base import Engine, TableCopy

_NULL = "\\N"
_CSV_CHUNK_ROWS = 50_000


def _csv_safe(frame: pd.DataFrame, sql_types: list[str]) -> bool:
    """True when pandas' CSV of ``frame`` reads back into PostgreSQL unchanged."""
    if any(sql_type in ("bytea", "interval") for sql_type in sql_types):
        return False
    for name, sql_type in zip(frame.columns, sql_types, strict=True):
        if sql_type == "text" and bool((frame[name].astype(object) == _NULL).any()):
            return False
    return True


_FOREIGN_KEYS_SQL = """
SELECT k.conname, cs.nspname, c.relname, ps.nspname, p.relname,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i),
       ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i),
       k.confupdtype::text, k.confdeltype::text
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cs ON cs.oid = c.relnamespace
JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace ps ON ps.oid = p.relnamespace
WHERE k.contype = 'f' AND cs.nspname IN ({schemas})
ORDER BY cs.nspname, c.relname, k.conname
"""
_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


def _names(engine: Engine, columns: Sequence[str]) -> str:
    return ", ".join(engine.quote(column) for column in columns)


class PostgresCloner:
    """``CREATE TABLE … (LIKE …)`` with defaults, identity and comments, then the
    PRIMARY KEY, UNIQUE and CHECK constraints under their own names, then the FOREIGN KEYs
    between the copies; a default that calls a production sequence calls its sandbox copy
    (:mod:`etlcheck.engines.postgres.sequences`)."""

    def clone(
        self,
        engine: Engine,
        tables: Sequence[TableCopy],
        without_rows: AbstractSet[TableCopy] = frozenset(),
    ) -> None:
        sequences = copy_sequences(engine, tables)
        for copy in tables:
            self.clone_one(engine, *copy, rows=copy not in without_rows)
            retarget_defaults(engine, engine.qualified(copy[2], copy[1]), sequences)
        self.foreign_keys(engine, tables)

    def foreign_keys(self, engine: Engine, tables: Sequence[TableCopy]) -> None:
        """Production's FOREIGN KEYs between the tables copied, between their copies (one
        whose parent was not copied is left out: it would refer to production). NOT
        VALID: production's rows hold them, and a copy whose rows come later (owed) is
        empty now; new rows are checked all the same."""
        copies = {(schema, table): target for schema, table, target in tables}
        if not copies:
            return
        schemas = ", ".join(sql_literal(schema) for schema in {s for s, _ in copies})
        for (
            name,
            schema,
            table,
            parent_schema,
            parent,
            columns,
            parent_columns,
            update,
            delete,
        ) in engine.query(_FOREIGN_KEYS_SQL.format(schemas=schemas)).rows:
            target, parent_target = copies.get((schema, table)), copies.get((parent_schema, parent))
            if target is None or parent_target is None:
                continue
            engine.execute(
                f"ALTER TABLE {engine.qualified(target, table)} ADD CONSTRAINT "
                f"{engine.quote(name)} FOREIGN KEY ({_names(engine, columns)}) REFERENCES "
                f"{engine.qualified(parent_target, parent)} ({_names(engine, parent_columns)}) "
                f"ON UPDATE {_ACTIONS[update]} ON DELETE {_ACTIONS[delete]} NOT VALID"
            )

    def clone_one(
        self, engine: Engine, schema: str, table: str, target: str, *, rows: bool = True
    ) -> None:
        source, copy = engine.qualified(schema, table), engine.qualified(target, table)
        engine.execute(
            f"CREATE TABLE {copy} (LIKE {source} INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING GENERATED INCLUDING COMMENTS INCLUDING STORAGE)"
        )
        constraints = engine.query(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            f"WHERE conrelid = {sql_literal(source)}::regclass AND contype IN ('p', 'u', 'c') "
            "ORDER BY contype DESC, conname"
        ).rows
        for name, definition in constraints:
            engine.execute(f"ALTER TABLE {copy} ADD CONSTRAINT {engine.quote(name)} {definition}")
        if rows:
            self.copy_rows(engine, schema, table, target)
        for (column,) in engine.query(
            "SELECT attname FROM pg_attribute "
            f"WHERE attrelid = {sql_literal(source)}::regclass AND attidentity <> ''"
        ).rows:
            self._continue(engine, source, copy, str(column))

    def copy_rows(self, engine: Engine, schema: str, table: str, target: str) -> None:
        """Production's rows into the (empty) clone, identity values as they are."""
        source, copy = engine.qualified(schema, table), engine.qualified(target, table)
        columns = [
            engine.quote(str(row[0]))
            for row in engine.query(
                "SELECT attname FROM pg_attribute "
                f"WHERE attrelid = {sql_literal(source)}::regclass AND attnum > 0 "
                "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum"
            ).rows
        ]
        names = ", ".join(columns)
        engine.execute(
            f"INSERT INTO {copy} ({names}) OVERRIDING SYSTEM VALUE SELECT {names} FROM {source}"
        )

    def _continue(self, engine: Engine, source: str, copy: str, column: str) -> None:
        """The copy's identity continues where production's would: after its last value,
        or after the largest key, whichever is later."""
        last = engine.query(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence("
            f"{sql_literal(source)}, {sql_literal(column)})::regclass)"
        ).scalar()
        largest = engine.query(f"SELECT MAX({engine.quote(column)}) FROM {source}").scalar()
        values = [int(v) for v in (last, largest) if v is not None]
        if values:
            engine.query(
                f"SELECT setval(pg_get_serial_sequence({sql_literal(copy)}, "
                f"{sql_literal(column)}), {max(values)})"
            )


def continue_identity(engine: Engine, schema: str, table: str) -> None:
    """Make the next generated IDENTITY value of ``schema.table`` follow its rows."""
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


def load_file(
    engine: Engine, connection: Any, path: Path, schema: str, table: str, columns: Sequence[str]
) -> None:
    """PostgreSQL reads a CSV with COPY (on ``connection``, the engine's psycopg one), as
    DuckDB's reader read it (:func:`normalized_csv`); Parquet arrives as a DataFrame."""
    if path.suffix.lower() == ".parquet":
        load_through_frame(engine, path, schema, table, columns)
        return
    types = {c.name: c.data_type for c in columns_of(engine, schema, table)}
    names = ", ".join(engine.quote(column) for column in columns)
    copy_sql = (
        f"COPY {engine.qualified(schema, table)} ({names}) FROM STDIN "
        "(FORMAT csv, HEADER true, ENCODING 'UTF8')"
    )
    with (
        normalized_csv(path, [(column, types.get(column, "")) for column in columns]) as text,
        connection.transaction(),
        connection.cursor() as cursor,
        cursor.copy(copy_sql) as copy,
        text.open("rb") as source,
    ):
        while chunk := source.read(1 << 20):
            copy.write(chunk)


@contextmanager
def normalized_csv(path: Path, columns: Sequence[tuple[str, str]]) -> Iterator[Path]:
    """The CSV as PostgreSQL's COPY reads it, in a temporary folder: written by DuckDB from
    what its reader read (NULL unquoted and empty, ``""`` an empty string), binary values
    as ``\\x…`` text and bit words as 1/0, one line per line of the file."""
    import duckdb

    values = ", ".join(
        f"{value_sql(column_sql(name), kind, for_text_copy=True)} AS {column_sql(name)}"
        for name, kind in columns
    )
    source = reader_sql(path, names=[name for name, _ in columns])
    with tempfile.TemporaryDirectory(prefix="etlcheck-copy-") as folder:
        target = Path(folder) / "copy.csv"
        with duckdb.connect() as reader:
            reader.execute(
                f"COPY (SELECT {values} FROM {source}) TO {sql_literal(str(target))} "
                "(HEADER, FORCE_QUOTE *)"
            )
        yield target


def copy_frame(
    engine: Engine, connection: Any, schema: str, table: str, frame: pd.DataFrame
) -> None:
    """Replace schema.table with the frame's rows, sent with COPY in one transaction.

    Rows go as CSV written by pandas (fast); frames CSV cannot carry faithfully
    (bytes, or text equal to the NULL marker) go row by row.
    """
    types = column_types(frame)
    target = engine.qualified(schema, table)
    columns = ", ".join(f"{engine.quote(name)} {sql_type}" for name, sql_type in types)
    names = ", ".join(engine.quote(str(name)) for name in frame.columns)
    as_csv = _csv_safe(frame, [sql_type for _, sql_type in types])
    with connection.transaction(), connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {engine.quote(schema)}")
        cursor.execute(f"DROP TABLE IF EXISTS {target}")
        cursor.execute(f"CREATE TABLE {target} ({columns})")
        if as_csv:
            copy_sql = f"COPY {target} ({names}) FROM STDIN (FORMAT csv, NULL '{_NULL}')"
            with cursor.copy(copy_sql) as copy:
                for start in range(0, len(frame), _CSV_CHUNK_ROWS):
                    chunk = frame.iloc[start : start + _CSV_CHUNK_ROWS]
                    copy.write(chunk.to_csv(header=False, index=False, na_rep=_NULL))
            return
        with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
            for row in frame_rows(frame):
                copy.write_row(row)
