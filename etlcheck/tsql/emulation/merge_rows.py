"""``MERGE ... OUTPUT`` that names the source's columns (``OUTPUT $action, s.id,
inserted.id_key``), or ``deleted.x`` of a MERGE that updates where the engine's MERGE
returns the new row only (DuckDB).

SQL Server: ``OUTPUT`` may name the columns of the table the MERGE reads (``from_table_name``
of the OUTPUT clause): each OUTPUT row carries the source row that matched it (UPDATE,
DELETE) or that it was inserted from (INSERT); a ``WHEN NOT MATCHED BY SOURCE`` row has no
source row (its source columns are NULL). ``deleted.x`` is the row before the statement.

Neither engine's MERGE shows its source to what it returns (PostgreSQL 15 returns nothing),
so the OUTPUT rows are read after the statement from what it leaves behind:

- the source is kept in a temp table first, its rows numbered, and the MERGE reads it (the
  source reads the target as it was, as the MERGE's own would);
- the target gets a column for the length of the statement that numbers its rows (even
  numbers), and a temp table keeps its rows as they were, each with the number of the
  source row that matches it (ON), if any;
- the MERGE's UPDATEs add one to that column, its INSERT writes minus the source row's
  number (DELETE leaves no row);
- after the statement the target's rows and the rows kept, joined on that column, give each
  row's action, its new and old values and its source row; then the column and the temp
  tables are dropped. The statement runs in a transaction of its own (outside one), so a
  MERGE that fails leaves nothing behind.

An engine that cannot add a column to the target (DuckDB, to a table an index depends on)
refuses the statement when it runs (``Emulation.column_blocker``).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlglot import exp

from etlcheck.tsql.emulation.common import target_qualifier
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import ALTERED_TARGET, Check, Plan

SOURCE_TABLE = "__etlcheck_merge_source"
OLD_TABLE = "__etlcheck_merge_old"
ROW_COLUMN = "__etlcheck_merge_row"
SOURCE_ROW = "__etlcheck_source_row"
_NEW, _OLD, _SOURCE = "__etlcheck_new", "__etlcheck_old", "__etlcheck_src"

Rewrite = Callable[[exp.Expression], exp.Expression]


def _refuse(what: str) -> CompileError:
    return CompileError(f"OUTPUT: {what}", "OUTPUT", word="OUTPUT")


def source_name(merge: exp.Merge) -> str:
    using = merge.args.get("using")
    return using.alias_or_name.lower() if isinstance(using, exp.Expression) else ""


def reads_rows_after(merge: exp.Merge, output: exp.Returning, returns_old: bool) -> bool:
    """True when the OUTPUT names the source's columns, or ``deleted.x`` of a MERGE that
    updates where the engine does not return the old row (``returns_old``)."""
    source = source_name(merge)
    target = merge.this.alias_or_name.lower()
    whens = merge.find_all(exp.When)
    updates = any(isinstance(when.args.get("then"), exp.Update) for when in whens)
    for column in output.find_all(exp.Column):
        table = column.table.lower()
        if table and table == source and source != target:
            return True
        if table == "deleted" and updates and not returns_old:
            return True
    return False


def plan_merge_rows(
    plan: Plan, merge: exp.Merge, output: exp.Returning, row_id: str, rewrite: Rewrite, dialect: str
) -> None:
    """Steps before and after ``merge`` and its rewrite (see the module); the OUTPUT rows
    are the rows of the first step after it."""
    source = merge.args["using"]
    alias = source.alias_or_name
    target = merge.this.copy()
    target.set("alias", None)
    engine_target = rewrite(target.copy())
    target_sql = engine_target.sql(dialect=dialect)
    schema = engine_target.text("db")
    plan.checks.append(Check(ALTERED_TARGET, json.dumps([schema, engine_target.name])))
    target_alias = target_qualifier(merge.this)

    def sql(tree: exp.Expression) -> str:
        return rewrite(tree).sql(dialect=dialect)

    kept = exp.select(
        exp.Column(this=exp.Star(), table=exp.to_identifier(alias)),
        exp.alias_(_row_number(), SOURCE_ROW),
    ).from_(source.copy())
    numbered = exp.select(exp.alias_(exp.column(row_id), "r"), exp.alias_(_row_number(), "n"))
    numbered = numbered.from_(target.copy())
    number = exp.Update(
        this=exp.alias_(target.copy(), _NEW, table=True),
        expressions=[
            exp.EQ(
                this=exp.column(ROW_COLUMN),
                expression=exp.Mul(this=exp.Literal.number(2), expression=exp.column("n", "x")),
            )
        ],
        from_=exp.From(this=exp.Subquery(this=numbered, alias=exp.TableAlias(this="x"))),
        where=exp.Where(
            this=exp.EQ(this=exp.column(row_id, table=_NEW), expression=exp.column("r", "x"))
        ),
    )
    source_table = exp.alias_(exp.to_table(SOURCE_TABLE), alias, table=True)
    old = (
        exp.select(
            exp.Column(this=exp.Star(), table=target_alias.copy()),
            exp.alias_(exp.column(SOURCE_ROW, table=alias), SOURCE_ROW),
        )
        .from_(merge.this.copy())
        .join(source_table.copy(), on=merge.args["on"].copy(), join_type="LEFT")
    )
    with_ = merge.args.get("with_")
    if isinstance(with_, exp.With):  # WITH feed AS (...) MERGE ... USING feed
        kept.set("with_", with_.copy())
        old.set("with_", with_.copy())
    plan.before.extend(
        [
            f"DROP TABLE IF EXISTS {SOURCE_TABLE}",
            f"DROP TABLE IF EXISTS {OLD_TABLE}",
            f"CREATE TEMP TABLE {SOURCE_TABLE} AS {sql(kept)}",
            f"ALTER TABLE {target_sql} ADD COLUMN {ROW_COLUMN} BIGINT",
            rewrite(number),
            f"CREATE TEMP TABLE {OLD_TABLE} AS {sql(old)}",
        ]
    )
    merge.set("using", source_table)
    _mark_changes(merge, target_alias, alias)
    plan.output_step = 1 + len(plan.after)
    plan.after.extend(
        [
            rewrite(_rows_query(output, target, alias)),
            f"DROP TABLE {SOURCE_TABLE}",
            f"DROP TABLE {OLD_TABLE}",
            f"ALTER TABLE {target_sql} DROP COLUMN {ROW_COLUMN}",
        ]
    )
    plan.own_transaction = True


def _row_number() -> exp.Expression:
    return exp.Window(this=exp.RowNumber())


def _mark_changes(merge: exp.Merge, target_alias: exp.Identifier, source_alias: str) -> None:
    """The MERGE's UPDATEs add one to the row column, its INSERT writes minus the source
    row's number."""
    for when in merge.args["whens"].expressions:
        then = when.args.get("then")
        if isinstance(then, exp.Update):
            mark = exp.Add(
                this=exp.column(ROW_COLUMN, table=target_alias.copy()),
                expression=exp.Literal.number(1),
            )
            then.append("expressions", exp.EQ(this=exp.column(ROW_COLUMN), expression=mark))
        elif isinstance(then, exp.Insert):
            values = then.args.get("expression")
            if not isinstance(values, exp.Tuple):
                raise _refuse("a MERGE whose INSERT has no VALUES list")
            columns = then.this
            if isinstance(columns, exp.Tuple):
                columns.append("expressions", exp.column(ROW_COLUMN))
            number = exp.Neg(this=exp.column(SOURCE_ROW, table=source_alias))
            values.append("expressions", number)


