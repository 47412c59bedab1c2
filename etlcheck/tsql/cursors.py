"""Cursors with static semantics: ``DECLARE c CURSOR [LOCAL|GLOBAL] [FORWARD_ONLY|STATIC|
FAST_FORWARD|READ_ONLY] FOR query``, ``OPEN``, ``FETCH [NEXT] [FROM] c [INTO @a, ...]``,
``@@FETCH_STATUS``, ``CLOSE`` and ``DEALLOCATE``.

OPEN runs the query once and keeps its rows; FETCH NEXT hands them out in order. That
is what a STATIC cursor is. A dynamic cursor would also see rows the loop changes before
it reaches them: every cursor runs as a static one here. A cursor is GLOBAL unless
declared LOCAL (SQL Server's default, ``CURSOR_DEFAULT GLOBAL``): a GLOBAL one lives
until DEALLOCATE, a LOCAL one goes with its batch or procedure. Scrolling (``SCROLL``,
``FETCH PRIOR``...), KEYSET and DYNAMIC cursors, ``FOR UPDATE`` and cursor variables
are refused (``cursor_refusal``), and so is ``WHERE CURRENT OF`` (see ``parsing``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.frames import Frame
from etlcheck.tsql.nodes import Command, Cursor, words
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.scope import Scope, UnknownVariable
from etlcheck.tsql.tokens import SplitError, tokenize, word_of

if TYPE_CHECKING:
    from etlcheck.tsql.interpreter import Interpreter

ACCEPTED = words("LOCAL GLOBAL FORWARD_ONLY STATIC FAST_FORWARD READ_ONLY INSENSITIVE TYPE_WARNING")
"""Cursor options that run: all of them mean a static snapshot read in order."""
_REASONS = {
    "SCROLL": "scrollable cursors are not supported (only FETCH NEXT)",
    "KEYSET": "KEYSET cursors see changes to the rows they hold; only static cursors run",
    "DYNAMIC": "DYNAMIC cursors see changes to their rows; only static cursors run",
    "SCROLL_LOCKS": "cursors that lock rows to update them are not supported",
    "OPTIMISTIC": "cursors that update their rows are not supported",
}
CURSOR_COMMANDS = words("OPEN FETCH CLOSE DEALLOCATE")


@dataclass
class CursorState:
    """A declared cursor: its query, where it was declared, and its rows once open."""

    name: str
    cursor: Cursor
    scope: Scope
    frame: Frame
    rows: list[tuple[Any, ...]] | None = None
    position: int = 0
    local: bool = False


@dataclass(frozen=True)
class CursorCommand:
    """``OPEN``/``FETCH``/``CLOSE``/``DEALLOCATE`` as read: the cursor named, whether it
    says GLOBAL, and FETCH's direction and INTO variables."""

    word: str
    name: str
    global_: bool = False
    direction: str = "NEXT"
    into: tuple[str, ...] = field(default=())


def cursor_refusal(cursor: Cursor) -> CompileError | None:
    """Why the interpreter cannot run the cursor ``cursor`` declares, or None."""
    for option in cursor.options:
        if option in ACCEPTED:
            continue
        reason = _REASONS.get(option, "this cursor option is not supported")
        return CompileError(
            f"DECLARE CURSOR {option}: {reason}", f"DECLARE CURSOR {option}", word=option
        )
    if cursor.for_update is not None and "UPDATE" in cursor.for_update.text.upper():
        return CompileError(
            "DECLARE CURSOR ... FOR UPDATE: cursors that update their rows are not supported",
            "DECLARE CURSOR ... FOR UPDATE",
            word="UPDATE",
        )
    return None


_DIRECTIONS = words("NEXT PRIOR FIRST LAST ABSOLUTE RELATIVE")
_KEYS = words("SYMMETRIC MASTER")


def read_command(node: Command) -> CursorCommand:
    """The cursor command ``node`` is; SplitError when it is none that names a cursor."""
    tokens = tokenize(node.fragment.text)
    words_ = [word_of(token) for token in tokens]
    position, direction = 1, "NEXT"
    if node.word == "FETCH":
        if position < len(tokens) and words_[position] in _DIRECTIONS:
            direction = words_[position] or "NEXT"
            position += 2 if direction in ("ABSOLUTE", "RELATIVE") else 1
        if position < len(tokens) and words_[position] == "FROM":
            position += 1
    global_ = position < len(tokens) and words_[position] == "GLOBAL"
    position += global_
    if position >= len(tokens):
        raise SplitError(f"{node.word} names no cursor", node.start, node.word)
    if tokens[position].token_type == TokenType.PARAMETER:
        shown = f"{node.word} @cursor"
        raise SplitError("cursor variables are not supported", node.start, shown)
    if words_[position] in _KEYS and node.word in ("OPEN", "CLOSE"):
        shown = f"{node.word} {words_[position]} KEY"
        raise SplitError("encryption keys are not supported", node.start, shown)
    name = tokens[position].text
    into, position = (
        _into(tokens, words_, position + 1) if node.word == "FETCH" else ((), position + 1)
    )
    if position < len(tokens) and tokens[position].token_type != TokenType.SEMICOLON:
        offset = node.start + tokens[position].start
        raise SplitError(f"unexpected {tokens[position].text!r}", offset, node.word)
    return CursorCommand(node.word, name, global_, direction, into)


