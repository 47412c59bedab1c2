"""Multi-statement table-valued functions read by a statement (``FROM dbo.f(1, @d) AS x``).

Before the statement is compiled, each call runs the function's body as a procedure's
runs: one nesting level down, its parameters declared and set from the arguments
(converted to their types as SQL Server converts them), its ``RETURNS @t TABLE (...)``
declared as a table variable. The statement then reads that filled table in place of the
call, under the call's alias (the function's name when it has none): the call's text is
replaced by a table variable of the statement's scope, which goes when the statement
ends. Each call of the statement has its own run. What cannot run so (a call with a
column of the query, a call in a view) is refused (``function_calls.call_refusal``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql import procedures, tablevars
from etlcheck.tsql.frames import HINT, BatchReturn, Frame, LoopBreak, LoopContinue
from etlcheck.tsql.function_calls import FunctionCall, call_refusal, find_calls, in_catalog
from etlcheck.tsql.holes import TABLE_TYPE_PREFIX
from etlcheck.tsql.nodes import Declare, Fragment
from etlcheck.tsql.parsing import describe
from etlcheck.tsql.scope import ModuleState, Scope

if TYPE_CHECKING:
    from etlcheck.tsql.routines import RoutineDefinition
    from etlcheck.tsql.runtime import Runtime

_RUNS = itertools.count(1)
_CALLED = re.compile(
    r"\b(?:FROM|JOIN|APPLY)\s+[\w\[\]\".]+\s*\(|,\s*[\w\[\]\"]+\s*\.\s*[\w\[\]\"]+\s*\(",
    re.IGNORECASE,
)
"""A function called where a table goes, or a two-part name called after a comma (a FROM
list's ``t, dbo.f(1) AS x``): the catalog is asked only then."""
_STAND_IN = "@__etlcheck_tvf_{}"


@dataclass
class Prepared:
    """The statement with its calls replaced, and the table variables that replaced them."""

    fragment: Fragment
    variables: list[str] = field(default_factory=list)


def prepare(
    interpreter: Runtime, fragment: Fragment, scope: Scope, frame: Frame, lead: int = 0
) -> Prepared | None:
    """Run the multi-statement functions ``fragment`` reads; None when it reads none."""
    if _CALLED.search(fragment.text) is None:
        return None
    functions = interpreter.catalog.of_type("TF")
    if not functions:
        return None
    lowered = fragment.text.lower()
    if not any(function.name.lower() in lowered for function in functions):
        return None

    calls = find_calls(fragment.text, in_catalog(interpreter.catalog))
    if not calls:
        return None
    for call in calls:
        refused = call_refusal(fragment.text, call)
        if refused is not None:
            offset = call.first
            location = frame.location(fragment.start + max(0, offset - lead))
            raise UnsupportedConstruct(describe(refused), location, HINT)
    prepared = Prepared(fragment)
    pieces: list[str] = []
    done = 0
    try:
        for call in calls:
            variable = _run(interpreter, call, fragment, scope, frame)
            prepared.variables.append(variable)
            pieces.append(fragment.text[done : call.first])
            pieces.append(_stand_in(call, variable))
            done = call.end
    except BaseException:
        release(interpreter, prepared, scope)
        raise
    pieces.append(fragment.text[done:])
    prepared.fragment = Fragment("".join(pieces), fragment.start)
    return prepared


def _stand_in(call: FunctionCall, variable: str) -> str:
    """What reads the filled table where the call was."""
    text = f"(SELECT * FROM {variable})" if call.applied else variable
    if not call.aliased:
        text += " AS [" + call.name.replace("]", "]]") + "]"
    return text


def release(interpreter: Runtime, prepared: Prepared, scope: Scope) -> None:
    """The statement ended: the tables its calls filled go."""
    for variable in prepared.variables:
        tablevars.drop(interpreter, scope, variable)
        scope.variables.pop(variable.lower(), None)
    prepared.variables.clear()


def _run(
    interpreter: Runtime, call: FunctionCall, fragment: Fragment, scope: Scope, frame: Frame
) -> str:
    """Run the function of ``call``; the table variable of ``scope`` that holds its rows."""
    start = fragment.start + call.first
    routine = procedures.find(interpreter, [call.schema, call.name])
    if routine is None or routine.header.returned is None:
        raise interpreter.failure(f"Invalid object name '{call.shown}'.", frame, start, 208)
    values = _argument_values(interpreter, routine, call, scope, frame, start)
    session = interpreter.session
    if session.nest_level >= procedures.MAX_NESTING:
        raise interpreter.failure(
            "Maximum stored procedure, function, trigger, or view nesting level exceeded "
            f"(limit {procedures.MAX_NESTING}).",
            frame,
            start,
            217,
        )
    inner = Scope(
        session,
        interpreter.catalog,
        ModuleState(routine.shown, routine.object_id),
        level=scope.level + 1,
    )
    for index, parameter in enumerate(routine.header.parameters):
        inner.declare(parameter.name, parameter.type_text, routine.parameter_types[index])
        inner.set(parameter.name, values[index])
    returned = routine.header.returned
    run = next(_RUNS)
    with procedures.quietly(interpreter):
        table = tablevars.declare(
            interpreter,
            returned,
            Declare(returned.columns_start, (returned,)),
            inner,
            routine.frame,
            engine=f"{returned.name.lower()}~tvf{run}",
        )
        _run_body(interpreter, routine, inner, returned.name)
    variable = _STAND_IN.format(run)
    table.name = variable
    scope.declare(variable, TABLE_TYPE_PREFIX + table.engine_name, None)
    scope.table_variables[variable.lower()] = table
    return variable


def _run_body(interpreter: Runtime, routine: RoutineDefinition, inner: Scope, kept: str) -> None:
    """The body, one nesting level down; what its scope made goes, but the returned table."""
    session = interpreter.session
    options = dict(session.options)
    session.nest_level += 1
    try:
        interpreter.run_node(routine.body, inner, routine.frame)
    except (BatchReturn, LoopBreak, LoopContinue):
        pass
    finally:
        session.nest_level -= 1
        session.options = options
        table = inner.table_variables.pop(kept.lower())
        try:
            interpreter.end_scope(inner)
        except BaseException:
            inner.table_variables[kept.lower()] = table
            raise


def _argument_values(
    interpreter: Runtime,
    routine: RoutineDefinition,
    call: FunctionCall,
    scope: Scope,
    frame: Frame,
    start: int,
) -> list[Any]:
    """Each argument's value converted to its parameter's type; SQL Server's errors 8144
    (too many) and 313 (too few: a function has no implicit defaults, ``DEFAULT`` asks)."""
    parameters = routine.header.parameters
    if len(call.arguments) > len(parameters):
        raise interpreter.failure(
            f"Procedure or function {routine.name} has too many arguments specified.",
            frame,
            start,
            8144,
        )
    if len(call.arguments) < len(parameters):
        raise interpreter.failure(
            "An insufficient number of arguments were supplied for the procedure or function "
            f"{call.shown}.",
            frame,
            start,
            313,
        )
    values: list[Any] = []
    for parameter, argument in zip(parameters, call.arguments, strict=True):
        placed = Fragment(argument.text, argument.start + (start - call.first))
        if argument.text.strip().upper() == "DEFAULT" and parameter.default is not None:
            default = parameter.default
            value = interpreter.evaluate(default, scope, routine.frame, parameter.type_text)
        else:
            value = interpreter.evaluate(placed, scope, frame, parameter.type_text)
        values.append(value)
    return values
