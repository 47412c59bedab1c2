"""``EXEC [sys.]sp_addextendedproperty``, ``sp_updateextendedproperty`` and
``sp_dropextendedproperty`` as SQL Server documents them.

The arguments bind as to SQL Server's own procedures (``property_calls``), by position or
by name. Then, in SQL Server's order: a value over 7,500 bytes is error 15097; a NULL
name, or levels SQL Server does not accept, error 15600; an object that does not exist
(or is not of the type given, or that the session may not alter) error 15135; adding a
property the object has error 15233; updating or dropping one it has not error 15217.
Properties live in the database (``property_store``), inside the open transaction.
"""

from __future__ import annotations

import datetime
import decimal
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.tsql import procedures
from etlcheck.tsql.binding import VARIANT, bind
from etlcheck.tsql.calls import Argument, ProcedureCall, end_system_procedure
from etlcheck.tsql.frames import Frame
from etlcheck.tsql.nodes import Block, Command, Fragment
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.property_calls import (
    ADD,
    CHILD_TYPES,
    DROP,
    INVALID,
    LEVEL_TYPE,
    MAX_VALUE_BYTES,
    NAME_TYPE,
    OBJECT_TYPES,
    TOO_LONG,
    InvalidPropertyCall,
    Levels,
    arguments_by_parameter,
    parameter_names,
    read_levels,
)
from etlcheck.tsql.property_store import (
    DATABASE,
    OBJECT_OR_COLUMN,
    PARAMETER,
    SCHEMA,
    PropertyOwner,
    PropertyStore,
    PropertyValue,
)
from etlcheck.tsql.routines import PROCEDURE, Parameter, RoutineDefinition, RoutineHeader
from etlcheck.tsql.scope import ModuleState, Scope, TsqlError, UnknownVariable, base_type

if TYPE_CHECKING:
    from etlcheck.tsql.runtime import Runtime

EXISTS, MISSING, NO_OBJECT = 15233, 15217, 15135
_NULL = Fragment("NULL", 0)
Failure = Callable[[int, str], TsqlError]
"""Makes SQL Server's error of a number and message, at the call."""
_TEXT_BYTES = {"NVARCHAR": 2, "NCHAR": 2, "NTEXT": 2, "SYSNAME": 2}


def run(
    interpreter: Runtime,
    node: Command,
    called: ProcedureCall,
    procedure: str,
    scope: Scope,
    frame: Frame,
) -> None:
    """Run one call of ``procedure`` (one of ``property_calls.PROCEDURES``)."""
    values = _bind(interpreter, procedure, called, scope, frame, node.start)

    def fail(number: int, message: str) -> TsqlError:
        return interpreter.failure(message, frame, node.start, number, node.fragment.text)

    value = PropertyValue(None, None)
    if procedure != DROP:
        argument = arguments_by_parameter(procedure, called).get("@value")
        value = _variant(values["@value"], argument, scope)
        if _data_length(value) > MAX_VALUE_BYTES:
            raise fail(
                TOO_LONG,
                "The size associated with an extended property cannot be more than 7,500 bytes.",
            )
    name = values["@name"]
    try:
        if name is None:
            raise InvalidPropertyCall(procedure)
        levels = read_levels(
            procedure,
            [values[f"@level{n}type"] for n in range(3)],
            [values[f"@level{n}name"] for n in range(3)],
        )
    except InvalidPropertyCall as error:
        raise fail(INVALID, error.message) from None
    except CompileError as error:
        raise interpreter.refused(error, node.fragment, frame) from None
    owner = _owner(interpreter, levels)
    if isinstance(owner, _Missing):
        raise fail(
            NO_OBJECT,
            f"Object is invalid. Extended properties are not permitted on '{owner.shown}', or "
            "the object does not exist.",
        )
    _change(interpreter, procedure, owner, str(name), value, _label(levels), fail)
    end_system_procedure(interpreter, scope, called, fail)


def _change(
    interpreter: Runtime,
    procedure: str,
    owner: PropertyOwner,
    name: str,
    value: PropertyValue,
    label: str,
    fail: Failure,
) -> None:
    literal = functools.partial(interpreter.emulation.literal, type_sql=None)
    store = PropertyStore(interpreter.target, literal)
    if procedure == ADD:
        if not store.add(owner, name, value):
            raise fail(
                EXISTS, f"Property cannot be added. Property '{name}' already exists for '{label}'."
            )
        return
    done = store.drop(owner, name) if procedure == DROP else store.update(owner, name, value)
    if not done:
        raise fail(
            MISSING,
            f"Property cannot be updated or deleted. Property '{name}' does not exist for "
            f"'{label}'.",
        )


def _bind(
    interpreter: Runtime,
    procedure: str,
    called: ProcedureCall,
    scope: Scope,
    frame: Frame,
    start: int,
) -> dict[str, Any]:
    """The call's arguments bound to the procedure's parameters, as SQL Server binds them."""
    parameters = tuple(
        Parameter(name, _type_of(name), None if name == "@name" else _NULL)
        for name in parameter_names(procedure)
    )
    header = RoutineHeader("CREATE", PROCEDURE, "sys", procedure, parameters)
    emulation = interpreter.emulation
    types = tuple(
        None if p.type_text == VARIANT else emulation.type_sql(p.type_text) for p in parameters
    )
    own = Frame("NULL", f"<{procedure}>", 0, procedure=f"sys.{procedure}")
    routine = RoutineDefinition(0, "sys", procedure, "P", header, Block(0), own, types)
    inner = Scope(interpreter.session, interpreter.catalog, ModuleState(routine.shown, 0))
    bind(interpreter, routine, called, scope, inner, frame, start)
    return {parameter.name: inner.get(parameter.name) for parameter in parameters}


