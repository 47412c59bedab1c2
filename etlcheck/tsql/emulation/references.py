"""Plans for the statements that meet the FOREIGN KEYs an emulation enforces itself
(``etlcheck.tsql.foreign_keys``): TRUNCATE and DROP of a referenced table are checked
before they run; ALTER TABLE ... ADD FOREIGN KEY and DROP CONSTRAINT change what the
table's comment records instead of the engine's DDL (``etlcheck.tsql.reference_checks``)."""

from __future__ import annotations

import json

from sqlglot import exp

from etlcheck.tsql.foreign_keys import foreign_key_of
from etlcheck.tsql.keys import UnsupportedKey
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import Check, Plan, table_name

TRUNCATE_REFERENCED = "truncate_referenced"
DROP_REFERENCED = "drop_referenced"
ADD_FOREIGN_KEY = "add_foreign_key"
DROP_CONSTRAINT = "drop_constraint"


def check_referenced(plan: Plan, tree: exp.Expression) -> None:
    """TRUNCATE and DROP TABLE check, before they run, that no FOREIGN KEY of another
    table refers to the tables they name (SQL Server's errors 4712 and 3726)."""
    if isinstance(tree, exp.TruncateTable):
        kind, tables = TRUNCATE_REFERENCED, tree.expressions
    elif isinstance(tree, exp.Drop) and (tree.args.get("kind") or "").upper() == "TABLE":
        kind, tables = DROP_REFERENCED, tree.args.get("tables") or [tree.this]
    else:
        return
    names = [name for name in map(table_name, tables) if name is not None and name[0] != "#"]
    if names:
        plan.checks.append(Check(kind, json.dumps(names)))


def plan_constraint_changes(plan: Plan, tree: exp.Alter) -> None:
    """ALTER TABLE ... ADD [CONSTRAINT n] FOREIGN KEY and DROP CONSTRAINT as run-time
    changes of what the table records; the statement itself then does nothing."""
    table = table_name(tree.this)
    actions = tree.args.get("actions") or []
    handled: list[Check] = []
    for action in actions:
        if isinstance(action, exp.AddConstraint):
            for definition in action.expressions:
                try:
                    key = foreign_key_of(definition, tree.this.name)
                except UnsupportedKey as error:
                    raise CompileError(
                        f"{error.construct} is not supported", error.construct
                    ) from None
                if key is not None:
                    subject = json.dumps({"table": table, "key": key.to_json()})
                    handled.append(Check(ADD_FOREIGN_KEY, subject))
        elif isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == (
            "CONSTRAINT"
        ):
            for dropped in action.args.get("tables") or []:
                exists = bool(action.args.get("exists"))
                subject = json.dumps({"table": table, "name": dropped.name, "exists": exists})
                handled.append(Check(DROP_CONSTRAINT, subject))
    if not handled:
        return
    if table is None or table[0] == "#" or len(handled) != len(actions):
        raise CompileError(
            "ALTER TABLE: a FOREIGN KEY or DROP CONSTRAINT with other changes in one "
            "statement, or on a temporary table, is not supported (make each change a "
            "statement of its own)",
            "ALTER TABLE",
        )
    plan.checks.extend(handled)
    plan.tree = exp.select(exp.Null()).where(exp.false())
