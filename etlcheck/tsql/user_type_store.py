"""User-defined types kept in the database, in ``sys.etlcheck_types``, so a type made by
one step is there for the next, in a new process too, and a ROLLBACK undoes its
creation as SQL Server's does. A row names its schema by id: a schema dropped and
created again (as a sandbox reset does) has a new id, so its types are gone with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from etlcheck.tsql.catalog import DEFAULT_SCHEMA
from etlcheck.tsql.routine_store import creatable_schema_id

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime

TABLE = "sys.etlcheck_types"
_LIVE = "schema_id IN (SELECT schema_id FROM sys.schemas)"
TABLE_KIND = "TT"
ALIAS_KIND = "A"


@dataclass(frozen=True)
class UserType:
    """A type ``CREATE TYPE`` made: ``definition`` is a table type's column list as written
    (with its parentheses) or an alias type's base type."""

    schema: str
    name: str
    kind: str
    definition: str
    not_null: bool = False

    @property
    def shown(self) -> str:
        return f"{self.schema}.{self.name}"


def _literal(interpreter: Runtime, value: object) -> str:
    return interpreter.emulation.literal(value, None)


def _where(interpreter: Runtime, schema: str, name: str) -> str:
    return (
        f"lower(schema_name) = lower({_literal(interpreter, schema)}) "
        f"AND lower(name) = lower({_literal(interpreter, name)}) AND {_LIVE}"
    )


def load(interpreter: Runtime, schema: str, name: str) -> UserType | None:
    """The type ``schema.name`` (case ignored), or None."""
    rows = interpreter.target.query(
        "SELECT schema_name, name, kind, definition, not_null "
        f"FROM {TABLE} WHERE {_where(interpreter, schema, name)}"
    ).rows
    if not rows:
        return None
    schema_, name_, kind, definition, not_null = rows[0]
    return UserType(str(schema_), str(name_), str(kind), str(definition), bool(not_null))


def create(interpreter: Runtime, statement: UserType, frame: Frame, start: int) -> None:
    """Keep the type ``statement`` makes; SQL Server's error when its schema is missing
    or the type is there already."""
    schema = statement.schema
    schema_id = creatable_schema_id(interpreter, schema, frame, start)
    spelled = interpreter.catalog.schema_name(schema) or schema
    if load(interpreter, spelled, statement.name) is not None:
        raise interpreter.failure(
            f"The type '{spelled}.{statement.name}' already exists, or you do not have "
            "permission to create it.",
            frame,
            start,
            219,
        )
    interpreter.target.execute(f"DELETE FROM {TABLE} WHERE NOT ({_LIVE})")
    values = ", ".join(
        _literal(interpreter, value)
        for value in (
            schema_id,
            spelled,
            statement.name,
            statement.kind,
            statement.definition,
            int(statement.not_null),
        )
    )
    interpreter.target.execute(
        f"INSERT INTO {TABLE} (schema_id, schema_name, name, kind, definition, not_null) "
        f"VALUES ({values})"
    )


def drop(
    interpreter: Runtime,
    schema: str | None,
    name: str,
    if_exists: bool,
    frame: Frame,
    start: int,
) -> None:
    """Forget the type ``schema.name``; SQL Server's error when there is none (unless
    ``IF EXISTS``)."""
    schema = schema or DEFAULT_SCHEMA
    if load(interpreter, schema, name) is None:
        if if_exists:
            return
        raise interpreter.failure(
            f"Cannot find the type '{name}', because it does not exist or you do "
            "not have permission.",
            frame,
            start,
            218,
        )
    interpreter.target.execute(f"DELETE FROM {TABLE} WHERE {_where(interpreter, schema, name)}")
