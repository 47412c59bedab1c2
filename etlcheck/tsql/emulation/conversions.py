"""CAST, CONVERT, TRY_CAST and TRY_CONVERT with SQL Server's rules where the engines differ.

- To an integer type: a string must spell an integer (spaces around it allowed; empty or
  blank is 0); ``'12.5'`` fails (error 245, or NULL for TRY_), where the engines round it.
  A decimal or float is truncated toward zero, where the engines round.
- ``CONVERT(character type, date/time, style)`` with styles 0/100, 1/101, 2/102, 3/103, 23,
  112, 120, 121 and 126: a ``date`` shows only its date part. 121 and 126 show the fraction of a
  second as the source type has it (3 digits for datetime, 7 for datetime2), so they need
  a source whose type the statement shows (a CAST, a variable, GETDATE()...); a column's
  type is not known when the statement is compiled, which makes them a compat finding.
- ``CONVERT(date/time type, string, style)`` with styles 1/101, 3/103 and 112 reads the
  string in that form (two-digit years: 00-49 are 20xx, 50-99 are 19xx); 23, 120, 121 and
  126 are ISO 8601 forms, read as any CAST reads them.
- Binary to text with style 1 (``0x00FF``) or 2 (``00FF``): the engines' style functions
  tell binary from date/time when the statement runs, so columns convert too. Text to
  binary with style 1 (the text must start with ``0x``) or 2; either needs whole bytes
  (error 8114 otherwise).
- ``money`` and ``smallmoney`` the statement shows (a variable, a CAST) convert to text
  with two decimals (CAST, style 0), with commas (1), or with four decimals (2, 126).
- A ``float`` or ``real`` the statement shows converts to text as SQL Server writes it
  (``float_text``): 6 digits (CAST, style 0), 8 (1) or 16 (2) in scientific notation.
- Any other style is a compat finding.
- To ``VARCHAR(n)``, ``NVARCHAR(n)``, ``CHAR(n)``, ``NCHAR(n)``: n characters are kept.
- A CAST (or CONVERT without a style) of a datetime the statement shows to text is style 0,
  of a datetime2 style 121, as in SQL Server; of a column, ISO 8601 (a known difference).
- To ``datetime2(p)`` or ``time(p)`` with p below 6: the fraction of a second is rounded to
  p digits (half up), as SQL Server rounds it; DuckDB keeps microseconds. The value then
  shows p digits in CAST (and style 121 of a datetime2), none for 0; without a precision,
  7. A time converts to text as ``hh:mm:ss`` and those digits. A column's precision is not
  known when the statement is compiled (a known difference).
- A datetimeoffset the statement shows (SYSDATETIMEOFFSET(), a variable, a CAST) converts
  to text as SQL Server's CAST writes it, ``2024-05-01 12:34:56.1234560 +02:00``, at the
  session's offset: the engines keep a datetimeoffset's instant, not the offset it was
  written with, so a value written at another offset shows the same instant at the
  session's (a known difference; SYSDATETIMEOFFSET() is always at the session's offset).
  A CONVERT style of a datetimeoffset is a compat finding. To datetimeoffset, a string
  keeps the offset it gives (``+00:00`` when none), and a date/time the statement shows
  gets ``+00:00``, as in SQL Server (the engines would read both at the session's offset).
"""

from __future__ import annotations

import re

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.day_numbers import days_of, moment_of
from etlcheck.tsql.emulation.float_text import float_kind, float_text
from etlcheck.tsql.emulation.shown_types import source_type
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import TSQL_TYPE

