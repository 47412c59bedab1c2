"""T-SQL statements the interpreter runs itself: PRINT, THROW, RAISERROR, RETURN,
BREAK/CONTINUE, GOTO, WAITFOR DELAY, EXEC (of dynamic SQL or of a procedure), cursor
commands, SET options, transactions and DBCC CHECKIDENT.

``refusal`` says which of them (and which DECLAREs) the interpreter cannot run
faithfully; the interpreter and the compatibility pass both ask it.
"""

from __future__ import annotations

import datetime
import re
import time
from typing import TYPE_CHECKING, Any

from sqlglot.errors import ParseError

from etlcheck.tsql import (
    checkident,
    cursors,
    extended_properties,
    procedures,
    renames,
    savepoints,
    tablevars,
)
from etlcheck.tsql.calls import call_refusal, read_call
from etlcheck.tsql.datefirst import datefirst_value, set_datefirst
from etlcheck.tsql.dynamic import read_execute, run_execute
from etlcheck.tsql.frames import BatchReturn, Goto, LoopBreak, LoopContinue
from etlcheck.tsql.nodes import Variable, words
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.property_calls import property_procedure, property_refusal
from etlcheck.tsql.raiserror import (
    SUBSTITUTION_TYPES,
    is_decimal_literal,
    raise_error,
    unlisted_argument,
    unlisted_specification,
)
from etlcheck.tsql.scope import OPTION_BITS, Scope, TsqlError
from etlcheck.tsql.statements import Command, Fragment, SplitError

if TYPE_CHECKING:
    from etlcheck.tsql.emulation import Emulation
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime

NEUTRAL_OPTIONS = words(
    """NOCOUNT XACT_ABORT IDENTITY_INSERT TRANSACTION DEADLOCK_PRIORITY LOCK_TIMEOUT
    STATISTICS"""
)
"""SET options that change nothing a script can see here, or that etlcheck honours."""
DEFAULT_ON = words(
    """ANSI_NULLS QUOTED_IDENTIFIER ANSI_WARNINGS ANSI_PADDING ARITHABORT
    CONCAT_NULL_YIELDS_NULL ANSI_NULL_DFLT_ON"""
)
DEFAULT_OFF = words("NUMERIC_ROUNDABORT IMPLICIT_TRANSACTIONS")
DEFAULT_VALUES = {"DATEFORMAT": "MDY", "LANGUAGE": "US_ENGLISH"}
"""Session settings of a us_english login: accepted when set to these values."""
"""SET options accepted only with the value they have by default (the engines have no other)."""
RAISERROR_OPTIONS = words("NOWAIT SETERROR")
_DELAY = re.compile(r"\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,3}))?)?\s*")


def refusal(node: Command) -> CompileError | None:
    """Why the interpreter cannot run ``node`` faithfully, or None when it can."""
    word = node.word
    first = node.arguments[0].text.split() if node.arguments else []
    if word == "SET":
        return _set_refusal([part.upper() for part in first[:2]])
    if word == "WAITFOR":
        kind = first[0].upper() if first else ""
        if kind != "DELAY":
            shown = f"WAITFOR {kind}".strip()
            return CompileError(
                f"{shown}: only WAITFOR DELAY is supported", shown, word=kind or "WAITFOR"
            )
    if word == "THROW" and len(node.arguments) not in (0, 3):
        return CompileError("THROW: THROW forms other than 3 arguments are not supported", "THROW")
    if word == "RAISERROR":
        return _raiserror_refusal(node)
    if word in ("EXEC", "EXECUTE"):
        return _execute_refusal(node)
    if word in cursors.CURSOR_COMMANDS:
        return cursors.command_refusal(node)
    if word == "USE":
        return CompileError(f"{word}: {word} statements are not supported", word)
    if word == "DENY":
        return CompileError("DENY: permissions that deny are not emulated", word)
    if word == "DBCC":
        return checkident.dbcc_refusal(node)
    return None


def _execute_refusal(node: Command) -> CompileError | None:
    if not node.arguments:
        return CompileError("EXEC: EXEC without arguments is not supported", "EXEC")
    if node.arguments[0].text.split()[0].upper() in ("AS", "AS("):
        return CompileError("EXECUTE AS: impersonation is not supported", "EXECUTE AS")
    if read_execute(node) is not None:
        return None
    try:
        call = read_call(node)
    except SplitError as error:
        return CompileError(f"EXEC: {error.message}", "EXEC")
    procedure = property_procedure(call)
    if procedure is not None:
        return property_refusal(procedure, call)
    if renames.rename_procedure(call):
        return renames.rename_refusal(call)
    return call_refusal(call)


