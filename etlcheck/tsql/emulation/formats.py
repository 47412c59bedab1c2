"""``FORMAT(value, pattern [, culture])`` for the .NET patterns whose en-US result is certain.

- Numbers: ``N``/``Nn`` (thousands separators, n decimals, default 2), ``Fn`` (no
  separators), ``Dn`` (integers, at least n digits; NULL for other types, as .NET refuses),
  and custom patterns made of ``#``, ``0``, one ``,`` group separator and a ``.`` followed
  by ``0``s (``#,##0.00``, ``0.000``, ``00000``). Rounding is half away from zero.
- Dates and times: custom patterns of ``yyyy yy MMMM MMM MM M dddd ddd dd d HH H hh h mm
  m ss s fff ff f tt t`` with literal text, quoted text and ``\\`` escapes, and the standard
  ``d`` (M/d/yyyy), ``D`` (dddd, MMMM d, yyyy), ``t``, ``T`` and ``s``.
- The culture may be left out or ``en-US``. Anything else (``C``, ``P``, ``G``, another
  culture, a pattern that is not a constant, digits placed among literals) is a compat
  finding.
"""

from __future__ import annotations

import re
from typing import Protocol

from sqlglot import exp

from etlcheck.tsql.emulation.conversions import source_type
from etlcheck.tsql.parsing import CompileError

_STANDARD_DATES = {
    "d": "M/d/yyyy",
    "D": "dddd, MMMM d, yyyy",
    "t": "h:mm tt",
    "T": "h:mm:ss tt",
    "s": "yyyy-MM-ddTHH:mm:ss",
}
DATE_TOKENS = frozenset(
    [
        "yyyy",
        "yy",
        "MMMM",
        "MMM",
        "MM",
        "M",
        "dddd",
        "ddd",
        "dd",
        "d",
        "HH",
        "H",
        "hh",
        "h",
        "mm",
        "m",
        "ss",
        "s",
        "fff",
        "ff",
        "f",
        "tt",
        "t",
    ]
)
_NUMBER = re.compile(r"(?P<kind>[NFD])(?P<digits>\d{0,2})", re.IGNORECASE)
_CUSTOM_NUMBER = re.compile(r"(?P<integer>[#,]*0*)(?:\.(?P<fraction>0+))?")
_CULTURES = frozenset(["en-us"])
_AMBIGUOUS = frozenset(["D", "F", "f"])
"""Standard formats that mean one thing for a number and another for a date."""
_MOMENT_TYPES = frozenset(["DATE", "DATETIME", "DATETIME2", "SMALLDATETIME"])
_NUMBER_TYPES = frozenset(
    [
        "INT",
        "BIGINT",
        "SMALLINT",
        "TINYINT",
        "DECIMAL",
        "NUMERIC",
        "MONEY",
        "SMALLMONEY",
        "FLOAT",
        "REAL",
        "DOUBLE",
    ]
)


class Formatter(Protocol):
    """What an emulation provides for FORMAT (each piece of a date pattern, and numbers)
    and for HASHBYTES."""

    def format_moment_piece(self, value: exp.Expression, token: str) -> exp.Expression: ...

    def format_number(
        self, value: exp.Expression, decimals: int, grouped: bool, digits: int
    ) -> exp.Expression: ...

    def format_integer(self, value: exp.Expression, digits: int) -> exp.Expression: ...

    def hash_algorithms(self) -> frozenset[str]:
        """The HASHBYTES algorithms the engine computes (``hashes``)."""
        ...


