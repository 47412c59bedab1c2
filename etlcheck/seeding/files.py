"""Files seed source: ``<schema>.<table>.csv`` and ``.parquet`` files in a folder.

Types come from the table's DDL where one exists (a DDL seed source ran first, or a
pipeline script creates the table), else from the file: Parquet's own types, or what
DuckDB's CSV reader infers. A header must name the table's columns; a column the file
leaves out must allow NULL or have a default.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from sqlglot import exp

from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.seeding.bad_values import find_bad_value
from etlcheck.seeding.catalog import ColumnInfo, actual_name, columns_of, row_count
from etlcheck.seeding.csv_text import detect_encoding, header_name, utf8_csv
from etlcheck.seeding.ddl import file_record, shown
from etlcheck.seeding.loaders import describe_file, insert_frame, load_through_frame
from etlcheck.seeding.summary import SeededFile, SeededTable, SourceRecord
from etlcheck.values import is_plain_identifier

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.config import Config
    from etlcheck.engines.base import Engine
    from etlcheck.table_layouts import TableLayout

DATA_SUFFIXES = (".csv", ".parquet")


def data_files(folder: Path) -> list[Path]:
    """The data files of a folder, in name order (not its sub-folders)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DATA_SUFFIXES)


def table_of_file(path: Path) -> tuple[str, str]:
    """``dbo.Brokers.csv`` -> ``("dbo", "Brokers")``; any other name is an error."""
    schema, dot, table = path.stem.partition(".")
    if not dot or not table or not is_plain_identifier(schema):
        raise ConfigError(
            f"cannot tell which table {path.name} fills",
            SourceLocation(path),
            f"name it <schema>.<table>{path.suffix}, e.g. dbo.Customers{path.suffix}",
        )
    return schema, table


def load_folder(engine: Engine, config: Config, folder: Path) -> SourceRecord:
    files = data_files(folder)
    if not files:
        raise ConfigError(
            f"files seed source {folder} holds no .csv or .parquet files",
            SourceLocation(folder),
            "add <schema>.<table>.csv files, or remove the source",
        )
    record = load_files(engine, config, [(path, None) for path in files])
    return SourceRecord(
        "files",
        shown(folder, config.root),
        record.files,
        record.tables,
        record.seconds,
        warnings=record.warnings,
    )


def load_files(
    engine: Engine, config: Config, files: Sequence[tuple[Path, str | None]]
) -> SourceRecord:
    """Load each (file, ``schema.table`` or None for the file's name) in order."""
    began = time.perf_counter()
    layouts: dict[tuple[str, str], TableLayout] | None = None
    seeded: list[SeededFile] = []
    tables: list[SeededTable] = []
    warnings: list[str] = []
    for path, name in files:
        schema, table = name.split(".", 1) if name else table_of_file(path)
        engine.create_schema(schema)
        encoding = detect_encoding(path) if path.suffix.lower() == ".csv" else None
        if encoding is not None and encoding.codec == "cp1252":
            warnings.append(
                f"{shown(path, config.root)} is not UTF-8 and has no byte-order mark: it was "
                "read as Windows-1252 (save it as UTF-8 if it is in another encoding)"
            )
        with utf8_csv(path, encoding) if encoding is not None else nullcontext(path) as readable:
            if actual_name(engine, schema, table) is None:
                if layouts is None:
                    layouts = _pipeline_layouts(config)
                warnings += _create_table(engine, config, (path, readable), schema, table, layouts)
            found = actual_name(engine, schema, table)
            assert found is not None
            columns = _checked_header(path, readable, found, columns_of(engine, *found))
            _load(engine, path, readable, found, columns)
        engine.continue_identity(*found)
        seeded.append(file_record(path, config.root))
        tables.append(SeededTable(*found, rows=row_count(engine, *found), source=seeded[-1].path))
    return SourceRecord(
        "files",
        ", ".join(f.path for f in seeded),
        tuple(seeded),
        tuple(tables),
        time.perf_counter() - began,
        warnings=tuple(warnings),
    )


