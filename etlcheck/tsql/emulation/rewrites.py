"""Dialect-neutral rewrites of T-SQL DML that standard SQL spells differently.

``UPDATE alias SET ... FROM t alias JOIN ...`` and ``DELETE alias FROM t alias JOIN ...``
(and ``WITH c AS (...) DELETE FROM c``) become statements on the base table that pick
their rows by the dialect's row-id pseudo-column through a subquery over the original
FROM clause, so every join kind keeps SQL Server's meaning.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.parsing import CompileError

ROW = "__etlcheck_row"
TARGET = "__etlcheck_target"
SOURCE = "__etlcheck_source"
OLD = "__etlcheck_old_"


def _alias_or_name(table: exp.Table) -> str:
    return (table.alias or table.name).lower()


def _row_qualifier(table: exp.Table) -> str | exp.Identifier:
    """What qualifies ``table``'s row id: its alias, or its name, as the identifier the
    statement wrote (an engine that keeps case, PostgreSQL, spells it as it spells the
    table; a temporary table's identifier is ``"#t"``: its bare name ``t`` names nothing)."""
    alias = table.args.get("alias")
    if alias is not None and isinstance(alias.this, exp.Identifier):
        return alias.this.copy()
    identifier = table.this
    if isinstance(identifier, exp.Identifier):
        return identifier.copy()
    return _alias_or_name(table)


def _find_target(target: exp.Table, source: exp.Table) -> exp.Table | None:
    """The table of ``source`` (or its joins) that ``target`` names (by alias or name)."""
    candidates = [source, *(join.this for join in source.args.get("joins") or [])]
    wanted = target.name.lower()
    for table in candidates:
        if not isinstance(table, exp.Table):
            continue
        if table.alias and table.alias.lower() == wanted and not target.db:
            return table
        same_schema = not target.db or target.db.lower() == table.db.lower()
        if not table.alias and table.name.lower() == wanted and same_schema:
            return table
    for table in candidates:
        if isinstance(table, exp.Table) and table.name.lower() == wanted:
            return table
    return None


def _base_table(table: exp.Table) -> exp.Table:
    base = table.copy()
    base.set("alias", None)
    base.set("joins", None)
    return base


def strip_set_qualifiers(update: exp.Update) -> None:
    for assignment in update.expressions:
        column = assignment.this
        if isinstance(column, exp.Column) and column.table:
            assignment.set("this", exp.column(column.args["this"]))


def rewrite_update(
    update: exp.Update, row_id: str, old_columns: tuple[str, ...] | list[str] = ()
) -> exp.Expression:
    """The UPDATE on its base table over a subquery that picks the rows by row id and
    computes the new values (and, for OUTPUT deleted.x, ``old_columns`` as ``OLD + x``)."""
    with_ = update.args.get("with_") or update.args.get("with")
    if with_ is not None:
        return _update_through_cte(update, with_, row_id, old_columns)
    strip_set_qualifiers(update)
    limit = update.args.get("limit")
    if limit is not None and update.args.get("from_") is None:
        update.set("from_", exp.From(this=update.this.copy()))  # UPDATE TOP (n) t SET ...
    source_from = update.args.get("from_")
    target = update.this
    source = source_from.this if source_from is not None else None
    matched = (
        _find_target(target, source)
        if isinstance(target, exp.Table) and isinstance(source, exp.Table)
        else None
    )
    if matched is None or source is None:
        if limit is not None:
            raise CompileError("UPDATE TOP: this UPDATE form is not supported", "UPDATE TOP")
        return update
    update.set("limit", None)
    row = exp.column(row_id, table=_row_qualifier(matched))
    projections: list[exp.Expr] = [exp.alias_(row, ROW)]
    assignments = []
    for index, assignment in enumerate(update.expressions):
        name = f"__etlcheck_set_{index}"
        projections.append(exp.alias_(assignment.expression, name))
        assignments.append(exp.EQ(this=assignment.this, expression=exp.column(name, table=SOURCE)))
    for column in old_columns:
        projections.append(
            exp.alias_(exp.column(column, table=_row_qualifier(matched)), OLD + column)
        )
    inner = exp.Select(expressions=projections).from_(source.copy())
    where = update.args.get("where")
    if where is not None:
        inner.set("where", where.copy())
    if limit is not None:  # UPDATE TOP (n): n of the rows, in no order
        inner.set("limit", limit.copy())
    return _update_by_row(matched, assignments, inner, row_id)


def _update_by_row(
    base: exp.Table, assignments: list[exp.EQ], inner: exp.Select, row_id: str
) -> exp.Update:
    """UPDATE ``base`` AS TARGET SET ... FROM (``inner``) AS SOURCE, row by row id."""
    return exp.Update(
        this=exp.alias_(_base_table(base), TARGET, table=True),
        expressions=assignments,
        from_=exp.From(this=exp.alias_(exp.Subquery(this=inner), SOURCE, table=True)),
        where=exp.Where(
            this=exp.EQ(
                this=exp.column(row_id, table=TARGET), expression=exp.column(ROW, table=SOURCE)
            )
        ),
    )


def normalize_tsql_forms(tree: exp.Expression) -> exp.Expression:
    """T-SQL spellings that other engines write differently, as plain equivalents:
    ``DROP INDEX ix ON s.t`` -> ``DROP INDEX s.ix``; ``ALTER VIEW v AS q`` ->
    ``CREATE OR REPLACE VIEW v AS q``; ``DELETE t WHERE`` -> ``DELETE FROM t WHERE``."""
    if isinstance(tree, exp.Drop) and (tree.args.get("kind") or "").upper() == "INDEX":
        on = tree.args.get("cluster")
        owner = on.this if isinstance(on, exp.OnProperty) else None
        if isinstance(owner, exp.Table):
            for index in tree.args.get("tables") or []:
                if isinstance(index, exp.Table) and not index.args.get("db"):
                    index.set("db", owner.args.get("db"))
                    index.set("catalog", owner.args.get("catalog"))
            tree.set("cluster", None)
    elif isinstance(tree, exp.Alter) and (tree.args.get("kind") or "").upper() == "VIEW":
        actions = tree.args.get("actions") or []
        if len(actions) == 1 and isinstance(actions[0], exp.Query):
            return exp.Create(this=tree.this, kind="VIEW", replace=True, expression=actions[0])
    elif isinstance(tree, exp.Delete) and not isinstance(tree.this, exp.Table):
        tables = tree.args.get("tables") or []
        if len(tables) == 1 and isinstance(tables[0], exp.Table):
            kept = {k: v for k, v in tree.args.items() if k not in ("this", "tables") and v}
            return exp.Delete(this=tables[0], **kept)  # WITH, OUTPUT, TOP and WHERE stay
    return tree


def mark_recursive(tree: exp.Expression) -> None:
    """``WITH RECURSIVE`` where a CTE names itself: T-SQL has no such keyword, the
    engines need it. SQL Server requires the recursive member's columns to have the
    anchor's types; where the anchor CASTs a column, the member's is cast to that type
    (``DATEADD`` of a date is a date in SQL Server, a timestamp on PostgreSQL)."""
    for with_ in tree.find_all(exp.With):
        for cte in with_.expressions:
            name = cte.alias.lower()
            if any(
                table.name.lower() == name and not table.db
                for table in cte.this.find_all(exp.Table)
            ):
                with_.set("recursive", True)
                _cast_like_anchor(cte.this)


def _cast_like_anchor(body: exp.Expression) -> None:
    if not isinstance(body, exp.Union) or not isinstance(body.expression, exp.Select):
        return
    anchor = body.this
    while isinstance(anchor, exp.Union):
        anchor = anchor.this
    if not isinstance(anchor, exp.Select):
        return
    for first, member in zip(anchor.expressions, body.expression.expressions, strict=False):
        declared = first.this if isinstance(first, exp.Alias) else first
        if not isinstance(declared, exp.Cast):
            continue
        value = member.this if isinstance(member, exp.Alias) else member
        cast = exp.Cast(this=value.copy(), to=declared.to.copy())
        if isinstance(member, exp.Alias):
            member.set("this", cast)
        else:
            member.replace(cast)


def rewrite_delete(delete: exp.Delete, row_id: str) -> exp.Expression:
    tables = delete.args.get("tables") or []
    source = delete.this
    with_ = delete.args.get("with_") or delete.args.get("with")
    if delete.args.get("limit") is not None and (
        with_ is not None or not isinstance(source, exp.Table) or len(tables) > 1
    ):
        raise CompileError("DELETE TOP: this DELETE form is not supported", "DELETE TOP")
    if with_ is not None and isinstance(source, exp.Table):
        return _delete_through_cte(delete, with_, source, row_id)
    if not isinstance(source, exp.Table):
        return delete
    joins = source.args.get("joins")
    limit = delete.args.get("limit")
    if not tables and not joins and limit is None:
        return delete
    target = tables[0] if tables else source
    if len(tables) > 1:
        raise CompileError("DELETE of several tables is not supported", "DELETE")
    matched = _find_target(target, source) if tables else source
    if matched is None:
        if limit is not None:
            raise CompileError("DELETE TOP: this DELETE form is not supported", "DELETE TOP")
        return delete
    row = exp.column(row_id, table=_row_qualifier(matched))
    inner = exp.Select(expressions=[row]).from_(source.copy())
    where = delete.args.get("where")
    if where is not None:
        inner.set("where", where.copy())
    if limit is not None:  # DELETE TOP (n): n of the rows, in no order
        inner.set("limit", limit.copy())
    return exp.Delete(
        this=_base_table(matched),
        where=exp.Where(this=exp.In(this=exp.column(row_id), query=exp.Subquery(this=inner))),
    )


def _delete_through_cte(
    delete: exp.Delete, with_: exp.With, target: exp.Table, row_id: str
) -> exp.Expression:
    cte = _named_cte(with_, target)
    if cte is None:
        return delete
    _, base = _one_table_cte(cte, row_id, "DELETE")
    inner = exp.Select(expressions=[exp.column(ROW)]).from_(exp.to_table(cte.alias))
    where = delete.args.get("where")
    if where is not None:
        inner.set("where", where.copy())
    inner.set("with_", with_.copy())
    return exp.Delete(
        this=_base_table(base),
        where=exp.Where(this=exp.In(this=exp.column(row_id), query=exp.Subquery(this=inner))),
    )


def _named_cte(with_: exp.With, target: exp.Expression) -> exp.CTE | None:
    """The CTE ``target`` names (None: it names a table)."""
    if not isinstance(target, exp.Table) or target.db:
        return None
    ctes = {cte.alias.lower(): cte for cte in with_.expressions}
    return ctes.get(target.name.lower())


def _one_table_cte(cte: exp.CTE, row_id: str, verb: str) -> tuple[exp.Select, exp.Table]:
    """The CTE's SELECT and the one table it reads, the SELECT now also returning that
    table's row id as ``ROW``; CompileError for a CTE over anything else."""
    body = cte.this
    source = body.args.get("from_") if isinstance(body, exp.Select) else None
    base = source.this if source is not None else None
    if (
        not isinstance(body, exp.Select)
        or not isinstance(base, exp.Table)
        or base.args.get("joins")
        or body.args.get("group")
        or body.args.get("distinct")
    ):
        raise CompileError(
            f"{verb} through a CTE is supported only over one table",
            f"{verb} through a CTE",
        )
    body.select(exp.alias_(exp.column(row_id, table=_row_qualifier(base)), ROW), copy=False)
    return body, base


def _update_through_cte(
    update: exp.Update, with_: exp.With, row_id: str, old_columns: tuple[str, ...] | list[str]
) -> exp.Expression:
    """``WITH c AS (SELECT ... FROM t) UPDATE c SET x = ...``: the UPDATE of ``t``, each
    column of ``c`` it sets being the column of ``t`` that ``c`` returns under that name
    (SQL Server refuses to set a computed one: error 4406)."""
    cte = _named_cte(with_, update.this)
    if cte is None or update.args.get("from_") is not None:
        raise CompileError(
            "UPDATE with a WITH clause: only an UPDATE of the CTE itself is supported",
            "UPDATE through a CTE",
        )
    if update.args.get("limit") is not None or old_columns:
        raise CompileError(
            "UPDATE TOP / OUTPUT deleted through a CTE is not supported", "UPDATE through a CTE"
        )
    body, base = _one_table_cte(cte, row_id, "UPDATE")
    strip_set_qualifiers(update)
    projections: list[exp.Expr] = [exp.alias_(exp.column(ROW), ROW)]
    assignments = []
    for index, assignment in enumerate(update.expressions):
        name = f"__etlcheck_set_{index}"
        projections.append(exp.alias_(assignment.expression, name))
        column = _base_column(body, assignment.this.name)
        assignments.append(exp.EQ(this=column, expression=exp.column(name, table=SOURCE)))
    inner = exp.Select(expressions=projections).from_(exp.to_table(cte.alias))
    where = update.args.get("where")
    if where is not None:
        inner.set("where", where.copy())
    inner.set("with_", with_.copy())
    return _update_by_row(base, assignments, inner, row_id)


def _base_column(body: exp.Select, name: str) -> exp.Column:
    """The column of the CTE's table that the CTE returns as ``name``."""
    for projection in body.expressions:
        if isinstance(projection, exp.Star):
            return exp.column(name)
        value = projection.this if isinstance(projection, exp.Alias) else projection
        if projection.alias_or_name.lower() != name.lower():
            continue
        if isinstance(value, exp.Column):
            return exp.column(value.args["this"].copy())
        break
    raise CompileError(
        f"Update or insert of view or function '{name}' failed because it contains a "
        "derived or constant field.",
        "UPDATE through a CTE",
    )
