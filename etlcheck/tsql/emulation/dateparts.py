"""``DATEPART(part, date)`` and ``DATENAME(part, date)`` with SQL Server's us_english
answers, under the session's ``SET DATEFIRST`` (7 by default; see ``tsql.datefirst``).

Both become ``sys.etlcheck_datepart`` / ``sys.etlcheck_datename`` over the date as
datetime2, with the part spelled out (``dw`` -> ``weekday``). The parser keeps both
calls by their own name (``parsing._KEPT``): sqlglot reads DATENAME into a strftime
pattern that loses the part (``y`` is the day of the year, not the year) and DATEPART
``w`` as the week, where SQL Server means the weekday.

- weekday: 1 for Sunday through 7 for Saturday (under DATEFIRST n, 1 for day n);
  DATENAME gives ``Sunday``...
- week: week 1 holds January 1st, and each week starts on a Sunday (on day n).
- iso_week: ISO 8601's week, which starts on a Monday; week 1 holds the year's first
  Thursday (so 2003-12-29 is in week 1 of 2004), whatever DATEFIRST says.
- month: DATENAME gives ``January``...; every other part's name is its number as text.

A ``time`` the statement shows (a variable, a CAST) has SQL Server's default date,
1900-01-01; a ``time`` column's type is not known here: its date parts are NULL on DuckDB and an
error on PostgreSQL (the README says so).

The parts whose answer depends on more than the date etlcheck sees (``tzoffset`` and the
fractions of a second, whose precision follows the type) are refused at the call.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.conversions import rewrite_conversion, source_type

PARTS = {
    "year": ("year", "yy", "yyyy"),
    "quarter": ("quarter", "qq", "q"),
    "month": ("month", "mm", "m"),
    "dayofyear": ("dayofyear", "dy", "y"),
    "day": ("day", "dd", "d"),
    "week": ("week", "wk", "ww"),
    "iso_week": ("iso_week", "isowk", "isoww"),
    "weekday": ("weekday", "dw", "w"),
    "hour": ("hour", "hh"),
    "minute": ("minute", "mi", "n"),
    "second": ("second", "ss", "s"),
}
"""Each datepart etlcheck answers, with the abbreviations SQL Server accepts for it."""
_SPELLED = {abbreviation: part for part, names in PARTS.items() for abbreviation in names}
DATE_FUNCTIONS = frozenset(["DATEPART", "DATENAME"])


def datepart_of(node: exp.Anonymous) -> str | None:
    """The part a DATEPART or DATENAME call asks for, spelled out, or None when it is
    not one of ``PARTS`` (or the call does not have two arguments)."""
    if len(node.expressions) != 2:
        return None
    written = node.expressions[0]
    if isinstance(written, (exp.Column, exp.Var, exp.Identifier)) and not written.args.get("table"):
        return _SPELLED.get(written.name.lower())
    return None


def rewrite_datepart(node: exp.Anonymous, reads_text: bool) -> exp.Expression:
    """``DATEPART`` / ``DATENAME`` as the ``sys`` function of the same name (the call was
    checked by ``support``: its part is one of ``PARTS``)."""
    part = datepart_of(node)
    assert part is not None
    moment = node.expressions[1]
    if source_type(moment) == "TIME":
        # A time's date parts are SQL Server's default date, 1900-01-01.
        text = exp.Cast(this=moment, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
        moment = exp.DPipe(this=exp.Literal.string("1900-01-01 "), expression=text, safe=True)
    as_datetime2 = exp.Cast(this=moment, to=exp.DataType.build("DATETIME2", dialect="tsql"))
    moment_sql = rewrite_conversion(as_datetime2, reads_text)
    name = f"etlcheck_{node.name.lower()}"
    return sys_call(name, [exp.Literal.string(part), moment_sql])
