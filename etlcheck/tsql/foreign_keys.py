"""FOREIGN KEY constraints that the interpreter enforces itself.

Where an emulation keeps PRIMARY KEY and UNIQUE out of the engine's DDL
(``etlcheck.tsql.keys``), a real FOREIGN KEY would have nothing to reference, so the
foreign keys are recorded with the child table as well, in the same table comment.
The interpreter checks them after each statement that writes the child (INSERT, UPDATE,
MERGE) or the parent (DELETE, UPDATE, MERGE), and fails the statement with SQL Server's
error 547; TRUNCATE and DROP of a referenced table fail as on SQL Server (4712, 3726).
Only NO ACTION is enforced: a cascading action is refused before anything runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from etlcheck.tsql.keys import Key, UnsupportedKey, decode_keys, encode_keys, recorded_entries
from etlcheck.tsql.table_names import DEFAULT_SCHEMA, TableName

CONFLICT = 547
TRUNCATE_REFUSED = 4712
DROP_REFUSED = 3726


@dataclass(frozen=True)
class ForeignKey:
    """One FOREIGN KEY of a child table: its columns refer to ``parent_columns`` of the
    table ``parent_schema.parent_name``."""

    name: str
    columns: tuple[str, ...]
    parent_schema: str
    parent_name: str
    parent_columns: tuple[str, ...]
    enabled: bool = True
    """False after ``ALTER TABLE ... NOCHECK CONSTRAINT``: not checked."""

    @property
    def parent(self) -> TableName:
        return self.parent_schema, self.parent_name

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "columns": list(self.columns),
            "parent": [self.parent_schema, self.parent_name],
            "parent_columns": list(self.parent_columns),
            "enabled": self.enabled,
        }

    @classmethod
    def from_json(cls, entry: dict[str, object]) -> ForeignKey:
        parent = entry["parent"]
        columns = entry["columns"]
        parent_columns = entry["parent_columns"]
        if not (
            isinstance(parent, list)
            and isinstance(columns, list)
            and isinstance(parent_columns, list)
        ):
            raise KeyError("a foreign key entry without its columns")
        return cls(
            str(entry["name"]),
            tuple(str(c) for c in columns),
            str(parent[0]),
            str(parent[1]),
            tuple(str(c) for c in parent_columns),
            bool(entry.get("enabled", True)),
        )

    def moved(self, parent_schema: str) -> ForeignKey:
        """This key referring to the table of the same name in ``parent_schema``."""
        return ForeignKey(
            self.name,
            self.columns,
            parent_schema,
            self.parent_name,
            self.parent_columns,
            self.enabled,
        )


def encode_table(keys: tuple[Key, ...], foreign_keys: tuple[ForeignKey, ...]) -> str:
    """The table comment that records a table's keys and foreign keys."""
    return encode_keys(keys, [key.to_json() for key in foreign_keys])


def decode_foreign_keys(comment: str | None) -> tuple[ForeignKey, ...]:
    """The foreign keys a table comment records (none for any other comment)."""
    found = []
    for entry in recorded_entries(comment, "foreign_keys"):
        try:
            found.append(ForeignKey.from_json(entry))
        except (KeyError, IndexError):
            continue
    return tuple(found)


def retarget_comment(comment: str, copies: dict[TableName, str]) -> str:
    """A cloned table's comment: its foreign keys refer to the copies of their parents
    (``copies`` maps ``(schema, table)``, lower case, to the copy's schema); one whose
    parent was not copied is left out, so that no copy refers to production."""
    foreign_keys = decode_foreign_keys(comment)
    if not foreign_keys:
        return comment
    kept = []
    for key in foreign_keys:
        target = copies.get((key.parent_schema.lower(), key.parent_name.lower()))
        if target is not None:
            kept.append(key.moved(target))
    return encode_table(decode_keys(comment), tuple(kept))


