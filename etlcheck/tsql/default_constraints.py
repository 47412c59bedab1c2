"""DEFAULT constraints by name, as SQL Server keeps them (``sys.objects`` type ``D``).

Neither engine names a column's default, so the name is recorded in the column's
comment (``etlcheck-default:{"name": ...}``): it goes with the column through a rename
of the table or the column, with it on DROP TABLE / DROP COLUMN, and back with ROLLBACK,
as the engine's own DDL does. An unnamed default gets the name SQL Server's pattern gives
it, ``DF__<table>__<column>__<hex>``, whose suffix is derived from the names here (SQL
Server's is random, so a script cannot have spelled it out): it exists so that DROP COLUMN
is refused as SQL Server refuses it (5074, 4922)."""

from __future__ import annotations

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


def system_name(table: str, column: str) -> str:
    """The name SQL Server's pattern gives an unnamed default (a stable suffix here)."""
    suffix = zlib.crc32(f"{table}.{column}".lower().encode()) & 0x7FFFFFFF
    return f"DF__{table.lstrip('#')[:9]}__{column[:5]}__{suffix:08X}"


def encode_default(default: DefaultConstraint) -> str:
    """The column comment that records ``default``."""
    recorded = {"name": default.name, "system": default.system_named}
    return DEFAULT_MARKER + json.dumps(recorded, separators=(",", ":"))


def decode_default(column: str, comment: object) -> DefaultConstraint | None:
    """The default a column comment records (None for any other comment)."""
    if not isinstance(comment, str) or not comment.startswith(DEFAULT_MARKER):
        return None
    try:
        recorded = json.loads(comment[len(DEFAULT_MARKER) :])
        return DefaultConstraint(str(recorded["name"]), column, bool(recorded.get("system")))
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
            if isinstance(constraint.args.get("kind"), exp.DefaultColumnConstraint):
                name = constraint.name
                column = definition.name
                if name:
                    found.append(DefaultConstraint(name, column))
                else:
                    found.append(DefaultConstraint(system_name(table, column), column, True))
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
