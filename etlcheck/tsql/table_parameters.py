"""Parameters of user-defined types: ``@ids s.OrderIdList READONLY`` (a table-valued
parameter) and ``@code s.Code`` (an alias type), as SQL Server documents them.

A procedure's parameter types are read when it is created, and again when it is read
back: an alias type stands for its base type, a table type for a table variable with the
type's columns. A table-valued parameter must be READONLY (error 352) and the body may
not write it (error 10700, at CREATE PROCEDURE). A call copies the rows of the table
variable passed into the procedure's own table variable (a faithful copy: the procedure
cannot write it); passing nothing, or DEFAULT, gives an empty table.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql import tablevars, user_types
from etlcheck.tsql.calls import Argument
from etlcheck.tsql.catalog import DEFAULT_SCHEMA
from etlcheck.tsql.frames import HINT
from etlcheck.tsql.nodes import Block, Declare, Fragment, If, Node, Sql, TryCatch, Variable, While
from etlcheck.tsql.tokens import SplitError, tokenize, word_of
from etlcheck.tsql.user_type_store import UserType

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.routines import RoutineHeader
    from etlcheck.tsql.runtime import Runtime
    from etlcheck.tsql.scope import Scope

_READONLY = re.compile(r"\s+READONLY\s*$", re.IGNORECASE)
_WRITES = {"INSERT": "INTO", "UPDATE": "", "DELETE": "FROM", "MERGE": "INTO"}


def resolve(
    interpreter: Runtime, header: RoutineHeader, frame: Frame, start: int
) -> tuple[RoutineHeader, tuple[str | None, ...]]:
    """``header`` with each alias type replaced by its base type, and each parameter's
    table type columns (None for a parameter that is not table-valued)."""
    parameters = []
    tables: list[str | None] = []
    for number, parameter in enumerate(header.parameters, 1):
        name = user_types.type_name(parameter.type_text)
        found = None if name is None else user_types.find(interpreter, name)
        if name is not None and found is None:
            raise user_types.missing(interpreter, parameter.type_text, number, frame, start)
        if found is not None and found.kind == user_types.ALIAS_KIND:
            parameter = replace(parameter, type_text=found.definition)
        table = (
            found.definition if found is not None and found.kind == user_types.TABLE_KIND else None
        )
        if table is not None and not parameter.readonly:
            raise interpreter.failure(
                f'The table-valued parameter "{parameter.name}" must be declared with the '
                "READONLY option.",
                frame,
                start,
                352,
            )
        parameters.append(parameter)
        tables.append(table)
    return replace(header, parameters=tuple(parameters)), tuple(tables)


def check_not_written(
    interpreter: Runtime, header: RoutineHeader, body: Block, frame: Frame
) -> None:
    """SQL Server's error 10700 when the body writes a READONLY parameter."""
    readonly = {p.name.lower() for p in header.parameters if p.readonly}
    if not readonly:
        return
    for node in _statements(body):
        written = _written(node.fragment.text)
        if written is not None and written.lower() in readonly:
            raise interpreter.failure(
                f'The table-valued parameter "{written}" is READONLY and cannot be modified.',
                frame,
                node.start,
                10700,
            )


def _statements(node: Node) -> list[Sql]:
    if isinstance(node, Sql):
        return [node]
    children: list[Node] = []
    if isinstance(node, Block):
        children = list(node.body)
    elif isinstance(node, If):
        children = [child for child in (node.then, node.otherwise) if child is not None]
    elif isinstance(node, While):
        children = [node.body]
    elif isinstance(node, TryCatch):
        children = [node.body, node.handler]
    return [statement for child in children for statement in _statements(child)]


