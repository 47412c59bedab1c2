"""Values of simple T-SQL expressions computed without a database round trip.

Scripts log their counts with ``SET @rows = @@ROWCOUNT`` and
``PRINT CONCAT(N'…: ', @rows, N' rows')``; each would otherwise be a ``SELECT`` on the
engine (about a millisecond apiece). Only shapes whose SQL Server result is certain are
computed here: integer and string literals, variables and ``@@`` values holding integers,
strings or NULL, ``CONCAT`` of those, ``+`` of two strings or of two integers, and
``ERROR_MESSAGE()``-style values. Anything else (other types, conversions, overflow,
truncation to a declared length) is left to the engine, which has the full semantics.
"""

from __future__ import annotations

import re
from typing import Any

from etlcheck.tsql.scope import Scope, UnknownVariable, base_type

_TOKEN = re.compile(
    r"\s*(?:(?P<string>N?'(?:[^']|'')*')|(?P<number>\d{1,18}(?![\w.]))"
    r"|(?P<name>@@?\w+|ERROR_\w+\s*\(\s*\))|(?P<concat>CONCAT\s*\()|(?P<punct>[(),+]))",
    re.IGNORECASE,
)
_RANGES = {
    "TINYINT": (0, 255),
    "SMALLINT": (-(2**15), 2**15 - 1),
    "INT": (-(2**31), 2**31 - 1),
    "BIGINT": (-(2**63), 2**63 - 1),
}
_TEXT = frozenset(["VARCHAR", "NVARCHAR", "SYSNAME"])
"""Variable-length text: CHAR(n) pads with blanks, which the engine does (or not) itself."""
_MAX_LENGTH = re.compile(r"\(\s*(\d+|MAX)\s*\)", re.IGNORECASE)


class _Unknown(Exception):
    """The expression is not one this module computes."""


def simple_value(text: str, type_text: str | None, scope: Scope) -> tuple[bool, Any]:
    """``(True, value)`` when ``text`` (assigned to ``type_text``) is computed here,
    ``(False, None)`` when the engine must evaluate it."""
    try:
        tokens = _tokens(text)
        value, position = _sum(tokens, 0, scope)
        if position != len(tokens):
            raise _Unknown
        return True, _assign(value, type_text)
    except (_Unknown, UnknownVariable):
        return False, None


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            raise _Unknown
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def _sum(tokens: list[tuple[str, str]], position: int, scope: Scope) -> tuple[Any, int]:
    value, position = _term(tokens, position, scope)
    while position < len(tokens) and tokens[position] == ("punct", "+"):
        right, position = _term(tokens, position + 1, scope)
        value = _add(value, right)
    return value, position


def _add(left: Any, right: Any) -> Any:
    if type(left) is str and type(right) is str:
        return left + right
    if type(left) is int and type(right) is int:
        total = left + right
        low, high = _RANGES["INT"]
        if low <= left <= high and low <= right <= high and low <= total <= high:
            return total
    raise _Unknown


def _term(tokens: list[tuple[str, str]], position: int, scope: Scope) -> tuple[Any, int]:
    if position >= len(tokens):
        raise _Unknown
    kind, text = tokens[position]
    if kind == "string":
        body = text[2:-1] if text[0] in "Nn" else text[1:-1]
        return body.replace("''", "'"), position + 1
    if kind == "number":
        return int(text), position + 1
    if kind == "name":
        return _named(text, scope), position + 1
    if kind == "concat":
        return _concat(tokens, position + 1, scope)
    if text == "(":
        value, position = _sum(tokens, position + 1, scope)
        if position >= len(tokens) or tokens[position] != ("punct", ")"):
            raise _Unknown
        return value, position + 1
    raise _Unknown


def _named(text: str, scope: Scope) -> Any:
    hole = re.sub(r"\s+", "", text).upper() if text.upper().startswith("ERROR_") else text
    try:
        value = scope.hole_value(hole)[0]
    except KeyError:
        raise _Unknown from None
    if value is None or type(value) in (int, str):
        return value
    raise _Unknown


def _concat(tokens: list[tuple[str, str]], position: int, scope: Scope) -> tuple[str, int]:
    parts: list[Any] = []
    while True:
        value, position = _sum(tokens, position, scope)
        parts.append(value)
        if position >= len(tokens):
            raise _Unknown
        if tokens[position] == ("punct", ")"):
            break
        if tokens[position] != ("punct", ","):
            raise _Unknown
        position += 1
    if len(parts) < 2:
        raise _Unknown  # SQL Server refuses CONCAT with one argument; let it say so
    return "".join("" if part is None else str(part) for part in parts), position + 1


def _assign(value: Any, type_text: str | None) -> Any:
    if type_text is None or value is None:
        return value
    base = base_type(type_text)
    if base in _RANGES and type(value) is int:
        low, high = _RANGES[base]
        if low <= value <= high:
            return value
    if base in _TEXT and type(value) is str:
        length = _MAX_LENGTH.search(type_text)
        if length and length.group(1).upper() != "MAX" and len(value) > int(length.group(1)):
            raise _Unknown
        if length is None and len(value) > 1:
            raise _Unknown  # NVARCHAR with no length is NVARCHAR(1)
        return value
    raise _Unknown
