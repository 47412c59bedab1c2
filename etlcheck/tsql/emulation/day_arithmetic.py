"""``datetime + n`` and ``datetime - n``: SQL Server adds n days (a fraction of a day is
hours, minutes…) to a ``datetime`` or ``smalldatetime``; the engines have no such
operator between a timestamp and a number. Where the statement shows both types (a
variable, ``GETDATE()``, a number), the sum becomes ``datetime ± n * INTERVAL '1' DAY``.
A column's type is not known when the statement is compiled: ``column + 1`` is left to
the engine (PostgreSQL adds whole days through an operator of etlcheck's; DuckDB refuses
it). ``datetime2`` has no such arithmetic in SQL Server either.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.plan import TSQL_TYPE

_MOMENTS = ("DATETIME", "SMALLDATETIME")
_NUMBERS = frozenset(
    ["INT", "BIGINT", "SMALLINT", "TINYINT", "DECIMAL", "NUMERIC", "FLOAT", "REAL", "MONEY"]
)


def add_days(node: exp.Expression) -> exp.Expression | None:
    """``node`` (an Add or a Sub) as a timestamp plus an interval of days, or None."""
    if not isinstance(node, (exp.Add, exp.Sub)):
        return None
    left, right = node.this, node.expression
    if _is_moment(left) and _is_number(right):
        moment, days = left, right
    elif isinstance(node, exp.Add) and _is_number(left) and _is_moment(right):
        moment, days = right, left
    else:
        return None
    interval = exp.Mul(
        this=exp.Paren(this=days.copy()),
        expression=exp.Interval(this=exp.Literal.string("1"), unit=exp.var("DAY")),
    )
    kind = exp.Sub if isinstance(node, exp.Sub) else exp.Add
    return kind(this=moment.copy(), expression=interval)


def _declared(node: exp.Expression) -> str:
    known = node.meta.get(TSQL_TYPE) if node.meta else None
    return str(known or "").split("(")[0].strip().upper()


def _is_moment(node: exp.Expression) -> bool:
    if isinstance(node, exp.Paren):
        return _is_moment(node.this)
    if isinstance(node, exp.Cast) and isinstance(node.this, exp.CurrentTimestamp):
        return True  # GETDATE(), as the shared rewrite leaves it
    return isinstance(node, exp.CurrentTimestamp) or _declared(node) in _MOMENTS


def _is_number(node: exp.Expression) -> bool:
    if isinstance(node, (exp.Paren, exp.Neg)):
        return _is_number(node.this)
    if isinstance(node, exp.Literal):
        return not node.is_string
    return _declared(node) in _NUMBERS