def _type_of(parameter: str) -> str:
    if parameter == "@value":
        return VARIANT
    return LEVEL_TYPE if parameter.endswith("type") else NAME_TYPE


@dataclass(frozen=True)
class _Missing:
    """An object the levels name that does not exist, or that the session may not alter;
    ``shown`` is its name as error 15135 shows it."""

    shown: str


def _owner(interpreter: Runtime, levels: Levels) -> PropertyOwner | _Missing:
    """What the levels name, as the catalog spells it, or why there is none."""
    if levels.depth == 0:
        return PropertyOwner(DATABASE)
    catalog = interpreter.catalog
    names = [name or "" for name in levels.names]
    schema = catalog.schema_name(names[0])
    internal = {name.lower() for name in (*interpreter.emulation.internal_schemas, "sys")}
    if schema is None or schema.lower() in internal | {"information_schema"}:
        return _Missing(_label(levels, 1))
    schema_id = catalog.schema_id(schema)
    if schema_id is None or not interpreter.emulation.may_create_in(interpreter.target, schema_id):
        return _Missing(_label(levels))
    if levels.depth == 1:
        return PropertyOwner(SCHEMA, schema)
    object_type = levels.types[1] or ""
    found = catalog.table(schema, names[1])
    if found is None or found.type not in OBJECT_TYPES[object_type]:
        return _Missing(_label(levels, 2))
    if levels.depth == 2:
        return PropertyOwner(OBJECT_OR_COLUMN, schema, found.name, object_type)
    child_type = levels.types[2] or ""
    if object_type not in CHILD_TYPES.get(child_type, ()):
        return _Missing(_label(levels))
    child = _child(interpreter, schema, found.name, child_type, names[2])
    if child is None:
        return _Missing(_label(levels))
    kind = PARAMETER if child_type == "PARAMETER" else OBJECT_OR_COLUMN
    return PropertyOwner(kind, schema, found.name, object_type, child_type, *child)


def _child(
    interpreter: Runtime, schema: str, name: str, child_type: str, wanted: str
) -> tuple[str, int] | None:
    """A column's or a parameter's name as declared, and the parameter's position."""
    if child_type == "PARAMETER":
        routine = procedures.find(interpreter, [schema, name])
        parameters = routine.header.parameters if routine is not None else ()
        for position, parameter in enumerate(parameters, start=1):
            if parameter.name.lower() == wanted.lower():
                return parameter.name, position
        return None
    catalog = interpreter.catalog
    found = catalog.table(schema, name)
    if found is not None and found.object_id is None:
        catalog.invalidate()
        found = catalog.table(schema, name)
    if found is None or found.object_id is None:
        return None
    literal = interpreter.emulation.literal(wanted, None)
    rows = interpreter.target.query(
        f"SELECT name FROM sys.columns WHERE CAST(object_id AS BIGINT) = {int(found.object_id)} "
        f"AND lower(name) = lower({literal})"
    ).rows
    return (str(rows[0][0]), 0) if rows else None


def _label(levels: Levels, depth: int | None = None) -> str:
    """The object as SQL Server's messages name it: ``schema[.object[.child]]``, or
    ``object specified`` for the database."""
    given = levels.names[: levels.depth if depth is None else depth]
    return ".".join((name or "").rstrip() for name in given) or "object specified"


def _variant(value: Any, argument: Argument | None, scope: Scope) -> PropertyValue:
    """``@value`` as sql_variant keeps it: its text and the type it was passed as."""
    if value is None:
        return PropertyValue(None, None)
    return PropertyValue(_text(value), _passed_type(argument, scope) or _python_type(value))


def _passed_type(argument: Argument | None, scope: Scope) -> str | None:
    if argument is None or argument.value is None:
        return None
    text = argument.value.text.strip()
    if text.startswith("@") and not text.startswith("@@"):
        try:
            declared = base_type(scope.slot(text).type_text)
        except UnknownVariable:
            return None
        return "nvarchar" if declared == "SYSNAME" else declared.lower()
    if text[:2].upper() == "N'" or text[:1].isalpha():
        return "nvarchar"
    return "varchar" if text.startswith("'") else None


def _python_type(value: Any) -> str:
    if isinstance(value, bool):
        return "bit"
    if isinstance(value, int):
        return "int" if -(2**31) <= value < 2**31 else "bigint"
    if isinstance(value, decimal.Decimal):
        return "numeric"
    if isinstance(value, float):
        return "float"
    if isinstance(value, datetime.datetime):
        return "datetime2"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, bytes):
        return "varbinary"
    return "nvarchar"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, bytes):
        return "0x" + value.hex().upper()
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def _data_length(value: PropertyValue) -> int:
    """DATALENGTH(@value): two bytes a character for Unicode text."""
    if value.text is None:
        return 0
    if value.type_name == "varbinary":
        return (len(value.text) - 2) // 2
    return len(value.text) * _TEXT_BYTES.get((value.type_name or "").upper(), 1)
