"""DEFAULT constraints by name, as SQL Server keeps them (``sys.objects`` type ``D``).

Neither engine names a column's default, so the name is recorded in the column's
comment (``etlcheck-default:{"name": ...}``): it goes with the column through a rename
of the table or the column, with it on DROP TABLE / DROP COLUMN, and back with ROLLBACK,
as the engine's own DDL does. An unnamed default gets the name SQL Server's pattern gives
it, ``DF__<table>__<column>__<hex>``, whose suffix is derived from the names here (SQL
Server's is random, so a script cannot have spelled it out): it exists so that DROP COLUMN
is refused as SQL Server refuses it (5074, 4922)."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlglot import exp

if TYPE_CHECKING:
    from etlcheck.tsql.table_names import TableName

DEFAULT_MARKER = "etlcheck-default:"
DEFAULT_NAME = "default_constraint"
"""``tree.meta`` key of an ``ADD [CONSTRAINT n] DEFAULT x FOR c`` (its name, "" unnamed)."""


@dataclass(frozen=True)
class DefaultConstraint:
    """The default of ``column``, called ``name`` in its table's schema."""

    name: str
    column: str
    system_named: bool = False
    definition: str = ""
    """The expression as ``sys.default_constraints.definition`` shows it: in parentheses,
    a number in two (``((7))``, ``('2024-02-01')``), as written otherwise."""


def definition_of(value: exp.Expression) -> str:
    """``value`` as SQL Server stores a default's definition."""
    while isinstance(value, exp.Paren):
        value = value.this
    text = value.sql(dialect="tsql")
    number = isinstance(value, exp.Literal) and not value.is_string
    return f"(({text}))" if number or isinstance(value, exp.Neg) else f"({text})"


def default_object_id(schema: str, name: str) -> int:
    """The object id a default gets, the same in ``OBJECT_ID`` and the catalog view."""
    return int(hashlib.md5(f"{schema}.{name}".lower().encode()).hexdigest()[:7], 16)


def system_name(table: str, column: str) -> str:
    """The name SQL Server's pattern gives an unnamed default (a stable suffix here)."""
    suffix = zlib.crc32(f"{table}.{column}".lower().encode()) & 0x7FFFFFFF
    return f"DF__{table.lstrip('#')[:9]}__{column[:5]}__{suffix:08X}"


def encode_default(default: DefaultConstraint) -> str:
    """The column comment that records ``default``."""
    recorded = {
        "name": default.name,
        "system": default.system_named,
        "definition": default.definition,
    }
    return DEFAULT_MARKER + json.dumps(recorded, separators=(",", ":"))


def decode_default(column: str, comment: object) -> DefaultConstraint | None:
    """The default a column comment records (None for any other comment)."""
    if not isinstance(comment, str) or not comment.startswith(DEFAULT_MARKER):
        return None
    try:
        recorded = json.loads(comment[len(DEFAULT_MARKER) :])
        return DefaultConstraint(
            str(recorded["name"]),
            column,
            bool(recorded.get("system")),
            str(recorded.get("definition") or ""),
        )
    except (ValueError, KeyError, TypeError):
        return None


def declared_defaults(
    definitions: Iterable[exp.Expression], table: str
) -> tuple[DefaultConstraint, ...]:
    """The defaults of the column definitions (CREATE TABLE, ALTER TABLE ... ADD)."""
    found = []
    for definition in definitions:
        if not isinstance(definition, exp.ColumnDef):
            continue
        for constraint in definition.constraints:
            kind = constraint.args.get("kind")
            if isinstance(kind, exp.DefaultColumnConstraint):
                name, column = constraint.name, definition.name
                text = definition_of(kind.this)
                if name:
                    found.append(DefaultConstraint(name, column, False, text))
                else:
                    found.append(DefaultConstraint(system_name(table, column), column, True, text))
    return tuple(found)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def comment_sql(table: TableName, column: str, default: DefaultConstraint | None) -> str:
    """Record ``default`` as ``column``'s (None: forget it)."""
    target = f"{_quoted(table[0])}.{_quoted(table[1])}.{_quoted(column)}"
    if default is None:
        return f"COMMENT ON COLUMN {target} IS NULL"
    text = encode_default(default).replace("'", "''")
    return f"COMMENT ON COLUMN {target} IS '{text}'"


def drop_default_sql(table: TableName, column: str) -> str:
    """The engine's statement that takes ``column``'s default away."""
    return (
        f"ALTER TABLE {_quoted(table[0])}.{_quoted(table[1])} "
        f"ALTER COLUMN {_quoted(column)} DROP DEFAULT"
    )
