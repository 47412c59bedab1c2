"""``MERGE ... WHEN NOT MATCHED BY SOURCE [AND condition] THEN DELETE | UPDATE SET ...`` on
PostgreSQL 15, whose MERGE has no such clause (17 has).

SQL Server: a target row that no source row matches (ON) is deleted or updated by the
first BY SOURCE clause whose condition holds (``emulation.merge_clauses`` refuses what
SQL Server refuses of those clauses).

Here each clause becomes a data-modifying common table expression of the MERGE itself,
``DELETE FROM target AS t WHERE NOT EXISTS (SELECT 1 FROM source AS s WHERE on) AND
condition`` (the second also where the first's condition is not true), or the UPDATE:

- one statement, one snapshot: the clauses and the MERGE see the target as it was before
  (a source that reads the target too), the rows they change are not the rows the MERGE
  matches, and the statement fails or succeeds as a whole;
- PostgreSQL counts a MERGE's own rows only: the clauses' rows are counted into a temp
  table the interpreter reads after the statement (``Plan.counted_step``);
- the MERGE's WHEN clauses read that count first (an uncorrelated EXISTS, evaluated once),
  so the clauses' rows are changed before any row the MERGE inserts or updates: a key
  deleted and inserted again by one statement is no violation, as SQL Server checks keys
  for the statement;
- OUTPUT: the row trigger's log (``emulation.output.merge_log_steps``) sees the clauses'
  rows as ``DELETE`` (``deleted.x``, ``inserted.x`` NULL) and ``UPDATE``.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.emulation.rewrites import strip_set_qualifiers
from etlcheck.tsql.plan import Plan

COUNT_TABLE = "__etlcheck_by_source_count"
CLAUSE = "__etlcheck_by_source_{}"
COUNTED = "__etlcheck_by_source_counted"


def plan_by_source(plan: Plan, merge: exp.Merge) -> None:
    """Take the BY SOURCE clauses out of ``merge`` into its WITH (see the module)."""
    whens = merge.args.get("whens")
    clauses = [when for when in whens.expressions if when.args.get("source")] if whens else []
    if not clauses:
        return
    for when in clauses:
        when.pop()
    ctes: list[exp.CTE] = []
    earlier: exp.Expression | None = None
    for number, when in enumerate(clauses, 1):
        statement = _statement(merge, when, earlier)
        ctes.append(_cte(CLAUSE.format(number), statement))
        earlier = when.args.get("condition")
    counts = " + ".join(
        f"(SELECT COUNT(*) FROM {CLAUSE.format(number)})" for number in range(1, len(clauses) + 1)
    )
    counted: exp.Expression = exp.maybe_parse(
        f"INSERT INTO pg_temp.{COUNT_TABLE} SELECT {counts} RETURNING n", dialect="postgres"
    )
    ctes.append(_cte(COUNTED, counted))
    with_ = merge.args.get("with_")
    if not isinstance(with_, exp.With):
        with_ = exp.With(expressions=[])
        merge.set("with_", with_)
    for cte in ctes:
        with_.append("expressions", cte)
    _count_first(merge)
    plan.before.extend(
        [
            f"DROP TABLE IF EXISTS pg_temp.{COUNT_TABLE}",
            f"CREATE TEMP TABLE {COUNT_TABLE} (n bigint)",
        ]
    )
    plan.counted_step = 1 + len(plan.after)
    plan.after.extend([f"SELECT n FROM pg_temp.{COUNT_TABLE}", f"DROP TABLE pg_temp.{COUNT_TABLE}"])


def _statement(
    merge: exp.Merge, when: exp.When, earlier: exp.Expression | None
) -> exp.Update | exp.Delete:
    """The DELETE or UPDATE of the target rows no source row matches (and for which the
    earlier clause's condition is not true)."""
    matching = exp.select("1").from_(merge.args["using"].copy()).where(merge.args["on"].copy())
    conditions: list[exp.Expression] = [exp.Not(this=exp.Exists(this=matching))]
    if earlier is not None:
        not_true = exp.Case(ifs=[exp.If(this=exp.Paren(this=earlier.copy()), true=_one())])
        conditions.append(exp.Is(this=not_true, expression=exp.null()))
    condition = when.args.get("condition")
    if condition is not None:
        conditions.append(exp.Paren(this=condition.copy()))
    where = exp.Where(this=exp.and_(*conditions))
    then = when.args["then"]
    statement: exp.Update | exp.Delete
    if isinstance(then, exp.Update):
        sets = [assignment.copy() for assignment in then.expressions]
        statement = exp.Update(this=merge.this.copy(), expressions=sets, where=where)
        strip_set_qualifiers(statement)
    else:
        statement = exp.Delete(this=merge.this.copy(), where=where)
    statement.set("returning", exp.Returning(expressions=[_one()]))
    return statement


def _one() -> exp.Expression:
    return exp.Literal.number(1)


def _cte(name: str, statement: exp.Expression) -> exp.CTE:
    return exp.CTE(this=statement, alias=exp.TableAlias(this=exp.to_identifier(name)))


def _count_first(merge: exp.Merge) -> None:
    """Each WHEN clause of the MERGE reads the count first (see the module); a MERGE left
    without one does nothing with the rows it matches."""
    whens = merge.args["whens"]
    first = exp.Exists(this=exp.select("1").from_(COUNTED))
    for when in whens.expressions:
        condition = when.args.get("condition")
        read = first.copy()
        when.set(
            "condition", read if condition is None else exp.and_(read, exp.Paren(this=condition))
        )
    if not whens.expressions:
        whens.append(
            "expressions", exp.When(matched=True, source=False, then=exp.Var(this="DO NOTHING"))
        )
