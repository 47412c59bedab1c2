"""The run-time side of the FOREIGN KEYs an emulation enforces itself: TRUNCATE and DROP
of a referenced table refused as SQL Server refuses them, and ALTER TABLE ... ADD FOREIGN
KEY / DROP CONSTRAINT applied to what the table's comment records (the plans are in
``etlcheck.tsql.emulation.references``). Each check returns SQL Server's error number and
message when the statement must fail, else None."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from etlcheck.tsql.default_checks import DEFAULT_CHECKS, EXISTS, drop_default, name_in_use
from etlcheck.tsql.emulation.references import (
    ADD_FOREIGN_KEY,
    CONSTRAINT_NAMES,
    DROP_CONSTRAINT,
    DROP_REFERENCED,
    FOREIGN_KEY_TARGETS,
    OUTPUT_INTO_TARGET,
    SWITCH_CONSTRAINTS,
    TRUNCATE_REFERENCED,
)
from etlcheck.tsql.foreign_keys import (
    CONFLICT,
    DROP_REFUSED,
    TRUNCATE_REFUSED,
    ForeignKey,
    conflict_message,
    encode_table,
    orphan_sql,
    qualified,
)

if TYPE_CHECKING:
    from etlcheck.tsql.catalog import CatalogObject
    from etlcheck.tsql.keys import Key
    from etlcheck.tsql.runtime import Runtime
    from etlcheck.tsql.table_names import TableName

Refusal = tuple[int, str]
NOT_A_CONSTRAINT = 3728
MISSING_CONSTRAINT = 4917
INVALID_TABLE = 1767
NO_CANDIDATE_KEY = 1776
OUTPUT_INTO_TRIGGERS = 331
OUTPUT_INTO_KEYED = 332


def _truncate(interpreter: Runtime, subject: str) -> Refusal | None:
    for schema, name in json.loads(subject):
        others = [
            child
            for child, _ in interpreter.catalog.referencing(schema, name)
            if (child.schema.lower(), child.name.lower()) != (schema.lower(), name.lower())
        ]
        if others:
            return (
                TRUNCATE_REFUSED,
                f"Cannot truncate table '{_shown(interpreter, schema, name)}' because it is "
                "being referenced by a FOREIGN KEY constraint.",
            )
    return None


def _drop(interpreter: Runtime, subject: str) -> Refusal | None:
    names = [(schema.lower(), name.lower()) for schema, name in json.loads(subject)]
    dropped: set[tuple[str, str]] = set()
    for schema, name in names:
        # SQL Server drops the tables in order: a child named before its parent goes first.
        dropped.add((schema, name))
        for child, _ in interpreter.catalog.referencing(schema, name):
            if (child.schema.lower(), child.name.lower()) not in dropped:
                return (
                    DROP_REFUSED,
                    f"Could not drop object '{_shown(interpreter, schema, name)}' because it "
                    "is referenced by a FOREIGN KEY constraint.",
                )
    return None


def _invalid_parent(key: ForeignKey) -> Refusal:
    """Error 1767: the key names no user table as its parent."""
    return (
        INVALID_TABLE,
        f"Foreign key '{key.name}' references invalid table "
        f"'{key.parent_schema}.{key.parent_name}'.",
    )


def _shown(interpreter: Runtime, schema: str, name: str) -> str:
    """``schema.name`` as the catalog spells the table."""
    table = interpreter.catalog.table(schema, name)
    return f"{table.schema}.{table.name}" if table else f"{schema}.{name}"


def _add(interpreter: Runtime, subject: str) -> Refusal | None:
    found = json.loads(subject)
    table = _table(interpreter, found["table"])
    if table is None:
        return None  # the engine's own error comes with the statement
    key = ForeignKey.from_json(found["key"])
    if interpreter.catalog.exists(f"[{table.schema}].[{key.name}]"):
        return EXISTS, f"There is already an object named '{key.name}' in the database."
    parent = interpreter.catalog.table(*key.parent)
    if parent is None or parent.type != "U":
        return _invalid_parent(key)
    key = dataclasses.replace(key, parent_schema=parent.schema, parent_name=parent.name)
    refusal = _no_candidate(key, [k.columns for k in parent.keys])
    if refusal is not None:
        return refusal
    refusal = _orphans(interpreter, table, key) if found.get("validate", True) else None
    if refusal is None:
        _record(interpreter, table, (*table.foreign_keys, key))
    return refusal


def _targets(interpreter: Runtime, subject: str) -> Refusal | None:
    found = json.loads(subject)
    own = found["table"] or ["", ""]
    for entry in found["keys"]:
        key = ForeignKey.from_json(entry)
        if (key.parent_schema.lower(), key.parent_name.lower()) == (own[0].lower(), own[1].lower()):
            candidates = [tuple(columns) for columns in found["own_keys"]]
        else:
            parent = interpreter.catalog.table(*key.parent)
            if parent is None or parent.type != "U":
                return _invalid_parent(key)
            candidates = [k.columns for k in parent.keys]
        refusal = _no_candidate(key, candidates)
        if refusal is not None:
            return refusal
    return None


def _no_candidate(key: ForeignKey, candidates: list[tuple[str, ...]]) -> Refusal | None:
    """Error 1776 unless the referenced columns are those of one of the parent's keys.
    A parent without recorded keys passes: its keys may be the engine's own (an ALTER
    TABLE ... ADD PRIMARY KEY run on the engine) or unknown (a table loaded from a file)."""
    if not candidates:
        return None
    wanted = sorted(column.lower() for column in key.parent_columns)
    if any(sorted(column.lower() for column in columns) == wanted for columns in candidates):
        return None
    return (
        NO_CANDIDATE_KEY,
        f"There are no primary or candidate keys in the referenced table "
        f"'{key.parent_schema}.{key.parent_name}' that match the referencing column list in "
        f"the foreign key '{key.name}'.",
    )


def _orphans(interpreter: Runtime, table: CatalogObject, key: ForeignKey) -> Refusal | None:
    """Error 547 when a row of ``table`` has no parent under ``key``."""
    child = (table.schema, table.name)
    if not interpreter.target.query(orphan_sql(child, key)).rows:
        return None
    database = interpreter.catalog.database()
    return CONFLICT, conflict_message("ALTER TABLE", key, database, child, False)


def _switch(interpreter: Runtime, subject: str) -> Refusal | None:
    """NOCHECK / [WITH CHECK] CHECK CONSTRAINT: the foreign keys named (or ALL) switched
    off or on; WITH CHECK checks the rows already in the table first."""
    found = json.loads(subject)
    table = _table(interpreter, found["table"])
    if table is None:
        return None
    names = found["names"]
    if names is not None:
        known = {key.name.lower() for key in table.foreign_keys}
        for name in names:
            if name.lower() not in known:
                return MISSING_CONSTRAINT, f"Constraint '{name}' does not exist."
    wanted = None if names is None else {name.lower() for name in names}
    switched = tuple(
        dataclasses.replace(key, enabled=found["enable"])
        if wanted is None or key.name.lower() in wanted
        else key
        for key in table.foreign_keys
    )
    if found["validate"]:
        for key in switched:
            if key.enabled:
                refusal = _orphans(interpreter, table, key)
                if refusal is not None:
                    return refusal
    if switched != table.foreign_keys:
        _record(interpreter, table, switched)
    return None


def _drop_constraint(interpreter: Runtime, subject: str) -> Refusal | None:
    found = json.loads(subject)
    table = _table(interpreter, found["table"])
    if table is None:
        return None
    wanted = str(found["name"]).lower()
    keys = tuple(k for k in table.keys if k.name.lower() != wanted)
    foreign = tuple(k for k in table.foreign_keys if k.name.lower() != wanted)
    if len(keys) == len(table.keys) and len(foreign) == len(table.foreign_keys):
        if drop_default(interpreter, table, found["name"]) or found["exists"]:
            return None
        return NOT_A_CONSTRAINT, f"'{found['name']}' is not a constraint."
    _record(interpreter, table, foreign, keys)
    return None


def _constraint_names(interpreter: Runtime, subject: str) -> Refusal | None:
    """Error 2714 for a CREATE TABLE's constraint whose name an object of the schema has
    (a table that exists already gets the engine's own error first)."""
    found = json.loads(subject)
    schema, name = found["table"]
    catalog = interpreter.catalog
    if catalog.table(schema, name) is not None:
        return None
    return name_in_use(interpreter, schema, found["names"])


def _output_target(interpreter: Runtime, subject: str) -> Refusal | None:
    """OUTPUT ... INTO a table with an enabled trigger (331) or on either side of a
    FOREIGN KEY (332, switched off or not: SQL Server's restriction names no state)."""
    found = json.loads(subject)
    table = _table(interpreter, found["table"])
    if table is None or table.type != "U":
        return None  # the engine's own error comes with the statement
    emulation, target, catalog = interpreter.emulation, interpreter.target, interpreter.catalog
    shown, name = found["shown"], (table.schema, table.name)
    trigger = catalog.remembered(
        ("enabled trigger", *name), lambda: emulation.enabled_trigger(target, table)
    )
    if trigger is not None:
        return (
            OUTPUT_INTO_TRIGGERS,
            f"The target table '{shown}' of the OUTPUT INTO clause cannot have any enabled "
            "triggers.",
        )
    constraint = catalog.remembered(
        ("reference constraint", *name),
        lambda: emulation.reference_constraint(target, catalog, table),
    )
    if constraint is None:
        return None
    return (
        OUTPUT_INTO_KEYED,
        f"The target table '{shown}' of the OUTPUT INTO clause cannot be on either side of a "
        f"(primary key, foreign key) relationship. Found reference constraint '{constraint}'.",
    )


def _table(interpreter: Runtime, name: list[str] | None) -> CatalogObject | None:
    return interpreter.catalog.table(name[0], name[1]) if name else None


def _record(
    interpreter: Runtime,
    table: CatalogObject,
    foreign_keys: tuple[ForeignKey, ...],
    keys: tuple[Key, ...] | None = None,
) -> None:
    kept = table.keys if keys is None else keys
    record_keys(interpreter, (table.schema, table.name), kept, foreign_keys)


def record_keys(
    interpreter: Runtime,
    table: TableName,
    keys: tuple[Key, ...],
    foreign_keys: tuple[ForeignKey, ...],
) -> None:
    """Write what ``table`` records of its keys and foreign keys (its comment)."""
    comment = interpreter.emulation.literal(encode_table(keys, foreign_keys), None)
    interpreter.target.execute(f"COMMENT ON TABLE {qualified(table)} IS {comment}")
    interpreter.catalog.invalidate()


REFERENCE_CHECKS: dict[str, Callable[[Runtime, str], Refusal | None]] = {
    TRUNCATE_REFERENCED: _truncate,
    DROP_REFERENCED: _drop,
    ADD_FOREIGN_KEY: _add,
    DROP_CONSTRAINT: _drop_constraint,
    SWITCH_CONSTRAINTS: _switch,
    FOREIGN_KEY_TARGETS: _targets,
    OUTPUT_INTO_TARGET: _output_target,
    CONSTRAINT_NAMES: _constraint_names,
    **DEFAULT_CHECKS,
}
