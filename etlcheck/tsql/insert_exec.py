"""``INSERT [INTO] target [(columns)] EXEC procedure | EXEC (string) | EXEC sp_executesql``.

SQL Server inserts every result set the EXEC returns, from the procedure and from the
procedures and dynamic SQL it calls, into the target. Here the EXEC runs as any EXEC does,
and each statement of it that would return a result set (a query that neither assigns
variables nor makes a table) runs instead as ``<the INSERT> <that query>``: the rows go
straight into the target, converted to its columns as SQL Server's INSERT converts them.

Two things SQL Server does cannot be done so, and are refused where they happen rather
than run otherwise: a target that is a table variable (the EXEC's code runs in a scope of
its own, which does not see it), and an EXEC that fails after it returned rows outside a
transaction (SQL Server undoes the rows of the failed statement; the engine has already
kept them). Inside a transaction the error dooms it, as every error does here, so the rows
go with its ROLLBACK.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql.frames import HINT
from etlcheck.tsql.nodes import Fragment, InsertExec
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.scope import InsertCapture, TsqlError
from etlcheck.tsql.tokens import SplitError, tokenize, word_of

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime
    from etlcheck.tsql.scope import Scope


def target_refusal(node: InsertExec) -> CompileError | None:
    """Why the interpreter cannot run ``node``'s INSERT into its target, or None."""
    try:
        tokens = tokenize(node.insert.text)
    except SplitError:
        return None
    index = 2 if len(tokens) > 1 and word_of(tokens[1]) == "INTO" else 1
    if index < len(tokens) and tokens[index].text.startswith("@"):
        return CompileError(
            "INSERT @table EXEC: the EXEC runs in a scope of its own, which does not see the "
            "caller's table variable; insert into a #temp table instead",
            "INSERT @table EXEC",
            word=tokens[index].text,
        )
    return None


def run(interpreter: Runtime, node: InsertExec, scope: Scope, frame: Frame) -> None:
    """Run the EXEC with its result sets inserted into the target; @@ROWCOUNT is the rows
    inserted."""
    session = interpreter.session
    refused = target_refusal(node)
    if refused is not None:
        raise interpreter.refused(refused, node.insert, frame)
    if session.insert_exec is not None:
        raise interpreter.failure(
            "An INSERT EXEC statement cannot be nested.", frame, node.start, 8164
        )
    capture = InsertCapture(node.insert.text)
    session.insert_exec = capture
    try:
        interpreter.run_node(node.call, scope, frame)
    except TsqlError as error:
        if capture.rows and session.transaction_count == 0:
            raise UnsupportedConstruct(
                f"INSERT ... EXEC: the EXEC failed (error {error.number}: {error.message}) "
                f"after it returned {capture.rows} rows; SQL Server undoes them, the engine "
                "cannot outside a transaction",
                frame.location(node.start),
                HINT,
            ) from None
        raise
    finally:
        session.insert_exec = None
    session.row_count = capture.rows


def insert_result_set(
    interpreter: Runtime, capture: InsertCapture, query: Fragment, scope: Scope, frame: Frame
) -> None:
    """``query``, a result set of the EXEC, inserted into the capture's target."""
    lead = f"{capture.insert}\n"
    statement = Fragment(lead + query.text, query.start)
    interpreter.session.insert_exec = None  # the INSERT itself is an ordinary one
    try:
        interpreter.run_sql(statement, scope, frame, lead=len(lead))
    finally:
        interpreter.session.insert_exec = capture
    capture.rows += interpreter.session.row_count
