"""The arguments of a procedure call bound to its parameters, as SQL Server binds them:
by position, then by name, defaults filled in (``DEFAULT`` asks for one), each value
converted to its parameter's type; SQL Server's errors 119, 201, 8143, 8144, 8145, 8162
and 179 otherwise. An argument is a constant, a variable or a bare word, never an
expression (error 102). A word may be delimited (``[stage]``, ``"stage"``) but has one
part: ``[dbo].[t]`` is error 102, as a qualified name must be a string.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from etlcheck.tsql import table_parameters
from etlcheck.tsql.calls import Argument, ProcedureCall
from etlcheck.tsql.frames import Frame
from etlcheck.tsql.nodes import Fragment
from etlcheck.tsql.scope import Scope

if TYPE_CHECKING:
    from etlcheck.tsql.routines import RoutineDefinition
    from etlcheck.tsql.runtime import Runtime

_BARE_WORD = re.compile(r"[A-Za-z_]\w*")
_DELIMITED_WORD = re.compile(r'\[((?:[^\]]|\]\])*)\]|"((?:[^"]|"")*)"')
_PASSABLE = re.compile(
    r"[+-]?(?:\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|0[xX][0-9a-fA-F]*|NULL"
    r"|N?'(?:[^']|'')*'|@\w+",
    re.IGNORECASE,
)
"""What an argument of EXEC may be: a constant or a variable, never an expression."""
VARIANT = "SQL_VARIANT"
"""A parameter type that takes its value as passed, with its own type (``sql_variant``)."""


def bind(
    interpreter: Runtime,
    routine: RoutineDefinition,
    called: ProcedureCall,
    caller: Scope,
    inner: Scope,
    frame: Frame,
    call_start: int,
) -> list[tuple[str, str]]:
    """Declare the parameters in ``inner`` with the values passed (or their defaults);
    the (parameter, caller variable) pairs to copy back after the call."""
    passed = _match_arguments(interpreter, routine, called, frame)
    receivers: list[tuple[str, str]] = []
    for index, parameter in enumerate(routine.header.parameters):
        columns = routine.tables[index] if routine.tables else None
        if columns is not None:
            given = passed.get(index)
            table_parameters.bind(
                interpreter, parameter.name, columns, given, caller, inner, frame, call_start
            )
            continue
        inner.declare(parameter.name, parameter.type_text, routine.parameter_types[index])
        given = passed.get(index)
        value = _argument_value(interpreter, routine, index, given, caller, frame, call_start)
        inner.set(parameter.name, value)
        if given is not None and given.output:
            receivers.append((parameter.name, _receiver(interpreter, routine, index, given, frame)))
    return receivers


def _match_arguments(
    interpreter: Runtime, routine: RoutineDefinition, called: ProcedureCall, frame: Frame
) -> dict[int, Argument]:
    """Which parameter each argument is for: by position, then by name."""
    parameters = routine.header.parameters
    by_name = {p.name.lower(): index for index, p in enumerate(parameters)}
    passed: dict[int, Argument] = {}
    named_seen = False
    for position, argument in enumerate(called.arguments):
        if argument.name is None:
            if named_seen:
                raise interpreter.failure(
                    f"Must pass parameter number {position + 1} and subsequent parameters as "
                    "'@name = value'. After the form '@name = value' has been used, all "
                    "subsequent parameters must be passed in the form '@name = value'.",
                    frame,
                    argument.start,
                    119,
                )
            if position >= len(parameters):
                raise interpreter.failure(
                    f"Procedure or function {routine.name} has too many arguments specified.",
                    frame,
                    argument.start,
                    8144,
                )
            passed[position] = argument
            continue
        named_seen = True
        index = by_name.get(argument.name.lower())
        if index is None:
            raise interpreter.failure(
                f"{argument.name} is not a parameter for procedure {routine.name}.",
                frame,
                argument.start,
                8145,
            )
        if index in passed:
            raise interpreter.failure(
                f"Parameter '{argument.name}' was supplied multiple times.",
                frame,
                argument.start,
                8143,
            )
        passed[index] = argument
    return passed


def _argument_value(
    interpreter: Runtime,
    routine: RoutineDefinition,
    index: int,
    argument: Argument | None,
    caller: Scope,
    frame: Frame,
    call_start: int,
) -> Any:
    parameter = routine.header.parameters[index]
    type_text = None if parameter.type_text == VARIANT else parameter.type_text
    if argument is None or argument.value is None:
        if parameter.default is None:
            start = argument.start if argument is not None else call_start
            raise interpreter.failure(
                f"Procedure or function '{routine.name}' expects parameter '{parameter.name}', "
                "which was not supplied.",
                frame,
                start,
                201,
            )
        return interpreter.evaluate(parameter.default, caller, routine.frame, type_text)
    value = argument.value
    text = value.text.strip()
    word = _word(text)
    if word is not None:  # SQL Server passes it as a string
        quoted = Fragment("N'" + word.replace("'", "''") + "'", value.start)
        return interpreter.evaluate(quoted, caller, frame, type_text)
    if not _PASSABLE.fullmatch(text):
        shown = text.split()[0] if text.split() else text
        raise interpreter.failure(f"Incorrect syntax near '{shown}'.", frame, value.start, 102)
    return interpreter.evaluate(value, caller, frame, type_text)


def _word(text: str) -> str | None:
    """The name a one-part identifier argument passes (bare or delimited), else None."""
    if _BARE_WORD.fullmatch(text):
        return None if text.upper() in ("NULL", "DEFAULT") else text
    delimited = _DELIMITED_WORD.fullmatch(text)
    if delimited is None:
        return None
    bracketed, quoted = delimited.groups()
    return bracketed.replace("]]", "]") if bracketed is not None else quoted.replace('""', '"')


def _receiver(
    interpreter: Runtime,
    routine: RoutineDefinition,
    index: int,
    argument: Argument,
    frame: Frame,
) -> str:
    parameter = routine.header.parameters[index]
    assert argument.value is not None
    text = argument.value.text.strip()
    if not text.startswith("@") or text.startswith("@@"):
        raise interpreter.failure(
            "Cannot use the OUTPUT option when passing a constant to a stored procedure.",
            frame,
            argument.start,
            179,
        )
    if not parameter.output:
        raise interpreter.failure(
            f'The formal parameter "{parameter.name}" was not declared as an OUTPUT parameter, '
            "but the actual parameter passed in requested output.",
            frame,
            argument.start,
            8162,
        )
    return text