def take_foreign_keys(schema: exp.Schema, table_name: str) -> tuple[ForeignKey, ...]:
    """Remove the FOREIGN KEY constraints (column-level ``REFERENCES`` and table-level
    ``[CONSTRAINT n] FOREIGN KEY``) from a CREATE TABLE column list and return them."""
    found: list[ForeignKey] = []
    for definition in list(schema.expressions):
        if isinstance(definition, exp.ColumnDef):
            for constraint in list(definition.constraints):
                reference = constraint.args.get("kind")
                if isinstance(reference, exp.ForeignKey):  # c INT FOREIGN KEY REFERENCES t
                    reference = reference.args.get("reference")
                if not isinstance(reference, exp.Reference):
                    continue
                name = constraint.name or default_name(table_name, definition.name)
                found.append(_foreign_key(name, (definition.name,), reference))
                constraint.pop()
            continue
        key = foreign_key_of(definition, table_name)
        if key is not None:
            found.append(key)
            definition.pop()
    return tuple(found)


def foreign_key_of(definition: exp.Expression, table_name: str) -> ForeignKey | None:
    """The FOREIGN KEY a table-level constraint declares, or None for any other one."""
    parts = definition.expressions if isinstance(definition, exp.Constraint) else [definition]
    foreign = next((part for part in parts if isinstance(part, exp.ForeignKey)), None)
    if foreign is None:
        return None
    columns = tuple(column.name for column in foreign.expressions)
    reference = foreign.args.get("reference")
    if not isinstance(reference, exp.Reference):
        raise UnsupportedKey("FOREIGN KEY without REFERENCES", "name the parent table")
    name = definition.name if isinstance(definition, exp.Constraint) else ""
    return _foreign_key(name or default_name(table_name, columns[0]), columns, reference)


def _foreign_key(name: str, columns: tuple[str, ...], reference: exp.Reference) -> ForeignKey:
    for option in reference.args.get("options") or []:
        text = " ".join(str(option).upper().split())
        if not text.endswith("NO ACTION"):
            raise UnsupportedKey(
                f"FOREIGN KEY ... {text}",
                "only NO ACTION (the default) is enforced on this engine",
                "CASCADE" if text.endswith("CASCADE") else "SET",
            )
    target = reference.this
    table = target.this if isinstance(target, exp.Schema) else target
    if not isinstance(table, exp.Table) or table.catalog:
        raise UnsupportedKey(
            "FOREIGN KEY to a table of another database", "SQL Server refuses it too (1763)"
        )
    parent_columns = (
        tuple(column.name for column in target.expressions)
        if isinstance(target, exp.Schema)
        else ()
    )
    if not parent_columns:
        raise UnsupportedKey(
            "FOREIGN KEY ... REFERENCES without the referenced columns",
            "name the columns of the parent's key",
            "REFERENCES",
        )
    if len(parent_columns) != len(columns):
        raise UnsupportedKey(
            "FOREIGN KEY with a different number of referenced columns",
            "SQL Server refuses it too (8139)",
            "REFERENCES",
        )
    return ForeignKey(name, columns, table.db or DEFAULT_SCHEMA, table.name, parent_columns)


def default_name(table_name: str, column: str) -> str:
    """A name for an unnamed FOREIGN KEY (SQL Server adds a random suffix to the same)."""
    return f"FK__{table_name.lstrip('#')}__{column}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def qualified(table: TableName) -> str:
    return f"{_quoted(table[0])}.{_quoted(table[1])}"


def orphan_sql(child: TableName, key: ForeignKey) -> str:
    """A row of ``child`` whose non-NULL key has no parent row (none when the key holds)."""
    present = " AND ".join(f"c.{_quoted(column)} IS NOT NULL" for column in key.columns)
    joined = " AND ".join(
        f"p.{_quoted(parent)} = c.{_quoted(column)}"
        for column, parent in zip(key.columns, key.parent_columns, strict=True)
    )
    return (
        f"SELECT 1 FROM {qualified(child)} c WHERE {present} AND NOT EXISTS "
        f"(SELECT 1 FROM {qualified(key.parent)} p WHERE {joined}) LIMIT 1"
    )


def conflict_message(
    verb: str, key: ForeignKey, database: str, child: TableName, from_parent: bool
) -> str:
    """SQL Server's message 547: a child row without its parent names the parent table
    and column (a FOREIGN KEY conflict); a parent its children still need names the child
    table and column (a REFERENCE conflict)."""
    if from_parent:
        kind, table, column = "REFERENCE", child, key.columns[0]
    else:
        kind, table, column = "FOREIGN KEY", key.parent, key.parent_columns[0]
    return (
        f'The {verb} statement conflicted with the {kind} constraint "{key.name}". '
        f'The conflict occurred in database "{database}", table "{table[0]}.{table[1]}", '
        f"column '{column}'."
    )
