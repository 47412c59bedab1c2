"""Bulk loading of one data file into an existing table.

A CSV is read by DuckDB's ``read_csv``, every field as text so values load exactly as
written: blanks are kept, an empty unquoted field and an unquoted ``NULL`` are NULL,
``""`` is an empty string (:mod:`etlcheck.seeding.csv_text`). DuckDB inserts from the
reader itself (``Engine.load_file``), PostgreSQL gets what it read through ``COPY``, and
other engines get the file as a DataFrame. Parquet keeps its types.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.seeding.csv_text import column_sql, nullstr_sql, value_sql
from etlcheck.state import sql_literal

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.base import Engine


def csv_reader_sql(path: Path, *, as_text: bool, names: Sequence[str] = ()) -> str:
    """DuckDB's reader of a UTF-8 CSV with a header; ``as_text`` reads every field as text.

    Given the ``names`` of its columns (in place of the header's spelling), the reader
    reads exactly a comma-separated file of that many columns, guessing nothing: a line
    with a field too many or too few is an error on its line, never a file read in
    another dialect."""
    options = (
        "header = true, quote = '\"', escape = '\"', allow_quoted_nulls = false, "
        f"nullstr = {nullstr_sql()}"
    )
    if as_text:
        options += ", all_varchar = true"
    if names:
        columns = ", ".join(f"{sql_literal(name)}: 'VARCHAR'" for name in names)
        options += f", delim = ',', auto_detect = false, columns = {{{columns}}}"
    return f"read_csv({sql_literal(str(path))}, {options})"


def parquet_reader_sql(path: Path) -> str:
    return f"read_parquet({sql_literal(str(path))})"


def reader_sql(path: Path, *, as_text: bool = True, names: Sequence[str] = ()) -> str:
    if path.suffix.lower() == ".parquet":
        return parquet_reader_sql(path)
    return csv_reader_sql(path, as_text=as_text, names=names)


def read_frame(path: Path, *, as_text: bool = True, names: Sequence[str] = ()) -> pd.DataFrame:
    """The file's rows as a DataFrame, read by an in-process DuckDB (text for CSV)."""
    import duckdb

    with duckdb.connect() as connection:
        frame: pd.DataFrame = connection.execute(
            f"SELECT * FROM {reader_sql(path, as_text=as_text, names=names)}"
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
    """Any engine: the file as a DataFrame, appended with ``insert_frame`` (a CSV's binary
    values as bytes, its bit words as 1/0: text would not convert to them)."""
    import duckdb

    from etlcheck.seeding.catalog import columns_of

    if path.suffix.lower() == ".parquet":
        frame = read_frame(path)
    else:
        types = {c.name: c.data_type for c in columns_of(engine, schema, table)}
        values = ", ".join(
            f"{value_sql(column_sql(name), types.get(name, ''), for_text_copy=False)} "
            f"AS {column_sql(name)}"
            for name in columns
        )
        with duckdb.connect() as connection:
            frame = connection.execute(
                f"SELECT {values} FROM {reader_sql(path, names=columns)}"
            ).df()
    frame.columns = list(columns)  # the file's columns in order, as the table spells them
    insert_frame(engine, schema, table, frame)


_INTEGERS = ("smallint", "integer", "bigint", "tinyint", "utinyint")
_TEXT = ("character varying", "character", "text", "varchar")
_UNNAMED = ("user-defined", "array")
"""What information_schema says of a type it cannot name (citext, enums, arrays): such
columns keep the assignment cast."""


def _assigned(name: str, series: pd.Series, column_type: str | None) -> str:
    """The frame column ``name`` (holding ``series``) as the table's column of
    ``column_type`` takes it."""
    if column_type is None:
        return name
    if _is_boolean(series) and column_type in _INTEGERS:
        return f"CAST(CAST({name} AS INTEGER) AS {column_type})"
    if series.dtype.kind == "O" and column_type not in _TEXT + _UNNAMED:
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
            _assigned(name, frame[column], types.get(str(column).lower()))
            for name, column in zip(names, frame.columns, strict=True)
        ]
    with engine.explicit_identity_values(schema, table):
        engine.insert_frame(schema, table, frame, expressions)


def _is_boolean(series: pd.Series) -> bool:
    """A column of booleans: numpy's ``bool``, pandas' nullable ``boolean``, or objects
    that are all True, False or missing (Parquet's booleans with nulls)."""
    if series.dtype == bool or str(series.dtype) == "boolean":
        return True
    if series.dtype != object:
        return False
    present = series.dropna()
    return not present.empty and all(isinstance(value, bool) for value in present)
