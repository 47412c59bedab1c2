"""``OUTPUT inserted.* / deleted.* [INTO table [(columns)]]`` of INSERT, UPDATE, DELETE and
MERGE, as ``RETURNING``.

- INSERT: ``inserted.x`` is the row as stored (defaults and IDENTITY applied).
- DELETE: ``deleted.x`` is the row removed.
- UPDATE: ``inserted.x`` is the new value, ``deleted.x`` the old one. The statement is
  planned over a subquery that picks the rows and computes both (as UPDATE ... FROM is);
  an engine whose RETURNING sees that subquery returns them directly, the others (DuckDB)
  keep it in a temporary table and join it to the updated rows by row id afterwards.
- MERGE (DuckDB): ``$action`` is ``INSERT``, ``UPDATE`` or ``DELETE``; ``inserted.x`` is
  NULL for a deleted row, ``deleted.x`` NULL for an inserted one. ``deleted.x`` of a MERGE
  that updates (the engine returns only the new row) and the source's columns (on either
  engine) are read after the statement instead (``emulation.merge_rows``).
- ``INTO table`` (or ``INTO @table``, the temp table that holds it) inserts the rows in
  the same statement. OUTPUT of another table's columns is refused (but for a MERGE's
  source).

``@@ROWCOUNT`` stays the number of rows the statement changed.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from etlcheck.tsql.emulation.common import written_table
from etlcheck.tsql.emulation.rewrites import OLD, SOURCE, TARGET, rewrite_update
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import OutputInto, Plan

OLD_TABLE = "__etlcheck_output_old"


def take_output(tree: exp.Expression) -> exp.Returning | None:
    """Remove the OUTPUT clause from ``tree`` and return it (None when there is none)."""
    returning = tree.args.get("returning")
    if not isinstance(returning, exp.Returning):
        return None
    tree.set("returning", None)
    return returning


def _refuse(what: str) -> CompileError:
    return CompileError(f"OUTPUT: {what}", "OUTPUT", word="OUTPUT")


def _pseudo(column: exp.Column) -> str | None:
    """``inserted`` or ``deleted`` for a column of those pseudo-tables, else None."""
    table = column.table.lower()
    return table if table in ("inserted", "deleted") else None


def _columns(output: exp.Returning) -> list[exp.Expression]:
    return [expression.copy() for expression in output.expressions]


def _map_columns(
    expressions: list[exp.Expression], mapping: Callable[[str, exp.Column], exp.Expression]
) -> list[exp.Expression]:
    """Each OUTPUT expression with its ``inserted.x`` / ``deleted.x`` replaced."""
    mapped = []
    for expression in expressions:

        def replace(node: exp.Expression) -> exp.Expression:
            if isinstance(node, exp.Column):
                side = _pseudo(node)
                if side is None:
                    if node.name.lower() == "$action":
                        return mapping("$action", node)
                    if node.table:
                        raise _refuse("columns of other tables than inserted and deleted")
                    return node
                return mapping(side, node)
            return node

        mapped.append(expression.transform(replace, copy=False))
    return mapped


def plan_insert_or_delete(tree: exp.Insert | exp.Delete, output: exp.Returning) -> None:
    """RETURNING of the row inserted (``inserted.x``) or removed (``deleted.x``)."""
    wanted = "inserted" if isinstance(tree, exp.Insert) else "deleted"

    def column(side: str, node: exp.Column) -> exp.Expression:
        if side != wanted:
            raise _refuse(f"{side}.{node.name} does not exist in this statement")
        if isinstance(node.this, exp.Star):
            return exp.Star()
        return exp.column(node.this.copy())

    tree.set("returning", exp.Returning(expressions=_map_columns(_columns(output), column)))


def needs_old_values(output: exp.Returning) -> bool:
    return any(_pseudo(column) == "deleted" for column in output.find_all(exp.Column))


def plan_update(
    update: exp.Update, output: exp.Returning, row_id: str
) -> tuple[exp.Update, list[exp.Expression]]:
    """The UPDATE over its row-picking subquery, and the OUTPUT expressions over that
    subquery (old values, as ``__etlcheck_source.__etlcheck_old_x``) and the target."""
    old: list[str] = []

    def column(side: str, node: exp.Column) -> exp.Expression:
        if isinstance(node.this, exp.Star):
            raise _refuse(f"{side}.* of an UPDATE is not supported; name the columns")
        if side == "deleted":
            if node.name.lower() not in old:
                old.append(node.name.lower())
            return exp.column(OLD + node.name.lower(), table=SOURCE)
        return exp.column(node.this.copy(), table=TARGET)

    expressions = _map_columns(_columns(output), column)
    if update.args.get("from_") is None:
        target = update.this.copy()
        update.set("from_", exp.From(this=target))
    rewritten = rewrite_update(update, row_id, old_columns=old)
    if not isinstance(rewritten, exp.Update) or rewritten is update:
        raise _refuse("this UPDATE form is not supported with OUTPUT")
    return rewritten, expressions


def plan_merge(merge: exp.Merge, output: exp.Returning) -> None:
    """RETURNING of a MERGE, where the engine returns ``merge_action`` and one row (the
    old one of a deleted row, else the new one: ``deleted.x`` of a MERGE that updates is
    read after the statement instead, ``emulation.merge_rows``)."""
    action = exp.column("merge_action")

    def column(side: str, node: exp.Column) -> exp.Expression:
        if side == "$action":
            return action.copy()
        if isinstance(node.this, exp.Star):
            raise _refuse(f"{side}.* of a MERGE is not supported; name the columns")
        value = exp.column(node.this.copy())
        deleted = exp.EQ(this=action.copy(), expression=exp.Literal.string("DELETE"))
        if side == "inserted":
            return exp.If(this=deleted, true=exp.null(), false=value)
        return exp.If(this=deleted, true=value, false=exp.null())

    merge.set("returning", exp.Returning(expressions=_map_columns(_columns(output), column)))


def output_target(output: exp.Returning) -> exp.Insert | None:
    """``INSERT INTO target [(columns)]`` for OUTPUT INTO (its VALUES come at run time)."""
    into = output.args.get("into")
    if not isinstance(into, exp.Expression):  # None, or False where sqlglot read no INTO
        return None
    return exp.Insert(this=into.copy(), expression=exp.Values(expressions=[]))


def finish_target(plan: Plan, insert: exp.Expression, dialect: str) -> None:
    """Record where the OUTPUT rows go, as the dialect names the table."""
    assert isinstance(insert, exp.Insert)
    written = written_table(insert, dialect)
    if written is None:
        raise _refuse("INTO must name a table")
    prefix = f"INSERT INTO {insert.this.sql(dialect=dialect)}"
    plan.output_into = OutputInto(prefix, written)


MERGE_LOG = "__etlcheck_merge_log"
MERGE_TRIGGER = "__etlcheck_merge_output"


def merge_log_steps(
    merge: exp.Merge, output: exp.Returning, target_sql: str
) -> tuple[list[str], exp.Select, list[str]]:
    """MERGE ... OUTPUT where the engine's MERGE returns nothing (PostgreSQL 15): a row
    trigger on the target logs each row the MERGE inserts, updates or deletes, with its
    action and its new and old rows (``sys.etlcheck_merge_log``); the OUTPUT rows are read
    from that log. The steps before the MERGE, the query of the OUTPUT rows over the log
    (``$action``, ``inserted.x``, ``deleted.x``) and the steps after it."""
    log = exp.to_table(MERGE_LOG)

    def row_column(row: str, node: exp.Column) -> exp.Expression:
        if isinstance(node.this, exp.Star):
            raise _refuse("inserted.* and deleted.* of a MERGE are not supported; name the columns")
        return exp.Dot(
            this=exp.Paren(this=exp.column(row, table=MERGE_LOG)), expression=node.this.copy()
        )

    def column(side: str, node: exp.Column) -> exp.Expression:
        if side == "$action":
            return exp.column("action", table=MERGE_LOG)
        return row_column("new_row" if side == "inserted" else "old_row", node)

    expressions = _map_columns(_columns(output), column)
    query = exp.Select(expressions=expressions).from_(log)
    trigger = f"{MERGE_TRIGGER} ON {target_sql}"
    before = [
        f"DROP TRIGGER IF EXISTS {trigger}",
        f"DROP TABLE IF EXISTS pg_temp.{MERGE_LOG}",
        f"CREATE TEMP TABLE {MERGE_LOG} (action text, new_row {target_sql}, old_row {target_sql})",
        f"CREATE TRIGGER {MERGE_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {target_sql} "
        "FOR EACH ROW EXECUTE FUNCTION sys.etlcheck_merge_log()",
    ]
    after = [f"DROP TRIGGER {trigger}", f"DROP TABLE pg_temp.{MERGE_LOG}"]
    return before, query, after
