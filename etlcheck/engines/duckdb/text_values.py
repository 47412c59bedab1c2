"""Values DuckDB writes as text the way SQL Server does, and integers read from text.

BIT is DuckDB's BOOLEAN, whose text is ``true``/``false``; SQL Server writes 1 and 0. Text
made of a value (a CAST to a character type, CONCAT's arguments) goes through
``sys.etlcheck_text``, which writes a boolean as 1 or 0 and anything else as the cast
would, unless the value is known to be no boolean.

DuckDB copies a macro's argument wherever the macro uses it, so each wrapper spared counts:
nested conversions (``CONVERT(INT, CONVERT(CHAR(8), @d, 112))``) once multiplied into a
statement that took most of a second to bind, in every pass of a date dimension's loop.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.conversions import INTEGERS

TEXT_TYPES = frozenset(
    [
        exp.DataType.Type.VARCHAR,
        exp.DataType.Type.NVARCHAR,
        exp.DataType.Type.CHAR,
        exp.DataType.Type.NCHAR,
        exp.DataType.Type.TEXT,
    ]
)
"""The character types (``sys.etlcheck_text``'s choice is made when DuckDB binds the
statement, so it costs nothing per row)."""


_TEXT_RESULTS = (
    exp.DPipe,
    exp.Concat,
    exp.ConcatWs,
    exp.Left,
    exp.Right,
    exp.Substring,
    exp.Upper,
    exp.Lower,
    exp.Trim,
    exp.Replace,
    exp.Repeat,
    exp.Reverse,
)
"""Functions whose result is text, whatever their argument."""
_TEXT_CALLS = frozenset(
    [
        "etlcheck_text",
        "etlcheck_style_text",
        "etlcheck_replace",
        "etlcheck_float_text",
        "etlcheck_str",
    ]
)
"""``sys`` functions of this emulation whose result is text."""
_INTEGER_CALLS = {
    f"etlcheck_{try_}{kind}": (kind, bool(try_))
    for try_ in ("", "try_")
    for kind in INTEGERS.values()
}
"""SQL Server's conversions to integers (``etlcheck.tsql.emulation.conversions``): their
T-SQL type, and whether they give NULL (TRY_) rather than error 245."""
_BOOLEAN_TYPES = (exp.DataType.Type.BOOLEAN, exp.DataType.Type.BIT)
_INTEGER_TYPES = {
    "int": "INTEGER",
    "bigint": "BIGINT",
    "smallint": "SMALLINT",
    "tinyint": "UTINYINT",
}


def _is_text(node: exp.Expression) -> bool:
    """Whether ``node`` is text, whatever its arguments."""
    if isinstance(node, exp.Literal):
        return node.is_string
    if isinstance(node, exp.Paren):
        return _is_text(node.this)
    if isinstance(node, exp.Cast):
        return node.to.this in TEXT_TYPES
    return _sys_name(node) in _TEXT_CALLS or isinstance(node, _TEXT_RESULTS)


def textual(node: exp.Expression) -> bool:
    """Whether no boolean can reach a cast through ``node``: text already, or an integer
    conversion's result. Each wrapper spared counts: DuckDB copies a macro's argument
    wherever the macro uses it, so nested conversions (``CONVERT(INT, CONVERT(CHAR(8), @d,
    112))``) multiplied into a statement that took most of a second to bind."""
    inner = node.this if isinstance(node, exp.Paren) else node
    if isinstance(inner, exp.Cast) and inner.to.this not in _BOOLEAN_TYPES:
        return True
    return _is_text(node) or _sys_name(inner) in _INTEGER_CALLS


def _sys_name(node: exp.Expression) -> str:
    """``name`` of a ``sys.name(...)`` call (lower case), else ""."""
    if isinstance(node, exp.Dot) and isinstance(node.expression, exp.Anonymous):
        return node.expression.name.lower() if node.this.name.lower() == "sys" else ""
    return ""


def integer_of_text(node: exp.Expression) -> exp.Expression | None:
    """``sys.etlcheck_int(text)`` as the text-only reading, without the type dispatch (and
    its copies of the argument); None for any other node."""
    name = _sys_name(node)
    if name not in _INTEGER_CALLS:
        return None
    (argument,) = node.expression.expressions
    if not _is_text(argument):
        return None
    kind, safe = _INTEGER_CALLS[name]
    value = sys_call("etlcheck_integer_text", [argument, exp.false() if safe else exp.true()])
    if kind == "tinyint" and not safe:
        return sys_call("etlcheck_tinyint_range", [value])
    cast = exp.TryCast if safe else exp.Cast
    return cast(this=value, to=exp.DataType.build(_INTEGER_TYPES[kind], dialect="duckdb"))


def as_text(node: exp.Expression) -> exp.Expression:
    return node if textual(node) else sys_call("etlcheck_text", [node])
