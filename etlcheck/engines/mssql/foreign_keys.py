"""Production's FOREIGN KEYs recreated between the sandbox copies of a SQL Server clone.

Read from ``sys.foreign_keys`` and ``sys.foreign_key_columns`` (columns in key order), then
added once every copy holds its rows (so a child's rows never wait for a parent copied
after it), parents' keys first. Each refers to the copy of its parent; a key whose parent
was not copied is left out, because it would refer to production. The copy keeps what
production says of the key: its referential actions, ``NOT FOR REPLICATION``, and whether
it is trusted (``WITH CHECK``: the copied rows are checked, as production's were) or
switched off (``NOCHECK CONSTRAINT``)."""

from __future__ import annotations

import graphlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

TableCopy = tuple[str, str, str]
"""``(schema, table, sandbox schema)`` as the clone is asked for it."""


@dataclass(frozen=True)
class ForeignKeyDefinition:
    """One production FOREIGN KEY as SQL Server's catalog describes it."""

    name: str
    schema: str
    table: str
    parent_schema: str
    parent_table: str
    columns: tuple[str, ...]
    parent_columns: tuple[str, ...]
    on_delete: str = "NO ACTION"
    on_update: str = "NO ACTION"
    disabled: bool = False
    trusted: bool = True
    not_for_replication: bool = False


def foreign_keys_sql(schemas: Iterable[str]) -> str:
    """The FOREIGN KEYs of the tables of ``schemas``: one row per column of a key."""
    names = ", ".join("N" + sql_literal(schema.lower()) for schema in schemas)
    return (
        "SELECT fk.name, cs.name, ct.name, ps.name, pt.name, fkc.constraint_column_id, "
        "cc.name, pc.name, fk.delete_referential_action_desc, "
        "fk.update_referential_action_desc, fk.is_disabled, fk.is_not_trusted, "
        "fk.is_not_for_replication "
        "FROM sys.foreign_keys AS fk "
        "JOIN sys.tables AS ct ON ct.object_id = fk.parent_object_id "
        "JOIN sys.schemas AS cs ON cs.schema_id = ct.schema_id "
        "JOIN sys.tables AS pt ON pt.object_id = fk.referenced_object_id "
        "JOIN sys.schemas AS ps ON ps.schema_id = pt.schema_id "
        "JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id "
        "JOIN sys.columns AS cc "
        "ON cc.object_id = fkc.parent_object_id AND cc.column_id = fkc.parent_column_id "
        "JOIN sys.columns AS pc "
        "ON pc.object_id = fkc.referenced_object_id AND pc.column_id = fkc.referenced_column_id "
        f"WHERE LOWER(cs.name) IN ({names}) "
        "ORDER BY cs.name, ct.name, fk.name, fkc.constraint_column_id"
    )


def foreign_keys_from_rows(rows: Sequence[Sequence[Any]]) -> tuple[ForeignKeyDefinition, ...]:
    """The keys the rows of :func:`foreign_keys_sql` describe, in the rows' order."""
    found: dict[tuple[str, str, str], ForeignKeyDefinition] = {}
    for row in rows:
        name, schema, table, parent_schema, parent_table = (str(value) for value in row[:5])
        column, parent_column = str(row[6]), str(row[7])
        delete, update, disabled, not_trusted, not_for_replication = row[8:13]
        key = (schema.lower(), table.lower(), name.lower())
        known = found.get(key)
        if known is not None:
            found[key] = ForeignKeyDefinition(
                known.name,
                known.schema,
                known.table,
                known.parent_schema,
                known.parent_table,
                (*known.columns, column),
                (*known.parent_columns, parent_column),
                known.on_delete,
                known.on_update,
                known.disabled,
                known.trusted,
                known.not_for_replication,
            )
            continue
        found[key] = ForeignKeyDefinition(
            name,
            schema,
            table,
            parent_schema,
            parent_table,
            (column,),
            (parent_column,),
            _action(delete),
            _action(update),
            bool(disabled),
            not bool(not_trusted),
            bool(not_for_replication),
        )
    return tuple(found.values())


def _action(desc: object) -> str:
    """``NO_ACTION`` / ``SET_NULL``... as the DDL spells it."""
    return str(desc or "NO_ACTION").replace("_", " ").upper()


def _quote(name: str) -> str:
    return "[" + name.replace("]", "]]") + "]"


def _names(columns: Sequence[str]) -> str:
    return ", ".join(_quote(column) for column in columns)


def clone_statements(
    keys: Sequence[ForeignKeyDefinition], copies: Sequence[TableCopy]
) -> list[str]:
    """The statements that add ``keys`` between the copies, parents' keys first."""
    target = {(schema.lower(), table.lower()): sandbox for schema, table, sandbox in copies}
    kept = [
        key
        for key in keys
        if (key.schema.lower(), key.table.lower()) in target
        and (key.parent_schema.lower(), key.parent_table.lower()) in target
    ]
    statements: list[str] = []
    for key in _parents_first(kept):
        child = f"{_quote(target[(key.schema.lower(), key.table.lower())])}.{_quote(key.table)}"
        parent_schema = target[(key.parent_schema.lower(), key.parent_table.lower())]
        parent = f"{_quote(parent_schema)}.{_quote(key.parent_table)}"
        check = "CHECK" if key.trusted and not key.disabled else "NOCHECK"
        statement = (
            f"ALTER TABLE {child} WITH {check} ADD CONSTRAINT {_quote(key.name)} "
            f"FOREIGN KEY ({_names(key.columns)}) REFERENCES {parent} "
            f"({_names(key.parent_columns)})"
        )
        if key.on_delete != "NO ACTION":
            statement += f" ON DELETE {key.on_delete}"
        if key.on_update != "NO ACTION":
            statement += f" ON UPDATE {key.on_update}"
        if key.not_for_replication:
            statement += " NOT FOR REPLICATION"
        statements.append(statement)
        if key.disabled:
            statements.append(f"ALTER TABLE {child} NOCHECK CONSTRAINT {_quote(key.name)}")
    return statements


def _parents_first(keys: list[ForeignKeyDefinition]) -> list[ForeignKeyDefinition]:
    """``keys`` ordered so that a table's keys come after those of the tables it refers
    to (a cycle, or a table referring to itself, keeps the catalog's order there)."""
    graph: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for key in keys:
        child = (key.schema.lower(), key.table.lower())
        parent = (key.parent_schema.lower(), key.parent_table.lower())
        graph.setdefault(child, set())
        if parent != child:
            graph[child].add(parent)
    try:
        order = list(graph_order(graph))
    except graphlib.CycleError:
        return keys
    rank = {table: index for index, table in enumerate(order)}
    return sorted(keys, key=lambda key: rank[(key.schema.lower(), key.table.lower())])


def graph_order(graph: dict[tuple[str, str], set[tuple[str, str]]]) -> list[tuple[str, str]]:
    """Tables in an order where each comes after those it refers to; ties by name."""
    sorter = graphlib.TopologicalSorter(graph)
    sorter.prepare()
    order: list[tuple[str, str]] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        order.extend(ready)
        sorter.done(*ready)
    return order


def clone_foreign_keys(engine: Engine, copies: Sequence[TableCopy]) -> None:
    """Add production's FOREIGN KEYs between the copies (see the module docstring)."""
    if not copies:
        return
    schemas = sorted({schema.lower() for schema, _, _ in copies})
    keys = foreign_keys_from_rows(engine.query(foreign_keys_sql(schemas)).rows)
    for statement in clone_statements(keys, copies):
        engine.execute(statement)
