"""T-SQL's ``+`` is string concatenation when both sides are strings.

sqlglot keeps ``+`` as addition; the target dialects need ``||``. Types are inferred
from literals, casts, string functions and declared variable types; an ``+`` whose
operands are unknown (two columns) stays addition unless the caller asks otherwise
(the interpreter retries that way when the database says ``+(VARCHAR, VARCHAR)``).

A string ``+`` an integer whose type the statement shows (a literal, a variable, a CAST)
is addition, as SQL Server's data type precedence makes it: the string is converted to
the integer's type, so ``'5' + 1`` is 6 and ``'batch ' + @n`` is error 245. The engines
have no ``+`` of text and a number; the CAST put in its place converts as SQL Server does.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from etlcheck.tsql.nodes import words

_TEXT_TYPES = frozenset(
    ["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT", "NAME", "XML", "SYSNAME"]
)
_STRING_FUNCTIONS = (
    exp.Upper,
    exp.Lower,
    exp.Trim,
    exp.Substring,
    exp.Concat,
    exp.ConcatWs,
    exp.Left,
    exp.Right,
    exp.Initcap,
    exp.Repeat,
    exp.DPipe,
    exp.GroupConcat,
)
_STRING_ANONYMOUS = words(
    """LTRIM RTRIM REPLACE STUFF REVERSE REPLICATE SPACE CHAR NCHAR FORMAT QUOTENAME
    OBJECT_NAME SCHEMA_NAME DB_NAME STR TRANSLATE STRING_AGG SUSER_SNAME SUSER_NAME SYSTEM_USER
    ORIGINAL_LOGIN CURRENT_USER SESSION_USER USER USER_NAME HOST_NAME APP_NAME DATENAME
    JSON_VALUE"""
)
_NUMBER_ANONYMOUS = words("DATEPART ISNUMERIC PATINDEX ISJSON")
_INTEGER_RANKS = {"TINYINT": 0, "SMALLINT": 1, "INT": 2, "BIGINT": 3}
"""The integer types, by data type precedence (bigint highest)."""
_INT_RANGE = range(-(2**31), 2**31)


def _is_text_type(data_type: exp.DataType) -> bool:
    return data_type.this.name in _TEXT_TYPES


def string_kind(
    node: exp.Expression, type_of_column: Callable[[exp.Column], str | None]
) -> bool | None:
    """True for a string expression, False for a non-string one, None when unknown."""
    if isinstance(node, exp.Paren):
        return string_kind(node.this, type_of_column)
    if isinstance(node, exp.Literal):
        return bool(node.is_string)
    if isinstance(node, exp.National):  # N'...'
        return True
    if isinstance(node, exp.Null):
        return None
    if isinstance(node, (exp.Cast, exp.TryCast)):
        return _is_text_type(node.to)
    if isinstance(node, exp.Convert) and isinstance(node.this, exp.DataType):
        return _is_text_type(node.this)
    if isinstance(node, exp.Column):
        declared = type_of_column(node)
        if declared is None:
            return None
        return declared.split("(")[0].strip().upper() in _TEXT_TYPES
    if isinstance(node, _STRING_FUNCTIONS):
        return True
    if isinstance(node, exp.Anonymous):
        name = node.name.upper()
        if name in _NUMBER_ANONYMOUS:
            return False
        return True if name in _STRING_ANONYMOUS else None
    if isinstance(node, (exp.Coalesce, exp.Nullif)):
        kinds = [string_kind(part, type_of_column) for part in node.iter_expressions()]
        return _combine(kinds)
    if isinstance(node, exp.Case):
        branches = [case.args.get("true") for case in node.args.get("ifs") or []]
        branches.append(node.args.get("default"))
        return _combine([string_kind(b, type_of_column) for b in branches if b is not None])
    if isinstance(node, exp.If):
        branches = [node.args.get("true"), node.args.get("false")]
        return _combine([string_kind(b, type_of_column) for b in branches if b is not None])
    if isinstance(node, exp.Add):
        return node.meta.get("concat")
    if isinstance(node, (exp.Sub, exp.Mul, exp.Div, exp.Mod, exp.Length)):
        return False
    return None


def integer_type(
    node: exp.Expression, type_of_column: Callable[[exp.Column], str | None]
) -> str | None:
    """The integer type (``INT``, ``BIGINT``...) of a value whose type the statement shows:
    an integer literal in int's range, a variable, a CAST or CONVERT, arithmetic of them;
    None otherwise."""
    if isinstance(node, (exp.Paren, exp.Neg)):
        return integer_type(node.this, type_of_column)
    if isinstance(node, exp.Literal):
        shown = not node.is_string and node.is_int and int(node.name) in _INT_RANGE
        return "INT" if shown else None
    if isinstance(node, (exp.Cast, exp.TryCast)):
        return _integer_name(node.to.this.name)
    if isinstance(node, exp.Convert) and isinstance(node.this, exp.DataType):
        return _integer_name(node.this.this.name)
    if isinstance(node, exp.Column):
        declared = type_of_column(node)
        return None if declared is None else _integer_name(declared.split("(")[0].strip())
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Mod)) and not node.meta.get(
        "concat"
    ):
        left = integer_type(node.this, type_of_column)
        right = integer_type(node.expression, type_of_column)
        if left is None or right is None:
            return None
        return max(left, right, key=_INTEGER_RANKS.__getitem__)
    return None


def _integer_name(name: str) -> str | None:
    upper = name.upper()
    return upper if upper in _INTEGER_RANKS else None


def _combine(kinds: list[bool | None]) -> bool | None:
    if True in kinds:
        return True
    if kinds and all(kind is False for kind in kinds):
        return False
    return None


def concatenate_strings(
    tree: exp.Expression,
    type_of_column: Callable[[exp.Column], str | None],
    unknown_is_concat: bool = False,
) -> exp.Expression:
    """Turn every string ``+`` of ``tree`` into ``||`` (bottom-up, so chains work)."""

    additions = [node for node in tree.walk() if isinstance(node, exp.Add)]
    for node in reversed(additions):  # children before parents, so chains convert
        left = string_kind(node.this, type_of_column)
        right = string_kind(node.expression, type_of_column)
        concat = bool((left or right) and left is not False and right is not False)
        if not concat and unknown_is_concat and left is None and right is None:
            concat = True
        if left is True and right is False:
            _convert_text(node, "this", integer_type(node.expression, type_of_column))
        elif left is False and right is True:
            _convert_text(node, "expression", integer_type(node.this, type_of_column))
        if concat:
            result = exp.DPipe(this=node.this, expression=node.expression, safe=True)
            result.meta["concat"] = True
            if node is tree:
                return result
            node.replace(result)
        else:
            node.meta["concat"] = False if (left is False or right is False) else None
    return tree


def _convert_text(node: exp.Add, side: str, integer: str | None) -> None:
    """The string on ``side`` of ``node`` converted to ``integer``, the type of the other
    side, as SQL Server converts it; nothing when the other side's type is not shown."""
    if integer is not None:
        text = node.args[side]
        node.set(side, exp.Cast(this=text, to=exp.DataType.build(integer, dialect="tsql")))