def rewrite_format(node: exp.Anonymous, formatter: Formatter) -> exp.Expression:
    """The SQL for a FORMAT call, or CompileError naming what is not emulated."""
    arguments = list(node.expressions)
    if len(arguments) not in (2, 3):
        raise _refuse("FORMAT takes a value, a pattern and optionally a culture")
    value, pattern = arguments[0], arguments[1]
    if len(arguments) == 3:
        culture = arguments[2]
        if not (_is_text(culture) and culture.name.lower() in _CULTURES):
            raise _refuse("a culture other than en-US is not emulated")
    if not _is_text(pattern):
        raise _refuse("a pattern that is not a constant is not emulated")
    text = pattern.name
    if text in _AMBIGUOUS:
        kind = _value_kind(value)
        if kind is None:
            raise _refuse(
                f"'{text}' of a value whose type the statement does not show (a date or a "
                "number) is not emulated; CAST it"
            )
        if kind == "date":
            if text not in _STANDARD_DATES:
                raise _refuse(f"the date pattern '{text}' is not emulated")
            return _moment(value, _STANDARD_DATES[text], formatter)
    number = _NUMBER.fullmatch(text)
    if number is not None and text not in _STANDARD_DATES:
        return _standard_number(value, number, formatter)
    if text in _STANDARD_DATES:
        return _moment(value, _STANDARD_DATES[text], formatter)
    custom = _CUSTOM_NUMBER.fullmatch(text)
    if custom is not None and text:
        integer = custom.group("integer")
        if integer.count(",") > 1 or (integer.count(",") == 1 and integer.endswith(",")):
            raise _refuse(f"the number pattern '{text}' is not emulated")
        decimals = len(custom.group("fraction") or "")
        if "," in integer and integer.count("0") > 1:
            raise _refuse(f"the number pattern '{text}' is not emulated")
        return formatter.format_number(value, decimals, "," in integer, integer.count("0"))
    if re.search(r"[yMdHhmsft]", text) and not re.search(r"[#0%‰;]", _unquoted(text)):
        return _moment(value, text, formatter)
    raise _refuse(f"the pattern '{text}' is not emulated")


def _value_kind(value: exp.Expression) -> str | None:
    """``date`` or ``number`` when the statement shows the value's type, else None."""
    if isinstance(value, exp.Literal) and not value.is_string:
        return "number"
    if isinstance(value, exp.CurrentTimestamp):
        return "date"
    shown = source_type(value)
    if shown in _MOMENT_TYPES:
        return "date"
    if shown in _NUMBER_TYPES:
        return "number"
    return None


def _standard_number(
    value: exp.Expression, match: re.Match[str], formatter: Formatter
) -> exp.Expression:
    kind = match.group("kind").upper()
    digits = int(match.group("digits") or (2 if kind in "NF" else 0))
    if kind == "D":
        return formatter.format_integer(value, digits)
    return formatter.format_number(value, digits, kind == "N", 1)


def _moment(value: exp.Expression, pattern: str, formatter: Formatter) -> exp.Expression:
    pieces: list[exp.Expression] = []
    for kind, text in date_pieces(pattern):
        if kind == "text":
            pieces.append(exp.Literal.string(text))
        else:
            pieces.append(formatter.format_moment_piece(value, text))
    result = pieces[0]
    for piece in pieces[1:]:
        result = exp.DPipe(this=result, expression=piece, safe=True)
    return result


def date_pieces(pattern: str) -> list[tuple[str, str]]:
    """A .NET custom date pattern as ("token", "yyyy") and ("text", "-") pieces."""
    pieces: list[tuple[str, str]] = []
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if char in "'\"":
            end = pattern.find(char, position + 1)
            if end < 0:
                raise _refuse(f"the pattern '{pattern}' has an unclosed quote")
            pieces.append(("text", pattern[position + 1 : end]))
            position = end + 1
        elif char == "\\" and position + 1 < len(pattern):
            pieces.append(("text", pattern[position + 1]))
            position += 2
        elif char in "yMdHhmsft":
            run = len(re.match(rf"{re.escape(char)}+", pattern[position:]).group(0))  # type: ignore[union-attr]
            token = char * run
            if char == "y" and run == 3:
                token = "yyyy"
            if token not in DATE_TOKENS:
                raise _refuse(f"'{token}' in the date pattern '{pattern}' is not emulated")
            pieces.append(("token", token))
            position += run
        elif char in "FgKz%":
            raise _refuse(f"'{char}' in the date pattern '{pattern}' is not emulated")
        else:
            pieces.append(("text", char))
            position += 1
    return pieces


def _unquoted(pattern: str) -> str:
    return re.sub(r"'[^']*'|\"[^\"]*\"|\\.", "", pattern)


def _is_text(node: exp.Expression) -> bool:
    return isinstance(node, exp.National) or (isinstance(node, exp.Literal) and node.is_string)


def _refuse(what: str) -> CompileError:
    return CompileError(f"FORMAT: {what}", "FORMAT", word="FORMAT")
