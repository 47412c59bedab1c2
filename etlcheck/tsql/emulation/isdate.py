"""ISDATE(x) as SQL Server answers it for a us_english session (DATEFORMAT mdy).

1 when the text converts to ``datetime``, else 0: NULL, an empty or blank string (which
CAST reads as 1900-01-01), more than three digits of a second (a datetime2 text) and a
year before 1753 give 0. The conversion is the emulated TRY_CAST to datetime.

The engines read more forms than SQL Server and fewer (a time alone, a year alone, a
month name), so ISDATE answers only for the forms below, where the engines' reading is
SQL Server's, and for text without a digit (never a date): ``yyyy-m-d``, ``yyyymmdd``
and ``m/d/yyyy`` or ``m/d/yy``, each with an optional time of day ``hh:mm[:ss[.f…]]``
(after a ``T`` in the ISO form, with seconds). Any other text is a compat finding when the
statement shows it (a literal) and an error when the statement runs (a column), never a
different answer; so is an argument that is not text.
"""

from __future__ import annotations

import re

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.conversions import rewrite_conversion, source_type
from etlcheck.tsql.parsing import CompileError

_TEXT = frozenset(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME"])
_CLOCK = "([01][0-9]|2[0-3]):[0-5][0-9]"
_TIME = f" {_CLOCK}(:[0-5][0-9]([.][0-9]+)?)?"
SHAPES = (
    f"[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}({_TIME}|T{_CLOCK}:[0-5][0-9]([.][0-9]+)?)?"
    f"|[0-9]{{8}}( {_CLOCK}:[0-5][0-9])?"
    f"|[0-9]{{1,2}}/[0-9]{{1,2}}/([0-9]{{2}}|[0-9]{{4}})( {_CLOCK}(:[0-5][0-9])?)?"
)
"""The texts (trimmed of blanks) ISDATE decides: the forms the module's docstring lists.
One pattern for Python, DuckDB (RE2) and PostgreSQL, so it avoids backslashes."""


def rewrite_isdate(node: exp.Anonymous, reads_text: bool) -> exp.Expression:
    """``ISDATE(x)``: see the module's docstring."""
    if len(node.expressions) != 1:
        raise _refuse("takes one argument")
    value = node.expressions[0]
    if isinstance(value, exp.Null):
        return exp.Literal.number(0)
    source = source_type(value)
    if source is not None and source not in _TEXT:
        raise _refuse(f"an argument of type {source.lower()} is not emulated, only text")
    if isinstance(value, exp.National) or (isinstance(value, exp.Literal) and value.is_string):
        _check_literal(value.name)
        value = exp.Cast(this=value, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    as_datetime = exp.TryCast(this=value.copy(), to=exp.DataType.build("DATETIME", dialect="tsql"))
    moment = rewrite_conversion(as_datetime, reads_text)
    return sys_call("etlcheck_isdate", [value, moment, exp.Literal.string(f"^({SHAPES})$")])


def _check_literal(text: str) -> None:
    trimmed = text.strip(" ")
    if re.search("[0-9]", trimmed) and not re.fullmatch(SHAPES, trimmed):
        raise _refuse(
            f"cannot tell whether '{text}' is a date as SQL Server reads it (it decides "
            "yyyy-mm-dd, yyyymmdd and mm/dd/yyyy, with a time of day)"
        )


def _refuse(what: str) -> CompileError:
    return CompileError(f"ISDATE: {what}", "ISDATE", word="ISDATE")
