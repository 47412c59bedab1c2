"""Plans for the statements that meet the FOREIGN KEYs an emulation enforces itself
(``etlcheck.tsql.foreign_keys``): TRUNCATE and DROP of a referenced table are checked
before they run; ALTER TABLE ... ADD FOREIGN KEY and DROP CONSTRAINT change what the
table's comment records instead of the engine's DDL (``etlcheck.tsql.reference_checks``)."""

from __future__ import annotations

import json

from sqlglot import exp

from etlcheck.tsql.constraint_switch import ADDED_WITH_CHECK, SWITCH, ConstraintSwitch
from etlcheck.tsql.foreign_keys import foreign_key_of
from etlcheck.tsql.keys import Key, UnsupportedKey
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import Check, Plan, table_name

TRUNCATE_REFERENCED = "truncate_referenced"
DROP_REFERENCED = "drop_referenced"
ADD_FOREIGN_KEY = "add_foreign_key"
DROP_CONSTRAINT = "drop_constraint"
SWITCH_CONSTRAINTS = "switch_constraints"
FOREIGN_KEY_TARGETS = "foreign_key_targets"
OUTPUT_INTO_TARGET = "output_into_target"
COMPOSED_TARGET = "composed_target"
"""The table an INSERT around a MERGE (composable DML) writes: refused as a compat finding
when it has a trigger or is on either side of a FOREIGN KEY, which SQL Server refuses with
an error its documentation does not give."""
CONSTRAINT_NAMES = "constraint_names"


def check_constraint_names(plan: Plan, tree: exp.Schema, table: exp.Table) -> None:
    """A CREATE TABLE's named constraints must not take a name in use in the schema (SQL
    Server's error 2714): the interpreter records keys with their tables, so the engine
    cannot tell. A temporary table is left alone."""
    name = table_name(table)
    if name is None or name[0] == "#":
        return
    names = [
        node.name
        for node in tree.find_all(exp.ColumnConstraint, exp.Constraint)
        if node.name and (isinstance(node, exp.Constraint) or node.args.get("this"))
    ]
    if names:
        subject = {"table": name, "names": names}
        plan.checks.append(Check(CONSTRAINT_NAMES, json.dumps(subject)))


def check_output_target(plan: Plan, insert: exp.Insert, kind: str = OUTPUT_INTO_TARGET) -> None:
    """OUTPUT ... INTO a table: SQL Server refuses the statement, before it changes a row,
    when that table has enabled triggers (error 331) or is on either side of a FOREIGN
    KEY (332); which it is, only the catalog at run time can tell. A temporary table or
    a table variable is left alone: it holds no such key."""
    target = insert.this.this if isinstance(insert.this, exp.Schema) else insert.this
    name = table_name(target)
    if name is None or name[0] == "#" or not isinstance(target, exp.Table):
        return
    shown = ".".join(part.name for part in target.parts)
    subject = json.dumps({"table": name, "shown": shown})
    plan.checks.append(Check(kind, subject))


def check_targets(plan: Plan, table: exp.Table, keys: tuple[Key, ...]) -> None:
    """A CREATE TABLE's FOREIGN KEYs must refer to a table and one of its keys, as SQL
    Server checks (errors 1767 and 1776); the table's own ``keys`` serve a reference to
    itself."""
    if not plan.foreign_keys:
        return
    subject = {
        "table": table_name(table),
        "own_keys": [list(key.columns) for key in keys],
        "keys": [key.to_json() for key in plan.foreign_keys],
    }
    plan.checks.append(Check(FOREIGN_KEY_TARGETS, json.dumps(subject)))


def plan_alter_constraints(plan: Plan, tree: exp.Alter, enforced: bool) -> None:
    """ALTER TABLE's FOREIGN KEY forms: on an emulation that ``enforced`` them (the
    interpreter does) they change what the table records; elsewhere the engine's own
    FOREIGN KEYs stay on, so only ``CHECK CONSTRAINT`` (switch on, without checking the
    rows: they are on) and ``WITH NOCHECK ADD`` (PostgreSQL's NOT VALID) are kept."""
    switch = tree.meta.get(SWITCH)
    with_check = bool(tree.meta.get(ADDED_WITH_CHECK, True))
    if isinstance(switch, ConstraintSwitch):
        if enforced:
            subject = {
                "table": table_name(tree.this),
                "names": switch.names,
                "enable": switch.enable,
                "validate": switch.validate,
            }
            plan.checks.append(Check(SWITCH_CONSTRAINTS, json.dumps(subject)))
        elif not switch.enable or switch.validate:
            construct = "WITH CHECK CHECK CONSTRAINT" if switch.enable else "NOCHECK CONSTRAINT"
            raise CompileError(
                f"ALTER TABLE ... {construct}: this engine's FOREIGN KEY and CHECK "
                "constraints cannot be switched off and on",
                f"ALTER TABLE ... {construct}",
                word="CHECK" if switch.enable else "NOCHECK",
            )
        plan.tree = _NOTHING.copy()
    elif enforced:
        plan_constraint_changes(plan, tree, with_check)
    elif not with_check:
        tree.set("not_valid", True)


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


def plan_constraint_changes(plan: Plan, tree: exp.Alter, with_check: bool = True) -> None:
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
                    raise CompileError(error.message, error.construct, word=error.word) from None
                if key is not None:
                    found = {"table": table, "key": key.to_json(), "validate": with_check}
                    subject = json.dumps(found)
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
    plan.tree = _NOTHING.copy()


_NOTHING = exp.select(exp.Null()).where(exp.false())
"""What runs in place of an ALTER TABLE whose work the run-time checks did."""
