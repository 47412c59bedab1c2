"""T-SQL's ``+`` is string concatenation when both sides are strings.

sqlglot keeps ``+`` as addition; the target dialects need ``||``. Types are inferred
from literals, casts, string functions and declared variable types; an ``+`` whose
operands are unknown (two columns) stays addition unless the caller asks otherwise
(the interpreter retries that way when the database says ``+(VARCHAR, VARCHAR)``).
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
        if concat:
            result = exp.DPipe(this=node.this, expression=node.expression, safe=True)
            result.meta["concat"] = True
            if node is tree:
                return result
            node.replace(result)
        else:
            node.meta["concat"] = False if (left is False or right is False) else None
    return tree
