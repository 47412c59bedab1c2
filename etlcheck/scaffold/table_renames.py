"""Tables a script renames with ``EXEC sp_rename`` (constant arguments), so that
``etlcheck init`` writes a table's suite under the name it has after the run: the
swap-table pattern loads ``DimX_new`` and renames it to ``DimX``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from etlcheck.table_layouts import TableLayout
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.calls import read_call
from etlcheck.tsql.nodes import Command, nodes_of
from etlcheck.tsql.renames import renamed_table
from etlcheck.tsql.statements import read_batch
from etlcheck.tsql.tokens import SplitError

Rename = tuple[str, str, str]
"""``(schema, old name, new name)``; the schema ``dbo`` when the script names none."""


def table_renames(text: str, path: Path | str) -> list[Rename]:
    """The table renames of a script, in order."""
    found: list[Rename] = []
    for batch in split_batches(text, path):
        try:
            block = read_batch(batch.text).block
        except SplitError:
            continue
        for command in nodes_of(block, Command):
            if command.word not in ("EXEC", "EXECUTE"):
                continue
            try:
                renamed = renamed_table(read_call(command))
            except SplitError:
                continue
            if renamed is not None:
                parts, new = renamed
                schema = parts[-2] if len(parts) >= 2 and parts[-2] else "dbo"
                found.append((schema, parts[-1], new))
    return found


def renamed_layouts(tables: list[TableLayout], renames: list[Rename]) -> list[TableLayout]:
    """``tables`` with each rename applied, in order, to the table it names."""
    result = list(tables)
    for schema, old, new in renames:
        for index, table in enumerate(result):
            same_schema = (table.schema or "dbo").lower() == schema.lower()
            if same_schema and table.table.lower() == old.lower():
                result[index] = dataclasses.replace(table, table=new)
    return result
