"""A ``datetime`` as a number of days since 1900-01-01, and back: the idiom older warehouse
code strips a time of day with, ``CAST(FLOOR(CAST(@loaded AS FLOAT)) AS DATETIME)``.

SQL Server converts a ``datetime`` or ``smalldatetime`` to ``float`` as the days since
1900-01-01, the time of day as the fraction (noon is .5); the engines have no such
conversion and stopped the statement. Back to ``datetime``, a whole number of days (the
result of ``FLOOR`` or ``CEILING``, or an integer the statement shows) is that many days
after 1900-01-01; a fraction of a day would need SQL Server's rounding to 1/300 of a
second, which is not emulated (the engines' own conversion answers, or fails).
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.plan import TSQL_TYPE

_EPOCH_SECONDS = 2208988800
"""Seconds from 1900-01-01 to 1970-01-01."""
_FLOATS = frozenset(["FLOAT", "REAL", "DOUBLE"])
DATETIMES = frozenset(["DATETIME", "SMALLDATETIME"])
WHOLE = frozenset(["INT", "BIGINT", "SMALLINT", "TINYINT"])


def days_of(value: exp.Expression, to: exp.DataType, source: str | None) -> exp.Expression | None:
    """``CAST(value AS float)`` of a datetime the statement shows, as SQL Server's day
    number; None for any other conversion."""
    if to.this.name not in _FLOATS or source not in DATETIMES:
        return None
    seconds = exp.Add(
        this=exp.TimeToUnix(this=value), expression=exp.Literal.number(_EPOCH_SECONDS)
    )
    days = exp.Div(this=exp.Paren(this=seconds), expression=exp.Literal.number("86400.0"))
    cast = exp.Cast(this=days, to=to.copy())
    cast.meta[TSQL_TYPE] = "FLOAT"
    return cast


def moment_of(value: exp.Expression, to: exp.DataType, source: str | None) -> exp.Expression | None:
    """``CAST(value AS datetime)`` of a whole number of days (``FLOOR(...)``, ``CEILING(...)``
    or an integer the statement shows) as that many days after 1900-01-01; None otherwise."""
    if to.this.name not in DATETIMES:
        return None
    inner = value.this if isinstance(value, exp.Paren) else value
    if not (isinstance(inner, (exp.Floor, exp.Ceil)) or source in WHOLE):
        return None
    if isinstance(inner, exp.Literal):
        return None  # a constant: conversions._number_as_datetime
    epoch = exp.Cast(this=exp.Literal.string("1900-01-01"), to=to.copy())
    days = exp.Cast(this=value, to=exp.DataType.build("BIGINT"))
    moment = exp.DateAdd(this=epoch, expression=days, unit=exp.Var(this="DAY"))
    moment.meta[TSQL_TYPE] = to.this.name
    return moment
