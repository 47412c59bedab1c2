"""Dynamic SQL: ``EXEC (string)`` and ``EXEC sp_executesql @stmt, @params, values...``.

The string runs as its own batch with its own variables, as in SQL Server. For
sp_executesql, each parameter of ``@params`` is declared there with its type and given its
value (by position or by ``@name =``); one declared ``OUTPUT`` and passed as
``@name = @local OUTPUT`` is copied back to ``@local`` when the string has run. ``@stmt``
and ``@params`` must be Unicode: a plain ``'...'`` constant is SQL Server's error 214.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.tsql import table_parameters
from etlcheck.tsql.frames import BatchReturn, Frame
from etlcheck.tsql.nodes import Command, Fragment
from etlcheck.tsql.scope import ModuleState, Scope, TsqlError, UnknownVariable

if TYPE_CHECKING:
    from etlcheck.tsql.runtime import Runtime

_SP_EXECUTESQL = re.compile(
    r"(?:\[?sys\]?\s*\.\s*)?\[?sp_executesql\]?(?:\s+|$)(.*)", re.IGNORECASE | re.DOTALL
)
_NAMED = re.compile(r"\s*(@\w+)\s*=\s*(.*)", re.DOTALL)
_OUTPUT = re.compile(r"(?is)(.*?)\s+(?:OUT|OUTPUT)\s*$")


@dataclass(frozen=True)
class Parameter:
    """One parameter of an sp_executesql call: declared type, the value passed, and the
    caller's variable that receives it back when both sides say OUTPUT."""

    name: str
    type_text: str
    value: Fragment | None
    receiver: str | None = None


@dataclass(frozen=True)
class ExecuteCall:
    """An ``EXEC`` as the interpreter reads it: dynamic SQL, or sp_executesql."""

    statement: Fragment
    parameters: Fragment | None
    values: tuple[Fragment, ...]
    procedure: bool


def read_execute(node: Command) -> ExecuteCall | None:
    """``EXEC (...)`` or ``EXEC sp_executesql ...``; None for a procedure call."""
    arguments = node.arguments
    head = arguments[0]
    if head.text.lstrip().startswith("("):
        return ExecuteCall(head, None, (), procedure=False)
    match = _SP_EXECUTESQL.match(head.text.strip())
    if match is None:
        return None
    offset = head.start + head.text.index(match.group(1)) if match.group(1) else head.start
    statement = _unnamed(Fragment(match.group(1), offset), "@stmt")
    parameters = _unnamed(arguments[1], "@params") if len(arguments) > 1 else None
    return ExecuteCall(statement, parameters, tuple(arguments[2:]), procedure=True)


def _unnamed(fragment: Fragment, name: str) -> Fragment:
    """``@stmt = value`` as ``value``."""
    match = _NAMED.match(fragment.text)
    if match and match.group(1).lower() == name:
        return Fragment(match.group(2), fragment.start + match.start(2))
    return fragment


def unicode_check(fragment: Fragment, scope: Scope, parameter: str) -> None:
    """SQL Server's error 214 for a non-Unicode ``@stmt`` or ``@params``."""
    text = fragment.text.strip()
    plain = text.startswith("'")
    if text.startswith("@") and not text.startswith("@@"):
        try:
            plain = scope.slot(text).type_text.strip().upper().startswith(("VARCHAR", "CHAR"))
        except UnknownVariable:  # fails where it is evaluated
            plain = False
    if plain:
        raise TsqlError(
            214, f"Procedure expects parameter '{parameter}' of type 'ntext/nchar/nvarchar'."
        )


def declared_parameters(text: str) -> list[tuple[str, str, bool]]:
    """``(name, type, output)`` of each definition in sp_executesql's ``@params``."""
    parts = [part.strip() for part in re.split(r",(?![^(]*\))", text) if part.strip()]
    declared = []
    for part in parts:
        name, _, type_text = part.partition(" ")
        output = _OUTPUT.match(type_text.strip())
        declared.append((name, (output.group(1) if output else type_text).strip(), bool(output)))
    return declared


