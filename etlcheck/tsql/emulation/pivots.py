"""PIVOT and UNPIVOT over a derived table that lists its columns, as plain SQL.

The engines' own PIVOT differs from SQL Server's (DuckDB groups by what the statement
names, PostgreSQL has none), so the statement is rewritten as SQL Server defines it:

- ``FROM (SELECT g, k, v FROM t) AS s PIVOT (AGG(v) FOR k IN ([a], [b])) AS p`` groups
  by every column of ``s`` but ``k`` and ``v``: ``FROM (SELECT g, AGG(CASE WHEN k = 'a'
  THEN v END) AS [a], ... FROM (...) AS s GROUP BY g) AS p``;
- ``FROM (SELECT g, a, b FROM t) AS s UNPIVOT (v FOR k IN (a, b)) AS u`` is one row per
  column of the list whose value is not NULL: ``FROM (SELECT g, 'a' AS k, a AS v FROM
  (...) AS s WHERE a IS NOT NULL UNION ALL ...) AS u``.

A PIVOT over a table or a ``SELECT *`` is left as it is, and refused: which columns it
groups by depends on the table's columns, which the statement does not show.
"""

from __future__ import annotations

from sqlglot import exp


def rewrite_pivots(tree: exp.Expression) -> exp.Expression:
    """``tree`` with each PIVOT and UNPIVOT that can be rewritten rewritten."""
    for pivot in list(tree.find_all(exp.Pivot)):
        source = pivot.parent
        if not isinstance(source, exp.Subquery) or not isinstance(source.this, exp.Select):
            continue
        columns = _output_names(source.this)
        if columns is None:
            continue
        if pivot.args.get("unpivot"):
            replacement = _unpivot(pivot, source, columns)
        else:
            replacement = _pivot(pivot, source, columns)
        if replacement is not None:
            if source is tree:
                return replacement
            source.replace(replacement)
    return tree


def _output_names(select: exp.Select) -> list[str] | None:
    names = []
    for projection in select.expressions:
        name = projection.alias_or_name
        if isinstance(projection, exp.Star) or not name or name == "*":
            return None
        names.append(name)
    return names


def _bare_source(source: exp.Subquery) -> exp.Subquery:
    bare = source.copy()
    bare.set("pivots", None)
    return bare


def _pivot(pivot: exp.Pivot, source: exp.Subquery, columns: list[str]) -> exp.Expression | None:
    [aggregate] = pivot.expressions or [None]
    fields = pivot.args.get("fields") or []
    if not isinstance(aggregate, exp.AggFunc) or len(fields) != 1:
        return None
    field = fields[0]
    value = aggregate.this
    key = field.this if isinstance(field, exp.In) else None
    if not isinstance(value, exp.Column) or not isinstance(key, exp.Column):
        return None
    used = {value.name.lower(), key.name.lower()}
    groups = [exp.column(exp.to_identifier(name)) for name in columns if name.lower() not in used]
    projections: list[exp.Expr] = [group.copy() for group in groups]
    for item in field.expressions:
        label = item.name if isinstance(item, exp.Column | exp.Identifier) else None
        if label is None and isinstance(item, exp.Literal):
            label = item.name
        if label is None:
            return None
        picked = exp.Case().when(
            exp.EQ(this=key.copy(), expression=exp.Literal.string(label)), value.copy()
        )
        counted = aggregate.copy()
        counted.set("this", picked)
        projections.append(exp.alias_(counted, exp.to_identifier(label, quoted=True)))
    select = exp.Select(expressions=projections).from_(_bare_source(source))
    if groups:
        select.set("group", exp.Group(expressions=groups))
    return exp.Subquery(this=select, alias=pivot.args.get("alias"))


def _unpivot(pivot: exp.Pivot, source: exp.Subquery, columns: list[str]) -> exp.Expression | None:
    [value] = pivot.expressions or [None]
    fields = pivot.args.get("fields") or []
    if not isinstance(value, exp.Identifier | exp.Column) or len(fields) != 1:
        return None
    field = fields[0]
    name = field.this if isinstance(field, exp.In) else None
    if not isinstance(name, exp.Identifier | exp.Column):
        return None
    listed = [item.name for item in field.expressions]
    if not listed or any(not label for label in listed):
        return None
    unpivoted = {label.lower() for label in listed}
    others = [c for c in columns if c.lower() not in unpivoted]
    parts: list[exp.Select] = []
    for label in listed:
        column = exp.column(exp.to_identifier(label))
        projections: list[exp.Expr] = [exp.column(exp.to_identifier(c)) for c in others]
        projections.append(exp.alias_(exp.Literal.string(label), name.name))
        projections.append(exp.alias_(column.copy(), value.name))
        part = exp.Select(expressions=projections).from_(_bare_source(source))
        parts.append(part.where(exp.Not(this=exp.Is(this=column, expression=exp.Null()))))
    union: exp.Expression = parts[0]
    for part in parts[1:]:
        union = exp.Union(this=union, expression=part, distinct=False)
    return exp.Subquery(this=union, alias=pivot.args.get("alias"))
