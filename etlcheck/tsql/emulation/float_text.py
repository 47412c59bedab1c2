"""A ``float`` or ``real`` the statement shows, converted to text as SQL Server writes it.

SQL Server's CAST (and CONVERT style 0, PRINT, CONCAT, an assignment to a character
variable) writes at most 6 significant digits, as C's ``%g`` does, with a three-digit
exponent: ``1234567e0`` is ``1.23457e+006``, ``0.1e0`` is ``0.1``, ``1e-5`` is ``1e-005``.
Style 1 always writes 8 digits in scientific notation (``1.2345670e+006``), style 2 always
16 (``1.234567000000000e+006``). The engines write up to 17 digits, never an exponent
below 1e15. A text type too short for the result is error 8115 (SQL Server does not
truncate a number's text), NULL for TRY_CAST and TRY_CONVERT.

The value's type must be one the statement shows: a float literal (``1.5E0``), a float or
real variable, a CAST or CONVERT to float, arithmetic of those with numbers. sqlglot reads
``REAL`` and ``FLOAT`` alike, so styles 1 and 2 of a CAST to bare ``FLOAT`` are refused (a
real would show other digits: the engines hold a real as a double); so are styles 1 and 2
of a real, style 3 (the documentation does not show its form), 126, 128, 129 and any
other. A real variable is written from its value rounded to a real.

``STR(x [, length [, decimal]])`` (``rewrite_str``) is here too: a float written as text.
"""

from __future__ import annotations

import enum
import re

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.shown_types import source_type
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import TSQL_TYPE

SCIENTIFIC_STYLES = frozenset([1, 2])
"""Styles always in scientific notation: 8 and 16 digits."""
_LONGEST = {0: 13, 1: 15, 2: 23}
"""The longest text of each style (``-1.23457e-308``...): a longer target needs no check."""
_BITS = {"REAL": 24, "FLOAT": 53}
_ARITHMETIC = (exp.Add, exp.Sub, exp.Mul, exp.Div)
_EXACT = frozenset(
    ["INT", "BIGINT", "SMALLINT", "TINYINT", "BIT", "DECIMAL", "NUMERIC", "MONEY", "SMALLMONEY"]
)


class FloatKind(enum.Enum):
    """What the statement shows of a floating-point value's type."""

    FLOAT = "float"
    REAL = "real"
    EITHER = "float or real"
    """A CAST or CONVERT to bare ``FLOAT`` (sqlglot reads ``REAL`` as the same type)."""


def float_kind(value: exp.Expression) -> FloatKind | None:
    """The floating-point type the statement shows ``value`` to have, or None."""
    if isinstance(value, (exp.Paren, exp.Neg)):
        return float_kind(value.this)
    if isinstance(value, _ARITHMETIC):
        return _arithmetic_kind(value.this, value.expression)
    if isinstance(value, exp.Literal):
        scientific = value.is_number and "E" in value.name.upper()
        return FloatKind.FLOAT if scientific else None
    known = value.meta.get(TSQL_TYPE) if value.meta else None
    if known:
        return _declared_kind(str(known))
    if isinstance(value, (exp.Cast, exp.TryCast)):
        return _cast_kind(value.to)
    if isinstance(value, exp.Convert) and isinstance(value.this, exp.DataType):
        return _cast_kind(value.this)
    return None


def _arithmetic_kind(left: exp.Expression, right: exp.Expression) -> FloatKind | None:
    """The type of ``left`` and ``right`` combined by an operator: float ranks above
    every other number type, real above all but float. Both must be numbers the
    statement shows (a date plus a float is a date)."""
    kinds = [float_kind(left), float_kind(right)]
    sides = zip(kinds, (left, right), strict=True)
    if not all(kind is not None or _is_number(side) for kind, side in sides):
        return None
    for kind in (FloatKind.FLOAT, FloatKind.EITHER, FloatKind.REAL):
        if kind in kinds:
            return kind
    return None


def _is_number(value: exp.Expression) -> bool:
    """A number literal, or a value of an exact number type the statement shows."""
    if isinstance(value, (exp.Paren, exp.Neg)):
        return _is_number(value.this)
    if isinstance(value, exp.Literal):
        return bool(value.is_number)
    return source_type(value) in _EXACT