def _load(
    engine: Engine, path: Path, readable: Path, table: tuple[str, str], columns: list[str]
) -> None:
    """Load ``readable`` (``path`` or its UTF-8 copy) into ``table``; a value the table
    cannot hold is named with the line of ``path`` it is on."""
    try:
        if engine.loads_files:
            engine.load_file(readable, *table, columns)
        else:
            load_through_frame(engine, readable, *table, columns)
    except Exception as error:  # the engine's own message says which value
        line, detail = load_error(error)
        if not line and path.suffix.lower() == ".csv":
            bad = find_bad_value(readable, columns, columns_of(engine, *table))
            detail = f"{detail} ({bad})" if bad is not None else detail
        raise ConfigError(
            f"cannot load {path.name} into {table[0]}.{table[1]}: {detail}",
            SourceLocation(path, line),
            "fix the value in the file, or the column's type in the DDL",
        ) from None


def load_dataframe(
    engine: Engine, config: Config, schema: str, table: str, frame: pd.DataFrame, source: str
) -> SeededTable:
    """Append ``frame`` to ``schema.table``, creating it from the frame when it is new."""
    engine.create_schema(schema)
    found = actual_name(engine, schema, table)
    if found is None:
        engine.load_frame(schema, table, frame)
        found = actual_name(engine, schema, table)
        assert found is not None
    else:
        known = {c.name.lower(): c.name for c in columns_of(engine, *found)}
        missing = [str(c) for c in frame.columns if str(c).lower() not in known]
        if missing:
            raise ConfigError(
                f"{source}: columns {', '.join(missing)} are not columns of {found[0]}.{found[1]}",
                hint="rename the DataFrame's columns after the table's",
            )
        renamed = frame.rename(columns={c: known[str(c).lower()] for c in frame.columns})
        insert_frame(engine, *found, renamed)
        engine.continue_identity(*found)
    return SeededTable(*found, rows=row_count(engine, *found), source=source)


def _pipeline_layouts(config: Config) -> dict[tuple[str, str], TableLayout]:
    from etlcheck.pipeline import Pipeline
    from etlcheck.table_layouts import layouts_in_scripts

    steps = [step.path for step in Pipeline.from_config(config).scripts if step.path.is_file()]
    return layouts_in_scripts(steps)


def _create_table(
    engine: Engine,
    config: Config,
    file: tuple[Path, Path],
    schema: str,
    table: str,
    layouts: dict[tuple[str, str], TableLayout],
) -> list[str]:
    """Create a table no DDL source created: from the pipeline's own CREATE TABLE, else
    with the types the file (its UTF-8 copy, ``file[1]``) holds. Returns what a person
    should know about the types."""
    path, readable = file
    layout = layouts.get((schema.lower(), table.lower()))
    if layout is not None and layout.statement:
        engine.run_script(layout.statement, path)
        return []
    described = describe_file(readable)
    rows = max((count for _, _, count in described), default=0)
    if rows == 0:
        raise ConfigError(
            f"no DDL or script creates {schema}.{table}, and {path.name} has no rows to "
            "infer its column types from",
            SourceLocation(path),
            f"add CREATE TABLE {schema}.{table} to a DDL seed source (db/), or rows to the file",
        )
    try:
        engine.execute(inferred_create_sql(engine, schema, table, described))
    except Exception as error:  # a type the engine lacks: the engine's message names it
        raise ConfigError(
            f"cannot create {schema}.{table} with the types {path.name} holds: "
            f"{str(error).strip().splitlines()[0]}",
            SourceLocation(path),
            f"declare {schema}.{table} in a DDL seed source (db/)",
        ) from None
    return [
        f"{shown(path, config.root)}: column {name} holds no values; it was created as "
        f"{kind} (declare {schema}.{table} in a DDL seed source for another type)"
        for name, kind, count in ((header_name(n), k, c) for n, k, c in described)
        if count == 0
    ]


def inferred_create_sql(
    engine: Engine | type[Engine], schema: str, table: str, described: list[tuple[str, str, int]]
) -> str:
    """CREATE TABLE for the columns DuckDB's reader found in a file, in the engine's dialect.
    Text without a length is the engine's ``text_type`` where the engine speaks T-SQL (a
    bare VARCHAR there holds one character)."""
    dialect = engine.dialect
    columns = []
    for name, kind, _ in described:
        name = header_name(name)
        data_type = exp.DataType.build(kind, dialect="duckdb")
        if dialect != "duckdb":
            data_type = _portable(data_type)
        unbounded = data_type.is_type(*exp.DataType.TEXT_TYPES) and not data_type.expressions
        if unbounded and not engine.interprets_tsql:
            data_type = exp.DataType.build(engine.text_type, dialect=dialect)
        columns.append(exp.ColumnDef(this=exp.to_identifier(name, quoted=True), kind=data_type))
    target = exp.Table(
        this=exp.to_identifier(table, quoted=True), db=exp.to_identifier(schema, quoted=True)
    )
    create = exp.Create(kind="TABLE", this=exp.Schema(this=target, expressions=columns))
    return create.sql(dialect=dialect)


