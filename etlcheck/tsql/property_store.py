"""Extended properties kept in the database, in ``sys.etlcheck_extended_properties``, so
they live across steps and sessions as SQL Server's metadata does and a ROLLBACK undoes
them with the rest of the transaction.

A row names what it is on by the names the catalog spells (schema, object, column or
parameter), with SQL Server's class (0 database, 1 object or column, 2 parameter, 3
schema). SQL Server ties a property to its object's id, so a property goes with its
object: the emulation deletes the rows of a table, view, column, routine or schema when
the interpreter drops it (``forget_sql``) and when etlcheck drops a schema itself. The
value is kept as text with the type it was passed as (``nvarchar``, ``int``...).

Each engine creates the table (and ``sys.extended_properties``,
``sys.fn_listextendedproperty``) where it installs its catalog emulation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlglot import exp

from etlcheck.tsql.plan import table_name

if TYPE_CHECKING:
    from etlcheck.tsql.target import SqlTarget

TABLE = "sys.etlcheck_extended_properties"
COLUMNS = (
    "class, schema_name, object_name, object_type, minor_type, minor_name, minor_id, "
    "name, value, value_type"
)
DATABASE, OBJECT_OR_COLUMN, PARAMETER, SCHEMA = 0, 1, 2, 3
KIND = "extended property"
"""The kind of object a fingerprint lists a property as."""

Literal = Callable[[object], str]
"""A Python value as a SQL literal of the target's dialect."""


@dataclass(frozen=True)
class PropertyOwner:
    """What a property is on, spelled as the catalog spells it."""

    kind: int
    """SQL Server's class: ``DATABASE``, ``OBJECT_OR_COLUMN``, ``PARAMETER`` or ``SCHEMA``."""
    schema: str | None = None
    object_name: str | None = None
    object_type: str | None = None
    """``TABLE``, ``VIEW``, ``PROCEDURE``, ``FUNCTION`` or ``SEQUENCE``."""
    minor_type: str | None = None
    """``COLUMN`` or ``PARAMETER``, for a property on one."""
    minor_name: str | None = None
    minor_id: int = 0
    """A parameter's position (a column's id is read from the catalog)."""


@dataclass(frozen=True)
class PropertyValue:
    """A ``sql_variant`` value: its text, and the type it was passed as (None for NULL)."""

    text: str | None
    type_name: str | None


class PropertyStore:
    """Adds, updates and drops the properties of one database."""

    def __init__(self, target: SqlTarget, literal: Literal) -> None:
        self.target = target
        self.literal = literal

    def add(self, owner: PropertyOwner, name: str, value: PropertyValue) -> bool:
        """Add the property; False when ``owner`` already has one of that name."""
        values = ", ".join(
            self.literal(item)
            for item in (
                owner.kind,
                owner.schema,
                owner.object_name,
                owner.object_type,
                owner.minor_type,
                owner.minor_name,
                owner.minor_id,
                name,
                value.text,
                value.type_name,
            )
        )
        match = self._match(owner, name)
        added = self.target.execute(
            f"INSERT INTO {TABLE} ({COLUMNS}) SELECT {values} "
            f"WHERE NOT EXISTS (SELECT 1 FROM {TABLE} WHERE {match})"
        )
        return added > 0

    def update(self, owner: PropertyOwner, name: str, value: PropertyValue) -> bool:
        """Set the property's value; False when ``owner`` has no property of that name."""
        updated = self.target.execute(
            f"UPDATE {TABLE} SET value = {self.literal(value.text)}, "
            f"value_type = {self.literal(value.type_name)} WHERE {self._match(owner, name)}"
        )
        return updated > 0

    def drop(self, owner: PropertyOwner, name: str) -> bool:
        """Drop the property; False when ``owner`` has no property of that name."""
        dropped = self.target.execute(f"DELETE FROM {TABLE} WHERE {self._match(owner, name)}")
        return dropped > 0

    def _match(self, owner: PropertyOwner, name: str) -> str:
        parts = [f"class = {int(owner.kind)}"]
        parts += [
            _same(self.literal, column, value)
            for column, value in (
                ("schema_name", owner.schema),
                ("object_name", owner.object_name),
                ("minor_name", owner.minor_name),
                ("name", name),
            )
        ]
        minor = owner.minor_type
        parts.append("minor_type IS NULL" if minor is None else f"minor_type = '{minor}'")
        return " AND ".join(parts)


def _same(literal: Literal, column: str, value: str | None) -> str:
    """``column`` equals ``value`` as SQL Server compares names (case ignored), or both NULL."""
    if value is None:
        return f"{column} IS NULL"
    return f"lower({column}) = lower({literal(value)})"


