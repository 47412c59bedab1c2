"""``ALTER TABLE … ADD column … DEFAULT x``: what the rows already in the table get.

SQL Server leaves them NULL when the column allows NULL (unless ``WITH VALUES``), and
gives them ``x`` when it does not. Both engines give them ``x`` either way, so a column
that allows NULL is added without its default, which is set after it
(``ALTER COLUMN … SET DEFAULT``): the rows there stay NULL, later inserts get ``x``.

DuckDB adds a NOT NULL column to a table with rows only when its default is a constant
(``DEFAULT (SYSDATETIME())``, the classic audit column, fails inside a transaction with
"Cannot create index with outstanding updates"). There, where ``literal_defaults_only``,
the column is added with a constant of its type, then ``UPDATE`` gives the rows there
``x`` (row by row: ``NEWID()`` differs per row, as on SQL Server), and ``x`` becomes
the default.

A column with other constraints (a key, a CHECK, a reference, IDENTITY, a computed
column) is left as it is written.

DuckDB also takes one change per ALTER TABLE: ``ADD a INT, b INT`` becomes one statement
per column, in their order (``split_added_columns``).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

_PLAIN = (exp.NotNullColumnConstraint, exp.DefaultColumnConstraint)
_ZERO, _EMPTY, _DAY = "0", "''", "'1900-01-01'"
_PLACEHOLDERS = {
    **dict.fromkeys(["BIT", "UTINYINT", "SMALLINT", "INT", "BIGINT", "DECIMAL"], _ZERO),
    **dict.fromkeys(["MONEY", "SMALLMONEY", "FLOAT", "DOUBLE"], _ZERO),
    **dict.fromkeys(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR"], _EMPTY),
    **dict.fromkeys(["DATE", "DATETIME", "DATETIME2", "SMALLDATETIME", "TIMESTAMPTZ"], _DAY),
    "TIME": "'00:00:00'",
    "UUID": "'00000000-0000-0000-0000-000000000000'",
}
"""A constant of each type, for the moment between ADD and UPDATE (by sqlglot's names)."""


def plan_added_defaults(
    tree: exp.Alter,
    after: list[exp.Expression | str],
    rewrite: Callable[[exp.Expression], exp.Expression],
    literal_defaults_only: bool,
) -> None:
    """Move the defaults of the columns ``tree`` adds where the engine would fill the rows
    already there otherwise; the statements that follow go to ``after``, each through
    ``rewrite`` (the dialect's rewrite of a T-SQL tree)."""
    table = tree.this
    if not isinstance(table, exp.Table):
        return
    for column in tree.args.get("actions") or []:
        if not isinstance(column, exp.ColumnDef):
            continue
        constraints = column.constraints
        kinds = [constraint.args.get("kind") for constraint in constraints]
        if not all(isinstance(kind, _PLAIN) for kind in kinds):
            continue
        defaults = [c for c in constraints if isinstance(c.kind, exp.DefaultColumnConstraint)]
        if len(defaults) != 1:
            continue
        (constraint,) = defaults
        value = constraint.kind.this
        name = column.this
        not_null = any(
            isinstance(kind, exp.NotNullColumnConstraint) and not kind.args.get("allow_null")
            for kind in kinds
        )
        if not not_null:
            constraint.pop()
        elif literal_defaults_only and not _constant(value):
            placeholder = _placeholder(column.args.get("kind"))
            if placeholder is None:
                continue
            constraint.kind.set("this", placeholder)
            assignment = exp.EQ(this=exp.column(name.copy()), expression=value.copy())
            after.append(rewrite(exp.Update(this=table.copy(), expressions=[assignment])))
        else:
            continue
        change = exp.AlterColumn(this=name.copy(), default=value.copy())
        after.append(rewrite(exp.Alter(this=table.copy(), kind="TABLE", actions=[change])))


def _constant(value: exp.Expression) -> bool:
    """A literal (in parentheses, negative, or NULL): DuckDB takes it as is."""
    while isinstance(value, (exp.Paren, exp.Neg)):
        value = value.this
    return isinstance(value, (exp.Literal, exp.Null, exp.Boolean))


def _placeholder(kind: exp.Expression | None) -> exp.Expression | None:
    if not isinstance(kind, exp.DataType):
        return None
    constant = _PLACEHOLDERS.get(kind.this.name)
    if constant is None:
        return None
    return exp.Cast(this=exp.maybe_parse(constant, dialect="tsql"), to=kind.copy())


def split_added_columns(
    plan_tree: exp.Expression,
    after: list[exp.Expression | str],
    rewrite: Callable[[exp.Expression], exp.Expression],
) -> None:
    """``ALTER TABLE t ADD a …, b …`` as ``ADD a …`` then, first in ``after``, ``ADD b …``:
    for an engine that takes one change per statement."""
    if not isinstance(plan_tree, exp.Alter):
        return
    actions = plan_tree.args.get("actions") or []
    if len(actions) < 2 or not all(isinstance(action, exp.ColumnDef) for action in actions):
        return
    plan_tree.set("actions", [actions[0]])
    table = plan_tree.this
    after[0:0] = [
        rewrite(exp.Alter(this=table.copy(), kind="TABLE", actions=[action.copy()]))
        for action in actions[1:]
    ]
