"""``INSERT INTO t (...) SELECT ... FROM (MERGE ... OUTPUT ...) AS changes [WHERE ...]``,
SQL Server's composable DML, as a type 2 dimension's load writes it: the MERGE closes the
changed rows and the INSERT around it adds their new versions from the OUTPUT rows.

The engines cannot read rows from a statement that writes, so the statement becomes its
MERGE, whose OUTPUT rows are read after it (``emulation.merge_rows``), then the INSERT
reading those rows in place of the MERGE; one transaction (of its own outside one), and
``@@ROWCOUNT`` is the INSERT's, as SQL Server's. Any other statement around DML stays
refused (``emulation.support``).
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.parsing import CompileError

COMPOSED = "etlcheck_composed"
"""``meta`` of a MERGE whose OUTPUT rows an INSERT around it reads."""
ROWS = "__etlcheck_merge_rows"
"""The table the INSERT reads while it is planned, for the MERGE's OUTPUT rows."""


def split_composed(tree: exp.Expression) -> tuple[exp.Insert, exp.Merge] | None:
    """The INSERT (reading ``ROWS AS changes``) and the MERGE of composable DML, or None."""
    if not isinstance(tree, exp.Insert):
        return None
    select = tree.expression
    if not isinstance(select, exp.Select) or select.args.get("joins"):
        return None
    source = select.args.get("from_")
    subquery = source.this if isinstance(source, exp.From) else None
    if not isinstance(subquery, exp.Subquery) or not isinstance(subquery.this, exp.Merge):
        return None
    merge = subquery.this
    output = merge.args.get("returning")
    if not isinstance(output, exp.Returning) or output.args.get("into"):
        return None
    if tree.args.get("returning") is not None or tree.args.get("with_") is not None:
        raise CompileError(
            "INSERT … SELECT … FROM (MERGE … OUTPUT …) with an OUTPUT or WITH of its own is "
            "not supported",
            "MERGE inside another statement",
            word="MERGE",
        )
    merge.pop()
    merge.meta[COMPOSED] = True
    rows = exp.Table(this=exp.to_identifier(ROWS), alias=subquery.args.get("alias"))
    subquery.replace(rows)
    return tree, merge


def put_rows(tree: exp.Expression, query: exp.Expression) -> None:
    """The MERGE's OUTPUT rows (``query``) in place of ``ROWS`` in the planned INSERT."""
    for table in tree.find_all(exp.Table):
        if table.name == ROWS:
            alias = table.args.get("alias")
            table.replace(exp.Subquery(this=query, alias=alias))
            return
    raise AssertionError("the INSERT lost the MERGE's rows")
