"""SAVE TRANSACTION and ROLLBACK TRANSACTION to a savepoint or a named transaction.

A savepoint is kept by its name (case sensitive, its first 32 characters, as SQL Server
keeps it); ROLLBACK TRANSACTION name goes back to the most recent savepoint of that name,
leaving ``@@TRANCOUNT`` as it is, or, when name is the outermost BEGIN TRANSACTION's,
rolls the whole transaction back. On the engine a savepoint is a SAVEPOINT where the engine
has them (PostgreSQL). DuckDB has none: SAVE TRANSACTION is kept all the same (the common
procedure template saves one and rolls back to it only when something failed), and a
rollback to a savepoint is refused when it happens, never run as something else.
Table variables keep their rows, as in SQL Server, whatever is rolled back.

An error in a transaction dooms it here (see the README), so a rollback to a savepoint
after one is SQL Server's error 3931, as under ``SET XACT_ABORT ON``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql import tablevars
from etlcheck.tsql.nodes import Fragment
from etlcheck.tsql.scope import Savepoint

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.nodes import Command
    from etlcheck.tsql.runtime import Runtime
    from etlcheck.tsql.scope import Scope

SAVEPOINT_HINT = "run it on --engine postgres or --engine mssql, which have savepoints"
NAME_LENGTH = 32
"""SQL Server uses the first 32 characters of a savepoint or transaction name."""


def transaction_name(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> str | None:
    """The name after ``TRAN``/``TRANSACTION`` (a variable's value), or None."""
    argument = node.arguments[0] if node.arguments else None
    words = argument.text.split(None, 1) if argument is not None else []
    if argument is None or len(words) < 2:
        return None
    written = words[1].strip().rstrip(";").strip()
    if written.startswith("@"):
        fragment = Fragment(written, argument.start + argument.text.index(written))
        value = interpreter.evaluate(fragment, scope, frame, "NVARCHAR(4000)")
        return None if value is None else str(value)[:NAME_LENGTH]
    return written.strip('[]"')[:NAME_LENGTH]


def save(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    """SAVE TRANSACTION name: a savepoint in the open transaction (error 628 without one)."""
    session = interpreter.session
    name = transaction_name(interpreter, node, scope, frame)
    if session.transaction_count == 0:
        raise interpreter.failure(
            "Cannot issue SAVE TRANSACTION when there is no active transaction.",
            frame,
            node.start,
            628,
        )
    engine_name = f"etlcheck_save_{len(session.savepoints)}"
    interpreter.target.save_point(engine_name)
    session.savepoints.append(Savepoint(name or "", engine_name))
    session.row_count = 0


def rollback_to(interpreter: Runtime, name: str, node: Command, frame: Frame) -> bool:
    """Roll back to the most recent savepoint called ``name``; False when there is none."""
    session = interpreter.session
    found = [i for i, point in enumerate(session.savepoints) if point.name == name]
    if not found:
        return False
    if session.doomed:
        raise interpreter.failure(
            "The current transaction cannot be committed and cannot be rolled back to a "
            "savepoint. Roll back the entire transaction.",
            frame,
            node.start,
            3931,
        )
    target = interpreter.target
    if not target.supports_savepoints:
        raise UnsupportedConstruct(
            f"ROLLBACK TRANSACTION {name}: a rollback to a savepoint cannot be emulated on "
            "an engine without savepoints",
            frame.location(node.start),
            SAVEPOINT_HINT,
        )
    point = session.savepoints[found[-1]]
    tablevars.save_all(interpreter)
    target.rollback_to_point(point.engine_name)
    del session.savepoints[found[-1] + 1 :]
    session.routines.clear()  # the routines read may have been created after it
    tablevars.restore_all(interpreter, keep=True)
    session.row_count = 0
    return True
