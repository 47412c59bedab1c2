"""T-SQL functions the engines have with a wider contract or under another name, narrowed
to what SQL Server does:

- ``ROUND(x, n, f)``: a nonzero ``f`` truncates, ``trunc(x, n)``; ``f`` must be a
  constant (SQL Server's ``function`` argument decides the operation, not a value).
- ``GROUPING_ID(a, b, ...)`` -> ``GROUPING(a, b, ...)``: both engines' GROUPING of several
  expressions is SQL Server's GROUPING_ID, the rightmost one the least significant bit.
- ``TRANSLATE(s, from, to)``: the engines drop the characters of ``from`` that ``to`` has
  no counterpart for, where SQL Server refuses with error 9828. It runs when ``from`` and
  ``to`` are literals of the same length, the only case in which the two agree.
- ``ISNULL(@v, y)`` has the type of ``@v``: SQL Server converts ``y`` to it, where
  ``COALESCE`` (what the engines have) takes the wider type, or none at all. So
  ``ISNULL(@code5, 'unknown')`` of a ``VARCHAR(5)`` is ``'unkno'``, and
  ``ISNULL(@p, IntColumn)`` of an ``NVARCHAR(50)`` is text, where the engines refused to
  mix the two. A column's type is not known when the statement is compiled, so
  ``ISNULL(column, y)`` stays the engines' (a known difference).
"""

from __future__ import annotations

import re

from sqlglot import exp
from sqlglot.errors import ParseError

from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import TSQL_TYPE

_TEXT = re.compile(r"\s*N?(VAR)?CHAR\b.*", re.IGNORECASE | re.DOTALL)
_SIZED = re.compile(r"\(\s*(\d+|MAX)\s*\)", re.IGNORECASE)


def rewrite_round(node: exp.Round) -> exp.Expression:
    function = node.args.get("truncate")
    if function is None:
        return node
    if not (isinstance(function, exp.Literal) and function.is_int):
        raise CompileError(
            "ROUND: its third argument (function) must be a constant here", "ROUND", word="ROUND"
        )
    decimals = node.args.get("decimals")
    if int(function.this) == 0:
        node.set("truncate", None)
        return node
    arguments = [node.this] if decimals is None else [node.this, decimals]
    return exp.Anonymous(this="trunc", expressions=arguments)


def grouping_id(node: exp.GroupingId) -> exp.Expression:
    return exp.Grouping(expressions=list(node.expressions))


TRANSLATE_LENGTHS = (
    "The second and third arguments of the TRANSLATE built-in function must contain an "
    "equal number of characters."
)


def check_translate(node: exp.Translate) -> exp.Translate:
    source, target = node.args.get("from_"), node.args.get("to")
    if not all(_is_text_literal(x) for x in (source, target)):
        raise CompileError(
            "TRANSLATE: its second and third arguments must be string literals here (where "
            "their lengths differ, SQL Server refuses and the engines drop characters)",
            "TRANSLATE",
            word="TRANSLATE",
        )
    assert source is not None and target is not None
    if len(source.this) != len(target.this):
        raise CompileError(f"TRANSLATE: {TRANSLATE_LENGTHS}", "TRANSLATE", word="TRANSLATE")
    return node


def _is_text_literal(node: exp.Expression | None) -> bool:
    return isinstance(node, exp.National) or (isinstance(node, exp.Literal) and node.is_string)


def isnull_typed(node: exp.Coalesce) -> exp.DataType | None:
    """The type ``ISNULL(@v, y)`` converts ``y`` to: the declared type of the variable
    ``@v`` (None for ``COALESCE``, for anything but a variable, and for text of no
    stated length, whose meaning the hole's type does not keep)."""
    if not node.args.get("is_null"):
        return None
    if len(node.expressions) != 1:
        raise CompileError(
            "ISNULL: The isnull function requires 2 argument(s).", "ISNULL", word="ISNULL"
        )
    first = node.this
    declared = first.meta.get(TSQL_TYPE) if isinstance(first, exp.Column) else None
    if not declared:
        return None
    if _TEXT.fullmatch(declared) and not _SIZED.search(declared):
        return None
    try:
        return exp.DataType.build(declared, dialect="tsql")
    except (ParseError, ValueError):
        return None