def _set_refusal(words_: list[str]) -> CompileError | None:
    option = words_[0] if words_ else ""
    value = words_[1] if len(words_) > 1 else ""
    if option in NEUTRAL_OPTIONS:
        return None
    if (option in DEFAULT_ON and value == "ON") or (option in DEFAULT_OFF and value == "OFF"):
        return None
    if DEFAULT_VALUES.get(option) == value.strip("'\"[]").upper():
        return None
    if option == "DATEFIRST":
        if datefirst_value(value) is not None:
            return None
        shown = f"SET DATEFIRST {value}".strip()
        return CompileError(
            f"{shown}: only a number from 1 (Monday) to 7 (Sunday) is supported",
            shown,
            word=option,
        )
    shown = f"SET {option} {value}".strip()
    if option in DEFAULT_ON | DEFAULT_OFF or option in DEFAULT_VALUES:
        return CompileError(f"{shown}: only the default setting is emulated", shown, word=option)
    return CompileError(f"SET {option}: these SET options are not supported", f"SET {option}")


def _raiserror_refusal(node: Command) -> CompileError | None:
    if len(node.arguments) < 3:
        return CompileError(
            "RAISERROR: RAISERROR without severity and state is not supported", "RAISERROR"
        )
    if re.fullmatch(r"\s*\d+\s*", node.arguments[0].text):
        return CompileError(
            "RAISERROR msg_id: messages from sys.messages (sp_addmessage) are not emulated",
            "RAISERROR msg_id",
        )
    template = node.arguments[0].text.strip()
    if template[:2].upper() == "N'":
        template = template[1:]
    if template.startswith("'"):
        specification = unlisted_specification(template)
        if specification is not None:
            return _unlisted_specification(specification)
    for argument in node.arguments[3:]:
        if is_decimal_literal(argument.text):
            return _unlisted_argument(argument.text.strip())
    options = _raiserror_options(node)
    unknown = sorted(options - RAISERROR_OPTIONS)
    if unknown:
        return CompileError(
            f"RAISERROR WITH {unknown[0]}: this option is not emulated",
            f"RAISERROR WITH {unknown[0]}",
            word=unknown[0],
        )
    return None


def _unlisted_specification(specification: str) -> CompileError:
    return CompileError(
        f"RAISERROR {specification}: only the types d, i, o, s, u, x and X are documented; "
        "convert the value to text (CAST ... AS VARCHAR) and use %s",
        f"RAISERROR {specification}",
        word="RAISERROR",
    )


def _unlisted_argument(shown: str) -> CompileError:
    return CompileError(
        f"RAISERROR argument {shown}: SQL Server documents only {SUBSTITUTION_TYPES} "
        "arguments; convert it to text (CAST ... AS VARCHAR) for a %s",
        "RAISERROR argument",
        word=shown,
    )


def _raiserror_options(node: Command) -> frozenset[str]:
    text = node.fragment.text
    match = re.search(r"\)\s*WITH\s+([\w\s,]+?)\s*;?\s*$", text, re.IGNORECASE)
    if match is None:
        return frozenset()
    return frozenset(part.strip().upper() for part in match.group(1).split(",") if part.strip())


def declare_refusal(variable: Variable, emulation: Emulation) -> CompileError | None:
    """Why ``DECLARE variable`` cannot run faithfully, or None."""
    from etlcheck.tsql.emulation.support import check_type_text
    from etlcheck.tsql.user_types import is_user_type

    if variable.type_text == "TABLE":
        return None  # its columns are checked as the CREATE TABLE that makes it
    if is_user_type(variable.type_text):
        return None  # checked as what its type stands for, when it runs
    construct = f"DECLARE {variable.name} {variable.type_text}"
    try:
        check_type_text(variable.type_text)
        emulation.type_sql(variable.type_text)
    except (CompileError, ParseError, ValueError):
        return CompileError(f"{construct}: variables of this type are not supported", construct)
    return None