def _declared_kind(type_text: str) -> FloatKind | None:
    """The kind of a declared type (``REAL``, ``FLOAT(24)``, ``DOUBLE PRECISION``)."""
    words = type_text.strip().upper()
    if words == "REAL":
        return FloatKind.REAL
    if words.startswith("DOUBLE"):
        return FloatKind.FLOAT
    match = re.fullmatch(r"FLOAT\s*(?:\(\s*(\d+)\s*\))?", words)
    if match is None:
        return None
    bits = int(match.group(1) or 53)
    return FloatKind.REAL if bits <= 24 else FloatKind.FLOAT


def _cast_kind(to: exp.DataType) -> FloatKind | None:
    if to.this == exp.DataType.Type.DOUBLE:
        return FloatKind.FLOAT
    if to.this != exp.DataType.Type.FLOAT:
        return None
    if not to.expressions:
        return FloatKind.EITHER
    return _declared_kind(to.sql(dialect="tsql"))


def float_text(
    value: exp.Expression, to: exp.DataType, style: int, kind: FloatKind, safe: bool
) -> exp.Expression:
    """``value`` (of ``kind``) as text of type ``to`` in ``style``, as SQL Server writes it."""
    if style not in (0, *SCIENTIFIC_STYLES):
        raise _refuse(f"style {style} of a {kind.value}")
    if style in SCIENTIFIC_STYLES and kind is not FloatKind.FLOAT:
        hint = (
            "sqlglot reads REAL as FLOAT: CAST to FLOAT(53) to show it is a float"
            if kind is FloatKind.EITHER
            else "the engines hold a real as a double, whose digits differ"
        )
        raise _refuse(f"style {style} of a {kind.value} ({hint})")
    size = _size(to)
    checked = size if size is not None and size < _LONGEST[style] else 0
    bits = _BITS["REAL" if kind is FloatKind.REAL else "FLOAT"]
    target = "nvarchar" if to.this.name in ("NVARCHAR", "NCHAR", "NTEXT") else "varchar"
    text = sys_call(
        "etlcheck_float_text",
        [
            value,
            exp.Literal.number(bits),
            exp.Literal.number(style),
            exp.Literal.number(checked),
            exp.Literal.string(target),
            exp.false() if safe else exp.true(),
        ],
    )
    return exp.Cast(this=text, to=to.copy())


def _size(to: exp.DataType) -> int | None:
    """n of ``VARCHAR(n)`` and the other character types; None for MAX or none given."""
    if not to.expressions:
        return 30 if to.this.name in ("VARCHAR", "NVARCHAR", "CHAR", "NCHAR") else None
    size = to.expressions[0]
    length = size.this if isinstance(size, exp.DataTypeParam) else size
    if isinstance(length, exp.Literal) and length.is_int:
        return int(length.name)
    return None


def _refuse(what: str) -> CompileError:
    return CompileError(
        f"CONVERT: {what} to text is not emulated (styles 0, 1 and 2 of a float are)",
        "CONVERT",
        word="CONVERT",
    )


def rewrite_str(node: exp.Anonymous) -> exp.Expression:
    """``STR(x [, length [, decimal]])``: x as a float, rounded to ``decimal`` places (0 by
    default, at most 16), right-justified in ``length`` characters (10 by default), or
    ``length`` asterisks when the part before the decimal point does not fit. A number
    halfway between two results, one of more than 15 digits, and one that fits only with
    fewer decimals fail the statement when it runs: the documentation does not show them."""
    arguments = list(node.expressions)
    if not 1 <= len(arguments) <= 3:
        raise _refuse_str("STR takes a number, a length and a number of decimals")
    given = [_whole_constant(argument) for argument in arguments[1:]]
    defaults: list[int | None] = [10, 0]
    length, decimals = given + defaults[len(given) :]
    if length is None or decimals is None:
        raise _refuse_str("a length or a number of decimals that is not a constant")
    if not 1 <= length <= 8000 or decimals < 0:
        raise _refuse_str(f"a length of {length} or {decimals} decimals")
    number = exp.Cast(this=arguments[0], to=exp.DataType.build("FLOAT", dialect="tsql"))
    places = exp.Literal.number(min(decimals, 16))
    return sys_call("etlcheck_str", [number, exp.Literal.number(length), places])


def _whole_constant(value: exp.Expression) -> int | None:
    negative = isinstance(value, exp.Neg)
    literal = value.this if negative else value
    if isinstance(literal, exp.Literal) and literal.is_int:
        return -int(literal.name) if negative else int(literal.name)
    return None


def _refuse_str(what: str) -> CompileError:
    return CompileError(f"STR: {what} is not emulated", "STR", word="STR")
