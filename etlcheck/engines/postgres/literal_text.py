"""String literals that make a column, as ``citext`` on PostgreSQL.

Under SQL Server's default collation a column made of literals compares without case like
any other: ``CROSS APPLY (VALUES (N'Revenue', …)) AS u (Metric, …)`` then ``WHERE Metric =
'revenue'``, or ``SELECT N'OPEN' AS Status INTO #t``. PostgreSQL types such a column
``text``, which compares with case: the same query silently found nothing. So a string
literal that is a column of a ``VALUES`` table, or a column of a ``SELECT`` (alone or as
every result of a ``CASE``), becomes a ``citext``, except where the column's type comes
from elsewhere: the rows of ``INSERT … VALUES`` and ``INSERT … SELECT`` go into typed
columns, and a set operation (``UNION``…) types a column from all of its branches, so its
literals become ``citext`` only where every branch has a string literal.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

Wrap = Callable[[exp.Expression], exp.Expression]


def literal_columns_as_citext(tree: exp.Expression, citext: Wrap) -> exp.Expression:
    """``tree`` with the string literals that make a column wrapped by ``citext``."""
    for values in list(tree.find_all(exp.Values)):
        if not isinstance(values.parent, exp.Insert):
            for row in values.expressions:
                for item in row.expressions if isinstance(row, exp.Tuple) else []:
                    _wrap(item, citext)
    for select in list(tree.find_all(exp.Select)):
        if not _typed_elsewhere(select):
            for projection in select.expressions:
                _wrap_column(_value(projection), citext)
    for union in list(tree.find_all(exp.SetOperation)):
        if not isinstance(union.parent, exp.SetOperation) and not _typed_elsewhere(union):
            _wrap_shared_columns(_branches(union), citext)
    return tree


def _value(projection: exp.Expression) -> exp.Expression:
    return projection.this if isinstance(projection, exp.Alias) else projection


def _wrap_column(value: exp.Expression, citext: Wrap) -> None:
    if isinstance(value, exp.Case) and _all_text(value):
        for result in _results(value):
            _wrap(result, citext)
    else:
        _wrap(value, citext)


def _branches(union: exp.SetOperation) -> list[exp.Select] | None:
    """The SELECTs of a set operation, nested ones too; None when a branch is something
    else (a VALUES table, a parenthesized query)."""
    found: list[exp.Select] = []
    for side in (union.this, union.expression):
        if isinstance(side, exp.SetOperation):
            inner = _branches(side)
            if inner is None:
                return None
            found.extend(inner)
        elif isinstance(side, exp.Select):
            found.append(side)
        else:
            return None
    return found


def _wrap_shared_columns(branches: list[exp.Select] | None, citext: Wrap) -> None:
    """Each column that every branch makes of string literals (and nothing else)."""
    if not branches or len({len(branch.expressions) for branch in branches}) != 1:
        return
    for index in range(len(branches[0].expressions)):
        values = [_value(branch.expressions[index]) for branch in branches]
        if all(_is_text(value) for value in values):
            for value in values:
                _wrap(value, citext)


def _typed_elsewhere(select: exp.Expression) -> bool:
    parent = select.parent
    while isinstance(parent, (exp.Paren, exp.Subquery)) and parent.parent is not None:
        parent = parent.parent
    return isinstance(parent, (exp.Insert, exp.SetOperation))


def _is_text(value: exp.Expression | None) -> bool:
    return isinstance(value, exp.National) or (isinstance(value, exp.Literal) and value.is_string)


def _results(case: exp.Case) -> list[exp.Expression]:
    found = [branch.args.get("true") for branch in case.args.get("ifs") or []]
    return [result for result in [*found, case.args.get("default")] if result is not None]


def _all_text(case: exp.Case) -> bool:
    results = _results(case)
    return bool(results) and all(_is_text(r) or isinstance(r, exp.Null) for r in results)


def _wrap(value: exp.Expression, citext: Wrap) -> None:
    if _is_text(value):
        value.replace(citext(value.copy()))