def _rows_query(output: exp.Returning, target: exp.Table, source_alias: str) -> exp.Select:
    """The OUTPUT rows: the rows kept joined to the target's rows and the source's."""
    source = source_alias.lower()
    new_row = exp.column(ROW_COLUMN, table=_NEW)
    old_row = exp.column(ROW_COLUMN, table=_OLD)

    def column(node: exp.Column) -> exp.Expression:
        table = node.table.lower()
        if not table and node.name.lower() == "$action":
            inserted = exp.If(this=_is_null(old_row), true=exp.Literal.string("INSERT"))
            deleted = exp.If(this=_is_null(new_row), true=exp.Literal.string("DELETE"))
            return exp.Case(ifs=[inserted, deleted], default=exp.Literal.string("UPDATE"))
        if table in ("inserted", "deleted", source) and isinstance(node.this, exp.Star):
            raise _refuse(f"{node.table}.* of a MERGE is not supported; name the columns")
        if table == "inserted":
            return exp.column(node.this.copy(), table=_NEW)
        if table == "deleted":
            return exp.column(node.this.copy(), table=_OLD)
        if table == source:
            return exp.column(node.this.copy(), table=_SOURCE)
        if table:
            raise _refuse("columns of other tables than inserted, deleted and the MERGE's source")
        return node

    expressions = [
        expression.copy().transform(
            lambda node: column(node) if isinstance(node, exp.Column) else node, copy=False
        )
        for expression in output.expressions
    ]
    parity = exp.Mod(this=new_row.copy(), expression=exp.Literal.number(2))
    unchanged = exp.Sub(this=new_row.copy(), expression=parity)
    source_row = exp.Coalesce(
        this=exp.column(SOURCE_ROW, table=_OLD), expressions=[exp.Neg(this=new_row.copy())]
    )
    moved = exp.NEQ(this=new_row.copy(), expression=old_row.copy())
    changed = exp.or_(_is_null(old_row), _is_null(new_row), moved)
    return (
        exp.select(*expressions)
        .from_(exp.alias_(exp.to_table(OLD_TABLE), _OLD, table=True))
        .join(
            exp.alias_(target.copy(), _NEW, table=True),
            on=exp.EQ(this=exp.Paren(this=unchanged), expression=old_row.copy()),
            join_type="FULL",
        )
        .join(
            exp.alias_(exp.to_table(SOURCE_TABLE), _SOURCE, table=True),
            on=exp.EQ(this=exp.column(SOURCE_ROW, table=_SOURCE), expression=source_row),
            join_type="LEFT",
        )
        .where(changed)
    )


def _is_null(column: exp.Column) -> exp.Expression:
    return exp.Is(this=column.copy(), expression=exp.null())
