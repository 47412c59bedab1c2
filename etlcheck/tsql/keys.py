"""PRIMARY KEY and UNIQUE constraints that the interpreter enforces itself.

An emulation may keep a table's keys out of the engine's DDL (DuckDB's key indexes
cost more than the statements that fill the tables) and record them with the table
instead. The interpreter then checks the keys after each statement that writes such
a table, inside a transaction, and fails the statement with SQL Server's error 2627
when a key repeats. Comparisons follow the session's collation, so keys are
case-insensitive, as under SQL Server's default collation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlglot import exp

PRIMARY_KEY = "PRIMARY KEY"
UNIQUE = "UNIQUE"
_MARKER = "etlcheck:"


class UnsupportedKey(Exception):
    """A key option the interpreter cannot honour (``construct`` names it, ``reason`` says
    why, ``word`` is the token of the statement that shows it)."""

    def __init__(self, construct: str, reason: str = "", word: str = "") -> None:
        super().__init__(construct)
        self.construct = construct
        self.reason = reason
        self.word = word

    @property
    def message(self) -> str:
        return (
            f"{self.construct}: {self.reason}"
            if self.reason
            else (f"{self.construct} on a key is not supported")
        )


@dataclass(frozen=True)
class Key:
    """One PRIMARY KEY or UNIQUE constraint of a table."""

    name: str
    kind: str
    columns: tuple[str, ...]

    def can_repeat(self, written: Written) -> bool:
        """Whether the statement that writes ``written`` can repeat this key: an UPDATE
        only when it sets a key column; any INSERT, even one that leaves an IDENTITY key
        to the table (the emulated IDENTITY does not skip past rows inserted under SET
        IDENTITY_INSERT, as SQL Server's does, so it can repeat one); a DELETE never."""
        if written.deletes:
            return False
        if written.columns is None or written.inserts:
            return True
        wanted = {column.lower() for column in self.columns}
        return any(column.lower() in wanted for column in written.columns)


@dataclass(frozen=True)
class Written:
    """The table a DML statement writes: as the dialect names it, and as the catalog
    knows it (schema ``#`` for temp tables); ``columns`` are those an UPDATE sets."""

    table_sql: str
    schema: str
    name: str
    columns: tuple[str, ...] | None = None
    """The columns an UPDATE sets or an INSERT lists; None for any (MERGE, no list)."""
    inserts: bool = False
    deletes: bool = False
    verb: str = "INSERT"
    """The statement as SQL Server's messages name it: INSERT, UPDATE, DELETE or MERGE."""


def encode_keys(keys: tuple[Key, ...], foreign_keys: list[dict[str, object]] | None = None) -> str:
    """The table comment that records ``keys`` (and the table's foreign keys, as
    ``etlcheck.tsql.foreign_keys`` writes them)."""
    payload = [{"name": k.name, "kind": k.kind, "columns": list(k.columns)} for k in keys]
    recorded: dict[str, object] = {"keys": payload}
    if foreign_keys:
        recorded["foreign_keys"] = foreign_keys
    return _MARKER + json.dumps(recorded, separators=(",", ":"))


def recorded_entries(comment: str | None, part: str) -> list[dict[str, object]]:
    """The entries a table comment records under ``part`` (none for any other comment)."""
    if not comment or not comment.startswith(_MARKER):
        return []
    try:
        entries = json.loads(comment[len(_MARKER) :]).get(part) or []
    except (ValueError, AttributeError):
        return []
    return [entry for entry in entries if isinstance(entry, dict)]


def decode_keys(comment: str | None) -> tuple[Key, ...]:
    """The keys a table comment records (none for any other comment)."""
    if not comment or not comment.startswith(_MARKER):
        return ()
    try:
        entries = json.loads(comment[len(_MARKER) :])["keys"]
        return tuple(
            Key(
                str(e["name"]),
                str(e["kind"]),
                tuple(str(c) for c in e["columns"]),
            )
            for e in entries
        )
    except (ValueError, KeyError, TypeError):
        return ()


def take_keys(schema: exp.Schema, table_name: str) -> tuple[Key, ...]:
    """Remove the PRIMARY KEY and UNIQUE constraints from a CREATE TABLE column list and
    return them; primary key columns become NOT NULL, as SQL Server makes them."""
    keys: list[Key] = []
    columns = {
        column.name.lower(): column
        for column in schema.expressions
        if isinstance(column, exp.ColumnDef)
    }
    for definition in list(schema.expressions):
        if isinstance(definition, exp.ColumnDef):
            for constraint in list(definition.constraints):
                kind = _kind(constraint.args.get("kind"))
                if kind is None:
                    continue
                name = constraint.name or _default_name(kind, table_name)
                keys.append(Key(name, kind, (definition.name,)))
                constraint.pop()
            continue
        found = _table_key(definition)
        if found is None:
            continue
        kind, key_columns = found
        name = definition.name if isinstance(definition, exp.Constraint) else ""
        keys.append(Key(name or _default_name(kind, table_name), kind, key_columns))
        definition.pop()
    for key in keys:
        if key.kind == PRIMARY_KEY:
            for column_name in key.columns:
                column = columns.get(column_name.lower())
                if column is not None:
                    _make_not_null(column)
    return tuple(keys)


def _kind(node: exp.Expression | None) -> str | None:
    if isinstance(node, (exp.PrimaryKeyColumnConstraint, exp.PrimaryKey)):
        return PRIMARY_KEY
    if isinstance(node, exp.UniqueColumnConstraint):
        return UNIQUE
    return None


def _table_key(definition: exp.Expression) -> tuple[str, tuple[str, ...]] | None:
    """``(kind, columns)`` of a table-level key, or None for anything else."""
    parts = definition.expressions if isinstance(definition, exp.Constraint) else [definition]
    kind = next((k for k in map(_kind, parts) if k is not None), None)
    if kind is None:
        return None
    _refuse_options(definition)
    return kind, tuple(name for part in parts for name in _key_columns(part))


def _key_columns(node: exp.Expression | None) -> list[str]:
    """The columns a key part lists; not its index options or its ``ON [filegroup]``."""
    if isinstance(node, exp.UniqueColumnConstraint):
        return _key_columns(node.this)
    if isinstance(node, (exp.ClusteredColumnConstraint, exp.NonClusteredColumnConstraint)):
        items = node.this if isinstance(node.this, list) else [node.this]
    elif isinstance(node, (exp.PrimaryKey, exp.Schema)):
        items = node.expressions
    else:
        return []
    names = []
    for item in items:
        column = item.this if isinstance(item, exp.Ordered) else item
        if isinstance(column, (exp.Column, exp.Identifier)):
            names.append(column.name)
    return names


def _refuse_options(definition: exp.Expression) -> None:
    for option in definition.find_all(exp.Property):
        name = option.this.name.upper() if isinstance(option.this, exp.Expression) else ""
        value = option.args.get("value")
        on = isinstance(value, exp.Expression) and value.name.upper() == "ON"
        if name == "IGNORE_DUP_KEY" and on:
            raise UnsupportedKey("IGNORE_DUP_KEY = ON")


def _make_not_null(column: exp.ColumnDef) -> None:
    constraints = column.args.get("constraints") or []
    for constraint in constraints:
        kind = constraint.args.get("kind")
        if isinstance(kind, exp.NotNullColumnConstraint) and not kind.args.get("allow_null"):
            return
    column.append("constraints", exp.ColumnConstraint(kind=exp.NotNullColumnConstraint()))


def _default_name(kind: str, table: str) -> str:
    return f"{'PK' if kind == PRIMARY_KEY else 'UQ'}__{table.lstrip('#')}"


def duplicate_sql(table_sql: str, key: Key, row_id: str, quote: str = '"') -> str:
    """A repeated value of ``key`` in ``table_sql`` as its newest row spells it, or none."""
    names = [quote + c.replace(quote, quote * 2) + quote for c in key.columns]
    columns = ", ".join(names)
    newest = ", ".join(f"arg_max({name}, {row_id})" for name in names)
    return f"SELECT {newest} FROM {table_sql} GROUP BY {columns} HAVING count(*) > 1 LIMIT 1"


def repeats_sql(table_sql: str, key: Key, quote: str = '"') -> str:
    """How many rows repeat an earlier row's value of ``key`` (0 when the key holds)."""
    columns = ", ".join(quote + c.replace(quote, quote * 2) + quote for c in key.columns)
    if len(key.columns) == 1:
        # count(DISTINCT) skips NULLs; SQL Server's UNIQUE allows a single one.
        return (
            f"SELECT count({columns}) - count(DISTINCT {columns}) "
            f"+ greatest(count(*) - count({columns}) - 1, 0) FROM {table_sql}"
        )
    # DISTINCT over a row compares its strings under the session's collation, and its
    # NULLs as equal, as SQL Server's UNIQUE does; a third faster than SELECT DISTINCT.
    return f"SELECT count(*) - count(DISTINCT ({columns})) FROM {table_sql}"


def violation_message(key: Key, object_name: str, values: tuple[object, ...]) -> str:
    """SQL Server's message 2627 for a repeated key value."""
    constraint = "PRIMARY KEY" if key.kind == PRIMARY_KEY else "UNIQUE KEY"
    shown = ", ".join("<NULL>" if value is None else str(value) for value in values)
    return (
        f"Violation of {constraint} constraint '{key.name}'. Cannot insert duplicate key "
        f"in object '{object_name}'. The duplicate key value is ({shown})."
    )