def run_command(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    refused = refusal(node)
    if refused is not None:
        raise interpreter.refused(refused, node.fragment, frame)
    try:
        _dispatch(interpreter, node, scope, frame)
    except TsqlError as error:
        if error.location is None:
            error.location = frame.location(node.start)
            error.line = frame.batch_line(node.start)
            error.statement = error.statement or node.fragment.text
            error.procedure = error.procedure or frame.procedure
        raise


def _dispatch(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    word = node.word
    if word == "PRINT":
        # Converted as SQL Server converts a value to text (a datetime in style 0...).
        argument = node.arguments[0] if node.arguments else None
        value = interpreter.evaluate(argument, scope, frame, PRINTED) if argument else ""
        interpreter.messages.append("" if value is None else _text(value))
        interpreter.session.row_count = 0
    elif word == "THROW":
        _throw(interpreter, node, scope, frame)
    elif word == "RAISERROR":
        _raiserror(interpreter, node, scope, frame)
    elif word == "RETURN":
        _return(interpreter, node, scope, frame)
    elif word == "BREAK":
        raise LoopBreak()
    elif word == "CONTINUE":
        raise LoopContinue()
    elif word == "GOTO":
        raise Goto(node.arguments[0].text.strip())
    elif word in ("EXEC", "EXECUTE"):
        _execute(interpreter, node, scope, frame)
    elif word in cursors.CURSOR_COMMANDS:
        cursors.run_command(interpreter, node, scope, frame)
    elif word == "WAITFOR":
        _waitfor(interpreter, node, scope, frame)
    elif word == "SET":
        _set_option(interpreter, node)
    elif word == "SAVE":
        savepoints.save(interpreter, node, scope, frame)
    elif word in ("BEGIN", "COMMIT", "ROLLBACK"):
        _transaction(interpreter, node, scope, frame)
    elif word == "DBCC":
        checkident.run(interpreter, node, scope, frame)


def _execute(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    """Dynamic SQL, an extended property procedure, or a procedure of the database."""
    if read_execute(node) is not None:
        run_execute(interpreter, node, scope, frame)
        return
    call = read_call(node)
    procedure = property_procedure(call)
    if procedure is not None:
        extended_properties.run(interpreter, node, call, procedure, scope, frame)
    elif renames.rename_procedure(call):
        renames.run(interpreter, node, call, scope, frame)
    else:
        procedures.call(interpreter, node, call, scope, frame)


def _return(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    """RETURN [status]: a status only in a procedure (error 178 elsewhere); NULL is 0,
    with SQL Server's message."""
    session = interpreter.session
    if not node.arguments:
        session.row_count = 1
        raise BatchReturn()
    if frame.procedure is None:
        raise interpreter.failure(
            "A RETURN statement with a return value cannot be used in this context.",
            frame,
            node.start,
            178,
        )
    value = interpreter.evaluate(node.arguments[0], scope, frame, "INT")
    if value is None:
        interpreter.messages.append(
            f"The '{frame.procedure.split('.')[-1]}' procedure attempted to return a status of "
            "NULL, which is not allowed. A status of 0 will be returned instead."
        )
        value = 0
    session.row_count = 1
    raise BatchReturn(int(value))


def _set_option(interpreter: Runtime, node: Command) -> None:
    """SET NOCOUNT / XACT_ABORT ON|OFF are kept (@@OPTIONS shows them; a procedure's
    own settings are undone when it returns), and so is SET DATEFIRST n, which DATEPART's
    weekday and week read on the engine; the other accepted options change nothing."""
    session = interpreter.session
    parts = node.arguments[0].text.split() if node.arguments else []
    if len(parts) >= 2 and parts[0].upper() in OPTION_BITS:
        session.options[parts[0].upper()] = parts[1].upper() == "ON"
    if len(parts) >= 2 and parts[0].upper() == "DATEFIRST":
        first = datefirst_value(parts[1])
        assert first is not None  # refusal() accepted only 1 to 7
        set_datefirst(interpreter, first)
    session.row_count = 0


def delay_seconds(value: Any) -> float:
    """WAITFOR DELAY's ``hh:mm[[:ss].mss]`` (or a datetime's time of day) in seconds."""
    if isinstance(value, datetime.datetime):
        value = value.time()
    if isinstance(value, datetime.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    text = "" if value is None else str(value)
    match = _DELAY.fullmatch(text)
    if match is not None:
        hours, minutes, seconds, fraction = match.groups()
        if int(hours) < 24 and int(minutes) < 60 and int(seconds or 0) < 60:
            milliseconds = int((fraction or "0").ljust(3, "0"))
            return int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0) + milliseconds / 1e3
    raise TsqlError(
        148, f"Incorrect time syntax in time string '{text}' used with WAITFOR.", severity=15
    )


def _waitfor(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    argument = node.arguments[0]
    delay = argument.text.split(None, 1)
    if len(delay) < 2:
        raise TsqlError(102, "Incorrect syntax near 'DELAY'.", severity=15)
    start = argument.start + argument.text.index(delay[1])
    seconds = delay_seconds(interpreter.evaluate(Fragment(delay[1], start), scope, frame))
    time.sleep(seconds)
    interpreter.session.row_count = 0


PRINTED = "NVARCHAR(MAX)"
"""PRINT converts its value to text as SQL Server does: a CAST to this type."""


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
        return _datetimeoffset_text(value)
    return str(value)


def _datetimeoffset_text(value: datetime.datetime) -> str:
    """A datetimeoffset (an aware datetime) as SQL Server converts one to text:
    ``2024-05-01 12:34:56.1234560 +02:00``, seven digits of a second."""
    offset = value.utcoffset() or datetime.timedelta(0)
    sign = "-" if offset < datetime.timedelta(0) else "+"
    minutes = abs(offset) // datetime.timedelta(minutes=1)
    return f"{value:%Y-%m-%d %H:%M:%S.%f}0 {sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _throw(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    session = interpreter.session
    if not node.arguments:
        if not session.caught:
            raise interpreter.failure(
                "THROW without parameters must be inside a CATCH block.", frame, node.start
            )
        raise session.caught[-1]
    number, message, state = (interpreter.evaluate(a, scope, frame) for a in node.arguments)
    error = interpreter.failure(str(message), frame, node.start, int(number), node.fragment.text)
    error.state = int(state)
    if session.transaction_count and session.options["XACT_ABORT"]:
        _doom(interpreter)  # THROW under XACT_ABORT ON dooms the transaction
    raise error


def _doom(interpreter: Runtime) -> None:
    """Leave the open transaction uncommittable, as the engine does after a failure."""
    interpreter.session.doomed = True
    sql = interpreter.emulation.doom_transaction_sql
    if sql:
        try:
            interpreter.target.query(sql)
        except Exception:  # the failure is the point: it aborts the transaction
            return


def _raiserror(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    values = [interpreter.evaluate(argument, scope, frame) for argument in node.arguments]
    template = values[0]
    if not isinstance(template, str):
        raise interpreter.refused(
            CompileError(
                "RAISERROR msg_id: messages from sys.messages (sp_addmessage) are not emulated",
                "RAISERROR msg_id",
            ),
            node.fragment,
            frame,
        )
    unlisted = unlisted_argument(values[3:])
    if unlisted is not None:
        shown = node.arguments[3 + unlisted - 1].text.strip()
        raise interpreter.refused(_unlisted_argument(shown), node.fragment, frame)
    specification = unlisted_specification(template)
    if specification is not None:
        raise interpreter.refused(_unlisted_specification(specification), node.fragment, frame)
    try:
        raised = raise_error(
            template, int(values[1]), int(values[2]), values[3:], _raiserror_options(node)
        )
    except TsqlError as error:
        raise interpreter.failure(
            error.message, frame, node.start, error.number, node.fragment.text
        ) from None
    if not raised.is_error:
        interpreter.messages.append(raised.message)
        interpreter.session.last_error = raised.error_number
        return
    failure = interpreter.failure(raised.message, frame, node.start, 50000, node.fragment.text)
    failure.severity, failure.state = raised.severity, raised.state
    raise failure


def _transaction(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    session = interpreter.session
    target = interpreter.target
    word = node.word
    if word == "BEGIN":
        if session.transaction_count == 0:
            target.begin_transaction()
            session.doomed = False
            session.transaction_name = savepoints.transaction_name(interpreter, node, scope, frame)
            session.savepoints.clear()
            tablevars.save_all(interpreter)
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
            session.doomed = False
            session.savepoints.clear()
            tablevars.forget_saved(interpreter)
    else:
        if session.insert_exec is not None:
            raise interpreter.failure(
                "Cannot use the ROLLBACK statement within an INSERT-EXEC statement.",
                frame,
                node.start,
                3915,
            )
        if session.transaction_count == 0:
            raise interpreter.failure(
                "The ROLLBACK TRANSACTION request has no corresponding BEGIN TRANSACTION.",
                frame,
                node.start,
                3903,
            )
        name = savepoints.transaction_name(interpreter, node, scope, frame)
        if name is not None and savepoints.rollback_to(interpreter, name, node, frame):
            return
        if name is not None and name != session.transaction_name:
            raise interpreter.failure(
                f"Cannot roll back {name}. No transaction or savepoint of that name was found.",
                frame,
                node.start,
                6401,
            )
        session.transaction_count = 0
        session.savepoints.clear()
        target.rollback_transaction()
        session.doomed = False
        session.routines.clear()  # the routines read may have been created in it
        tablevars.restore_all(interpreter)
    session.row_count = 0