def bind_parameters(definitions: str, values: tuple[Fragment, ...]) -> list[Parameter]:
    """The parameters of a call: each definition with the value passed for it."""
    declared = declared_parameters(definitions)
    by_name = {name.lower(): (name, type_text, output) for name, type_text, output in declared}
    bound: dict[str, Parameter] = {}
    for position, argument in enumerate(values):
        named = _NAMED.match(argument.text)
        if named:
            key, text, start = named.group(1).lower(), named.group(2), argument.start
            start += named.start(2)
        elif position < len(declared):
            key, text, start = declared[position][0].lower(), argument.text, argument.start
        else:
            raise TsqlError(8144, "Procedure or function has too many arguments specified.")
        if key not in by_name:
            raise TsqlError(8145, f"{key} is not a parameter for procedure sp_executesql.")
        name, type_text, declared_output = by_name[key]
        passed_output = _OUTPUT.match(text)
        receiver = None
        if passed_output:
            text = passed_output.group(1)
            if not declared_output:
                raise TsqlError(
                    8162,
                    f'The formal parameter "{name}" was not declared as an OUTPUT parameter, '
                    "but the actual parameter passed in requested output.",
                )
            receiver = text.strip()
        bound[key] = Parameter(name, type_text, Fragment(text, start), receiver)
    for name, type_text, _ in declared:
        if name.lower() not in bound:
            bound[name.lower()] = Parameter(name, type_text, None)
    return list(bound.values())


def run_execute(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    """Run an EXEC of dynamic SQL or sp_executesql (procedure calls are refused before)."""
    call = read_execute(node)
    assert call is not None
    if not call.procedure:
        text = interpreter.evaluate(call.statement, scope, frame)
        run_dynamic(interpreter, str(text or ""), scope, [], frame, node)
        return
    unicode_check(call.statement, scope, "@statement")
    text = interpreter.evaluate(call.statement, scope, frame)
    parameters: list[Parameter] = []
    if call.parameters is not None:
        unicode_check(call.parameters, scope, "@params")
        definitions = str(interpreter.evaluate(call.parameters, scope, frame) or "")
        parameters = bind_parameters(definitions, call.values)
        for parameter in parameters:
            if parameter.value is None and not table_parameters.is_readonly(parameter.type_text):
                raise TsqlError(
                    8178,
                    f"The parameterized query '({definitions}){text}' expects the parameter "
                    f"'{parameter.name}', which was not supplied.",
                )
    run_dynamic(interpreter, str(text or ""), scope, parameters, frame, node, procedure=True)


def run_dynamic(
    interpreter: Runtime,
    text: str,
    caller: Scope,
    parameters: list[Parameter],
    frame: Frame,
    node: Command,
    procedure: bool = False,
) -> None:
    """Run ``text`` as a batch of its own, then copy OUTPUT parameters back.

    It is one nesting level down (two for sp_executesql, itself a procedure), as
    @@NESTLEVEL shows, and the #temp tables it creates go when it ends."""
    location = frame.location(node.start)
    inner = Frame(text, frame.path, 0, dynamic_at=location)
    block = interpreter.split(text, inner)
    first = block.body[0] if block.body else None
    inner = Frame(text, frame.path, 0, dynamic_at=location, first=first, end=len(text))
    scope = Scope(interpreter.session, interpreter.catalog, ModuleState(), caller.level + 1)
    for parameter in parameters:
        declared = (parameter.name, parameter.type_text, parameter.value)
        if table_parameters.bind_dynamic(interpreter, declared, caller, scope, frame, node.start):
            continue
        value: Any = None
        if parameter.value is not None:
            value = interpreter.evaluate(parameter.value, caller, frame, parameter.type_text)
        type_sql = interpreter.emulation.type_sql(parameter.type_text)
        scope.declare(parameter.name, parameter.type_text, type_sql)
        scope.set(parameter.name, value)
    levels = 2 if procedure else 1
    session = interpreter.session
    session.nest_level += levels
    try:
        with contextlib.suppress(BatchReturn):
            interpreter.run_node(block, scope, inner)
    finally:
        session.nest_level -= levels
        interpreter.end_scope(scope)
    for parameter in parameters:
        if parameter.receiver is not None:
            try:
                caller.set(parameter.receiver, scope.get(parameter.name))
            except UnknownVariable:
                raise TsqlError(
                    137, f'Must declare the scalar variable "{parameter.receiver}".'
                ) from None
