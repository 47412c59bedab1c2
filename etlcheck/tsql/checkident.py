"""``DBCC CHECKIDENT`` as Microsoft documents it
(https://learn.microsoft.com/en-us/sql/t-sql/database-console-commands/dbcc-checkident-transact-sql):

- ``(t, RESEED, v)``: the current identity value becomes ``v``; the next row gets
  ``v + increment``, or ``v`` itself when no row was inserted since the table was created
  or truncated (rows removed by DELETE still count). It prints ``Checking identity
  information: current identity value 'X'.`` with the value before the change.
- ``(t)`` and ``(t, RESEED)``: when the column holds a value past the current identity value
  (above it, counting up; below it, counting down), the identity moves to that value.
- ``(t, NORESEED)``: nothing changes.
  These three print ``..., current column value 'Y'.`` too (the column's highest value,
  lowest counting down); ``NULL`` stands for no value.
- Every form then prints ``DBCC execution completed...``; ``WITH NO_INFOMSGS`` prints nothing.
- A name that is no table is error 2501, a table without identity column error 7997.

The table is a string (``N'sales.Customer'``, evaluated, so a variable too) or a name
(``Customer``, ``[Customer]``, ``[sales].[Customer]``); a delimited name with a dot inside
(``[sales.Customer]``) is refused, as no remap reads it. Identity values are not
transactional in SQL Server, but whether a ROLLBACK undoes a reseed is not documented and
the engines differ (a DuckDB sequence made anew is rolled back, a PostgreSQL ``setval``
is not): inside a transaction the command is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.catalog import DEFAULT_SCHEMA, CatalogObject, split_object_name
from etlcheck.tsql.identity import catch_up
from etlcheck.tsql.nodes import Command, Fragment
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.scope import TsqlError
from etlcheck.tsql.tokens import SplitError, tokenize, word_of

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime
    from etlcheck.tsql.scope import Scope

CHECKIDENT = "DBCC CHECKIDENT"
NOT_FOUND, NO_IDENTITY = 2501, 7997
COMPLETED = (
    "DBCC execution completed. If DBCC printed error messages, contact your system administrator."
)
_OPTIONS = ("RESEED", "NORESEED")
_NAME_TOKENS = frozenset({TokenType.VAR, TokenType.IDENTIFIER, TokenType.DOT, TokenType.HASH})


@dataclass(frozen=True)
class CheckIdent:
    """One ``DBCC CHECKIDENT`` as written."""

    table: Fragment
    named: bool
    """The table is written as a name (``[t]``), not as an expression to evaluate."""
    option: str
    """``RESEED``, ``NORESEED`` or ``""`` (none)."""
    value: Fragment | None
    quiet: bool
    """``WITH NO_INFOMSGS``."""


def dbcc_refusal(node: Command) -> CompileError | None:
    """Why the interpreter cannot run the DBCC command ``node``, or None when it can."""
    try:
        read_checkident(node)
    except CompileError as error:
        return error
    return None


def read_checkident(node: Command) -> CheckIdent:
    """``node`` read; CompileError for another DBCC command or a form not emulated."""
    text = node.fragment.text
    try:
        tokens = tokenize(text)
    except SplitError:
        raise CompileError(f"{CHECKIDENT}: cannot read this statement", CHECKIDENT) from None
    command = word_of(tokens[1]) if len(tokens) > 1 else ""
    if command != "CHECKIDENT":
        shown = f"DBCC {command}".strip()
        raise CompileError(f"{shown} is not supported", shown)
    if len(tokens) < 4 or tokens[2].token_type != TokenType.L_PAREN:
        raise CompileError(f"{CHECKIDENT} without ( table ) is not read", CHECKIDENT)
    arguments, closing = _arguments(tokens, 3)
    if not 1 <= len(arguments) <= 3 or not arguments[0]:
        raise CompileError(f"{CHECKIDENT}: expected ( table [, RESEED [, value]] )", CHECKIDENT)
    option = _option(arguments[1]) if len(arguments) > 1 else ""
    if len(arguments) == 3 and option != "RESEED":
        raise CompileError(f"{CHECKIDENT}: only RESEED takes a value", CHECKIDENT)
    rest = [
        word_of(token) for token in tokens[closing + 1 :] if token.token_type != TokenType.SEMICOLON
    ]
    if rest not in ([], ["WITH", "NO_INFOMSGS"]):
        raise CompileError(f"{CHECKIDENT}: only WITH NO_INFOMSGS is an option", CHECKIDENT)
    table = arguments[0]
    named = all(token.token_type in _NAME_TOKENS for token in table)
    if named and any(
        "." in token.text for token in table if token.token_type == TokenType.IDENTIFIER
    ):
        raise CompileError(
            f"{CHECKIDENT}: a delimited name with a dot in it is not emulated (no remap reads "
            "it): write the name as a string, N'schema.table'",
            CHECKIDENT,
        )
    value = _fragment(node, text, arguments[2]) if len(arguments) == 3 else None
    return CheckIdent(_fragment(node, text, table), named, option, value, bool(rest))


def _arguments(tokens: list[Token], first: int) -> tuple[list[list[Token]], int]:
    """The comma-separated arguments from ``first`` to the closing parenthesis, and its index."""
    arguments: list[list[Token]] = [[]]
    depth = 0
    for index in range(first, len(tokens)):
        token = tokens[index]
        if token.token_type == TokenType.R_PAREN and depth == 0:
            return arguments, index
        depth += (token.token_type == TokenType.L_PAREN) - (token.token_type == TokenType.R_PAREN)
        if token.token_type == TokenType.COMMA and depth == 0:
            arguments.append([])
        else:
            arguments[-1].append(token)
    raise CompileError(f"{CHECKIDENT}: missing )", CHECKIDENT)


def _option(argument: list[Token]) -> str:
    words = [word_of(token) for token in argument]
    if len(words) != 1 or words[0] not in _OPTIONS:
        raise CompileError(f"{CHECKIDENT}: expected RESEED or NORESEED", CHECKIDENT)
    return words[0]


def _fragment(node: Command, text: str, argument: list[Token]) -> Fragment:
    start, end = argument[0].start, argument[-1].end + 1
    return Fragment(text[start:end], node.fragment.start + start)


def run(interpreter: Runtime, node: Command, scope: Scope, frame: Frame) -> None:
    """Run one ``DBCC CHECKIDENT`` (see the module)."""
    statement = read_checkident(node)
    if interpreter.session.transaction_count:
        refused = CompileError(
            f"{CHECKIDENT} inside a transaction is not emulated: whether ROLLBACK undoes the "
            "reseed is not documented, and the engines differ",
            CHECKIDENT,
        )
        raise interpreter.refused(refused, node.fragment, frame)

    def fail(number: int, message: str) -> TsqlError:
        return interpreter.failure(message, frame, node.start, number, node.fragment.text)

    name = statement.table.text
    if not statement.named:
        value = interpreter.evaluate(statement.table, scope, frame, "NVARCHAR(776)")
        name = "" if value is None else str(value)
    table = _table(interpreter, name)
    if table is None:
        raise fail(
            NOT_FOUND,
            f"Cannot find a table or object with the name '{name}'. Check the system catalog.",
        )
    if interpreter.session.identity_behind:
        catch_up(interpreter)  # values given under IDENTITY_INSERT move it first
    emulation, target = interpreter.emulation, interpreter.target
    state = emulation.identity_state(target, table.schema, table.name)
    if state is None:
        raise fail(NO_IDENTITY, f"'{table.name}' does not contain an identity column.")
    shown = "NULL" if state.current is None else str(state.current)
    if statement.value is not None:
        value = interpreter.evaluate(statement.value, scope, frame, "NUMERIC(38, 0)")
        if value is None:
            refused = CompileError(f"{CHECKIDENT}: a NULL new value is not emulated", CHECKIDENT)
            raise interpreter.refused(refused, node.fragment, frame)
        emulation.reseed_identity(target, table.schema, table.name, int(value), state.last is None)
        messages = [f"Checking identity information: current identity value '{shown}'."]
    else:
        if statement.option != "NORESEED" and state.behind_column:
            assert state.edge is not None
            emulation.reseed_identity(target, table.schema, table.name, state.edge, False)
        column = "NULL" if state.edge is None else str(state.edge)
        messages = [
            f"Checking identity information: current identity value '{shown}', "
            f"current column value '{column}'."
        ]
    if not statement.quiet:
        interpreter.messages.extend([*messages, COMPLETED])
    interpreter.session.row_count = 0
    interpreter.session.last_error = 0


def _table(interpreter: Runtime, name: str) -> CatalogObject | None:
    """The user table ``name`` (``[database.]schema.table``, ``#t``) names, else None."""
    catalog = interpreter.catalog
    parts = split_object_name(name)
    if not parts[-1] or len(parts) > 3:
        return None
    if len(parts) == 3 and parts[0] and parts[0].lower() != catalog.database().lower():
        return None
    if parts[-1].startswith("#"):
        schema = "#"
    else:
        schema = parts[-2] if len(parts) >= 2 and parts[-2] else DEFAULT_SCHEMA
    found = catalog.table(schema, parts[-1])
    return found if found is not None and found.type == "U" else None
