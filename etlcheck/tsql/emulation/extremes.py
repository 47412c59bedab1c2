"""``GREATEST`` and ``LEAST`` (SQL Server 2022) as SQL Server documents them, where the
statement shows every argument's type.

The result has the type of highest precedence among the arguments (for decimals the
scale of the highest-precedence argument, the largest scale among several); every
argument is converted to it before the comparison, so ``GREATEST('6.62', 3.1415, N'7')``
is the decimal 7.0000. NULLs are ignored, and the result is NULL only when every
argument is NULL. Text compares under the collation, which ignores case: the engines'
own GREATEST compares bytes (DuckDB puts ``'a'`` after ``'B'``), so text takes the
largest (smallest) of the arguments as MAX (MIN) does, under the emulation's
case-insensitive collation.

Refused, with what to do: an argument whose type the statement does not show (a column:
CAST it), a bare NULL (its type is not documented here), ``char``/``nchar`` (SQL Server
pads them), types other than the numeric, date/time and character ones, and a date or
time type mixed with any other type (a conversion the documentation does not pin down
here).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from etlcheck.tsql.emulation.shown_types import shown_type
from etlcheck.tsql.plan import TSQL_TYPE

Convert = Callable[[exp.Cast], exp.Expression]
"""How the emulation converts a value (``conversions.rewrite_conversion``)."""

RESULT = "etlcheck_extreme_type"
"""The meta key of a GREATEST or LEAST node: its result type, found before its arguments
are rewritten (a rewritten CAST no longer shows its type)."""

_PRECEDENCE = (
    "DATETIMEOFFSET",
    "DATETIME2",
    "DATETIME",
    "SMALLDATETIME",
    "DATE",
    "TIME",
    "FLOAT",
    "REAL",
    "DECIMAL",
    "MONEY",
    "SMALLMONEY",
    "BIGINT",
    "INT",
    "SMALLINT",
    "TINYINT",
    "BIT",
    "NVARCHAR",
    "NCHAR",
    "VARCHAR",
    "CHAR",
)
"""SQL Server's data type precedence, highest first (the types GREATEST compares here)."""
_ALIASES = {"NUMERIC": "DECIMAL", "DOUBLE": "FLOAT", "TIMESTAMPTZ": "DATETIMEOFFSET"}
_MOMENTS = frozenset(_PRECEDENCE[:6])
_TEXT = frozenset(["NVARCHAR", "VARCHAR"])
_PADDED = frozenset(["NCHAR", "CHAR"])
EXTREMES = (exp.Greatest, exp.Least)


def extreme_refusal(node: exp.Greatest | exp.Least) -> str | None:
    """Why GREATEST or LEAST ``node`` is refused (see the module), else None; records its
    result type for ``rewrite_extreme``."""
    arguments = [node.this, *node.expressions]
    shown = [shown_type(argument) for argument in arguments]
    if any(isinstance(argument, exp.Null) for argument in arguments):
        return "a NULL argument's type is not documented; CAST it (CAST(NULL AS INT))"
    if any(kind is None for kind in shown):
        return (
            "its result has the type of highest precedence among the arguments, which the "
            "statement does not show for a column or an expression over columns; CAST the "
            "argument to its type"
        )
    kinds = [kind for kind in shown if kind is not None]
    names = {_name(kind) for kind in kinds}
    if names & _PADDED:
        return "char and nchar arguments are padded with blanks in SQL Server; CAST them to varchar"
    if not names <= set(_PRECEDENCE):
        return f"arguments of type {', '.join(sorted(names - set(_PRECEDENCE)))} are not emulated"
    if names & _MOMENTS and len(names) > 1:
        return "a date or time compared with another type is not emulated; CAST the arguments"
    node.meta[RESULT] = _result_type(kinds)
    return None


def _name(kind: exp.DataType) -> str:
    name = kind.this.name
    return _ALIASES.get(name, name)


def _result_type(kinds: list[exp.DataType]) -> exp.DataType:
    """The highest-precedence type; for decimals the largest scale among them."""
    highest = min(kinds, key=lambda kind: _PRECEDENCE.index(_name(kind)))
    name = _name(highest)
    if name == "DECIMAL":
        scales = [_scale(kind) for kind in kinds if _name(kind) == "DECIMAL"]
        return exp.DataType.build(f"DECIMAL(38, {max(scales)})", dialect="tsql")
    if name in _TEXT:
        return exp.DataType.build(f"{name}(MAX)", dialect="tsql")
    return highest.copy()


def _scale(kind: exp.DataType) -> int:
    params = kind.expressions
    return int(params[1].name) if len(params) > 1 else 0


def rewrite_extreme(node: exp.Greatest | exp.Least, convert: Convert) -> exp.Expression:
    """GREATEST or LEAST over its arguments converted to the result type (``extreme_refusal``
    ran and found none)."""
    result = node.meta[RESULT]
    assert isinstance(result, exp.DataType)
    arguments = [
        convert(exp.Cast(this=argument.copy(), to=result.copy()))
        for argument in (node.this, *node.expressions)
    ]
    made: exp.Expression
    if _name(result) in _TEXT:
        made = _aggregated(arguments, exp.Max if isinstance(node, exp.Greatest) else exp.Min)
    else:
        first, *rest = arguments
        node.set("this", first)
        node.set("expressions", rest)
        made = node
    made.meta[TSQL_TYPE] = result.sql(dialect="tsql")
    return made


def _aggregated(
    arguments: list[exp.Expression], aggregate: type[exp.Max | exp.Min]
) -> exp.Expression:
    """``(SELECT MAX(v) FROM (VALUES (a), (b)) AS extremes(v))``: MAX and MIN compare text
    under the emulation's collation and ignore NULLs, as GREATEST and LEAST do."""
    values = exp.Values(
        expressions=[exp.Tuple(expressions=[argument]) for argument in arguments],
        alias=exp.TableAlias(
            this=exp.to_identifier("etlcheck_extremes"), columns=[exp.to_identifier("v")]
        ),
    )
    query = exp.select(aggregate(this=exp.column("v"))).from_(values)
    return exp.Subquery(this=query)
