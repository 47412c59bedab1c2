"""``EXEC [sys.]sp_rename @objname, @newname [, @objtype]`` of a table, a column or a
constraint (a PRIMARY KEY, UNIQUE or FOREIGN KEY).

SQL Server ties a FOREIGN KEY, a PRIMARY KEY and an extended property to the id of their
table and column, so they follow a rename: the swap-table pattern (load ``DimX_new``,
rename ``DimX`` away, rename ``DimX_new`` in) leaves the facts' key on the old table, now
``DimX_old``. An emulation that records its keys with the tables (``enforces_keys``)
rewrites what they record; PostgreSQL's own keys follow by themselves.

As SQL Server checks, in its order: an object (``@objtype`` NULL or ``OBJECT``) that is not
found is error 15225 (NULL) or 15248; a column (``COLUMN``, or NULL when no object of that
name exists) 15248; a new name in use 15335. A success prints SQL Server's caution (15477).
Renaming an index, statistics, a type, the database, or another object (a view) is refused:
the compatibility pass reports a constant ``@objtype`` before anything runs.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.tsql.binding import bind
from etlcheck.tsql.calls import (
    ProcedureCall,
    arguments_by_name,
    constant_text,
    end_system_procedure,
    options_refusal,
)
from etlcheck.tsql.catalog import DEFAULT_SCHEMA, CatalogObject, split_object_name
from etlcheck.tsql.foreign_keys import ForeignKey, qualified
from etlcheck.tsql.frames import Frame
from etlcheck.tsql.keys import Key
from etlcheck.tsql.nodes import Block, Command, Fragment
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.property_store import renamed_sql
from etlcheck.tsql.reference_checks import record_keys
from etlcheck.tsql.routines import PROCEDURE, Parameter, RoutineDefinition, RoutineHeader
from etlcheck.tsql.scope import ModuleState, Scope, TsqlError

if TYPE_CHECKING:
    from etlcheck.tsql.runtime import Runtime

RENAME = "sp_rename"
NAME_NULL, NOT_FOUND, AMBIGUOUS, UNKNOWN_TYPE, DUPLICATE = 15004, 15225, 15248, 15249, 15335
CAUTION = "Caution: Changing any part of an object name could break scripts and stored procedures."
PARAMETERS = (
    Parameter("@objname", "NVARCHAR(1035)"),
    Parameter("@newname", "NVARCHAR(128)"),
    Parameter("@objtype", "VARCHAR(13)", Fragment("NULL", 0)),
)
_NAMES = tuple(parameter.name for parameter in PARAMETERS)
NOT_EMULATED = ("INDEX", "STATISTICS", "USERDATATYPE", "DATABASE")
"""``@objtype`` values SQL Server accepts that are not emulated."""
_SCHEMAS = ("", "sys", "dbo")


@dataclass(frozen=True)
class Renamed:
    """What a call renames: ``table``, or its ``column`` (as the catalog spells them)."""

    table: CatalogObject
    column: str | None = None
    constraint: str | None = None
    """A key, foreign key or CHECK of ``table``, as spelled."""


def rename_procedure(call: ProcedureCall) -> bool:
    """Whether ``call`` runs ``[sys.|dbo.]sp_rename``."""
    if call.by_variable:
        return False
    parts = call.parts
    if len(parts) > 2 or (len(parts) == 2 and parts[0].lower() not in _SCHEMAS):
        return False
    return parts[-1].lower() == RENAME


def rename_refusal(call: ProcedureCall) -> CompileError | None:
    """Why the interpreter cannot run ``call``, as far as its constant ``@objtype`` shows."""
    refused = options_refusal(call)
    if refused is not None:
        return refused
    argument = arguments_by_name(_NAMES, call).get("@objtype")
    kind = _type(constant_text(argument))
    return not_emulated(kind) if kind in NOT_EMULATED else None


def renamed_table(call: ProcedureCall) -> tuple[list[str], str] | None:
    """The name parts of the table an ``sp_rename`` call renames and its new name, when
    its arguments are constants that rename an object (for ``etlcheck init``)."""
    if not rename_procedure(call):
        return None
    arguments = arguments_by_name(_NAMES, call)
    kind = _type(constant_text(arguments.get("@objtype")))
    objname, newname = (
        constant_text(arguments.get("@objname")),
        constant_text(arguments.get("@newname")),
    )
    if kind not in (None, "OBJECT") or objname is None or not newname:
        return None
    parts = split_object_name(objname)
    return (parts, newname) if 1 <= len(parts) <= 3 else None


def not_emulated(what: str) -> CompileError:
    return CompileError(
        f"sp_rename: renaming {what} is not emulated (a table, a column or a constraint is)",
        RENAME,
        word=RENAME,
    )


def run(
    interpreter: Runtime, node: Command, called: ProcedureCall, scope: Scope, frame: Frame
) -> None:
    """Run one ``sp_rename`` call."""

    def fail(number: int, message: str) -> TsqlError:
        return interpreter.failure(message, frame, node.start, number, node.fragment.text)

    values = _bind(interpreter, called, scope, frame, node.start)
    objname, newname = values["@objname"], values["@newname"]
    kind = _type(values["@objtype"])
    if kind in NOT_EMULATED:
        raise interpreter.refused(not_emulated(kind), node.fragment, frame)
    if kind not in (None, "OBJECT", "COLUMN"):
        given = values["@objtype"]
        raise fail(UNKNOWN_TYPE, f"Error: Explicit @objtype '{given}' is unrecognized.")
    if newname is None or not str(newname).strip():
        raise fail(NAME_NULL, "Name cannot be NULL.")
    shown = "" if objname is None else str(objname)
    try:
        renamed = _find(interpreter, split_object_name(shown), kind)
    except CompileError as error:
        raise interpreter.refused(error, node.fragment, frame) from None
    if renamed is None and kind is None:
        raise fail(
            NOT_FOUND,
            f"No item by the name of '{shown}' could be found in the current database "
            f"'{interpreter.catalog.database()}', given that @itemtype was input as '(null)'.",
        )
    if renamed is None:
        raise fail(
            AMBIGUOUS,
            f"Either the parameter @objname is ambiguous or the claimed @objtype ({kind}) is "
            "wrong.",
        )
    new = str(newname)
    if _taken(interpreter, renamed, new):
        what = "object" if renamed.column is None else "COLUMN"
        raise fail(
            DUPLICATE,
            f"Error: The new name '{new}' is already in use as a {what} name and would cause "
            "a duplicate that is not permitted.",
        )
    _apply(interpreter, renamed, new)
    interpreter.messages.append(CAUTION)
    end_system_procedure(interpreter, scope, called, fail)


def _find(interpreter: Runtime, parts: list[str], kind: str | None) -> Renamed | None:
    """The table (or column) ``parts`` name; None when there is none."""
    if kind in (None, "OBJECT"):
        table = _table(interpreter, parts, kind)
        if table is not None:
            return Renamed(table)
        constraint = _constraint(interpreter, parts)
        if constraint is not None or kind == "OBJECT":
            return constraint
    if len(parts) < 2:
        return None
    table = _table(interpreter, parts[:-1], "COLUMN")
    if table is None:
        return None
    wanted = parts[-1].lower()
    column = next((c for c in _columns(interpreter, table) if c.lower() == wanted), None)
    return None if column is None else Renamed(table, column)


def _table(interpreter: Runtime, parts: list[str], kind: str | None) -> CatalogObject | None:
    """The user table ``[database.]schema.name`` names; CompileError for an object of
    another kind (a view, a constraint...), whose rename is not emulated."""
    catalog = interpreter.catalog
    if not parts or not parts[-1] or len(parts) > 3:
        return None
    if parts[-1].startswith("#"):
        raise not_emulated("a temporary table")
    if len(parts) == 3 and parts[0] and parts[0].lower() != catalog.database().lower():
        return None
    schema = parts[-2] if len(parts) >= 2 and parts[-2] else DEFAULT_SCHEMA
    found = catalog.table(schema, parts[-1])
    if found is not None and found.type == "U":
        return found
    if kind == "COLUMN" or _constraint(interpreter, parts) is not None:
        return None
    if found is not None or catalog.exists(f"[{schema}].[{parts[-1]}]"):
        raise not_emulated("an object other than a table or a constraint")
    return None


def _constraint(interpreter: Runtime, parts: list[str]) -> Renamed | None:
    """The constraint ``[schema.]name`` names, with its table, or None."""
    if not parts or not parts[-1] or len(parts) > 3 or parts[-1].startswith("#"):
        return None
    schema = parts[-2] if len(parts) >= 2 and parts[-2] else DEFAULT_SCHEMA
    emulation = interpreter.emulation
    found = emulation.constraint_table(interpreter.target, interpreter.catalog, schema, parts[-1])
    return None if found is None else Renamed(found[0], constraint=found[1])


def _columns(interpreter: Runtime, table: CatalogObject) -> list[str]:
    literal = functools.partial(interpreter.emulation.literal, type_sql=None)
    result = interpreter.target.query(
        "SELECT column_name FROM information_schema.columns "
        f"WHERE table_schema = {literal(table.schema)} AND table_name = {literal(table.name)}"
    )
    return [str(row[0]) for row in result.rows]


def _taken(interpreter: Runtime, renamed: Renamed, new: str) -> bool:
    table = renamed.table
    if renamed.column is not None:
        others = [c for c in _columns(interpreter, table) if c.lower() != renamed.column.lower()]
        return new.lower() in (c.lower() for c in others)
    if new.lower() == (renamed.constraint or table.name).lower():
        return False
    if interpreter.catalog.exists(f"[{table.schema}].[{new.replace(']', ']]')}]"):
        return True
    return _constraint(interpreter, [table.schema, new]) is not None


def _apply(interpreter: Runtime, renamed: Renamed, new: str) -> None:
    """Rename in the engine, then what records the old name: the keys an emulation
    records with the tables, and the extended properties."""
    table, target = renamed.table, interpreter.target
    literal = functools.partial(interpreter.emulation.literal, type_sql=None)
    name = (table.schema, table.name)
    quoted_new = _quote(new)
    if renamed.constraint is not None:
        _rename_constraint(interpreter, table, renamed.constraint, new)
        return
    if renamed.column is None:
        target.execute(f"ALTER TABLE {qualified(name)} RENAME TO {quoted_new}")
        interpreter.emulation.after_table_rename(target, table.schema, table.name, new)
        target.execute(renamed_sql(literal, table.schema, table.name, new))
    else:
        column = _quote(renamed.column)
        target.execute(f"ALTER TABLE {qualified(name)} RENAME COLUMN {column} TO {quoted_new}")
        target.execute(renamed_sql(literal, table.schema, table.name, new, renamed.column))
    interpreter.catalog.invalidate()
    if interpreter.emulation.enforces_keys:
        _follow(interpreter, renamed, new)


def _rename_constraint(interpreter: Runtime, table: CatalogObject, old: str, new: str) -> None:
    """Rename the key or foreign key ``old`` of ``table``: in what the table records, or
    in the engine that holds it."""
    emulation = interpreter.emulation
    if not emulation.enforces_keys:
        emulation.rename_constraint(interpreter.target, table, old, new)
        interpreter.catalog.invalidate()
        return
    keys = tuple(
        dataclasses.replace(key, name=new) if key.name.lower() == old.lower() else key
        for key in table.keys
    )
    foreign = tuple(
        dataclasses.replace(key, name=new) if key.name.lower() == old.lower() else key
        for key in table.foreign_keys
    )
    record_keys(interpreter, (table.schema, table.name), keys, foreign)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _follow(interpreter: Runtime, renamed: Renamed, new: str) -> None:
    """The recorded keys of the table and of the tables that refer to it, renamed."""
    old = renamed.table
    moved = (old.schema, new if renamed.column is None else old.name)
    catalog = interpreter.catalog
    table = catalog.table(*moved)
    if table is None:
        return
    referencing = catalog.referencing(old.schema, old.name) if renamed.column is None else []
    referencing += catalog.referencing(*moved) if renamed.column is not None else []
    children = {(c.schema.lower(), c.name.lower()): c for c, _ in referencing}
    children[(table.schema.lower(), table.name.lower())] = table
    for child in children.values():
        own = child is table
        keys = tuple(_key(key, renamed, new) for key in child.keys) if own else child.keys
        foreign = tuple(_foreign_key(key, renamed, new, own, table) for key in child.foreign_keys)
        if keys != child.keys or foreign != child.foreign_keys:
            record_keys(interpreter, (child.schema, child.name), keys, foreign)


def _replaced(columns: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    return tuple(new if column.lower() == old.lower() else column for column in columns)


def _key(key: Key, renamed: Renamed, new: str) -> Key:
    if renamed.column is None:
        return key
    return dataclasses.replace(key, columns=_replaced(key.columns, renamed.column, new))


def _foreign_key(
    key: ForeignKey, renamed: Renamed, new: str, own: bool, table: CatalogObject
) -> ForeignKey:
    """``key`` after the rename: its parent's new name, or the new name of a column it uses
    (its own when ``own``, the parent's when the parent is the renamed table)."""
    old = renamed.table
    parent_is_renamed = (key.parent_schema.lower(), key.parent_name.lower()) in (
        (old.schema.lower(), old.name.lower()),
        (table.schema.lower(), table.name.lower()),
    )
    if renamed.column is None:
        if parent_is_renamed and key.parent_name.lower() == old.name.lower():
            return dataclasses.replace(key, parent_name=new)
        return key
    if own:
        key = dataclasses.replace(key, columns=_replaced(key.columns, renamed.column, new))
    if parent_is_renamed:
        columns = _replaced(key.parent_columns, renamed.column, new)
        key = dataclasses.replace(key, parent_columns=columns)
    return key


def _type(value: Any) -> str | None:
    """``@objtype`` as SQL Server compares it: case and trailing blanks ignored."""
    return None if value is None else str(value).rstrip().upper()


def _bind(
    interpreter: Runtime, called: ProcedureCall, scope: Scope, frame: Frame, start: int
) -> dict[str, Any]:
    """The call's arguments bound to sp_rename's parameters, as SQL Server binds them."""
    header = RoutineHeader("CREATE", PROCEDURE, "sys", RENAME, PARAMETERS)
    types = tuple(interpreter.emulation.type_sql(p.type_text) for p in PARAMETERS)
    own = Frame("NULL", f"<{RENAME}>", 0, procedure=f"sys.{RENAME}")
    routine = RoutineDefinition(0, "sys", RENAME, "P", header, Block(0), own, types)
    inner = Scope(interpreter.session, interpreter.catalog, ModuleState(routine.shown, 0))
    bind(interpreter, routine, called, scope, inner, frame, start)
    return {parameter.name: inner.get(parameter.name) for parameter in PARAMETERS}
