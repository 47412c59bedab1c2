"""SQL Server's words for error 208, ``Invalid object name 'dbo.t'.``, instead of the engine's
(``Catalog Error: Table with name t does not exist!``, ``relation "dbo.t" does not exist``),
so a failed step reads alike on every engine and ``ERROR_MESSAGE()`` gives what SQL Server
gives. The name is the one the statement wrote, found by the table the engine names."""

from __future__ import annotations

import re

from sqlglot import exp

from etlcheck.tsql.parsing import CompileError, parse_tsql

_ENGINE_NAME = re.compile(r'(?:Table with name|relation) "?([^"!\s]+)"? does not exist')
_CASE_HINT = re.compile(r"\(on PostgreSQL [^)]*\)")


def invalid_object_message(engine_message: str, statement: str) -> str | None:
    """``Invalid object name '<name as written>'.`` for an engine's unknown-table error in
    ``statement``, or None when the engine's message names no table the statement has."""
    found = _ENGINE_NAME.search(engine_message)
    if found is None:
        return None
    parts = found.group(1).split(".")
    name = parts[-1].lower()
    schema = parts[-2].lower() if len(parts) > 1 and parts[-2].lower() != "pg_temp" else None
    try:
        tree = parse_tsql(statement)
    except CompileError:
        return None
    for table in tree.find_all(exp.Table):
        written = _written(table)
        if written is None:
            continue
        if written[-1].lower().lstrip("#") != name.lstrip("#"):
            continue
        if schema is not None and (len(written) < 2 or written[-2].lower() != schema):
            continue
        hint = _CASE_HINT.search(engine_message)
        message = f"Invalid object name '{'.'.join(written)}'."
        return f"{message} {hint.group(0)}" if hint else message
    return None


def _written(table: exp.Table) -> list[str] | None:
    """The parts of a table's name as T-SQL writes them (``#t`` with its sign)."""
    identifier = table.this
    if not isinstance(identifier, exp.Identifier):
        return None
    if identifier.args.get("global_"):
        return ["##" + identifier.name]
    if identifier.args.get("temporary"):
        return ["#" + identifier.name]
    return [part.name for part in table.parts]
