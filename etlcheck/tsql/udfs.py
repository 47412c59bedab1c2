"""User-defined functions whose body is one expression (scalar) or one query (inline
table-valued), made engine objects so that the statements calling them run on the
engine as they are: a DuckDB macro, a PostgreSQL SQL function.

The body is compiled like any statement (``SELECT CAST((expr) AS type)`` for a scalar
function, the query for an inline one) with the parameters declared in its scope; each
parameter becomes the engine's own reference to it, converted to the parameter's type
as SQL Server converts an argument. A body that reads anything else the interpreter
fills in at run time (another variable, ``@@ROWCOUNT``, a catalog lookup) is refused:
the engine object would freeze the value it had when the function was created.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.tsql.compiler import Compiled, CompileError, compile_statement
from etlcheck.tsql.emulation.conversions import MOMENTS
from etlcheck.tsql.emulation.routines import FunctionSignature
from etlcheck.tsql.nodes import Fragment, Routine
from etlcheck.tsql.routines import FUNCTION, RoutineHeader, function_body
from etlcheck.tsql.scope import Scope, Session

if TYPE_CHECKING:
    from etlcheck.tsql.emulation import Emulation
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime


def body_statement(routine: Routine, header: RoutineHeader) -> Fragment:
    """The statement that computes the function's result, placed where its body is."""
    body = function_body(routine, header)
    if body is None:
        raise CompileError(f"{header.kind} {header.shown}: unsupported body", header.kind)
    if is_inline(header):
        return body
    text = f"SELECT CAST(({body.text}) AS {header.returns})"
    return Fragment(text, body.start - len("SELECT CAST(("))


def is_inline(header: RoutineHeader) -> bool:
    return header.kind == FUNCTION and (header.returns or "").strip().upper() == "TABLE"


def compile_body(emulation: Emulation, routine: Routine, header: RoutineHeader) -> Compiled:
    """The function's body compiled for ``emulation``; CompileError when it cannot run."""
    scope = Scope(Session())
    for parameter in header.parameters:
        scope.declare(parameter.name, parameter.type_text, None)
    statement = body_statement(routine, header)
    compiled = compile_statement(statement.text, emulation, scope.types)
    parameters = {p.name.lower() for p in header.parameters}
    others = [name for name in compiled.variables if name.lower() not in parameters]
    if others:
        raise CompileError(
            f"{header.shown}: a function body may read only its parameters, not {others[0]}",
            f"{header.kind} {header.shown}",
            word=others[0].lstrip("@"),
        )
    if compiled.kind != "query" or len(compiled.steps) != 1 or compiled.checks:
        raise CompileError(
            f"{header.shown}: this function body is not supported", f"{header.kind} {header.shown}"
        )
    return compiled


def create(
    interpreter: Runtime,
    routine: Routine,
    header: RoutineHeader,
    scope: Scope,
    frame: Frame,
    replaces: bool,
) -> None:
    """Create (or replace) the engine object of a function."""
    emulation = interpreter.emulation
    try:
        compiled = compile_body(emulation, routine, header)
    except CompileError as error:
        raise interpreter.refused(error, routine.header, frame) from None
    names = [p.name.lower() for p in header.parameters]
    types = [emulation.type_sql(p.type_text) for p in header.parameters]
    converted = [
        _converted(emulation, parameter.name, parameter.type_text, index)
        for index, parameter in enumerate(header.parameters)
    ]

    def reference(hole: str) -> str:
        return converted[names.index(hole.lower())]

    def null(hole: str) -> str:
        return f"CAST(NULL AS {types[names.index(hole.lower())]})"

    template = compiled.steps[0]
    body_sql = template.render(reference)
    schema = header.schema or "dbo"
    signature = FunctionSignature(schema, header.name, tuple(names), tuple(types))
    if is_inline(header):
        columns = emulation.routine_sql.columns(interpreter.target, template.render(null))
        sql = emulation.routine_sql.table(signature, columns, body_sql)
    else:
        returns = emulation.type_sql(header.returns or "")
        expression = body_sql.removeprefix("SELECT ")
        sql = emulation.routine_sql.scalar(signature, returns, expression)
    if replaces:
        drop(interpreter, schema, header.name, "IF" if is_inline(header) else "FN")
    interpreter.run_engine_statement(sql, routine.header, frame)


def _converted(emulation: Emulation, name: str, type_text: str, index: int) -> str:
    """The ``index``-th parameter as the body sees it: the argument converted to the
    declared type as SQL Server converts it (``CAST(@p AS NVARCHAR(3))`` keeps three
    characters), in the engine's dialect."""
    raw = emulation.routine_sql.parameter(index, name)
    # An argument for a date or time parameter may be text ('20240201'), which SQL Server
    # reads in its own forms: the argument's type is left unknown, so the conversion reads
    # text as SQL Server does and leaves a date or time as it is.
    moment = type_text.split("(")[0].strip().upper() in MOMENTS
    compiled = compile_statement(
        f"SELECT CAST({name} AS {type_text})", emulation, {} if moment else {name: type_text}
    )
    if len(compiled.steps) != 1 or compiled.checks:
        return f"CAST({raw} AS {emulation.type_sql(type_text)})"
    return compiled.steps[0].render(lambda hole: raw).removeprefix("SELECT ")


def drop(interpreter: Runtime, schema: str, name: str, type_: str) -> None:
    """Drop the engine object of a function."""
    signature = FunctionSignature(schema, name, (), ())
    interpreter.target.execute(interpreter.emulation.routine_sql.drop(signature, type_ == "IF"))
