"""``EXEC [@status =] procedure [argument, ...] [WITH RECOMPILE]`` as the interpreter and
the compatibility pass read it, from the statement's tokens, and ``call_refusal``: what
of a call the interpreter cannot run (they both ask it).

An argument is ``[@parameter =] value [OUTPUT]``, where the value is a constant, a
variable, ``DEFAULT`` or a bare word (which SQL Server passes as a string).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.catalog import split_object_name
from etlcheck.tsql.nodes import Command, Fragment
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.scope import Scope, TsqlError, UnknownVariable
from etlcheck.tsql.tokens import SplitError, adjacent, tokenize, word_of

if TYPE_CHECKING:
    from etlcheck.tsql.runtime import Runtime

SYSTEM_PREFIXES = ("sp_", "xp_")


@dataclass(frozen=True)
class Argument:
    """One argument of a call; ``value`` is None for ``DEFAULT``."""

    name: str | None
    value: Fragment | None
    output: bool
    start: int


@dataclass(frozen=True)
class ProcedureCall:
    """A procedure call; ``name`` is the procedure as written, or the variable that holds
    its name (``EXEC @name``); ``status`` receives its return status."""

    name: Fragment
    status: str | None
    arguments: tuple[Argument, ...]
    options: tuple[str, ...] = ()

    @property
    def by_variable(self) -> bool:
        return self.name.text.startswith("@")

    @property
    def parts(self) -> list[str]:
        return split_object_name(self.name.text)


class _CallReader:
    def __init__(self, node: Command) -> None:
        self.node = node
        self.base = node.fragment.start
        self.text = node.fragment.text
        self.tokens = tokenize(self.text)
        self.position = 1  # after EXEC

    def kind(self, ahead: int = 0) -> TokenType | None:
        index = self.position + ahead
        return self.tokens[index].token_type if index < len(self.tokens) else None

    def fragment(self, first: int, last: int) -> Fragment:
        start = self.tokens[first].start
        return Fragment(self.text[start : self.tokens[last].end + 1], self.base + start)

    def variable(self) -> str:
        """``@name`` at the position (advanced past it)."""
        sigil = self.tokens[self.position]
        name = self.tokens[self.position + 1] if self.position + 1 < len(self.tokens) else None
        if name is None or not adjacent(sigil, name):
            raise SplitError("expected a variable", self.base + sigil.start, "EXEC")
        self.position += 2
        return "@" + name.text

    def read(self) -> ProcedureCall:
        status = None
        if self.kind() == TokenType.PARAMETER and self.kind(2) == TokenType.EQ:
            status = self.variable()
            self.position += 1
        name = self.name()
        arguments: list[Argument] = []
        options: list[str] = []
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            if token.token_type == TokenType.SEMICOLON:
                break
            if word_of(token) == "WITH":
                options = [word_of(t) or t.text for t in self.tokens[self.position + 1 :]]
                break
            arguments.append(self.argument())
            if self.kind() == TokenType.COMMA:
                self.position += 1
        return ProcedureCall(name, status, tuple(arguments), tuple(o for o in options if o != ";"))

    def name(self) -> Fragment:
        first = self.position
        if self.kind() == TokenType.PARAMETER:
            self.variable()
            return self.fragment(first, self.position - 1)
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            if self.position > first:
                previous = self.tokens[self.position - 1]
                joined = TokenType.DOT in (token.token_type, previous.token_type)
                if not joined:
                    break
            self.position += 1
        if self.position == first:
            raise SplitError("EXEC names no procedure", self.base, "EXEC")
        return self.fragment(first, self.position - 1)

    def argument(self) -> Argument:
        first = self.position
        start = self.base + self.tokens[first].start
        name = None
        if self.kind() == TokenType.PARAMETER and self.kind(2) == TokenType.EQ:
            name = self.variable()
            self.position += 1
        value_first = self.position
        depth = 0
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            kind = token.token_type
            depth += kind == TokenType.L_PAREN
            depth -= kind == TokenType.R_PAREN
            if depth == 0 and (kind in (TokenType.COMMA, TokenType.SEMICOLON) or _ends(token)):
                break
            self.position += 1
        if self.position == value_first:
            raise SplitError("an argument has no value", start, "EXEC")
        output = False
        value_last = self.position - 1
        while self.position < len(self.tokens) and word_of(self.tokens[self.position]) in (
            "OUT",
            "OUTPUT",
        ):
            output = True
            self.position += 1
        value = self.fragment(value_first, value_last)
        is_default = value.text.strip().upper() == "DEFAULT"
        return Argument(name, None if is_default else value, output, start)


def _ends(token: Token) -> bool:
    return word_of(token) in ("OUT", "OUTPUT", "WITH") or token.token_type == TokenType.RETURNING


def read_call(node: Command) -> ProcedureCall:
    """The call ``node`` makes (an ``EXEC`` that is not dynamic SQL); SplitError when it
    cannot be read."""
    return _CallReader(node).read()


def call_refusal(call: ProcedureCall) -> CompileError | None:
    """Why the interpreter cannot run ``call``, or None when it can."""
    shown = f"EXEC {call.name.text}"
    if call.by_variable:
        return None
    parts = call.parts
    if len(parts) > 3:
        return CompileError(f"{shown}: procedures on linked servers are not supported", shown)
    if len(parts) == 3 and parts[0]:
        return CompileError(f"{shown}: procedures of another database are not supported", shown)
    if parts[-1].lower().startswith(SYSTEM_PREFIXES):
        return CompileError(f"{shown}: system procedures are not emulated", shown)
    return options_refusal(call)


def options_refusal(call: ProcedureCall) -> CompileError | None:
    """An ``EXEC ... WITH`` option other than ``RECOMPILE`` (which changes nothing here)."""
    unknown = [option for option in call.options if option != "RECOMPILE"]
    if unknown:
        return CompileError(
            f"EXEC ... WITH {unknown[0]}: this option is not supported",
            f"EXEC ... WITH {unknown[0]}",
            word=unknown[0],
        )
    return None


def arguments_by_name(names: Sequence[str], call: ProcedureCall) -> dict[str, Argument]:
    """The call's arguments by the parameter each is for (``names`` in order, lower
    case): by position until the first named one, then by name (binding reports a call
    that mixes them wrongly)."""
    found: dict[str, Argument] = {}
    for position, argument in enumerate(call.arguments):
        if argument.name is not None:
            found[argument.name.lower()] = argument
        elif position < len(names):
            found[names[position]] = argument
    return found


def constant_text(argument: Argument | None) -> str | None:
    """The value of a string constant or bare-word argument, else None."""
    if argument is None or argument.value is None:
        return None
    text = argument.value.text.strip()
    if text.upper().startswith("N'"):
        text = text[1:]
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if text.replace("_", "a").isalnum() and text.upper() not in ("NULL", "DEFAULT"):
        return text
    return None


def end_system_procedure(
    interpreter: Runtime,
    scope: Scope,
    called: ProcedureCall,
    fail: Callable[[int, str], TsqlError],
) -> None:
    """What a system procedure leaves when it succeeds: ``@@ROWCOUNT`` as its closing
    ``RETURN (0)`` leaves it (1), and 0 in ``EXEC @status = …``."""
    interpreter.session.row_count = 1
    if called.status is not None:
        try:
            scope.set(called.status, 0)
        except UnknownVariable:
            raise fail(137, f'Must declare the scalar variable "{called.status}".') from None
