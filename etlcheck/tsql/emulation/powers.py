"""``POWER(x, y)`` and ``SQUARE(x)`` with SQL Server's result types.

SQL Server's POWER returns the type of its first argument (int, smallint and tinyint give
int; bigint bigint; decimal(p, s) decimal(38, s); money and smallmoney money; float, real,
bit and the character types float), so ``POWER(2, -2)`` is 0 and ``POWER(2.0, -100.0)``
is 0.0. That type must be one the statement shows: a literal, a variable, a CAST or
CONVERT, a function whose type the emulation knows; the type of a column is not known
when the statement is compiled, so POWER of a column is refused (CAST it).

The power is computed in float on both engines (``sys.etlcheck_power``); a result of an
exact type keeps the digits its scale holds (``sys.etlcheck_power_exact``). Where the
documentation does not pin SQL Server's value down the statement stops, naming the case:
a result whose digits beyond the scale would round up (rounding and truncation disagree,
and which one SQL Server applies is not documented), an exact result of more than 15
digits (PostgreSQL converts a float to a decimal with 15), a negative base with a
fractional exponent, 0 to a negative power, a float result that overflows or underflows,
and a result outside its type's range (an arithmetic overflow error, whose number the
documentation does not give).

``SQUARE(x)`` is documented to return float whatever ``x`` is: the square of ``x``
converted to float, for any ``x`` (a column too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.shown_types import INT_RANGE, shown_type
from etlcheck.tsql.plan import TSQL_TYPE

Convert = Callable[[exp.Cast], exp.Expression]
"""How the emulation converts a value (``conversions.rewrite_conversion``)."""

_BIGINT_RANGE = (-9223372036854775808, 9223372036854775807)
_MONEY_RANGE = ("-922337203685477.5808", "922337203685477.5807")
_INTEGERS = frozenset(["INT", "SMALLINT", "TINYINT", "UTINYINT"])
_DECIMALS = frozenset(["DECIMAL", "NUMERIC"])
_FLOATED = frozenset(
    ["FLOAT", "REAL", "DOUBLE", "BIT", "CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NAME"]
)
"""Types whose POWER is float (``NAME`` is sysname, an nvarchar)."""


@dataclass(frozen=True)
class PowerType:
    """The type SQL Server gives POWER of a first argument of some type: its T-SQL name,
    the digits its scale keeps and the range it holds (None for float)."""

    name: str
    scale: int = 0
    low: str | int | None = None
    high: str | int | None = None


FLOAT = PowerType("FLOAT")
RESULT = "etlcheck_power_type"
"""The meta key of a POWER node: its ``PowerType``, found before its arguments are
rewritten (a rewritten CAST no longer shows its type)."""


def mark_power(node: exp.Pow) -> bool:
    """Record the type of POWER ``node`` (float for SQUARE); False when the statement does
    not show it (see the module)."""
    kind = FLOAT if is_square(node) else power_type(node.this)
    if kind is not None:
        node.meta[RESULT] = kind
    return kind is not None


def is_square(node: exp.Pow) -> bool:
    """Whether ``node`` was written ``SQUARE(x)``, which sqlglot parses to ``POWER(x, 2)``:
    the parser records the span of the name the call was written with."""
    start, end = node.meta.get("start"), node.meta.get("end")
    return isinstance(start, int) and isinstance(end, int) and end - start + 1 == len("SQUARE")


def power_type(base: exp.Expression) -> PowerType | None:
    """The type of POWER of ``base``, when the statement shows ``base``'s type; else None."""
    shown = shown_type(base)
    if shown is None:
        return None
    name = shown.this.name
    if name in _FLOATED:
        return FLOAT
    if name in _INTEGERS:
        return PowerType("INT", 0, *INT_RANGE)
    if name == "BIGINT":
        return PowerType("BIGINT", 0, *_BIGINT_RANGE)
    if name in ("MONEY", "SMALLMONEY"):
        return PowerType("MONEY", 4, *_MONEY_RANGE)
    if name in _DECIMALS:
        params = shown.expressions
        scale = int(params[1].name) if len(params) > 1 else 0
        limit = "9" * (38 - scale) + ("." + "9" * scale if scale else "")
        return PowerType(f"DECIMAL(38, {scale})", scale, f"-{limit}", limit)
    return None


def rewrite_power(node: exp.Pow, convert: Convert) -> exp.Expression:
    """POWER or SQUARE computed as SQL Server types it (``check_constructs`` refused a
    POWER whose first argument's type the statement does not show; ``mark_power`` ran)."""
    if is_square(node):
        squared = sys_call("etlcheck_power", [_float(node.this, convert), _float_literal(2)])
        squared.meta[TSQL_TYPE] = "FLOAT"
        return squared
    kind = node.meta.get(RESULT)
    assert isinstance(kind, PowerType)
    base, exponent = _float(node.this, convert), _float(node.expression, convert)
    if kind is FLOAT:
        made = sys_call("etlcheck_power", [base, exponent])
    else:
        kept = sys_call(
            "etlcheck_power_exact",
            [
                base,
                exponent,
                exp.Literal.number(kind.scale),
                _float_literal(kind.low),
                _float_literal(kind.high),
                exp.Literal.string(kind.name.lower()),
            ],
        )
        made = exp.Cast(this=kept, to=exp.DataType.build(kind.name, dialect="tsql"))
    made.meta[TSQL_TYPE] = kind.name
    return made


def _float(value: exp.Expression, convert: Convert) -> exp.Expression:
    return convert(exp.Cast(this=value, to=exp.DataType.build("FLOAT", dialect="tsql")))


def _float_literal(value: str | int | None) -> exp.Expression:
    return exp.Cast(
        this=exp.Literal.number(value if value is not None else 0),
        to=exp.DataType.build("FLOAT", dialect="tsql"),
    )
