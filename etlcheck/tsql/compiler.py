"""Compile one T-SQL statement to the target dialect through sqlglot, cached by text.

Variables (``@v``), system functions (``@@ROWCOUNT``) and the error functions of a
CATCH block (``ERROR_MESSAGE()``...) become *holes*: the compiled SQL is cached once
and the interpreter fills the holes with literals on every run. A table variable
(``FROM @t``) becomes the engine temp table its declaration made, named by the type the
scope gives it (``TABLE <name>``), which is part of the cache key like any variable's
type. Everything specific to a target engine lives in its ``Emulation``
(``etlcheck.tsql.emulation``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlglot import exp
from sqlglot.errors import ParseError

from etlcheck import workcache
from etlcheck.tsql.catalog import TableEffect, TableName
from etlcheck.tsql.concatenation import concatenate_strings
from etlcheck.tsql.holes import (
    ASSIGN,
    ERROR_FUNCTIONS,
    HOLE_PATTERN,
    Parsed,
    catalog_hole,
    check_holes,
    fill_table_variables,
    hole_column,
    hole_type,
    table_variables_written,
    take_table_variables,
    variable_name,
)
from etlcheck.tsql.keys import Written
from etlcheck.tsql.parsing import CompileError as CompileError
from etlcheck.tsql.parsing import parse_tsql as parse_tsql
from etlcheck.tsql.plan import TSQL_TYPE, Check, OutputInto, Plan, table_name

if TYPE_CHECKING:
    from etlcheck.tsql.emulation import Emulation


@dataclass(frozen=True)
class Template:
    """Target-dialect SQL with holes for values known only at run time."""

    parts: tuple[str, ...]
    holes: tuple[str, ...] = ()

    def render(self, value_of: Callable[[str], str]) -> str:
        if not self.holes:
            return self.parts[0]
        pieces = [self.parts[0]]
        for hole, part in zip(self.holes, self.parts[1:], strict=True):
            pieces.append(value_of(hole))
            pieces.append(part)
        return "".join(pieces)


@dataclass(frozen=True)
class Compiled:
    """A statement ready to run: ``steps`` in order; the rows of ``main`` are the statement's."""

    kind: str
    """'dml' (counts rows), 'query' (returns rows), 'assign' (SELECT @v = ...) or 'ddl'."""
    steps: tuple[Template, ...]
    main: int = 0
    assigned: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()
    variables: tuple[str, ...] = ()
    changes_catalog: bool = False
    written: Written | None = None
    """The table a DML statement writes, when the interpreter enforces its keys."""
    reads_tables: bool = True
    """False for a query of expressions only (no FROM, no subquery over a table)."""
    table_effect: TableEffect | None = None
    """For a statement that only creates or drops tables: what it did."""
    null_test: tuple[str, bool] | None = None
    """``(hole, negated)`` when the statement is ``condition_statement("<hole> IS [NOT] NULL")``:
    the interpreter answers it from the hole's value without a round trip."""
    output_step: int | None = None
    """The step whose rows are the statement's OUTPUT rows (the DML itself when it has a
    RETURNING clause: then its rows counted are the rows it returned)."""
    output_into: OutputInto | None = None
    """Where OUTPUT ... INTO puts those rows."""
    counted_step: int | None = None
    """A step after the statement whose one value adds to the rows it changed."""
    writes_table_variables: tuple[str, ...] = ()
    """Table variables the statement writes (``INSERT @t``, ``OUTPUT ... INTO @t``)."""
    inserts_into: Written | None = None
    """The table whose identity values SCOPE_IDENTITY() and @@IDENTITY follow."""
    own_transaction: bool = False
    """True when the steps run in a transaction of their own outside one (``Plan``)."""


_HOLES: dict[str, tuple[str, ...]] = {}
_COMPILED: dict[tuple[object, ...], Compiled] = {}
workcache.register("tsql.holes", _HOLES)
workcache.register("tsql.compiled", _COMPILED)


def parse_with_holes(text: str) -> Parsed:
    """One statement parsed, its variables, system and error functions turned into holes
    and its table variables taken out (cached by text in ``_HOLES``)."""
    tree = parse_tsql(text)
    holes: list[str] = []
    assigned: list[str] = []
    tables, table_nodes = take_table_variables(tree)
    if isinstance(tree, exp.Select):
        for position, projection in enumerate(tree.expressions):
            if isinstance(projection, exp.EQ) and isinstance(projection.this, exp.Parameter):
                _refuse_row_by_row(tree, projection)
                assigned.append(variable_name(projection.this))
                alias = exp.alias_(projection.expression, ASSIGN.format(position))
                projection.replace(alias)

    def replace(node: exp.Expression) -> exp.Expression:
        name = None
        if isinstance(node, exp.Parameter):
            name = variable_name(node)
        elif isinstance(node, exp.Anonymous) and node.name.upper() in ERROR_FUNCTIONS:
            name = node.name.upper() + "()"
        else:
            name = catalog_hole(node)
        if name is None:
            return node
        holes.append(name)
        return hole_column(len(holes) - 1)

    tree = tree.transform(replace, copy=False)
    parsed = Parsed(tree, tuple(holes), tuple(assigned), tuple(tables), tuple(table_nodes))
    _HOLES[text] = parsed.names
    return parsed


