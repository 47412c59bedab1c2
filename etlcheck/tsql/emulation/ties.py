"""``SELECT TOP (n) WITH TIES ... ORDER BY keys``: the first n rows and every row that ties
with the last of them on the keys.

That is every row whose ``RANK() OVER (ORDER BY keys)`` is at most n. PostgreSQL says
it as ``FETCH FIRST n ROWS WITH TIES``; DuckDB has no such clause, and gets ``QUALIFY
RANK() OVER (ORDER BY keys) <= n`` (its ORDER BY kept). ``SELECT DISTINCT`` is refused
there: DISTINCT applies after QUALIFY, where SQL Server takes the ties of the distinct
rows. Without an ORDER BY it is SQL Server's error 1062.
"""

from __future__ import annotations

import json

from sqlglot import exp

from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import Check

NO_ORDER = "The TOP N WITH TIES clause is not allowed without a corresponding ORDER BY clause."


def rewrite_with_ties(tree: exp.Expression, fetch: bool, checks: list[Check]) -> None:
    """Rewrite every ``TOP (n) WITH TIES`` of ``tree`` in place: as ``FETCH FIRST n ROWS
    WITH TIES`` when ``fetch``, else with ``QUALIFY``."""
    for select in list(tree.find_all(exp.Select)):
        limit = select.args.get("limit")
        if not isinstance(limit, exp.Limit):
            continue
        options = limit.args.get("limit_options")
        if options is None or not options.args.get("with_ties"):
            continue
        order = select.args.get("order")
        if order is None:
            checks.append(Check("error", json.dumps([1062, NO_ORDER])))
            return
        count = limit.expression
        if fetch:
            select.set(
                "limit",
                exp.Fetch(
                    direction="FIRST",
                    count=count,
                    limit_options=exp.LimitOptions(rows=True, with_ties=True),
                ),
            )
            continue
        if select.args.get("distinct"):
            raise CompileError(
                "TOP ... WITH TIES: with SELECT DISTINCT it is not emulated on this engine",
                "TOP ... WITH TIES",
                word="TIES",
            )
        rank = exp.Window(
            this=exp.Anonymous(this="RANK", expressions=[]),
            order=exp.Order(expressions=[key.copy() for key in order.expressions]),
        )
        select.set("limit", None)
        select.set("qualify", exp.Qualify(this=exp.LTE(this=rank, expression=count)))