def forget_sql(
    literal: Literal,
    schema: str,
    object_name: str | None = None,
    column: str | None = None,
) -> str:
    """The statement that deletes the properties a dropped schema, object or column took
    with it (a schema's, or an object's with its columns' and parameters')."""
    parts = [_same(literal, "schema_name", schema)]
    if object_name is not None:
        parts.append(_same(literal, "object_name", object_name))
    if column is not None:
        parts += ["minor_type = 'COLUMN'", _same(literal, "minor_name", column)]
    return f"DELETE FROM {TABLE} WHERE " + " AND ".join(parts)


def renamed_sql(
    literal: Literal, schema: str, object_name: str, new_name: str, column: str | None = None
) -> str:
    """The statement that moves the properties of a renamed table (with its columns') or,
    given ``column``, of a renamed column: SQL Server ties them to the id, not the name."""
    where = [_same(literal, "schema_name", schema), _same(literal, "object_name", object_name)]
    where.append(f"class = {OBJECT_OR_COLUMN}")
    if column is None:
        change = f"object_name = {literal(new_name)}"
    else:
        change = f"minor_name = {literal(new_name)}"
        where += ["minor_type = 'COLUMN'", _same(literal, "minor_name", column)]
    return f"UPDATE {TABLE} SET {change} WHERE " + " AND ".join(where)


def dropped_with(tree: exp.Expression, literal: Literal) -> list[str]:
    """The statements that forget what a DROP TABLE / VIEW / SEQUENCE / SCHEMA or an ALTER
    TABLE ... DROP COLUMN statement (a T-SQL tree) takes with it."""
    if isinstance(tree, exp.Drop):
        kind = (tree.args.get("kind") or "").upper()
        tables = [table for table in tree.args.get("tables") or [] if isinstance(table, exp.Table)]
        if kind == "SCHEMA":
            return [forget_sql(literal, table.db or table.name) for table in tables]
        if kind not in ("TABLE", "VIEW", "SEQUENCE"):
            return []
        names = [table_name(table) for table in tables]
        return [forget_sql(literal, *name) for name in names if name and name[0] != "#"]
    name = table_name(tree.this) if isinstance(tree, exp.Alter) else None
    if name is None or name[0] == "#":
        return []
    statements = []
    for action in tree.args.get("actions") or []:
        if isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == "COLUMN":
            for column in action.args.get("tables") or []:
                statements.append(forget_sql(literal, *name, column=column.name))
    return statements


def copy_sql(literal: Literal, source: str, target: str, tables: Sequence[str]) -> list[str]:
    """The statements that give sandbox schema ``target`` the properties production's
    ``source`` has on itself and on the ``tables`` cloned from it (and their columns)."""
    names = ", ".join(f"lower({literal(table)})" for table in tables) or "NULL"
    copied = f"class = {SCHEMA} OR (object_type = 'TABLE' AND lower(object_name) IN ({names}))"
    source_rows = f"{_same(literal, 'schema_name', source)} AND ({copied})"
    columns = COLUMNS.replace("schema_name", f"{literal(target)}")
    return [
        f"DELETE FROM {TABLE} WHERE {_same(literal, 'schema_name', target)} AND ({copied})",
        f"INSERT INTO {TABLE} ({COLUMNS}) SELECT {columns} FROM {TABLE} WHERE {source_rows}",
    ]


def inventory_sql(schemas: Sequence[str], literal: Callable[[str], str]) -> str:
    """Rows ``(schema_name, object_name, kind, object_id, definition)`` for a fingerprint of
    ``schemas``: one per property of a schema, of an object in it or of a column, named
    ``object.column [property]``, with its type and value as its definition; and one per
    property of the database in each of ``schemas``, as it belongs to every schema's
    database. One scan of the (small) table."""
    wanted = ", ".join(f"({literal(schema.lower())})" for schema in schemas) or "(NULL)"
    definition = "coalesce(p.value_type, 'null') || ':' || coalesce(p.value, '')"
    on = (
        f"CASE WHEN p.class = {DATABASE} THEN '(database) ' WHEN p.class = {SCHEMA} THEN '' "
        "ELSE p.object_name || coalesce('.' || p.minor_name, '') || ' ' END"
    )
    return (
        f"SELECT CAST(CASE WHEN p.class = {DATABASE} THEN s.name ELSE p.schema_name END "
        f"AS VARCHAR), CAST({on} || '[' || p.name || ']' AS VARCHAR), '{KIND}', "
        f"CAST(NULL AS BIGINT), CAST({definition} AS VARCHAR) FROM {TABLE} AS p "
        f"JOIN (VALUES {wanted}) AS s (name) "
        f"ON p.class = {DATABASE} OR lower(p.schema_name) = s.name"
    )
