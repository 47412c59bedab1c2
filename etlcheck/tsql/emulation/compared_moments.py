"""A string compared with a date or time the statement shows, read as SQL Server reads it.

SQL Server converts the string to the other side's type (date and time types rank above
the character types), so ``WHERE @d <= '20240131'`` and ``@loaded BETWEEN '01/01/2024' AND
'12/31/2024'`` read ``yyyymmdd`` and ``mm/dd/yyyy`` as a CAST does. DuckDB's own conversion
reads only ``yyyy-mm-dd [hh:mi:ss]``; on an engine whose casts read text as SQL Server does
(PostgreSQL, DateStyle MDY) nothing changes. The other side's type must be one the
statement shows: a variable, a CAST, GETDATE()... A column's type is not known when the
statement is compiled (a known difference, with a hint in DuckDB's error).
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.emulation.conversions import MOMENTS, implicit_moment, source_type

COMPARISONS = (exp.EQ, exp.NEQ, exp.LT, exp.LTE, exp.GT, exp.GTE, exp.Between, exp.In)


def read_compared_text(node: exp.Expression) -> exp.Expression:
    """``node`` (one of ``COMPARISONS``) with each string literal compared with a date or
    time the statement shows converted to that type."""
    if isinstance(node, exp.Between):
        subject, others = node.this, [node.args.get("low"), node.args.get("high")]
    elif isinstance(node, exp.In):
        subject, others = node.this, list(node.expressions)
    else:
        subject, others = node.this, [node.expression]
        if _moment(subject) is None:
            subject, others = node.expression, [node.this]
    target = _moment(subject)
    if target is None:
        return node
    for other in others:
        if other is not None and _is_text(other):
            other.replace(implicit_moment(other.copy(), target))
    return node


def _moment(value: exp.Expression | None) -> str | None:
    kind = source_type(value) if value is not None else None
    return kind if kind in MOMENTS else None


def _is_text(value: exp.Expression | None) -> bool:
    return isinstance(value, exp.National) or (isinstance(value, exp.Literal) and value.is_string)
