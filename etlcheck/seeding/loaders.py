"""Bulk loading of one data file into an existing table.

A CSV is read by the engine's own reader where it has one (``Engine.load_file``: DuckDB's
``read_csv``, PostgreSQL's ``COPY``), every field as text so values load exactly as
written: blanks are kept, an empty unquoted field is NULL, ``""`` is an empty string.
Other engines get the file through an in-process DuckDB reader and a DataFrame. Parquet
keeps its types.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.state import sql_literal

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.base import Engine


def csv_reader_sql(path: Path, *, as_text: bool) -> str:
    """DuckDB's reader of a CSV with a header; ``as_text`` reads every field as text."""
    options = "header = true, quote = '\"', escape = '\"', allow_quoted_nulls = false"
    if as_text:
        options += ", all_varchar = true"
    return f"read_csv({sql_literal(str(path))}, {options})"


def parquet_reader_sql(path: Path) -> str:
    return f"read_parquet({sql_literal(str(path))})"


def reader_sql(path: Path, *, as_text: bool = True) -> str:
    if path.suffix.lower() == ".parquet":
        return parquet_reader_sql(path)
    return csv_reader_sql(path, as_text=as_text)


def read_frame(path: Path, *, as_text: bool = True) -> pd.DataFrame:
    """The file's rows as a DataFrame, read by an in-process DuckDB (text for CSV)."""
    import duckdb

    with duckdb.connect() as connection:
        frame: pd.DataFrame = connection.execute(
            f"SELECT * FROM {reader_sql(path, as_text=as_text)}"
        ).df()
    return frame


def describe_file(path: Path) -> list[tuple[str, str, int]]:
    """(column, DuckDB type, values present) of a data file, types inferred by DuckDB."""
    import duckdb

    source = reader_sql(path, as_text=False)
    with duckdb.connect() as connection:
        described = connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        names = [str(row[0]) for row in described]
        counts = connection.execute(
            "SELECT "
            + ", ".join(f'COUNT("{n.replace(chr(34), chr(34) * 2)}")' for n in names)
            + f" FROM {source}"
        ).fetchone()
    found = zip(names, described, counts or (), strict=True)
    return [(name, str(row[1]), int(count)) for name, row, count in found]


def load_through_frame(
    engine: Engine, path: Path, schema: str, table: str, columns: Sequence[str]
) -> None:
    """Any engine: the file as a DataFrame, appended with ``insert_frame``."""
    frame = read_frame(path)
    insert_frame(engine, schema, table, frame[list(columns)])


_INTEGERS = ("smallint", "integer", "bigint", "tinyint", "utinyint")
_TEXT = ("character varying", "character", "text", "varchar")
_UNNAMED = ("user-defined", "array")
"""What information_schema says of a type it cannot name (citext, enums, arrays): such
columns keep the assignment cast."""


def _assigned(name: str, kind: str, column_type: str | None) -> str:
    """The frame column ``name`` (of numpy kind ``kind``: ``b`` boolean, ``O`` objects) as
    the table's column of ``column_type`` takes it."""
    if column_type is None:
        return name
    if kind == "b" and column_type in _INTEGERS:
        return f"CAST(CAST({name} AS INTEGER) AS {column_type})"
    if kind == "O" and column_type not in _TEXT + _UNNAMED:
        return f"CAST({name} AS {column_type})"
    return name


def insert_frame(engine: Engine, schema: str, table: str, frame: pd.DataFrame) -> None:
    """Append ``frame`` by column name, IDENTITY values as given.

    Values reach their columns by the engine's assignment casts, except: a boolean bound
    for an integer column (T-SQL's BIT on PostgreSQL) goes through an integer first, and
    text (or Python objects, held as text) bound for a column of another type is cast
    explicitly, as reading the text from a file would (PostgreSQL has no assignment cast
    from text to uuid, for one)."""
    from etlcheck.seeding.catalog import columns_of

    names = [engine.quote(str(column)) for column in frame.columns]
    expressions = names
    if engine.interprets_tsql:  # the columns have the emulation's types, not T-SQL's
        types = {c.name.lower(): c.data_type.lower() for c in columns_of(engine, schema, table)}
        expressions = [
            _assigned(name, frame[column].dtype.kind, types.get(str(column).lower()))
            for name, column in zip(names, frame.columns, strict=True)
        ]
    with engine.explicit_identity_values(schema, table):
        engine.insert_frame(schema, table, frame, expressions)
