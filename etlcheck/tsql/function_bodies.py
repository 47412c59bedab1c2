"""What the body of a multi-statement table-valued function may hold, as SQL Server's
CREATE FUNCTION documents it ("Valid statements in a function"): declarations, assignments,
control flow other than TRY...CATCH, local cursors, SELECT that assigns variables, and
INSERT, UPDATE and DELETE of the function's own table variables.

SQL Server refuses the others when the function is created. Those whose error it
documents are raised as SQL Server raises them: a statement that writes a table (error
443, "Invalid use of a side-effecting operator 'INSERT' within a function."), PRINT (443)
and a SELECT that returns rows (error 444). The rest are refused as constructs the
interpreter does not run (``body_problems``, which the compatibility pass asks as well).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlglot import exp

from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql.frames import HINT
from etlcheck.tsql.nodes import (
    Assign,
    Block,
    Command,
    Cursor,
    Declare,
    If,
    Label,
    Node,
    Routine,
    Sql,
    While,
    words,
)
from etlcheck.tsql.parsing import CompileError, describe, parse_tsql

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime

_CONTROL = words("RETURN BREAK CONTINUE GOTO OPEN FETCH CLOSE DEALLOCATE")
_WRITES = {exp.Insert: "INSERT", exp.Update: "UPDATE", exp.Delete: "DELETE", exp.Merge: "MERGE"}


@dataclass(frozen=True)
class BodyProblem:
    """A statement the body may not hold: SQL Server's error (``number``) or, when
    ``number`` is None, a construct the interpreter refuses (``refused``)."""

    start: int
    number: int | None
    message: str


def body_problems(routine: Routine) -> Iterator[BodyProblem]:
    """The statements of a multi-statement function's body it may not hold, in order."""
    yield from _walk(routine.body)


def _walk(node: Node) -> Iterator[BodyProblem]:
    if isinstance(node, Block):
        for child in node.body:
            yield from _walk(child)
    elif isinstance(node, If):
        yield from _walk(node.then)
        if node.otherwise is not None:
            yield from _walk(node.otherwise)
    elif isinstance(node, While):
        yield from _walk(node.body)
    elif isinstance(node, Sql):
        problem = _statement_problem(node)
        if problem is not None:
            yield problem
    elif isinstance(node, Command):
        if node.word == "PRINT":
            yield _side_effect(node.start, "PRINT")
        elif node.word not in _CONTROL:
            yield _refused(node.start, node.word)
    elif not isinstance(node, (Declare, Assign, Cursor, Label)):
        yield _refused(node.start, _shown(node))


def _shown(node: Node) -> str:
    return "BEGIN TRY" if type(node).__name__ == "TryCatch" else type(node).__name__.upper()


def _side_effect(start: int, operator: str) -> BodyProblem:
    return BodyProblem(
        start, 443, f"Invalid use of a side-effecting operator '{operator}' within a function."
    )


def _refused(start: int, word: str) -> BodyProblem:
    error = CompileError(
        f"{word} in a multi-statement table-valued function: SQL Server allows only "
        "declarations, assignments, control flow without TRY...CATCH, local cursors and "
        "statements that write the function's own table variables; move it out of the function",
        f"{word} in a function",
        word=word.split()[0],
    )
    return BodyProblem(start, None, describe(error))


def _statement_problem(node: Sql) -> BodyProblem | None:
    try:
        tree = parse_tsql(node.fragment.text)
    except CompileError:
        return None  # the statement is refused where it runs
    for kind, operator in _WRITES.items():
        if isinstance(tree, kind):
            return None if _writes_table_variable(tree) else _side_effect(node.start, operator)
    if isinstance(tree, (exp.Select, exp.Union)) and not tree.args.get("into"):
        if _assigns(tree):
            return None
        return BodyProblem(
            node.start,
            444,
            "Select statements included within a function cannot return data to a client.",
        )
    return _refused(node.start, node.word)


def _assigns(tree: exp.Expression) -> bool:
    return isinstance(tree, exp.Select) and any(
        isinstance(projection, exp.EQ) and isinstance(projection.this, exp.Parameter)
        for projection in tree.expressions
    )


def _writes_table_variable(tree: exp.Expression) -> bool:
    """Whether the table the statement writes is a table variable (``INSERT @t``, or
    ``UPDATE x ... FROM @t AS x``)."""
    target = tree.this
    if isinstance(target, exp.Schema):
        target = target.this
    if not isinstance(target, exp.Table):
        return False
    if isinstance(target.this, exp.Parameter):
        return True
    if target.db or target.catalog:
        return False
    for table in tree.find_all(exp.Table):
        named = table.alias and table.alias.lower() == target.name.lower()
        if table is not target and isinstance(table.this, exp.Parameter) and named:
            return True
    return False


def check_body(interpreter: Runtime, routine: Routine, frame: Frame) -> None:
    """SQL Server's error, or the refusal, for the first statement the body may not hold."""
    for problem in body_problems(routine):
        if problem.number is None:
            raise UnsupportedConstruct(problem.message, frame.location(problem.start), HINT)
        raise interpreter.failure(problem.message, frame, problem.start, problem.number)
