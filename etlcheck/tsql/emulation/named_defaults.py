"""Plans that keep the names of DEFAULT constraints (``etlcheck.tsql.default_constraints``):
CREATE TABLE and ALTER TABLE ... ADD record them with their columns; ADD CONSTRAINT ...
DEFAULT ... FOR, DROP CONSTRAINT and DROP COLUMN are checked against them at run time
(``etlcheck.tsql.default_checks``). A temporary table's defaults are not named here."""

from __future__ import annotations

import json

from sqlglot import exp

from etlcheck.tsql.default_constraints import (
    DEFAULT_NAME,
    DefaultConstraint,
    comment_sql,
    declared_defaults,
    definition_of,
    system_name,
)
from etlcheck.tsql.emulation.references import CONSTRAINT_NAMES
from etlcheck.tsql.plan import Check, Plan, table_name
from etlcheck.tsql.table_names import TableName

ADD_DEFAULT = "add_default"
NEW_CONSTRAINT_NAMES = "new_constraint_names"
DROP_COLUMN_DEFAULTS = "drop_column_defaults"
DROP_HELD_CONSTRAINT = "drop_held_constraint"

_NOTHING = exp.select(exp.Null()).where(exp.false())
"""What runs in place of a DROP CONSTRAINT whose work the run-time check did."""


def plan_created_defaults(plan: Plan, tree: exp.Create) -> None:
    """A CREATE TABLE's defaults, named by it or by SQL Server's pattern, recorded once
    the table exists (call before the emulation rewrites the column list)."""
    schema = tree.this
    if (tree.args.get("kind") or "").upper() != "TABLE" or not isinstance(schema, exp.Schema):
        return
    table = table_name(schema.this)
    if table is None or table[0] == "#":
        return
    plan.defaults = declared_defaults(schema.expressions, table[1])
    _record(plan, table, plan.defaults)
    names = [default.name for default in plan.defaults if not default.system_named]
    if names:  # the same check as the keys' (where those are the interpreter's): 2714
        plan.checks.append(Check(CONSTRAINT_NAMES, json.dumps({"table": table, "names": names})))


def plan_altered_defaults(plan: Plan, tree: exp.Alter, enforced: bool) -> list[str]:
    """The checks an ALTER TABLE needs for the defaults it adds or meets, and the steps
    that record the defaults it adds (to go last, after the emulation's own steps).
    Where keys are not ``enforced`` by the interpreter, DROP CONSTRAINT is done by the
    check: a default's name is the interpreter's, any other constraint the engine's."""
    table = table_name(tree.this)
    if table is None or table[0] == "#":
        return []
    actions = tree.args.get("actions") or []
    named = tree.meta.get(DEFAULT_NAME)
    if isinstance(named, str) and len(actions) == 1 and isinstance(actions[0], exp.AlterColumn):
        column = actions[0].name
        name = named or system_name(table[1], column)
        text = definition_of(actions[0].args["default"])
        default = DefaultConstraint(name, column, not named, text)
        found = {"table": table, "column": column, "name": default.name}
        plan.checks.append(Check(ADD_DEFAULT, json.dumps(found)))
        return [comment_sql(table, column, default)]
    added = declared_defaults(actions, table[1])
    if added:
        names = [default.name for default in added if not default.system_named]
        plan.checks.append(
            Check(NEW_CONSTRAINT_NAMES, json.dumps({"table": table, "names": names}))
        )
        return [comment_sql(table, default.column, default) for default in added]
    dropped = [
        column.name
        for action in actions
        if isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == "COLUMN"
        for column in action.args.get("tables") or []
    ]
    if dropped:
        subject = json.dumps({"table": table, "columns": dropped})
        plan.checks.append(Check(DROP_COLUMN_DEFAULTS, subject))
    if not enforced and actions and all(_drops_constraint(action) for action in actions):
        for action in actions:
            exists = bool(action.args.get("exists"))
            for constraint in action.args.get("tables") or []:
                subject = json.dumps({"table": table, "name": constraint.name, "exists": exists})
                plan.checks.append(Check(DROP_HELD_CONSTRAINT, subject))
        plan.tree = _NOTHING.copy()
    return []


def _drops_constraint(action: exp.Expression) -> bool:
    return isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == (
        "CONSTRAINT"
    )


def _record(plan: Plan, table: TableName, defaults: tuple[DefaultConstraint, ...]) -> None:
    plan.after.extend(comment_sql(table, default.column, default) for default in defaults)
