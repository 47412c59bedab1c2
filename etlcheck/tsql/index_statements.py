"""Index statements: they change how SQL Server stores and plans, not what a statement sees.

- ``CREATE [UNIQUE] [CLUSTERED | NONCLUSTERED] INDEX`` becomes a plain index of its key
  columns: ``WITH (FILLFACTOR = …)`` options and ``ON [PRIMARY]`` are dropped. An engine
  without included columns (DuckDB) drops ``INCLUDE (…)``. One without filtered indexes
  drops a non-unique index's ``WHERE``, and a unique index's ``WHERE`` when it says only
  that key columns are not NULL: the engines' unique indexes let NULLs repeat, as such a
  filtered index does. Any other filter on a unique index is refused there.
- Index maintenance statements are read by :mod:`etlcheck.tsql.maintenance`.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.parsing import CompileError

INDEX_KINDS = frozenset(["INDEX", "CLUSTERED INDEX", "NONCLUSTERED INDEX"])


def plan_index(tree: exp.Create, includes: bool, filters: bool) -> None:
    """Rewrite ``CREATE … INDEX`` in place as the module says."""
    tree.set("kind", "INDEX")
    tree.set("clustered", None)
    index = tree.this
    params = index.args.get("params") if isinstance(index, exp.Index) else None
    if not isinstance(params, exp.IndexParameters):
        return
    params.set("with_storage", None)
    params.set("on", None)
    if not includes:
        params.set("include", None)
    where = params.args.get("where")
    if filters or where is None:
        return
    if tree.args.get("unique") and not _only_not_null(where.this, _key_columns(params)):
        raise CompileError(
            "CREATE UNIQUE INDEX … WHERE: this engine has no filtered indexes; a unique "
            "index filtered on anything but its key columns IS NOT NULL is not emulated",
            "CREATE UNIQUE INDEX … WHERE",
            word="WHERE",
        )
    params.set("where", None)


def _key_columns(params: exp.IndexParameters) -> set[str]:
    columns = set()
    for item in params.args.get("columns") or []:
        column = item.this if isinstance(item, exp.Ordered) else item
        if isinstance(column, exp.Column):
            columns.add(column.name.lower())
    return columns


def _only_not_null(condition: exp.Expression, keys: set[str]) -> bool:
    """Whether ``condition`` is ``k IS NOT NULL [AND …]`` over key columns only."""
    if isinstance(condition, exp.Paren):
        return _only_not_null(condition.this, keys)
    if isinstance(condition, exp.And):
        return _only_not_null(condition.this, keys) and _only_not_null(condition.expression, keys)
    if isinstance(condition, exp.Not) and isinstance(condition.this, exp.Is):
        tested = condition.this
        return (
            isinstance(tested.this, exp.Column)
            and isinstance(tested.expression, exp.Null)
            and tested.this.name.lower() in keys
        )
    return False
