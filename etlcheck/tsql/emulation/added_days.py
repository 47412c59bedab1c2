"""``@loaded + 1``: a whole number of days added to (or taken from) a ``datetime`` or
``smalldatetime`` the statement shows, as SQL Server adds them. DuckDB has no operator for
a timestamp and a number and stopped the statement; the sum is DATEADD's, on both engines.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.emulation.conversions import source_type
from etlcheck.tsql.emulation.day_numbers import DATETIMES, WHOLE
from etlcheck.tsql.plan import TSQL_TYPE


def days_added(node: exp.Expression) -> exp.Expression | None:
    """``moment + n`` or ``moment - n`` of a datetime the statement shows and a whole
    number of days (an integer literal, or an integer the statement shows) as DATEADD;
    None for any other node (a fraction of a day would need SQL Server's rounding)."""
    if not isinstance(node, (exp.Add, exp.Sub)):
        return None
    moment_type = source_type(node.this)
    days = node.expression
    whole = (isinstance(days, exp.Literal) and days.is_int) or source_type(days) in WHOLE
    if moment_type not in DATETIMES or not whole:
        return None
    count = exp.Neg(this=exp.Paren(this=days.copy())) if isinstance(node, exp.Sub) else days.copy()
    added = exp.DateAdd(this=node.this.copy(), expression=count, unit=exp.Var(this="DAY"))
    added.meta[TSQL_TYPE] = node.this.meta.get(TSQL_TYPE) or moment_type
    return added
