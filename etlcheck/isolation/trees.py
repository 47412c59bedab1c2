"""What a sqlglot tree says about a statement: where its tables are, and which names are
local to it (CTEs, table aliases). Offsets are shifted into the batch."""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

_NOT_OBJECTS = frozenset({"DATABASE", "SCHEMA", "INDEX", "CONSTRAINT"})
"""``CREATE``/``DROP`` kinds whose name is no schema-scoped object."""


@dataclass(frozen=True)
class TreeHints:
    """Batch offsets of table names, of tables that carry an alias, and local names."""

    objects: frozenset[int]
    aliased: frozenset[int]
    ctes: frozenset[str]
    aliases: frozenset[str]


def tree_hints(tree: exp.Expr, shift: int) -> TreeHints:
    objects: set[int] = set()
    aliased: set[int] = set()
    ctes: set[str] = set()
    aliases: set[str] = set()
    for node in tree.walk():
        if isinstance(node, exp.CTE):
            ctes.add(node.alias.lower())
        elif isinstance(node, exp.TableAlias) and node.name:
            if not isinstance(node.parent, exp.CTE):
                aliases.add(node.name.lower())
        elif isinstance(node, exp.Table):
            start = _table_start(node)
            if start is None or not _is_object(node):
                continue
            objects.add(start + shift)
            if node.alias:
                aliased.add(start + shift)
    return TreeHints(frozenset(objects), frozenset(aliased), frozenset(ctes), frozenset(aliases))


def _table_start(table: exp.Table) -> int | None:
    name = table.this
    while isinstance(name, exp.Dot):
        name = name.expression
    if isinstance(name, exp.Identifier) and "start" in name.meta:
        return int(name.meta["start"])
    return None


def _is_object(table: exp.Table) -> bool:
    parent = table.parent
    if isinstance(parent, exp.Use):
        return False
    if isinstance(parent, exp.Create | exp.Drop):
        return str(parent.args.get("kind") or "").upper() not in _NOT_OBJECTS
    return True
