"""Which row of a CSV holds the value a table refused, when the engine's message does not
say (DuckDB names the line only for what its reader converts itself).

The file is read again by an in-process DuckDB, as text, and each column is tried with
the type the table gives it: the first row whose value does not convert, or that is
NULL in a NOT NULL column, is the one named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from etlcheck.seeding.catalog import ColumnInfo
from etlcheck.seeding.csv_text import value_sql
from etlcheck.seeding.loaders import reader_sql


@dataclass(frozen=True)
class BadValue:
    row: int
    """1-based, counting data rows (a quoted value may span lines)."""
    column: str
    value: str | None

    def __str__(self) -> str:
        shown = "NULL" if self.value is None else repr(self.value)
        return f"data row {self.row}, column {self.column}: {shown}"


def find_bad_value(path: Path, columns: Sequence[str], table: list[ColumnInfo]) -> BadValue | None:
    """The first value of ``path`` (a UTF-8 CSV whose columns are ``columns``, as the
    table spells them) that a DuckDB table of ``table``'s columns would refuse."""
    import duckdb

    kinds = {column.name: column for column in table}
    tests = []
    for index, name in enumerate(columns):
        info = kinds.get(name)
        if info is None:
            continue
        field = f"c{index}"
        refused = f"{field} IS NULL" if not info.nullable else "FALSE"
        converted = value_sql(field, info.data_type, for_text_copy=False)
        try_cast = (
            f"({field} IS NOT NULL AND TRY_CAST(TRY({converted}) AS {info.data_type}) IS NULL)"
        )
        tests.append((name, field, f"{refused} OR {try_cast}"))
    if not tests:
        return None
    fields = [field for _, field, _ in tests]
    source = reader_sql(path, names=[f"c{i}" for i in range(len(columns))])
    with duckdb.connect() as reader:
        for name, field, condition in tests:
            try:
                found = reader.execute(
                    f"SELECT row, {field} FROM (SELECT row_number() OVER () AS row, "
                    f"{', '.join(fields)} FROM {source}) WHERE {condition} ORDER BY row LIMIT 1"
                ).fetchone()
            except duckdb.Error:
                continue
            if found is not None:
                return BadValue(int(found[0]), name, None if found[1] is None else str(found[1]))
    return None
