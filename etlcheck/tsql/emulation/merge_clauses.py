"""SQL Server's rules for a MERGE's ``WHEN NOT MATCHED BY SOURCE`` clauses: at most two, the
first of two with an AND condition, one UPDATE and the other DELETE, reading the target's
columns only. A script that breaks them does not compile on SQL Server; here it is refused
on every engine (an engine would run it some way of its own)."""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.parsing import CompileError

_CONSTRUCT = "WHEN NOT MATCHED BY SOURCE"


def _refuse(why: str) -> CompileError:
    return CompileError(f"MERGE ... {_CONSTRUCT}: {why}", _CONSTRUCT)


def check_by_source(merge: exp.Merge) -> None:
    """Refuse the BY SOURCE clauses SQL Server refuses, rather than run them otherwise."""
    whens = merge.args.get("whens")
    clauses = [when for when in whens.expressions if when.args.get("source")] if whens else []
    kinds = [_kind(when) for when in clauses]
    if len(clauses) > 2:
        raise _refuse("a MERGE has at most two such clauses")
    if len(clauses) == 2 and clauses[0].args.get("condition") is None:
        raise _refuse("the first of two such clauses needs an AND condition")
    if len(clauses) == 2 and kinds[0] == kinds[1]:
        raise _refuse("of two such clauses, one UPDATEs and the other DELETEs")
    source = merge.args.get("using")
    name = source.alias_or_name.lower() if isinstance(source, exp.Expression) else ""
    if name == merge.this.alias_or_name.lower():
        name = ""  # the same name for both: the column is the target's
    for when in clauses:
        for column in when.find_all(exp.Column):
            if name and column.table.lower() == name:
                raise _refuse(
                    f"{column.sql(dialect='tsql')}: such a clause reads the target's columns only"
                )


def _kind(when: exp.When) -> str:
    then = when.args.get("then")
    if isinstance(then, exp.Update):
        return "UPDATE"
    if isinstance(then, exp.Var) and then.name.upper() == "DELETE":
        return "DELETE"
    raise _refuse("the action is UPDATE or DELETE")
