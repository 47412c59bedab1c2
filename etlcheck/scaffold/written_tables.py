"""Tables a script writes (INSERT, UPDATE, MERGE, SELECT ... INTO), found by the parser, so
that ``etlcheck init`` can write a key suite for a table the pipeline loads but does not
create: a data vault's hubs and satellites declared in ``db/`` and filled by the steps."""

from __future__ import annotations

from pathlib import Path

from sqlglot import errors, exp

from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.nodes import Sql, nodes_of
from etlcheck.tsql.parsing import CompileError, parse_tsql
from etlcheck.tsql.plan import table_name
from etlcheck.tsql.statements import read_batch
from etlcheck.tsql.table_names import TableName
from etlcheck.tsql.tokens import SplitError

WRITING_WORDS = frozenset({"INSERT", "UPDATE", "MERGE", "SELECT", "WITH"})
"""Statements that may write a table (``WITH`` leads an INSERT, UPDATE or MERGE too)."""


def written_tables(text: str, path: Path | str) -> list[TableName]:
    """``(schema, table)`` of every permanent table the script writes, in order, once each;
    statements inside procedure bodies count. A statement the parser cannot read names
    nothing here (``etlcheck lint`` reports it)."""
    found: dict[tuple[str, str], TableName] = {}
    for batch in split_batches(text, path):
        try:
            block = read_batch(batch.text).block
        except SplitError:
            continue
        for statement in nodes_of(block, Sql):
            target = _target(statement)
            if target is not None:
                found.setdefault((target[0].lower(), target[1].lower()), target)
    return list(found.values())


def _target(statement: Sql) -> TableName | None:
    if statement.word not in WRITING_WORDS:
        return None
    try:
        tree = parse_tsql(statement.fragment.text)
    except (CompileError, errors.SqlglotError):
        return None
    if isinstance(tree, exp.Select):
        into = tree.args.get("into")
        table = into.this if isinstance(into, exp.Into) else None
    elif isinstance(tree, (exp.Insert, exp.Update, exp.Merge)):
        table = tree.this.this if isinstance(tree.this, exp.Schema) else tree.this
        if isinstance(tree, exp.Update) and isinstance(table, exp.Table):
            table = _aliased(tree, table)
    else:
        return None
    name = table_name(table)
    if name is None or name[0] == "#":
        return None
    return name


def _aliased(update: exp.Update, target: exp.Table) -> exp.Table:
    """``UPDATE h SET ... FROM dv.hub AS h``: the table behind the alias ``h``."""
    if target.db:
        return target
    for table in update.find_all(exp.Table):
        if table is not target and table.alias and table.alias.lower() == target.name.lower():
            return table
    return target