def _into(
    tokens: list[Token], words_: list[str | None], position: int
) -> tuple[tuple[str, ...], int]:
    """FETCH's ``INTO @a, @b`` from ``position``: the variables and where they end."""
    if position >= len(tokens) or words_[position] != "INTO":
        return (), position
    into: list[str] = []
    position += 1
    while position < len(tokens):
        token = tokens[position]
        if token.token_type == TokenType.PARAMETER and position + 1 < len(tokens):
            into.append("@" + tokens[position + 1].text)
            position += 2
        elif token.token_type == TokenType.COMMA:
            position += 1
        else:
            break
    return tuple(into), position


def command_refusal(node: Command) -> CompileError | None:
    """Why the interpreter cannot run the cursor command ``node``, or None."""
    try:
        command = read_command(node)
    except SplitError as error:
        return CompileError(error.message, error.construct)
    if command.direction != "NEXT":
        shown = f"FETCH {command.direction}"
        return CompileError(
            f"{shown}: scrollable cursors are not supported (only FETCH NEXT)",
            shown,
            word=command.direction,
        )
    return None


# -- running ----------------------------------------------------------------------------------
def declare(interpreter: Interpreter, node: Cursor, scope: Scope, frame: Frame) -> None:
    refused = cursor_refusal(node)
    if refused is not None:
        raise interpreter.refused(refused, node.fragment, frame)
    interpreter.compile(node.query, scope, frame)  # refused constructs show at DECLARE
    local = "LOCAL" in node.options
    cursors = scope.cursors if local else interpreter.session.cursors
    key = node.name.lower()
    if key in cursors:
        raise interpreter.failure(
            f"A cursor with the name '{node.name}' already exists.", frame, node.start, 16915
        )
    cursors[key] = CursorState(node.name, node, scope, frame, local=local)
    interpreter.session.row_count = 1


def run_command(interpreter: Interpreter, node: Command, scope: Scope, frame: Frame) -> None:
    command = read_command(node)
    state = _find(scope, interpreter, command)
    if state is None:
        raise interpreter.failure(
            f"A cursor with the name '{command.name}' does not exist.", frame, node.start, 16916
        )
    session = interpreter.session
    if command.word == "OPEN":
        if state.rows is not None:
            raise interpreter.failure("The cursor is already open.", frame, node.start, 16905)
        state.rows = interpreter.run_sql(state.cursor.query, state.scope, state.frame, count=False)
        state.position = 0
    elif command.word == "FETCH":
        _fetch(interpreter, state, command, scope, frame, node)
    elif command.word == "CLOSE":
        if state.rows is None:
            raise interpreter.failure("Cursor is not open.", frame, node.start, 16917)
        state.rows = None
        session.row_count = 0
    else:
        owner = state.scope.cursors if state.local else session.cursors
        owner.pop(state.name.lower(), None)
        session.row_count = 0


def _fetch(
    interpreter: Interpreter,
    state: CursorState,
    command: CursorCommand,
    scope: Scope,
    frame: Frame,
    node: Command,
) -> None:
    session = interpreter.session
    if state.rows is None:
        raise interpreter.failure("Cursor is not open.", frame, node.start, 16917)
    session.row_count = 1
    if state.position >= len(state.rows):
        session.fetch_status = -1
        return
    row = state.rows[state.position]
    state.position += 1
    if command.into and len(command.into) != len(row):
        raise interpreter.failure(
            "Cursorfetch: The number of variables declared in the INTO list must match that "
            "of selected columns.",
            frame,
            node.start,
            16924,
        )
    for name, value in zip(command.into, row, strict=False):
        try:
            scope.set(name, value)
        except UnknownVariable:
            raise interpreter.failure(
                f'Must declare the scalar variable "{name}".', frame, node.start, 137
            ) from None
    session.fetch_status = 0


def _find(scope: Scope, interpreter: Interpreter, command: CursorCommand) -> CursorState | None:
    key = command.name.lower()
    found = None if command.global_ else scope.cursors.get(key)
    return found if found is not None else interpreter.session.cursors.get(key)


def end_scope(scope: Scope) -> None:
    """LOCAL cursors go with their batch or procedure."""
    scope.cursors.clear()