def _refuse_row_by_row(select: exp.Select, assignment: exp.EQ) -> None:
    """``SELECT @s = @s + name FROM t``: SQL Server assigns row after row, each row reading
    what the one before left (a list or a total built up); the statement here assigns once,
    from every row's view of the starting value, so it would keep the last row's alone.
    Refused where more than one row can come (a FROM without an aggregate, or grouped)."""
    name = variable_name(assignment.this)
    reads_itself = any(
        variable_name(node) == name for node in assignment.expression.find_all(exp.Parameter)
    )
    if not reads_itself or select.args.get("from_") is None:
        return
    limit = select.args.get("limit")
    one_row = isinstance(limit, exp.Limit) and limit.expression.name == "1"
    aggregated = select.find(exp.AggFunc) is not None and select.args.get("group") is None
    if one_row or aggregated:
        return
    raise CompileError(
        f"SELECT {name} = … {name} … FROM: an assignment that reads its own variable row "
        "after row (a list or a total built up) is not emulated; build it with STRING_AGG "
        "or SUM",
        f"SELECT {name} = … {name}",
        word=name.lstrip("@"),
    )


_UNCONVERTED = frozenset(["", "TABLE", "CURSOR", "SQL_VARIANT"])


def converted_on_assignment(parsed: Parsed, types: Mapping[str, str]) -> None:
    """``SELECT @v = expression``: the value converted to ``@v``'s declared type, as ``SET``
    converts it (``SELECT @i = 12.7`` of an ``INT`` is 12, of a ``TINYINT`` 300 fails)."""
    if not parsed.assigned or not isinstance(parsed.tree, exp.Select):
        return
    names = iter(parsed.assigned)
    for index, projection in enumerate(parsed.tree.expressions):
        if not (isinstance(projection, exp.Alias) and projection.alias == ASSIGN.format(index)):
            continue
        type_text = types.get(next(names, ""), "")
        base = re.split(r"[\s(]", type_text.strip(), maxsplit=1)[0].upper()
        if base in _UNCONVERTED or "." in type_text:
            continue
        try:
            to = exp.DataType.build(type_text, dialect="tsql")
        except ParseError:
            continue
        projection.set("this", exp.Cast(this=projection.this, to=to))


def compiled_dialects() -> set[str]:
    """The dialects the compiled-statement memo holds entries for."""
    return {str(key[0]) for key in _COMPILED}


def compile_statement(
    text: str,
    emulation: Emulation,
    variable_types: Mapping[str, str],
    *,
    unknown_add_is_concat: bool = False,
) -> Compiled:
    """Compile ``text`` (one T-SQL statement) for ``emulation``'s dialect, cached."""
    parsed: Parsed | None = None
    names = _HOLES.get(text)
    if names is None:
        parsed = parse_with_holes(text)
        names = parsed.names
    types = tuple(variable_types.get(name, "") for name in names)
    key = (emulation.dialect, text, types, unknown_add_is_concat)
    cached = _COMPILED.get(key)
    if cached is not None:
        return cached
    if parsed is None:
        parsed = parse_with_holes(text)
    hole_types = dict(zip(parsed.names, types, strict=True))
    check_holes(parsed.holes)
    undeclared = [
        Check("error", json.dumps([number, message]))
        for number, message in fill_table_variables(parsed, hole_types)
    ]
    converted_on_assignment(parsed, hole_types)
    written = table_variables_written(parsed.tree, parsed)
    tree = concatenate_strings(
        parsed.tree,
        lambda column: hole_type(column, parsed.holes, hole_types),
        unknown_add_is_concat,
    )
    for column in tree.find_all(exp.Column):
        declared = hole_type(column, parsed.holes, hole_types)
        if declared:
            column.meta[TSQL_TYPE] = declared
    tables = _table_target(tree)
    plan = emulation.plan(tree)
    plan.checks.extend(undeclared)
    if parsed.assigned:
        plan.kind = "assign"
    changes_catalog = (plan.kind == "ddl" and not isinstance(tree, exp.TruncateTable)) or (
        isinstance(plan.tree, exp.Create) or bool(tree.args.get("into"))
    )
    reads_tables = plan.tree.find(exp.Table) is not None
    table_effect = _table_effect(tables, plan)
    null_test = _null_test(plan, parsed.holes)
    # The trees are this call's own (parsed afresh above) and not read after this point,
    # so the generator may work on them in place instead of copying each one first.
    steps = [
        *(_template(step, emulation.dialect) for step in plan.before),
        _template(plan.tree, emulation.dialect),
        *(_template(step, emulation.dialect) for step in plan.after),
    ]
    compiled = Compiled(
        kind=plan.kind,
        steps=tuple(step.with_names(parsed.holes) for step in steps),
        main=len(plan.before),
        assigned=parsed.assigned,
        checks=tuple(plan.checks),
        variables=parsed.holes,
        changes_catalog=changes_catalog,
        written=plan.written,
        reads_tables=reads_tables,
        table_effect=table_effect,
        null_test=null_test,
        output_step=None if plan.output_step is None else len(plan.before) + plan.output_step,
        output_into=plan.output_into,
        counted_step=None if plan.counted_step is None else len(plan.before) + plan.counted_step,
        writes_table_variables=written,
        inserts_into=plan.inserts_into,
        own_transaction=plan.own_transaction,
    )
    _COMPILED[key] = compiled
    return compiled


