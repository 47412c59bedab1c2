"""RAISERROR as SQL Server documents it: a printf-style message, severity and state.

- ``%[flags][width][.precision][h|l|I64]type`` with types ``d i o s u x X``, flags
  ``- + 0 # space``, and ``*`` for a width or precision taken from the arguments;
  a NULL argument prints ``(null)``; an argument of the wrong kind is error 2786.
- Severity below 0 counts as 0, above 25 as 25; 19 and above need ``WITH LOG``
  (error 2754 otherwise). Up to 10 it is a message, not an error; ``WITH SETERROR``
  still sets ``@@ERROR`` to 50000. State below 0 counts as 1.
- A message over 2,047 characters keeps its first 2,044 and gets ``...``.
- An argument of a type SQL Server does not list for substitution (``decimal``, ``float``,
  a date...: the documented ones are tinyint, smallint, int, char, varchar, nchar,
  nvarchar, binary and varbinary) and a specification of another type (``%f``, ``%c``)
  are refused: what SQL Server does with them is not documented.
"""

from __future__ import annotations

import datetime
import decimal
import re
from dataclasses import dataclass
from typing import Any

from etlcheck.tsql.scope import TsqlError

_SPECIFICATION = re.compile(
    r"%%|%(?P<flags>[-+0# ]*)(?P<width>\d+|\*)?(?:\.(?P<precision>\d+|\*))?"
    r"(?:I64|h|l)?(?P<type>[diosuxX])"
)
_ANY_SPECIFICATION = re.compile(
    r"%%|%[-+0#]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:I64|h|l)?(?P<type>[aAcCeEfFgGnp])"
)
"""A specification of a C printf type RAISERROR does not list (``%f``, ``%5.2f``); a
``%`` before a blank (``100% done``) is left alone."""
_DECIMAL_LITERAL = re.compile(r"\s*[-+]?(?:\d+\.\d*|\.\d+|\d+(?:\.\d*)?[eE][-+]?\d+)\s*")
_UNLISTED = (decimal.Decimal, float, datetime.date, datetime.time)
"""Python values of types SQL Server does not list as RAISERROR substitution parameters."""
SUBSTITUTION_TYPES = "tinyint, smallint, int, char, varchar, nchar, nvarchar, binary, varbinary"
MAX_MESSAGE = 2047
SUBSTITUTION_MISMATCH = 2786


@dataclass(frozen=True)
class Raised:
    """What a RAISERROR does: its message, severity and state, and ``@@ERROR`` after it."""

    message: str
    severity: int
    state: int
    error_number: int

    @property
    def is_error(self) -> bool:
        return self.severity > 10


def raise_error(
    template: str, severity: int, state: int, arguments: list[Any], options: frozenset[str]
) -> Raised:
    """The outcome of ``RAISERROR(template, severity, state, arguments...) WITH options``."""
    severity = min(max(severity, 0), 25)
    if severity > 18 and "LOG" not in options:
        raise TsqlError(
            2754,
            "Error severity levels greater than 18 can only be specified by members of the "
            "sysadmin role, using the WITH LOG option.",
        )
    message = format_message(template, arguments)
    if len(message) > MAX_MESSAGE:
        message = message[:2044] + "..."
    error_number = 50000 if severity > 10 or "SETERROR" in options else 0
    return Raised(message, severity, 1 if state < 0 else state, error_number)


def format_message(template: str, arguments: list[Any]) -> str:
    """RAISERROR's message: each conversion specification filled from ``arguments``."""
    remaining = list(arguments)
    used = [0]

    def take() -> Any:
        used[0] += 1
        return remaining.pop(0) if remaining else None

    def star(text: str | None) -> str | None:
        if text != "*":
            return text
        value = take()
        if not isinstance(value, int) or isinstance(value, bool):
            raise _mismatch(used[0])
        return str(value)

    def substitute(match: re.Match[str]) -> str:
        if match.group(0) == "%%":
            return "%"
        width = star(match.group("width"))
        precision = star(match.group("precision"))
        value = take()
        flags, kind = match.group("flags") or "", match.group("type")
        if value is None:
            return _pad("(null)", flags, width)
        if (kind == "s") != isinstance(value, str) or isinstance(value, bool):
            raise _mismatch(used[0])
        if kind == "s":
            return _pad(value[: int(precision)] if precision else value, flags, width)
        return _integer(value, flags, width, precision, kind)

    return _SPECIFICATION.sub(substitute, template)


def _integer(value: int, flags: str, width: str | None, precision: str | None, kind: str) -> str:
    if kind in "ouxX" and value < 0:
        value += 2**32
    spec = "%" + flags + (width or "") + (f".{precision}" if precision is not None else "")
    return (spec + ("d" if kind in "diu" else kind)) % value


def _pad(text: str, flags: str, width: str | None) -> str:
    if width is None or len(text) >= int(width):
        return text
    return text.ljust(int(width)) if "-" in flags else text.rjust(int(width))


def _mismatch(number: int) -> TsqlError:
    return TsqlError(
        SUBSTITUTION_MISMATCH,
        f"The data type of substitution parameter {number} does not match the "
        "expected type of the format specification.",
    )


def unlisted_specification(template: str) -> str | None:
    """The first ``%`` specification of a type RAISERROR does not list (``%f``), if any."""
    for match in _ANY_SPECIFICATION.finditer(template):
        kind = match.group("type")
        if kind is not None:
            return match.group(0)
    return None


def is_decimal_literal(text: str) -> bool:
    """True for an argument spelled as a decimal or float constant (``71.4``, ``1e3``)."""
    return _DECIMAL_LITERAL.fullmatch(text) is not None


def unlisted_argument(arguments: list[Any]) -> int | None:
    """The 1-based position (after msg, severity, state) of the first argument whose
    value is of a type RAISERROR does not list, if any."""
    for position, value in enumerate(arguments, start=1):
        if isinstance(value, _UNLISTED):
            return position
    return None
