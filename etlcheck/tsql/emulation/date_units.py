"""DATEADD's and DATEDIFF's datepart as SQL Server reads it, spelled out for the engines.

sqlglot spells out some abbreviations (``dd``, ``wk``, ``yy``) and leaves the others as
written, which the engines then read otherwise: ``y`` (dayofyear) as a year, ``w``
(weekday) as a week, while ``dw``, ``dy``, ``n`` and the full names ``weekday`` and
``dayofyear`` stopped the statement. SQL Server's DATEADD adds days for dayofyear, day and
weekday alike; its DATEDIFF counts day boundaries for dayofyear (the documented
``_datepart_ boundaries`` example) and does not list weekday, which is refused here. A time
part added to a ``date`` the statement shows is refused too: DATEADD returns its date's
type, and the documentation does not say what a date with hours added is.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.emulation.dateparts import PARTS
from etlcheck.tsql.emulation.shown_types import source_type
from etlcheck.tsql.parsing import CompileError

_SPELLED = {
    part.upper(): tuple(name.upper() for name in names)
    for part, names in PARTS.items()
    if part != "iso_week"
} | {
    "MILLISECOND": ("MILLISECOND", "MS"),
    "MICROSECOND": ("MICROSECOND", "MCS"),
    "NANOSECOND": ("NANOSECOND", "NS"),
}
"""Each datepart of DATEADD's table in SQL Server's documentation, with its abbreviations:
DATEPART's (less iso_week) and the fractions of a second."""
_PART = {written: part for part, names in _SPELLED.items() for written in names}
_ADDED_AS_DAYS = frozenset(["DAYOFYEAR", "WEEKDAY"])
"""``dayofyear, day, and weekday return the same value`` (DATEADD's documentation)."""
_TIME_PARTS = frozenset(["HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND", "NANOSECOND"])


def spell_datepart(node: exp.DateAdd | exp.DateDiff) -> None:
    """Set ``node``'s unit to the datepart SQL Server reads in it, spelled as the engines
    read it; raise CompileError where the documentation does not give the result."""
    unit = node.args.get("unit")
    if not isinstance(unit, (exp.Var, exp.Identifier)):
        return
    part = _PART.get(unit.name.upper())
    if part is None:
        return  # not a datepart SQL Server lists: the engine's own error stands
    function = "DATEADD" if isinstance(node, exp.DateAdd) else "DATEDIFF"
    if function == "DATEDIFF" and part == "WEEKDAY":
        raise _refuse(
            function, f"DATEDIFF({unit.name}, …)", "weekday is not among DATEDIFF's dateparts"
        )
    if function == "DATEADD" and part in _TIME_PARTS and source_type(node.this) == "DATE":
        raise _refuse(
            function,
            f"DATEADD({unit.name}, …) of a date",
            "DATEADD returns a date for a date, and the documentation does not give a date "
            "with a time part added; CAST the date to DATETIME2 first",
        )
    spelled = "DAY" if part in _ADDED_AS_DAYS else part
    node.set("unit", exp.Var(this=spelled))


def _refuse(function: str, construct: str, why: str) -> CompileError:
    return CompileError(f"{construct} is not emulated: {why}", construct, word=function)
