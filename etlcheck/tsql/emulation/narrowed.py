"""T-SQL functions the engines have with a wider contract or under another name, narrowed
to what SQL Server does:

- ``ROUND(x, n, f)``: a nonzero ``f`` truncates, ``trunc(x, n)``; ``f`` must be a
  constant (SQL Server's ``function`` argument decides the operation, not a value).
- ``GROUPING_ID(a, b, ...)`` -> ``GROUPING(a, b, ...)``: both engines' GROUPING of several
  expressions is SQL Server's GROUPING_ID, the rightmost one the least significant bit.
- ``TRANSLATE(s, from, to)``: the engines drop the characters of ``from`` that ``to`` has
  no counterpart for, where SQL Server refuses with error 9828. It runs when ``from`` and
  ``to`` are literals of the same length, the only case in which the two agree.
- ``ISNULL(@v, y)`` has the type of ``@v``, where ``COALESCE`` (what the engines have)
  takes the wider one: with a variable declared ``VARCHAR(n)``, ``NVARCHAR(n)``,
  ``CHAR(n)`` or ``NCHAR(n)`` the result is cut to n characters, as SQL Server cuts it
  (``ISNULL(@code5, 'unknown')`` is ``'unkno'``). A column's type is not known when the
  statement is compiled, so ``ISNULL(column, y)`` is not cut (a known difference).
"""

from __future__ import annotations

import re

from sqlglot import exp

from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import TSQL_TYPE

_BOUNDED_TEXT = re.compile(r"\s*N?(VAR)?CHAR\s*\(\s*\d+\s*\)\s*", re.IGNORECASE)


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


def isnull_typed(node: exp.Coalesce) -> exp.Expression:
    """ISNULL of a variable declared as bounded text, cut to its length (see above)."""
    first = node.this
    declared = first.meta.get(TSQL_TYPE) if isinstance(first, exp.Column) else None
    if not node.args.get("is_null") or not declared or not _BOUNDED_TEXT.fullmatch(declared):
        return node
    return exp.Cast(this=node.copy(), to=exp.DataType.build(declared, dialect="tsql"))