def _table_target(tree: exp.Expression) -> tuple[str, tuple[TableName, ...]] | None:
    """``("create", (table,))`` or ``("drop", tables)`` for CREATE/DROP TABLE and SELECT
    INTO; None for anything else, or when a name is not a plain table of this database."""
    if isinstance(tree, exp.Create) and (tree.args.get("kind") or "").upper() == "TABLE":
        target = tree.this.this if isinstance(tree.this, exp.Schema) else tree.this
        names = [table_name(target)]
        kind = "create"
    elif isinstance(tree, exp.Select) and isinstance(tree.args.get("into"), exp.Into):
        names = [table_name(tree.args["into"].this)]
        kind = "create"
    elif isinstance(tree, exp.Drop) and (tree.args.get("kind") or "").upper() == "TABLE":
        names = [table_name(table) for table in tree.args.get("tables") or [tree.this]]
        kind = "drop"
    else:
        return None
    found = tuple(name for name in names if name is not None)
    if not found or len(found) != len(names):
        return None
    return kind, found


def _table_effect(
    target: tuple[str, tuple[TableName, ...]] | None, plan: Plan
) -> TableEffect | None:
    if target is None:
        return None
    kind, names = target
    if kind == "create":
        return TableEffect(
            created=names[0],
            keys=plan.keys,
            foreign_keys=plan.foreign_keys,
            defaults=plan.defaults,
        )
    return TableEffect(dropped=names)


def _null_test(plan: Plan, holes: tuple[str, ...]) -> tuple[str, bool] | None:
    """``SELECT CASE WHEN <hole> IS [NOT] NULL THEN 1 ELSE 0 END`` as (hole, negated)."""
    tree = plan.tree
    if plan.before or plan.after or not isinstance(tree, exp.Select):
        return None
    if len(tree.expressions) != 1 or any(
        tree.args.get(key) for key in ("from_", "from", "where", "with_", "with")
    ):
        return None
    case = tree.expressions[0]
    if not isinstance(case, exp.Case) or len(case.args.get("ifs") or []) != 1:
        return None
    branch = case.args["ifs"][0]
    if branch.args.get("true") != exp.Literal.number(1) or case.args.get(
        "default"
    ) != exp.Literal.number(0):
        return None
    condition, negated = branch.this, False
    if isinstance(condition, exp.Not):
        condition, negated = condition.this, True
    if not (isinstance(condition, exp.Is) and isinstance(condition.expression, exp.Null)):
        return None
    column = condition.this
    if not isinstance(column, exp.Column) or column.table:
        return None
    match = HOLE_PATTERN.fullmatch(f'"{column.name}"')
    return (holes[int(match.group(1))], negated) if match else None


@dataclass(frozen=True)
class _RawTemplate:
    parts: tuple[str, ...]
    indexes: tuple[int, ...]

    def with_names(self, names: tuple[str, ...]) -> Template:
        return Template(self.parts, tuple(names[index] for index in self.indexes))


def _template(step: exp.Expression | str, dialect: str) -> _RawTemplate:
    sql = step if isinstance(step, str) else step.sql(dialect=dialect, copy=False)
    pieces = HOLE_PATTERN.split(sql)
    return _RawTemplate(tuple(pieces[0::2]), tuple(int(index) for index in pieces[1::2]))


def expression_statement(expression: str) -> str:
    """A T-SQL SELECT that evaluates one scalar expression."""
    return f"SELECT {expression}"


def condition_statement(condition: str) -> str:
    """A T-SQL SELECT that evaluates a boolean condition to 1 or 0."""
    return f"SELECT CASE WHEN {condition} THEN 1 ELSE 0 END"