def _written(text: str) -> str | None:
    """The variable an INSERT, UPDATE, DELETE or MERGE writes, or that OUTPUT ... INTO
    fills; None when it writes none."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    spelled = [word_of(token) for token in tokens]
    if spelled and spelled[0] in _WRITES:
        at = 1
        if at < len(tokens) and spelled[at] == _WRITES[spelled[0]]:
            at += 1
        if at + 1 < len(tokens) and tokens[at].text == "@":
            return "@" + tokens[at + 1].text
    for index, word in enumerate(spelled[:-2]):
        if word == "OUTPUT":
            for later in range(index + 1, len(tokens) - 1):
                if spelled[later] == "INTO":
                    following = tokens[later + 1]
                    if following.text == "@" and later + 2 < len(tokens):
                        return "@" + tokens[later + 2].text
                    break
    return None


def bind(
    interpreter: Runtime,
    name: str,
    columns: str,
    argument: Argument | None,
    caller: Scope,
    inner: Scope,
    frame: Frame,
    call_start: int,
) -> None:
    """Declare the table-valued parameter ``name`` in ``inner`` with the rows of the
    table variable ``argument`` passes (none when it passes nothing or DEFAULT)."""
    start = argument.start if argument is not None else call_start
    variable = Variable(name, "TABLE", None, columns, start + len(f"CREATE TABLE {name} "))
    tablevars.declare(interpreter, variable, Declare(start, (variable,)), inner, frame)
    if argument is None or argument.value is None:
        return
    text = argument.value.text.strip()
    passed = caller.table_variables.get(text.lower()) if text.startswith("@") else None
    if passed is None:
        raise UnsupportedConstruct(
            f"{name} READONLY: only a table variable may be passed to a table-valued "
            f"parameter, not {text}",
            frame.location(argument.value.start),
            HINT,
        )
    own = inner.table_variables[name.lower()]
    interpreter.target.execute(
        f"INSERT INTO {_quoted(own.engine_name)} SELECT * FROM {_quoted(passed.engine_name)}"
    )
    if interpreter.session.transaction_count:
        tablevars.save_table_variables(interpreter, inner, (name,))


def _quoted(engine_name: str) -> str:
    return '"#' + engine_name.replace('"', '""') + '"'


def declared_types(
    header: RoutineHeader, known: dict[tuple[str, str], UserType]
) -> list[tuple[str, str | None, str | None]]:
    """For the compatibility pass: each parameter's name, its type (an alias's base type)
    and a table type's columns; a parameter of a type made elsewhere is left out (checked
    when the procedure is created)."""
    found: list[tuple[str, str | None, str | None]] = []
    for parameter in header.parameters:
        name = user_types.type_name(parameter.type_text)
        if name is None:
            found.append((parameter.name, parameter.type_text, None))
            continue
        schema, type_ = name
        user_type = known.get(((schema or DEFAULT_SCHEMA).lower(), type_.lower()))
        if user_type is None:
            continue
        if user_type.kind == user_types.TABLE_KIND:
            found.append((parameter.name, None, user_type.definition))
        else:
            found.append((parameter.name, user_type.definition, None))
    return found


def is_readonly(type_text: str) -> bool:
    """Whether an sp_executesql parameter definition's type ends in READONLY."""
    return _READONLY.search(type_text) is not None


def bind_dynamic(
    interpreter: Runtime,
    parameter: tuple[str, str, Fragment | None],
    caller: Scope,
    inner: Scope,
    frame: Frame,
    call_start: int,
) -> bool:
    """Declare an sp_executesql parameter of a user-defined type in ``inner`` (an alias
    type as its base type, a table type with the rows passed); False for another."""
    parameter_name, declared, passed = parameter
    type_text = _READONLY.sub("", declared)
    name = user_types.type_name(type_text)
    if name is None:
        return False
    found = user_types.find(interpreter, name)
    if found is None:
        raise user_types.missing(interpreter, type_text, 1, frame, call_start)
    if found.kind == user_types.TABLE_KIND:
        if not is_readonly(declared):
            raise interpreter.failure(
                f'The table-valued parameter "{parameter_name}" must be declared with the '
                "READONLY option.",
                frame,
                call_start,
                352,
            )
        argument = Argument(None, passed, False, call_start)
        bind(
            interpreter,
            parameter_name,
            found.definition,
            argument,
            caller,
            inner,
            frame,
            call_start,
        )
        return True
    value = None
    if passed is not None:
        value = interpreter.evaluate(passed, caller, frame, found.definition)
    inner.declare(
        parameter_name, found.definition, interpreter.emulation.type_sql(found.definition)
    )
    inner.set(parameter_name, value)
    return True
