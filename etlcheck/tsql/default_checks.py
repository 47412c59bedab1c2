"""The run-time side of named DEFAULT constraints (``etlcheck.tsql.default_constraints``):
SQL Server's errors for a name in use (2714), a second default on a column (1781), a
column a default depends on (5074, 4922) and a name that is no constraint (3728); and
DROP CONSTRAINT of a default, which takes the column's default away. Each check returns
SQL Server's error number and message when the statement must fail, else None."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from etlcheck.tsql.default_constraints import comment_sql, drop_default_sql
from etlcheck.tsql.emulation.named_defaults import (
    ADD_DEFAULT,
    DROP_COLUMN_DEFAULTS,
    DROP_HELD_CONSTRAINT,
    NEW_CONSTRAINT_NAMES,
)
from etlcheck.tsql.foreign_keys import qualified

if TYPE_CHECKING:
    from etlcheck.tsql.catalog import CatalogObject
    from etlcheck.tsql.runtime import Runtime

Refusal = tuple[int, str]
NOT_A_CONSTRAINT = 3728
EXISTS = 2714
ALREADY_BOUND = 1781
DEPENDENT = 4922
MISSING_TABLE = 4902


def drop_default(interpreter: Runtime, table: CatalogObject, name: str) -> bool:
    """Take away the default called ``name`` of a column of ``table``; False when the
    table has no default of that name."""
    for default in table.defaults:
        if default.name.lower() == name.lower():
            where = (table.schema, table.name)
            interpreter.target.execute(drop_default_sql(where, default.column))
            interpreter.target.execute(comment_sql(where, default.column, None))
            interpreter.catalog.invalidate()
            return True
    return False


def name_in_use(interpreter: Runtime, schema: str, names: list[str]) -> Refusal | None:
    """Error 2714 for the first of ``names`` an object of ``schema`` has already."""
    for name in names:
        if interpreter.catalog.exists(f"[{schema}].[{name.replace(']', ']]')}]"):
            return EXISTS, f"There is already an object named '{name}' in the database."
    return None


def _new_names(interpreter: Runtime, subject: str) -> Refusal | None:
    """ALTER TABLE ... ADD column ... CONSTRAINT name DEFAULT: the name must be free."""
    found = json.loads(subject)
    table = interpreter.catalog.table(*found["table"])
    if table is None:
        return None  # the engine's own error comes with the statement
    return name_in_use(interpreter, table.schema, found["names"])


def _add_default(interpreter: Runtime, subject: str) -> Refusal | None:
    """ADD CONSTRAINT name DEFAULT ... FOR column: one default per column, a free name."""
    found = json.loads(subject)
    table = interpreter.catalog.table(*found["table"])
    if table is None:
        return None
    column = str(found["column"]).lower()
    if any(default.column.lower() == column for default in table.defaults):
        return ALREADY_BOUND, "Column already has a DEFAULT bound to it."
    return name_in_use(interpreter, table.schema, [found["name"]])


def _drop_column(interpreter: Runtime, subject: str) -> Refusal | None:
    """DROP COLUMN of a column with a default: SQL Server's 5074, then 4922 (the error a
    CATCH block sees)."""
    found = json.loads(subject)
    table = interpreter.catalog.table(*found["table"])
    if table is None:
        return None
    for column in found["columns"]:
        for default in table.defaults:
            if default.column.lower() == str(column).lower():
                return (
                    DEPENDENT,
                    f"The object '{default.name}' is dependent on column '{column}'. "
                    f"ALTER TABLE DROP COLUMN {column} failed because one or more objects "
                    "access this column.",
                )
    return None


def _drop_held(interpreter: Runtime, subject: str) -> Refusal | None:
    """DROP CONSTRAINT where the engine holds the keys: a default's name takes the
    column's default away, any other is the engine's constraint, dropped here."""
    found = json.loads(subject)
    schema, name = found["table"]
    table = interpreter.catalog.table(schema, name)
    if table is None:
        return (
            MISSING_TABLE,
            f'Cannot find the object "{name}" because it does not exist or you do not '
            "have permissions.",
        )
    wanted = str(found["name"])
    if drop_default(interpreter, table, wanted):
        return None
    emulation, target, catalog = interpreter.emulation, interpreter.target, interpreter.catalog
    held = emulation.constraint_table(target, catalog, table.schema, wanted)
    if held is None or held[0].name.lower() != table.name.lower():
        if found["exists"]:
            return None
        return NOT_A_CONSTRAINT, f"'{wanted}' is not a constraint."
    spelled = '"' + held[1].replace('"', '""') + '"'
    try:
        target.execute(
            f"ALTER TABLE {qualified((table.schema, table.name))} DROP CONSTRAINT {spelled}"
        )
    except Exception as error:  # the engine's refusal, as SQL Server's error
        if interpreter.session.transaction_count:
            interpreter.session.doomed = True
        return emulation.error_details(error)
    catalog.invalidate()
    return None


DEFAULT_CHECKS: dict[str, Callable[[Runtime, str], Refusal | None]] = {
    ADD_DEFAULT: _add_default,
    NEW_CONSTRAINT_NAMES: _new_names,
    DROP_COLUMN_DEFAULTS: _drop_column,
    DROP_HELD_CONSTRAINT: _drop_held,
}