_PORTABLE = {
    exp.DataType.Type.TIMESTAMP_NS: "TIMESTAMP",
    exp.DataType.Type.TIMESTAMP_MS: "TIMESTAMP",
    exp.DataType.Type.TIMESTAMP_S: "TIMESTAMP",
    exp.DataType.Type.UTINYINT: "SMALLINT",
    exp.DataType.Type.USMALLINT: "INT",
    exp.DataType.Type.UINT: "BIGINT",
    exp.DataType.Type.UBIGINT: "DECIMAL(20, 0)",
    exp.DataType.Type.INT128: "DECIMAL(38, 0)",
    exp.DataType.Type.UINT128: "DECIMAL(38, 0)",
}
"""DuckDB's own types a file's reader may find (Parquet written by pandas holds
nanosecond timestamps), as types every engine has."""


def _portable(data_type: exp.DataType) -> exp.DataType:
    replacement = _PORTABLE.get(data_type.this)
    return exp.DataType.build(replacement) if replacement else data_type


def _checked_header(
    path: Path, readable: Path, table: tuple[str, str], columns: list[ColumnInfo]
) -> list[str]:
    """The file's columns as the table spells them, in the file's order."""
    header = _header(path, readable)
    by_name = {column.name.lower(): column for column in columns}
    shown_table = f"{table[0]}.{table[1]}"
    names = ", ".join(column.name for column in columns)
    seen: set[str] = set()
    for index, name in enumerate(header):
        where = SourceLocation(path, 1, index + 1) if path.suffix.lower() == ".csv" else None
        if name.lower() in seen:
            raise ConfigError(f"column {name!r} appears twice in {path.name}", where)
        seen.add(name.lower())
        if name.lower() not in by_name:
            raise ConfigError(
                f"{path.name}: column {name!r} is not a column of {shown_table}",
                where or SourceLocation(path),
                f"the header must name columns of {shown_table}: {names}",
            )
    required = [c.name for c in columns if not c.may_be_left_out and c.name.lower() not in seen]
    if required:
        raise ConfigError(
            f"{path.name} lacks column(s) {', '.join(required)}, which {shown_table} needs "
            "(NOT NULL, no default)",
            SourceLocation(path, 1, 1),
            f"the header must name columns of {shown_table}: {names}",
        )
    return [by_name[name.lower()].name for name in header]


def _header(path: Path, readable: Path) -> list[str]:
    """The column names of ``path``'s header, read from ``readable`` (its UTF-8 copy)."""
    if path.suffix.lower() == ".parquet":
        return [name for name, _, _ in describe_file(path)]
    with readable.open(encoding="utf-8-sig", newline="") as handle:
        try:
            first = next(csv.reader(handle), [])
        except (csv.Error, UnicodeDecodeError) as error:
            raise ConfigError(
                f"cannot read the header of {path.name}: {error}", SourceLocation(path, 1)
            ) from None
    names = [header_name(field) for field in first]
    other = next((mark for mark in ("\t", ";", "|") if len(names) == 1 and mark in names[0]), None)
    if other is not None:
        raise ConfigError(
            f"{path.name} is separated by {other!r}, not by commas",
            SourceLocation(path, 1),
            "export it comma-separated, or as Parquet",
        )
    if not names or any(not name for name in names):
        raise ConfigError(
            f"{path.name} has no header row (or an empty column name)",
            SourceLocation(path, 1),
            "the first line must name the table's columns",
        )
    return names


_DETAILS = ("Error when converting", "Expected Number of Columns", "Value with unterminated")


def load_error(error: Exception) -> tuple[int, str]:
    """(line of the file, what went wrong) from an engine's message about a bulk load:
    DuckDB's "CSV Error on Line: N … Error when converting column …", PostgreSQL's
    "invalid input syntax … CONTEXT: COPY t, line N, column c"."""
    text = str(error).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = re.search(r"(?:CSV Error on Line: |COPY [^,]+, line )(\d+)", text)
    detail = next((line for line in lines if line.startswith(_DETAILS)), None)
    return (int(found.group(1)) if found else 0), (detail or (lines[0] if lines else repr(error)))