INTEGERS = {
    "INT": "int",
    "BIGINT": "bigint",
    "SMALLINT": "smallint",
    "TINYINT": "tinyint",
    "UTINYINT": "tinyint",
}
"""T-SQL integer types and their conversion functions; sqlglot reads T-SQL's TINYINT as
UTINYINT (0 to 255)."""
_TEXT = frozenset(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT"])
MOMENTS = frozenset(["DATE", "DATETIME", "DATETIME2", "SMALLDATETIME"])
_MOMENTS = MOMENTS
_BINARY = frozenset(["BINARY", "VARBINARY"])
HEX_STYLES = frozenset([1, 2])
_MONEY = frozenset(["MONEY", "SMALLMONEY"])
MONEY_STYLES = frozenset([0, 1, 2, 126])
"""Binary to hex text and back: 1 with ``0x`` before the digits, 2 without."""
FORMAT_STYLES = frozenset([0, 100, 1, 101, 2, 102, 3, 103, 23, 112, 120, 121, 126])
PARSE_STYLES = frozenset([1, 101, 3, 103, 112])
ISO_STYLES = frozenset([0, 100, 23, 120, 121, 126])
_OFFSETS = frozenset(["DATETIMEOFFSET", "TIMESTAMPTZ"])
"""datetimeoffset as a declaration writes it, and as sqlglot names it in a CAST."""
_FRACTIONAL = frozenset(["DATETIME2", "TIME"])
"""Types with a precision: the digits of a second they keep (7 when none is given)."""
_DIGITS = {"DATETIME": 3, "SMALLDATETIME": 3, "DATETIME2": 7, "DATE": 3}


CONVERSIONS = (exp.Convert, exp.Cast, exp.TryCast, exp.TsOrDsToDate, exp.TimeStrToTime, exp.DateAdd)
"""The nodes ``rewrite_conversion`` rewrites."""


def rewrite_conversion(node: exp.Expression, reads_text: bool) -> exp.Expression:
    """``node`` with SQL Server's conversion rules, or ``node`` itself. ``reads_text`` is
    False for an engine whose own casts read numbers and dates from strings as SQL Server
    does (PostgreSQL, with ``DateStyle`` MDY); True makes them read as SQL Server here."""
    if isinstance(node, exp.Convert) and isinstance(node.this, exp.DataType):
        safe = bool(node.args.get("safe"))
        converted = _convert(node, node.this, node.expression, safe, reads_text)
        return _rounded(converted, node.this)
    if isinstance(node, (exp.Cast, exp.TryCast)):
        safe = isinstance(node, exp.TryCast)
        to = node.to
        source = source_type(node.this)
        days = days_of(node.this, to, source) or moment_of(node.this, to, source)
        if days is not None:
            return days
        styled = _default_style(node.this, to, safe)
        cast = styled or _from_text(node.this, to, safe, reads_text) or _sized_text(node)
        return _rounded(cast, to)
    if reads_text and isinstance(node, (exp.TsOrDsToDate, exp.TimeStrToTime)):
        return implicit_moment(node, "DATE" if isinstance(node, exp.TsOrDsToDate) else "DATETIME")
    if isinstance(node, exp.DateAdd) and source_type(node.this) == "NVARCHAR":
        moment = node.this
        if reads_text:
            node.set("this", implicit_moment(moment, "DATETIME"))
        else:
            node.set(
                "this", exp.Cast(this=moment, to=exp.DataType.build("DATETIME", dialect="tsql"))
            )
        node.meta[TSQL_TYPE] = "DATETIME"  # a string is read as a datetime
    elif isinstance(node, exp.DateAdd):
        return _date_add_typed(node)
    return node


def _whole_number(value: exp.Expression) -> int | None:
    """A whole number the statement writes (``0``, ``-1``), or None."""
    negative = isinstance(value, exp.Neg)
    literal = value.this if negative else value
    if isinstance(literal, exp.Literal) and literal.is_number and literal.name.isdigit():
        return -int(literal.name) if negative else int(literal.name)
    return None


def _number_as_datetime(days: int) -> exp.Expression:
    """The datetime a number converts to in SQL Server: that many days after 1900-01-01."""
    epoch = exp.Cast(
        this=exp.Literal.string("1900-01-01"), to=exp.DataType.build("DATETIME", dialect="tsql")
    )
    if days == 0:
        return epoch
    return exp.DateAdd(this=epoch, expression=exp.Literal.number(days), unit=exp.Var(this="DAY"))


_DAY_PARTS = frozenset(["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "WEEKDAY"])


def _date_add_typed(node: exp.DateAdd) -> exp.Expression:
    """DATEADD returns its date's type: of a ``date`` the statement shows, a ``date`` (the
    engines' date arithmetic gives a timestamp, which shows a time of day as text), and of
    another date and time type, that type for the conversions around it."""
    days = _whole_number(node.this)
    if days is not None:  # DATEADD(month, DATEDIFF(month, 0, @d), 0): a number as datetime
        node.set("this", _number_as_datetime(days))
        node.meta[TSQL_TYPE] = "DATETIME"
        return node
    source = source_type(node.this)
    unit = node.args.get("unit")
    part = unit.name.upper() if isinstance(unit, (exp.Var, exp.Identifier)) else ""
    if source == "DATE" and part in _DAY_PARTS:
        dated = exp.Cast(this=node.copy(), to=exp.DataType.build("DATE", dialect="tsql"))
        dated.meta[TSQL_TYPE] = "DATE"
        return dated
    known = node.this.meta.get(TSQL_TYPE) if node.this.meta else None
    if source in ("DATETIME", "SMALLDATETIME", "DATETIME2") and known:
        node.meta[TSQL_TYPE] = known
    return node


def _rounded(value: exp.Expression, to: exp.DataType) -> exp.Expression:
    """A value converted to ``datetime2(p)`` rounded to p digits of a second, as SQL Server
    rounds it; the engines keep microseconds whatever the precision. The result keeps its
    type for the conversions around it (to text with p digits)."""
    name = to.this.name
    if name not in _FRACTIONAL:
        return value
    digits = type_digits(to.sql(dialect="tsql"))
    if digits >= 6:
        return value
    function = "etlcheck_round_moment" if name == "DATETIME2" else "etlcheck_round_time"
    rounded = sys_call(function, [value.copy(), exp.Literal.number(digits)])
    rounded.meta[TSQL_TYPE] = f"{name}({digits})"
    return rounded


def type_digits(type_text: str) -> int:
    """The digits of a second a ``datetime2`` type keeps: its precision, 7 when it gives
    none."""
    match = re.search(r"\(\s*(\d+)\s*\)", type_text)
    return min(int(match.group(1)), 7) if match else 7


def _moment_digits(value: exp.Expression, source: str | None) -> int | None:
    """The digits of a second SQL Server writes for ``value`` of type ``source``."""
    if source not in _FRACTIONAL:
        return _DIGITS.get(source or "")
    known = value.meta.get(TSQL_TYPE) if value.meta else None
    if known:
        return type_digits(str(known))
    if isinstance(value, (exp.Cast, exp.TryCast)):
        return type_digits(value.to.sql(dialect="tsql"))
    if isinstance(value, exp.Convert) and isinstance(value.this, exp.DataType):
        return type_digits(value.this.sql(dialect="tsql"))
    if isinstance(value, exp.Paren):
        return _moment_digits(value.this, source)
    return 7


def implicit_moment(node: exp.Expression, target: str) -> exp.Expression:
    """A string SQL Server converts to a date or time without being asked (EOMONTH,
    YEAR, DATEADD, DATEDIFF...), read as SQL Server reads it."""
    value = node.this if isinstance(node, (exp.TsOrDsToDate, exp.TimeStrToTime)) else node
    if source_type(value) in _MOMENTS:
        return node
    moment = sys_call("etlcheck_moment", [value, exp.true()])
    return exp.Cast(this=moment, to=exp.DataType.build(target, dialect="tsql"))


def _cast(value: exp.Expression, to: exp.DataType, safe: bool, reads_text: bool) -> exp.Expression:
    cast = exp.TryCast if safe else exp.Cast
    return _from_text(value, to, safe, reads_text) or _sized_text(cast(this=value, to=to.copy()))


def _default_style(value: exp.Expression, to: exp.DataType, safe: bool) -> exp.Expression | None:
    """A datetime (or smalldatetime) the statement shows converts to text in style 0, a
    datetime2 in style 121, as SQL Server's CAST does; the engines write ISO 8601."""
    if to.this.name not in _TEXT:
        return None
    kind = float_kind(value)
    if kind is not None:
        return float_text(value, to, 0, kind, safe)
    source = source_type(value)
    if source in ("DATETIME", "SMALLDATETIME"):
        return _format(value, to, 0, safe)
    if source == "DATETIME2":
        return _format(value, to, 121, safe)
    if source in _OFFSETS:
        return _offset_text(value, to)
    if source in _MONEY:
        return _money_text(value, to, 0)
    if source == "TIME":
        return _time_text(value, to)
    return None


def _time_text(value: exp.Expression, to: exp.DataType) -> exp.Expression:
    """A time as SQL Server's CAST writes it: ``hh:mm:ss`` and as many digits of a second
    as its precision (7 when none is given, none for 0); the engines write their own."""
    day = exp.Cast(this=exp.Literal.string("1900-01-01"), to=exp.DataType.build("DATE"))
    moment = exp.Add(this=day, expression=value)
    digits = exp.Literal.number(_moment_digits(value, "TIME"))
    text = sys_call("etlcheck_style_text", [moment, exp.Literal.number(121), digits])
    clock = exp.Substring(this=text, start=exp.Literal.number(12))
    return _sized_text(exp.Cast(this=clock, to=to.copy()))


def _money_text(value: exp.Expression, to: exp.DataType, style: int) -> exp.Expression:
    """money as SQL Server writes it: two decimals (style 0), with commas (1), or four
    decimals (2 and 126)."""
    if style not in MONEY_STYLES:
        raise _refuse(f"style {style} of money is not emulated")
    text = sys_call("etlcheck_money_text", [value, exp.Literal.number(style)])
    return _sized_text(exp.Cast(this=text, to=to.copy()))


def _offset_text(value: exp.Expression, to: exp.DataType) -> exp.Expression:
    """A datetimeoffset as SQL Server's CAST writes it: the local time with seven digits
    of a second, a blank and the offset (``+02:00``), here the session's."""
    local = exp.Cast(this=value, to=exp.DataType.build("DATETIME2", dialect="tsql"))
    style = [exp.Literal.number(121), exp.Literal.number(7)]
    moment = sys_call("etlcheck_style_text", [local, *style])
    offset = sys_call("etlcheck_offset_text", [value.copy()])
    spaced = exp.DPipe(this=moment, expression=exp.Literal.string(" "))
    text = exp.DPipe(this=spaced, expression=offset)
    return _sized_text(exp.Cast(this=text, to=to.copy()))


def _sized_text(node: exp.Cast) -> exp.Expression:
    """A cast to ``VARCHAR(n)`` (or CHAR, NCHAR, NVARCHAR) keeps n characters, as SQL
    Server's does; the engines keep them all."""
    to = node.to
    size = to.expressions[0] if to.this.name in _TEXT and to.expressions else None
    length = size.this if isinstance(size, exp.DataTypeParam) else size
    if not (isinstance(length, exp.Literal) and length.is_int):
        return node
    text = exp.Cast(this=node.this, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    node.set("this", exp.Left(this=text, expression=exp.Literal.number(int(length.name))))
    return node


def _from_text(
    value: exp.Expression, to: exp.DataType, safe: bool, reads_text: bool
) -> exp.Expression | None:
    """SQL Server's reading of a value (a string, maybe) as ``to``; None for a plain cast."""
    integer = _to_integer(value, to, safe)
    if integer is None and to.this.name in _OFFSETS:
        return _to_offset(value, to, safe)
    if integer is not None or not reads_text:
        return integer
    name = to.this.name
    cast = exp.TryCast if safe else exp.Cast
    if name in ("DECIMAL", "NUMERIC") and safe and not isinstance(value, exp.Literal):
        return cast(this=sys_call("etlcheck_decimal_text", [value]), to=to.copy())
    if name in _MOMENTS and source_type(value) not in _MOMENTS:
        strict = exp.false() if safe else exp.true()
        return exp.Cast(this=sys_call("etlcheck_moment", [value, strict]), to=to.copy())
    return None


def _to_offset(value: exp.Expression, to: exp.DataType, safe: bool) -> exp.Expression | None:
    """SQL Server's datetimeoffset of a date/time (its clock at +00:00) or of a string (at
    the offset it gives, ``+00:00`` when it gives none, a blank before it allowed); the
    engines would read both at the session's offset. None for a plain cast."""
    source = source_type(value)
    if source in _MOMENTS:
        moment = exp.Cast(this=value, to=exp.DataType.build("DATETIME2", dialect="tsql"))
        return exp.Paren(this=exp.AtTimeZone(this=moment, zone=exp.Literal.string("UTC")))
    if source in _TEXT:
        cast = exp.TryCast if safe else exp.Cast
        return cast(this=sys_call("etlcheck_offset_string", [value]), to=to.copy())
    return None


def _to_integer(value: exp.Expression, to: exp.DataType, safe: bool) -> exp.Expression | None:
    name = to.this.name
    function = INTEGERS.get(name)
    if function is None or (
        isinstance(value, exp.Literal) and value.is_int and function != "tinyint"
    ):
        return None  # (a whole number out of tinyint's range fails with SQL Server's 220)
    if isinstance(value, exp.Null):  # CAST(NULL AS INT): nothing to convert, and no type
        return None
    inner = value.unnest()  # SET @i = '1' converts a parenthesised literal
    if isinstance(inner, exp.National) or (isinstance(inner, exp.Literal) and inner.is_string):
        value = exp.Cast(this=value, to=exp.DataType.build("NVARCHAR"))
    return sys_call(("etlcheck_try_" if safe else "etlcheck_") + function, [value])


def _convert(
    node: exp.Convert, to: exp.DataType, value: exp.Expression, safe: bool, reads_text: bool
) -> exp.Expression:
    style_node = node.args.get("style")
    if style_node is None:
        return _default_style(value, to, safe) or _cast(value, to, safe, reads_text)
    if not (isinstance(style_node, exp.Literal) and style_node.is_int):
        raise _refuse("a style that is not a constant is not emulated")
    style = int(style_node.name)
    target = to.this.name
    if target in _TEXT:
        return _format(value, to, style, safe)
    if target in _MOMENTS:
        return _parse(value, to, style, safe, reads_text)
    if target in _BINARY and style in HEX_STYLES:
        text = exp.Cast(this=value, to=exp.DataType.build("NVARCHAR"))
        return exp.Cast(this=sys_call("etlcheck_hex_binary", [text, style_node]), to=to.copy())
    if style == 0:
        return _cast(value, to, safe, reads_text)
    raise _refuse(f"style {style} to {target.lower()} is not emulated")


def _format(value: exp.Expression, to: exp.DataType, style: int, safe: bool) -> exp.Expression:
    kind = float_kind(value)
    if kind is not None:
        return float_text(value, to, style, kind, safe)
    if style not in FORMAT_STYLES and source_type(value) not in _MONEY:
        raise _refuse(f"style {style} is not emulated")
    source = source_type(value)
    if source in _TEXT:
        return _cast(value, to, safe, reads_text=False)
    if source in _MONEY:
        return _money_text(value, to, style)
    if source in _OFFSETS:
        raise _refuse(f"style {style} of a datetimeoffset is not emulated")
    digits = None if source == "TIME" else _moment_digits(value, source)
    if style in (121, 126) and digits is None:
        raise _refuse(
            f"style {style} of a value that may be datetime or datetime2 (3 or 7 digits of a "
            "second) is not emulated; CAST it to the type it has"
        )
    if style == 126 and source == "DATETIME2":
        raise _refuse("style 126 of a datetime2 is not emulated")
    text = sys_call(
        "etlcheck_style_text",
        [value, exp.Literal.number(style), exp.Literal.number(3 if digits is None else digits)],
    )
    return _sized_text(exp.Cast(this=text, to=to.copy()))


def _parse(
    value: exp.Expression, to: exp.DataType, style: int, safe: bool, reads_text: bool
) -> exp.Expression:
    if style in ISO_STYLES or source_type(value) in _MOMENTS:
        return _cast(value, to, safe, reads_text)
    if style not in PARSE_STYLES:
        raise _refuse(f"style {style} is not emulated")
    strict = exp.false() if safe else exp.true()
    text = exp.Cast(this=value, to=exp.DataType.build("NVARCHAR"))
    moment = sys_call("etlcheck_parse_style", [text, exp.Literal.number(style), strict])
    return exp.Cast(this=moment, to=to.copy())


def _refuse(what: str) -> CompileError:
    return CompileError(f"CONVERT: {what}", "CONVERT", word="CONVERT")
