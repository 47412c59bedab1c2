"""T-SQL statements the interpreter runs itself: PRINT, THROW, RAISERROR, RETURN,
BREAK/CONTINUE, EXEC of dynamic SQL, SET options and transactions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from etlcheck.tsql.nodes import words
from etlcheck.tsql.scope import Scope, TsqlError, format_raiserror
from etlcheck.tsql.statements import Command, Fragment

if TYPE_CHECKING:
    from etlcheck.tsql.interpreter import Frame, Interpreter

ACCEPTED_OPTIONS = words(
    """NOCOUNT XACT_ABORT ANSI_NULLS QUOTED_IDENTIFIER ANSI_WARNINGS ANSI_PADDING
    ARITHABORT CONCAT_NULL_YIELDS_NULL NUMERIC_ROUNDABORT ANSI_NULL_DFLT_ON
    IDENTITY_INSERT TRANSACTION DEADLOCK_PRIORITY LOCK_TIMEOUT STATISTICS
    IMPLICIT_TRANSACTIONS"""
)


def run_command(interpreter: Interpreter, node: Command, scope: Scope, frame: Frame) -> None:
    from etlcheck.tsql.interpreter import _Break, _Continue, _Return

    word = node.word
    if word == "PRINT":
        value = interpreter.evaluate(node.arguments[0], scope, frame) if node.arguments else ""
        interpreter.messages.append("" if value is None else _text(value))
        interpreter.session.row_count = 0
    elif word == "THROW":
        _throw(interpreter, node, scope, frame)
    elif word == "RAISERROR":
        _raiserror(interpreter, node, scope, frame)
    elif word == "RETURN":
        raise _Return()
    elif word == "BREAK":
        raise _Break()
    elif word == "CONTINUE":
        raise _Continue()
    elif word in ("EXEC", "EXECUTE"):
        _execute(interpreter, node, scope, frame)
    elif word == "SET":
        option = node.arguments[0].text.split()[0].upper() if node.arguments else ""
        if option not in ACCEPTED_OPTIONS:
            raise interpreter.unsupported(f"SET {option}", "these SET options", frame, node.start)
        interpreter.session.row_count = 0
    elif word in ("BEGIN", "COMMIT", "ROLLBACK", "SAVE"):
        _transaction(interpreter, node, frame)
    else:
        raise interpreter.unsupported(word, f"{word} statements", frame, node.start)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _throw(interpreter: Interpreter, node: Command, scope: Scope, frame: Frame) -> None:
    session = interpreter.session
    if not node.arguments:
        if not session.caught:
            raise interpreter.failure(
                "THROW without parameters must be inside a CATCH block.", frame, node.start
            )
        raise session.caught[-1]
    if len(node.arguments) != 3:
        raise interpreter.unsupported(
            "THROW", "THROW forms other than 3 arguments", frame, node.start
        )
    number, message, state = (interpreter.evaluate(a, scope, frame) for a in node.arguments)
    error = interpreter.failure(str(message), frame, node.start, int(number), node.fragment.text)
    error.state = int(state)
    raise error


def _raiserror(interpreter: Interpreter, node: Command, scope: Scope, frame: Frame) -> None:
    if len(node.arguments) < 3:
        raise interpreter.unsupported(
            "RAISERROR", "RAISERROR without severity and state", frame, node.start
        )
    values = [interpreter.evaluate(argument, scope, frame) for argument in node.arguments]
    template, severity, state = values[0], int(values[1]), int(values[2])
    if not isinstance(template, str):
        raise interpreter.unsupported("RAISERROR msg_id", "message numbers", frame, node.start)
    message = format_raiserror(template, values[3:])
    if severity < 11:
        interpreter.messages.append(message)
        return
    error = interpreter.failure(message, frame, node.start, 50000, node.fragment.text)
    error.severity, error.state = severity, state
    raise error


def _transaction(interpreter: Interpreter, node: Command, frame: Frame) -> None:
    session = interpreter.session
    target = interpreter.target
    word = node.word
    if word == "SAVE":
        raise interpreter.unsupported("SAVE TRANSACTION", "savepoints", frame, node.start)
    if word == "BEGIN":
        if session.transaction_count == 0:
            target.begin_transaction()
        session.transaction_count += 1
    elif word == "COMMIT":
        if session.transaction_count == 0:
            raise interpreter.failure(
                "The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.",
                frame,
                node.start,
                3902,
            )
        session.transaction_count -= 1
        if session.transaction_count == 0:
            target.commit_transaction()
    else:
        if session.transaction_count == 0:
            raise interpreter.failure(
                "The ROLLBACK TRANSACTION request has no corresponding BEGIN TRANSACTION.",
                frame,
                node.start,
                3903,
            )
        session.transaction_count = 0
        target.rollback_transaction()
    session.row_count = 0


def _execute(interpreter: Interpreter, node: Command, scope: Scope, frame: Frame) -> None:
    arguments = node.arguments
    if not arguments:
        raise interpreter.unsupported("EXEC", "EXEC without arguments", frame, node.start)
    head = arguments[0].text.strip()
    if head.startswith("("):
        text = interpreter.evaluate(Fragment(head, arguments[0].start), scope, frame)
        _run_dynamic(interpreter, str(text or ""), {}, frame, node)
        return
    match = re.match(r"(?:\[?sys\]?\.)?\[?sp_executesql\]?\s+(.*)", head, re.IGNORECASE | re.DOTALL)
    if match is None:
        raise interpreter.unsupported(
            f"EXEC {head.split()[0]}", "stored procedure calls", frame, node.start
        )
    statement = Fragment(match.group(1), arguments[0].start + match.start(1))
    text = interpreter.evaluate(statement, scope, frame)
    parameters: dict[str, tuple[str, Any]] = {}
    if len(arguments) > 1:
        declaration = str(interpreter.evaluate(arguments[1], scope, frame) or "")
        declared = _parameter_declarations(declaration)
        for position, argument in enumerate(arguments[2:]):
            name_match = re.match(r"\s*(@\w+)\s*=\s*(.*)", argument.text, re.DOTALL)
            if name_match:
                name, value_text = name_match.group(1), name_match.group(2)
            else:
                name, value_text = declared[position][0], argument.text
            types = dict(declared)
            value = interpreter.evaluate(Fragment(value_text, argument.start), scope, frame)
            parameters[name] = (types.get(name, "NVARCHAR(MAX)"), value)
    _run_dynamic(interpreter, str(text or ""), parameters, frame, node)


def _parameter_declarations(text: str) -> list[tuple[str, str]]:
    parts = [part.strip() for part in re.split(r",(?![^(]*\))", text) if part.strip()]
    declared = []
    for part in parts:
        name, _, type_text = part.partition(" ")
        if type_text.upper().rstrip().endswith(("OUTPUT", "OUT")):
            raise TsqlError(50000, "sp_executesql OUTPUT parameters are not supported")
        declared.append((name, type_text.strip()))
    return declared


def _run_dynamic(
    interpreter: Interpreter,
    text: str,
    parameters: dict[str, tuple[str, Any]],
    frame: Frame,
    node: Command,
) -> None:
    from etlcheck.tsql.interpreter import Frame as FrameType
    from etlcheck.tsql.interpreter import _Return

    location = frame.location(node.start)
    inner = FrameType(text, frame.path, 0, dynamic_at=location)
    block = interpreter._split(text, inner)
    inner = FrameType(
        text, frame.path, 0, dynamic_at=location, first=block.body[0] if block.body else None
    )
    scope = Scope(interpreter.session, interpreter.catalog)
    for name, (type_text, value) in parameters.items():
        scope.declare(name, type_text, interpreter.emulation.type_sql(type_text))
        scope.set(name, value)
    try:
        interpreter._run(block, scope, inner)
    except _Return:
        return
