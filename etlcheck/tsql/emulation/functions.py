"""T-SQL functions and clauses that no target dialect spells the same way, rewritten
into plain SQL or into the ``sys`` functions every emulation installs
(``<dialect>_functions.sql``). Runs on the T-SQL tree, before the dialect's own rewrites.

- ``QUOTENAME(s [, q])`` -> ``sys.quotename``: brackets by default, the closing
  delimiter doubled, NULL over 128 characters or for a delimiter SQL Server refuses.
- ``CHOOSE(i, a, b, ...)`` -> ``CASE i WHEN 1 THEN a ...`` (NULL out of range; an index
  that is not an integer is truncated, as SQL Server converts it to int).
- ``NCHAR(n)`` -> ``CHR(n)``.
- ``ISNUMERIC(x)`` -> ``sys.etlcheck_isnumeric``: 1 when x, as text, reads as an int,
  decimal, float or money (signs, a currency symbol, thousands commas, an exponent ``e``
  or ``d``, blanks around it; a lone ``+``, ``-``, ``.``, ``,``, ``$`` or tab), else 0.
- ``DATEPART`` / ``DATENAME``: see ``dateparts``; ``PATINDEX``: see ``patterns``;
  ``(SELECT ',' + x ... FOR XML PATH(''))``: see ``xml_path``; ``JSON_VALUE`` and
  ``ISJSON``: see ``json_functions``.
- ``DATEFROMPARTS(y, m, d)`` -> ``sys.etlcheck_datefromparts``: NULL when a part is NULL,
  error 289 for a date that does not exist.
- ``STRING_AGG(x, sep)``: ``x`` converted to text, as SQL Server converts it.
- ``STRING_SPLIT(s, sep [, 1])`` in FROM or APPLY -> ``sys.etlcheck_string_split``:
  a column ``value`` (and ``ordinal`` with 1); a NULL string gives no rows, an empty
  one a row with an empty value.
- ``[sys.]fn_listextendedproperty(...)`` in FROM -> ``sys.fn_listextendedproperty``, which
  each emulation installs over the extended properties it keeps (``DEFAULT`` is NULL).
- ``CROSS APPLY`` / ``OUTER APPLY`` -> ``CROSS JOIN LATERAL`` /
  ``LEFT JOIN LATERAL ... ON TRUE``.
- CAST, CONVERT and their TRY_ forms: see ``conversions``; FORMAT: see ``formats``;
  LIKE with character classes or ESCAPE: see ``patterns``; sequences: see ``sequences``.
- ``SYSDATETIME()`` is the current time as datetime2, GETDATE() as datetime, and
  ``SYSDATETIMEOFFSET()`` as datetimeoffset: the instant, shown in the session's time zone
  (datetimeoffset is each engine's timestamp with time zone).
- ``STDEV``, ``STDEVP``, ``VAR`` and ``VARP``: see ``spreads``.
- ``POWER(x, y)`` and ``SQUARE(x)``: see ``powers``; ``GREATEST`` and ``LEAST``: see
  ``extremes``.
- ``STR(x [, length [, decimal]])``: see ``float_text``.
- ``HASHBYTES(alg, x)``: see ``hashes``; ``ROUND(x, n, f)``, ``GROUPING_ID`` and
  ``TRANSLATE``: see ``narrowed``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlglot import exp

from etlcheck.tsql.concatenation import string_kind
from etlcheck.tsql.emulation.added_days import days_added
from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.compared_moments import COMPARISONS, read_compared_text
from etlcheck.tsql.emulation.conversions import CONVERSIONS, rewrite_conversion, source_type
from etlcheck.tsql.emulation.date_units import spell_datepart
from etlcheck.tsql.emulation.dateparts import DATE_FUNCTIONS, rewrite_datepart
from etlcheck.tsql.emulation.extremes import EXTREMES, rewrite_extreme
from etlcheck.tsql.emulation.float_text import float_kind, rewrite_str
from etlcheck.tsql.emulation.formats import Formatter, rewrite_format
from etlcheck.tsql.emulation.hashes import HASHES, rewrite_datalength, rewrite_hash
from etlcheck.tsql.emulation.isdate import rewrite_isdate
from etlcheck.tsql.emulation.json_functions import (
    rewrite_isjson,
    rewrite_json_value,
    rewrite_openjson,
)
from etlcheck.tsql.emulation.narrowed import (
    check_translate,
    grouping_id,
    isnull_typed,
    rewrite_round,
)
from etlcheck.tsql.emulation.patterns import rewrite_like, rewrite_patindex
from etlcheck.tsql.emulation.powers import rewrite_power
from etlcheck.tsql.emulation.sequences import (
    check_sequences_once,
    plan_sequence,
    rewrite_next_value,
)
from etlcheck.tsql.emulation.spreads import SPREADS, rewrite_spread
from etlcheck.tsql.emulation.xml_path import XML_TEXT, rewrite_xml_path
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import TSQL_TYPE, Check

Rewrite = Callable[[exp.Expression], exp.Expression]
_CLOCKS = {"SYSDATETIME": "DATETIME2", "SYSDATETIMEOFFSET": "DATETIMEOFFSET"}
"""The current time as these types (GETDATE, sqlglot's CURRENT_TIMESTAMP, is datetime)."""


def bottom_up(tree: exp.Expression, rewrite: Rewrite) -> exp.Expression:
    """Apply ``rewrite`` to every node, children before their parent."""
    for node in reversed(list(tree.walk())):
        assert isinstance(node, exp.Expression)
        new = rewrite(node)
        if new is node:
            continue
        if node is tree:
            tree = new
        else:
            node.replace(new)
    return tree


def rewrite_functions(
    tree: exp.Expression, checks: list[Check], reads_text: bool, formatter: Formatter
) -> exp.Expression:
    """``tree`` with the functions and clauses above rewritten; SQL Server errors that the
    statement's text already shows are added to ``checks``. ``reads_text``: see
    ``rewrite_conversion``; ``formatter`` builds FORMAT's pieces (see ``formats``)."""
    check_sequences_once(tree)
    if isinstance(tree, exp.Create) and (tree.args.get("kind") or "").upper() == "SEQUENCE":
        plan_sequence(tree)
    return bottom_up(tree, lambda node: _rewrite(node, checks, reads_text, formatter))


def _rewrite(
    node: exp.Expression, checks: list[Check], reads_text: bool, formatter: Formatter
) -> exp.Expression:
    if isinstance(node, (exp.DateAdd, exp.DateDiff)):
        spell_datepart(node)
    if isinstance(node, CONVERSIONS):
        return rewrite_conversion(node, reads_text)
    if reads_text and isinstance(node, COMPARISONS):
        return read_compared_text(node)
    if (added := days_added(node)) is not None:
        return added
    if isinstance(node, exp.Escape) or (
        isinstance(node, exp.Like) and not isinstance(node.parent, exp.Escape)
    ):
        return rewrite_like(node)
    if isinstance(node, exp.CurrentTimestamp):
        node.meta.setdefault(TSQL_TYPE, "DATETIME")
    elif isinstance(node, (exp.PercentRank, exp.CumeDist)):
        node.meta.setdefault(TSQL_TYPE, "FLOAT")
    elif isinstance(node, exp.Window) and node.this.meta.get(TSQL_TYPE):
        # a window function's value has its function's type (a float's text: float_text)
        node.meta.setdefault(TSQL_TYPE, node.this.meta[TSQL_TYPE])
    elif isinstance(node, exp.Stddev):
        return rewrite_spread(node)
    elif isinstance(node, exp.Anonymous):
        name = node.name.upper()
        if name in SPREADS:
            return rewrite_spread(node)
        if name in _CLOCKS:
            moment = exp.CurrentTimestamp()
            moment.meta[TSQL_TYPE] = _CLOCKS[name]
            return moment
        if name == "FORMAT":
            return rewrite_format(node, formatter)
        if name in DATE_FUNCTIONS:
            return rewrite_datepart(node, reads_text)
        if name == "PATINDEX":
            return rewrite_patindex(node)
        if name == "ISDATE":
            return rewrite_isdate(node, reads_text)
        if name == "ISNUMERIC":
            return _isnumeric(list(node.expressions))
        if name == "JSON_VALUE":
            return rewrite_json_value(node)
        if name == "ISJSON":
            return rewrite_isjson(node)
        if name == "QUOTENAME":
            return sys_call("quotename", list(node.expressions))
        if name == "CHOOSE":
            return _choose(list(node.expressions))
        if name == "DATALENGTH":
            return rewrite_datalength(node)
        if name == "STR":
            return rewrite_str(node)
        if name == "NCHAR" and len(node.expressions) == 1:
            return exp.Chr(expressions=list(node.expressions))
    elif isinstance(node, exp.GroupingId):
        return grouping_id(node)
    elif isinstance(node, exp.Coalesce):
        to = isnull_typed(node)
        if to is not None:
            (replacement,) = node.expressions
            converted = rewrite_conversion(exp.Cast(this=replacement.copy(), to=to), reads_text)
            node.set("expressions", [converted])
    elif isinstance(node, (exp.Concat, exp.ConcatWs)):
        node.set("expressions", [_as_text(part, reads_text) for part in node.expressions])
    elif isinstance(node, exp.Round):
        return rewrite_round(node)
    elif isinstance(node, exp.Pow):
        return rewrite_power(node, lambda cast: rewrite_conversion(cast, reads_text))
    elif isinstance(node, EXTREMES):
        return rewrite_extreme(node, lambda cast: rewrite_conversion(cast, reads_text))
    elif isinstance(node, exp.Translate):
        return check_translate(node)
    elif isinstance(node, exp.Stuff):
        return _stuff(node)
    elif isinstance(node, exp.DateFromParts):
        parts = [node.args.get(key) for key in ("year", "month", "day")]
        made = sys_call("etlcheck_datefromparts", [part for part in parts if part is not None])
        made.meta[TSQL_TYPE] = "DATE"
        return made
    elif isinstance(node, HASHES):
        return rewrite_hash(node, formatter.hash_algorithms())
    elif isinstance(node, exp.NextValueFor):
        return rewrite_next_value(node)
    elif isinstance(node, exp.GroupConcat):
        _aggregate_text(node)
    elif isinstance(node, exp.Table) and _is_split(node.this):
        node.set("this", _string_split(node.this, checks))
    elif isinstance(node, exp.Table) and _is_property_list(node):
        node.set("this", _property_list(node.this, checks))
        node.set("db", None)
    elif isinstance(node, exp.Lateral):
        _apply(node, checks)
    elif isinstance(node, exp.OpenJSON):
        return rewrite_openjson(node, reads_text)
    elif isinstance(node, exp.Subquery):
        return rewrite_xml_path(node)
    elif isinstance(node, exp.Dot) and node.this.meta.get(XML_TEXT):
        return node.this
    return node


_STYLED = frozenset(["DATETIME", "SMALLDATETIME", "DATETIME2", "TIME", "MONEY", "SMALLMONEY"])
"""Types CONCAT writes as SQL Server's CAST to text does (a datetime in style 0, money
with two decimals), not as the engines would; and a float (``float_kind``), 6 digits."""


def _as_text(part: exp.Expression, reads_text: bool) -> exp.Expression:
    """A CONCAT argument whose type the statement shows, converted to text as SQL Server
    converts it; any other argument as it is."""
    if source_type(part) not in _STYLED and float_kind(part) is None:
        return part
    text = exp.Cast(this=part, to=exp.DataType.build("NVARCHAR(4000)", dialect="tsql"))
    return rewrite_conversion(text, reads_text)


def _stuff(node: exp.Stuff) -> exp.Expression:
    """STUFF(s, start, length, r): NULL for a start outside s or a negative length; a NULL
    r deletes without inserting."""
    text, start = node.this, node.args["start"]
    length, replacement = node.args["length"], node.expression
    outside = exp.or_(
        exp.Is(this=text.copy(), expression=exp.null()),
        exp.LT(this=start.copy(), expression=exp.Literal.number(1)),
        exp.LT(this=length.copy(), expression=exp.Literal.number(0)),
        exp.GT(
            this=start.copy(),
            expression=exp.Anonymous(this="length", expressions=[text.copy()]),
        ),
    )
    kept = exp.Left(
        this=text.copy(), expression=exp.Sub(this=start.copy(), expression=exp.Literal.number(1))
    )
    rest = exp.Substring(this=text, start=exp.Add(this=start, expression=length))
    inserted = exp.Coalesce(this=replacement, expressions=[exp.Literal.string("")])
    joined = exp.DPipe(
        this=exp.DPipe(this=kept, expression=inserted, safe=True), expression=rest, safe=True
    )
    return exp.Case(ifs=[exp.If(this=outside, true=exp.null())], default=joined)


def _aggregate_text(node: exp.GroupConcat) -> None:
    """STRING_AGG converts what it concatenates to text (the engines may not)."""
    holder = node.this if isinstance(node.this, exp.Order) else node
    value = holder.this
    if string_kind(value, lambda _: None) is not True:
        holder.set(
            "this", exp.Cast(this=value, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
        )


def _isnumeric(arguments: list[exp.Expression]) -> exp.Expression:
    """ISNUMERIC(x): whether x, as text, reads as a number of some numeric type."""
    if len(arguments) != 1:
        raise CompileError(
            "ISNUMERIC: The isnumeric function requires 1 argument(s).",
            "ISNUMERIC",
            word="ISNUMERIC",
        )
    text = exp.Cast(this=arguments[0], to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    return sys_call("etlcheck_isnumeric", [text])


def _choose(arguments: list[exp.Expression]) -> exp.Expression:
    if len(arguments) < 2:
        raise CompileError(
            "CHOOSE: The choose function requires 2 or more arguments", "CHOOSE", word="CHOOSE"
        )
    index, *choices = arguments
    if not (isinstance(index, exp.Literal) and index.is_int):
        index = exp.Cast(
            this=exp.Anonymous(this="trunc", expressions=[index]), to=exp.DataType.build("INT")
        )
    case = exp.Case(this=index)
    for position, choice in enumerate(choices, start=1):
        case = case.when(exp.Literal.number(position), choice, copy=False)
    return case


def _is_split(node: exp.Expression | None) -> bool:
    return isinstance(node, exp.Anonymous) and node.name.upper() == "STRING_SPLIT"


def _string_split(call: exp.Expression, checks: list[Check]) -> exp.Expression:
    arguments = list(call.expressions)
    if len(arguments) not in (2, 3):
        raise CompileError(
            "STRING_SPLIT: takes a string, a separator and optionally enable_ordinal",
            "STRING_SPLIT",
            word="STRING_SPLIT",
        )
    separator = arguments[1]
    if isinstance(separator, (exp.Literal, exp.National)) and len(separator.name) != 1:
        message = "Procedure expects parameter 'separator' of type 'nchar(1)/nvarchar(1)'."
        checks.append(Check("error", json.dumps([214, message])))
    ordinal = arguments[2] if len(arguments) == 3 else None
    if isinstance(ordinal, exp.Null):
        ordinal = None
    if ordinal is not None and not (isinstance(ordinal, exp.Literal) and ordinal.name in "01"):
        raise CompileError(
            "STRING_SPLIT: enable_ordinal other than the constant 0, 1 or NULL is not supported",
            "STRING_SPLIT",
            word="STRING_SPLIT",
        )
    name = (
        "etlcheck_string_split_ordinal"
        if ordinal is not None and ordinal.name == "1"
        else ("etlcheck_string_split")
    )
    return sys_call(name, arguments[:2])


def _is_property_list(table: exp.Table) -> bool:
    call = table.this
    return (
        isinstance(call, exp.Anonymous)
        and call.name.upper() == "FN_LISTEXTENDEDPROPERTY"
        and table.db.lower() in ("", "sys")
    )


def _property_list(call: exp.Expression, checks: list[Check]) -> exp.Expression:
    """fn_listextendedproperty takes seven arguments; ``DEFAULT`` passes NULL."""
    arguments = [
        exp.null()
        if isinstance(argument, exp.Column) and argument.sql().upper() == "DEFAULT"
        else argument
        for argument in call.expressions
    ]
    if len(arguments) < 7:
        message = (
            "An insufficient number of arguments were supplied for the procedure or function "
            "fn_listextendedproperty."
        )
        checks.append(Check("error", json.dumps([313, message])))
    elif len(arguments) > 7:
        message = "Procedure or function fn_listextendedproperty has too many arguments specified."
        checks.append(Check("error", json.dumps([8144, message])))
    return sys_call("fn_listextendedproperty", arguments)


def _apply(lateral: exp.Lateral, checks: list[Check]) -> None:
    cross = lateral.args.get("cross_apply")
    if cross is None:
        return
    if _is_split(lateral.this):
        lateral.set("this", _string_split(lateral.this, checks))
    lateral.set("cross_apply", None)
    join = lateral.parent
    if not isinstance(join, exp.Join):
        return
    if cross:
        join.set("kind", "CROSS")
    else:
        join.set("side", "LEFT")
        join.set("on", exp.true())
