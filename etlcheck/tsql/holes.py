"""Holes: what of a T-SQL statement is known only when it runs.

Variables (``@v``), system values (``@@ROWCOUNT``), the functions whose value the
session knows (``ERROR_MESSAGE()``, ``XACT_STATE()``) and ``OBJECT_ID``/``SCHEMA_ID`` of
constants become *holes*, named columns the compiler's template leaves open and the
interpreter fills with literals on every run. A table variable (``FROM @t``) becomes the
engine temp table its declaration made, named by the type the scope gives it
(``TABLE <name>``), which is part of the compiled statement's cache key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlglot import exp

from etlcheck.tsql.nodes import words
from etlcheck.tsql.parsing import CompileError

HOLE = "__etlcheck_hole_{}__"
HOLE_PATTERN = re.compile(r'"__etlcheck_hole_(\d+)__"')
ASSIGN = "__etlcheck_assign_{}__"
ERROR_FUNCTIONS = words(
    """ERROR_MESSAGE ERROR_NUMBER ERROR_LINE ERROR_SEVERITY ERROR_STATE ERROR_PROCEDURE
    XACT_STATE SCOPE_IDENTITY"""
)
"""Functions whose value the session (or, for SCOPE_IDENTITY, the scope) knows: holes
like variables."""
SYSTEM_VALUES = words(
    """@@ROWCOUNT @@ERROR @@TRANCOUNT @@NESTLEVEL @@FETCH_STATUS @@OPTIONS @@PROCID
    @@SERVERNAME @@SPID @@IDENTITY @@DATEFIRST"""
)
"""The ``@@`` values the interpreter knows; any other is refused before anything runs."""
TABLE_TYPE_PREFIX = "TABLE "
"""A table variable's type in a scope: ``TABLE`` and the engine table that holds it."""
TABLE_VARIABLE = "__etlcheck_table_variable_{}__"


