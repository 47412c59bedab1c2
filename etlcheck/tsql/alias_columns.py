"""Columns of an alias type (``CREATE TYPE s.Code FROM NVARCHAR(10) NOT NULL``): in a
``CREATE TABLE``, an ``ALTER TABLE ... ADD``, a table type or a table variable, the column
is given the alias's base type, and NOT NULL when the alias is and the column says
neither NULL nor NOT NULL, as SQL Server documents for a column of an alias type.

The rewrite is made on the statement's text, before it is compiled, so the compiler
never sees a user-defined type name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, tokenize, word_of
from etlcheck.tsql.type_names import is_user_type
from etlcheck.tsql.user_type_store import ALIAS_KIND, UserType

_NOT_COLUMNS = frozenset(["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "INDEX", "PERIOD"])
_NAMES = (TokenType.VAR, TokenType.IDENTIFIER)


@dataclass(frozen=True)
class Resolved:
    """The text with alias types replaced, and the user-defined type names it has that
    ``lookup`` did not find (in the order written)."""

    text: str
    unknown: tuple[tuple[int, str], ...] = ()
    """``(column number, type as written)`` of each type ``lookup`` did not find."""


def resolve(text: str, lookup: Callable[[str], UserType | None], start: int = 0) -> Resolved:
    """``text`` (a CREATE TABLE, an ALTER TABLE ... ADD, or a column list that opens at
    ``start``) with each column of an alias type given its base type."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return Resolved(text)
    found = _column_list(tokens, text, start)
    if found is None:
        return Resolved(text)
    index, level = found
    edits: list[tuple[int, int, str]] = []
    unknown: list[tuple[int, str]] = []
    columns = 0
    depth = 0
    item_start = level == 0
    while index < len(tokens):
        kind = tokens[index].token_type
        if kind == TokenType.L_PAREN:
            depth += 1
            item_start = depth == level
        elif kind == TokenType.R_PAREN:
            depth -= 1
            if depth < level:
                break
        elif kind == TokenType.COMMA and depth == level:
            item_start = True
        elif item_start and depth == level:
            item_start = False
            if word_of(tokens[index]) not in _NOT_COLUMNS:
                columns += 1
                missing = _column(tokens, index, text, lookup, edits)
                if missing is not None:
                    unknown.append((columns, missing))
        index += 1
    for first, last, replacement in reversed(edits):
        text = text[:first] + replacement + text[last:]
    return Resolved(text, tuple(unknown))


def _column_list(tokens: list[Token], text: str, start: int) -> tuple[int, int] | None:
    """Where the column definitions begin, and the depth of parentheses they are written
    at: 1 inside CREATE TABLE's parentheses, 0 after ALTER TABLE's ADD."""
    if start or (tokens and tokens[0].token_type == TokenType.L_PAREN):
        for index, token in enumerate(tokens):
            if token.start >= start and token.token_type == TokenType.L_PAREN:
                return index, 1
        return None
    spelled = [word_of(token) for token in tokens[:3]]
    if spelled[:2] == ["ALTER", "TABLE"]:
        return _added(tokens)
    if spelled[:2] != ["CREATE", "TABLE"]:
        return None
    for index, token in enumerate(tokens):
        if token.token_type == TokenType.L_PAREN:
            return index, 1
        if word_of(token) in ("AS", "AS_NODE", "AS_EDGE"):
            return None
    return None


def _added(tokens: list[Token]) -> tuple[int, int] | None:
    """The token after ALTER TABLE's ADD (outside any parentheses), or None."""
    depth = 0
    for index, token in enumerate(tokens):
        depth += token.token_type == TokenType.L_PAREN
        depth -= token.token_type == TokenType.R_PAREN
        if depth == 0 and word_of(token) == "ADD" and index + 1 < len(tokens):
            return index + 1, 0
    return None


def _column(
    tokens: list[Token],
    index: int,
    text: str,
    lookup: Callable[[str], UserType | None],
    edits: list[tuple[int, int, str]],
) -> str | None:
    """Rewrite the type of the column whose name is ``tokens[index]``; the type as
    written when it is a user-defined type ``lookup`` does not find."""
    first = index + 1
    last = first
    if last >= len(tokens) or tokens[last].token_type not in _NAMES:
        return None
    if last + 2 < len(tokens) and tokens[last + 1].token_type == TokenType.DOT:
        if tokens[last + 2].token_type not in _NAMES:
            return None
        last += 2
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and after.token_type in (TokenType.L_PAREN, TokenType.DOT):
        return None
    written = text[tokens[first].start : tokens[last].end + 1]
    if not is_user_type(written):
        return None
    found = lookup(written)
    if found is None:
        return written
    if found.kind != ALIAS_KIND:
        return None
    replacement = found.definition
    if found.not_null and not _says_null(tokens, last + 1):
        replacement += " NOT NULL"
    edits.append((tokens[first].start, tokens[last].end + 1, replacement))
    return None


def _says_null(tokens: list[Token], index: int) -> bool:
    """Whether the column definition from ``tokens[index]`` says NULL or NOT NULL."""
    depth = 0
    for token in tokens[index:]:
        kind = token.token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            if depth == 0:
                return False
            depth -= 1
        elif kind == TokenType.COMMA and depth == 0:
            return False
        elif depth == 0 and word_of(token) == "NULL":
            return True
    return False
