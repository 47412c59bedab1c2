"""T-SQL ``LIKE`` patterns with character classes and ``ESCAPE``, as regular expressions.

``%`` any string, ``_`` one character, ``[abc]`` / ``[a-f]`` / ``[^0-9.]`` a class (``%``
and ``_`` inside one are themselves), and the ESCAPE character makes the next one
literal. The engines' LIKE knows neither classes nor (the same) escapes, so such a
pattern becomes ``sys.etlcheck_like(value, regex)``: a whole-string, case-insensitive
match, as under SQL Server's default collation. A constant pattern is translated here;
one known only at run time (a variable, an expression) is translated by
``sys.etlcheck_like_regex`` in the engine. A plain pattern keeps the engine's LIKE.

``PATINDEX(pattern, value)`` is the same match made from each position in turn: the
position (from 1) of the first one from which ``value`` matches the pattern without its
leading ``%`` to its end (0 when none does, NULL when either is NULL). A pattern that does
not start with ``%`` can only match from position 1. ``sys.etlcheck_patindex`` takes the
regular expression of the rest and whether the pattern started with ``%``.
"""

from __future__ import annotations

import re

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.parsing import CompileError

_SPECIAL = re.compile(r"[\\.^$|?*+()\[\]{}]")


def rewrite_like(node: exp.Expression) -> exp.Expression:
    """``value LIKE pattern [ESCAPE e]`` as the engine can run it (``node`` itself when the
    engine's LIKE means the same)."""
    escape = None
    like = node
    if isinstance(node, exp.Escape):
        like, escape = node.this, node.expression
    if not isinstance(like, exp.Like):
        return node
    value, pattern = like.this, like.expression
    if escape is not None and not _is_text(escape):
        raise CompileError(
            "LIKE ... ESCAPE: an escape character that is not a constant is not emulated",
            "LIKE ESCAPE",
            word="ESCAPE",
        )
    escape_char = escape.name if escape is not None else None
    if escape_char is not None and len(escape_char) != 1:
        raise CompileError(
            "LIKE ... ESCAPE: the escape character must be one character",
            "LIKE ESCAPE",
            word="ESCAPE",
        )
    if _is_text(pattern) and escape_char is None and "[" not in pattern.name:
        return node  # before ``value`` moves into a CAST: it stays the LIKE's own
    text = exp.Cast(this=value, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    regex: exp.Expression
    if _is_text(pattern):
        regex = exp.Literal.string(like_regex(pattern.name, escape_char))
    else:
        arguments = [pattern, exp.Literal.string(escape_char) if escape_char else exp.null()]
        regex = sys_call("etlcheck_like_regex", arguments)
    matched = sys_call("etlcheck_like", [text, regex])
    return exp.Not(this=matched) if like.args.get("negate") else matched


def rewrite_patindex(node: exp.Anonymous) -> exp.Expression:
    """``PATINDEX(pattern, value)`` as ``sys.etlcheck_patindex(value, regex, anywhere)``."""
    if len(node.expressions) != 2:
        raise CompileError(
            "PATINDEX: The patindex function requires 2 argument(s).", "PATINDEX", word="PATINDEX"
        )
    pattern, value = node.expressions
    text = exp.Cast(this=value, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    regex: exp.Expression
    anywhere: exp.Expression
    if _is_text(pattern):
        rest = pattern.name.lstrip("%")
        regex = exp.Literal.string(like_regex(rest, None))
        anywhere = exp.Boolean(this=rest != pattern.name)
    else:
        rest_sql = exp.Anonymous(this="ltrim", expressions=[pattern, exp.Literal.string("%")])
        regex = sys_call("etlcheck_like_regex", [rest_sql, exp.null()])
        first = exp.Left(this=pattern.copy(), expression=exp.Literal.number(1))
        anywhere = exp.EQ(this=first, expression=exp.Literal.string("%"))
    return sys_call("etlcheck_patindex", [text, regex, anywhere])


def like_regex(pattern: str, escape: str | None) -> str:
    """The regular expression (RE2 and PostgreSQL alike) a LIKE pattern means."""
    out: list[str] = []
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if escape is not None and char == escape and position + 1 < len(pattern):
            out.append(_literal(pattern[position + 1]))
            position += 2
            continue
        if char == "%":
            out.append(".*")
        elif char == "_":
            out.append(".")
        elif char == "[":
            close = pattern.find("]", position + 1)
            if close < 0:
                out.append(_literal(char))
            else:
                body = pattern[position + 1 : close]
                out.append("[" + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
                position = close
        else:
            out.append(_literal(char))
        position += 1
    return "".join(out)


def _literal(char: str) -> str:
    return _SPECIAL.sub(lambda match: "\\" + match.group(0), char)


def _is_text(node: exp.Expression) -> bool:
    return isinstance(node, exp.National) or (isinstance(node, exp.Literal) and node.is_string)