@dataclass(frozen=True)
class Parsed:
    """A statement's tree with its holes taken out, and what they are."""

    tree: exp.Expression
    holes: tuple[str, ...]
    assigned: tuple[str, ...]
    tables: tuple[str, ...] = ()
    """Table variables named where a table goes, in the order of ``table_nodes``."""
    table_nodes: tuple[exp.Identifier, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every variable whose declared type the compiled statement depends on (those it
        assigns too: the value is converted to their type)."""
        return self.holes + self.tables + self.assigned


def variable_name(node: exp.Parameter) -> str:
    name = "@"
    inner: exp.Expression = node.this
    if isinstance(inner, exp.Parameter):
        name += "@"
        inner = inner.this
    return name + inner.name


def hole_column(index: int) -> exp.Column:
    return exp.column(exp.to_identifier(HOLE.format(index), quoted=True))


def catalog_hole(node: exp.Expression) -> str | None:
    """``OBJECT_ID('x.y'[, 'U'])`` / ``SCHEMA_ID('x')`` with constants: answered from a cache."""
    if isinstance(node, exp.ObjectId):
        arguments = [node.this, node.args.get("expression")]
        kind = "OBJECT_ID"
    elif isinstance(node, exp.Anonymous) and node.name.upper() == "SCHEMA_ID":
        arguments = list(node.expressions) or [None]
        kind = "SCHEMA_ID"
    else:
        return None
    values = []
    for argument in arguments:
        if argument is None:
            values.append("")
        elif (isinstance(argument, exp.Literal) and argument.is_string) or isinstance(
            argument, exp.National
        ):
            values.append(argument.name)
        else:
            return None
    if len(values) > 2:
        return None
    return "|".join([kind, *values])


def take_table_variables(tree: exp.Expression) -> tuple[list[str], list[exp.Identifier]]:
    """Replace each ``@t`` where a table goes by a temp-table name to be filled in."""
    names: list[str] = []
    nodes: list[exp.Identifier] = []
    for table in list(tree.find_all(exp.Table)):
        if isinstance(table.this, exp.Parameter):
            identifier = exp.Identifier(this=TABLE_VARIABLE.format(len(nodes)), temporary=True)
            names.append(variable_name(table.this))
            nodes.append(identifier)
            table.set("this", identifier)
    into = tree.args.get("into") if isinstance(tree, exp.Select) else None
    if isinstance(into, exp.Into) and isinstance(into.this, exp.Table):
        name = into.this.this
        if isinstance(name, exp.Identifier) and name.args.get("global_"):
            into.set("temporary", True)  # SELECT ... INTO ##t makes a temp table, as #t does
    created = tree.this if isinstance(tree, exp.Create) else None
    if isinstance(created, exp.Schema):
        created = created.this
    global_temp = (
        isinstance(created, exp.Table)
        and isinstance(created.this, exp.Identifier)
        and bool(created.this.args.get("global_"))
    )
    if (
        (nodes or global_temp)
        and isinstance(tree, exp.Create)
        and not tree.find(exp.TemporaryProperty)
    ):
        properties = tree.args.get("properties") or exp.Properties(expressions=[])
        properties.append("expressions", exp.TemporaryProperty())
        tree.set("properties", properties)  # as sqlglot reads CREATE TABLE #t
    return names, nodes


def check_holes(holes: tuple[str, ...]) -> None:
    """CompileError for an ``@@`` value the interpreter does not know."""
    for name in holes:
        if name.startswith("@@") and name.upper() not in SYSTEM_VALUES:
            upper = name.upper()
            raise CompileError(
                f"{upper}: this system function is not emulated", upper, word=name[2:]
            )


def table_variable_engine_name(type_text: str) -> str | None:
    """The engine table of a table variable whose scope type is ``type_text``, or None."""
    if type_text.startswith(TABLE_TYPE_PREFIX):
        return type_text[len(TABLE_TYPE_PREFIX) :]
    return None


def fill_table_variables(parsed: Parsed, types: Mapping[str, str]) -> list[tuple[int, str]]:
    """Name each table variable's temp table; SQL Server's error 1087 (number, message)
    for one that is not declared as a table, which the statement raises when it runs."""
    errors: list[tuple[int, str]] = []
    for name, node in zip(parsed.tables, parsed.table_nodes, strict=True):
        engine_name = table_variable_engine_name(types.get(name, ""))
        if engine_name is None:
            errors.append((1087, f'Must declare the table variable "{name}".'))
            engine_name = name
        node.set("this", engine_name)
    return errors


def table_variables_written(tree: exp.Expression, parsed: Parsed) -> tuple[str, ...]:
    """The table variables ``tree`` inserts into, updates, deletes from or merges into,
    and the one its OUTPUT ... INTO fills."""
    if not parsed.tables:
        return ()
    targets: list[exp.Expression | None] = []
    if isinstance(tree, (exp.Insert, exp.Update, exp.Delete, exp.Merge)):
        targets.append(tree.this)
        returning = tree.args.get("returning")
        if isinstance(returning, exp.Returning):
            targets.append(returning.args.get("into"))
    written: list[str] = []
    for target in targets:
        table = target.this if isinstance(target, exp.Schema) else target
        if isinstance(table, exp.Table) and isinstance(table.this, exp.Identifier):
            for name, node in zip(parsed.tables, parsed.table_nodes, strict=True):
                if table.this is node and name not in written:
                    written.append(name)
    return tuple(written)


def hole_type(column: exp.Column, holes: tuple[str, ...], types: dict[str, str]) -> str | None:
    match = HOLE_PATTERN.fullmatch(f'"{column.name}"')
    if match is None:
        return None
    name = holes[int(match.group(1))]
    if name in ("ERROR_MESSAGE()", "ERROR_PROCEDURE()", "@@SERVERNAME"):
        return "NVARCHAR"
    if name.startswith(("ERROR_", "@@", "OBJECT_ID|", "SCHEMA_ID|", "XACT_STATE")):
        return "INT"
    return types.get(name) or None
