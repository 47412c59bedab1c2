"""Routines (procedures and functions) kept in the database, in ``sys.etlcheck_routines``,
so the emulated catalog (``sys.procedures``, ``sys.objects``, ``OBJECT_ID(..., 'P')``)
and the fingerprints see them, a ROLLBACK undoes their creation as SQL Server's does,
and a run resumed in a new process still finds them.

A row keeps the batch that created the routine, the script it came from and the line
that batch starts on, so a routine read back runs with its statements' own places. It
names its schema by id: a schema dropped and created again (as a sandbox reset does)
has a new id, so the routines that were in the old one are gone with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime

TABLE = "sys.etlcheck_routines"
IDS = "sys.etlcheck_routine_ids"
FIRST_ID = 2_000_000_000
"""Where routine ids start: above the engines' own object ids, below INT's limit."""
TYPES = {
    "P": "SQL_STORED_PROCEDURE",
    "FN": "SQL_SCALAR_FUNCTION",
    "IF": "SQL_INLINE_TABLE_VALUED_FUNCTION",
    "TF": "SQL_TABLE_VALUED_FUNCTION",
}


@dataclass(frozen=True)
class StoredRoutine:
    """One row of ``sys.etlcheck_routines``."""

    object_id: int
    schema: str
    name: str
    type: str
    definition: str
    source_path: str
    source_line: int


def _literal(interpreter: Runtime, value: object) -> str:
    return interpreter.emulation.literal(value, None)


def save(
    interpreter: Runtime,
    schema_id: int,
    routine: StoredRoutine,
    replaces: int | None,
) -> int:
    """Store ``routine`` (replacing the row of id ``replaces``, whose id it keeps, as
    ALTER does); its object id."""
    target = interpreter.target
    values = ", ".join(
        _literal(interpreter, value)
        for value in (
            schema_id,
            routine.schema,
            routine.name,
            routine.type,
            routine.definition,
            routine.source_path,
            routine.source_line,
        )
    )
    columns = "schema_id, schema_name, name, type, definition, source_path, source_line"
    if replaces is not None:
        target.execute(f"DELETE FROM {TABLE} WHERE object_id = {int(replaces)}")
        target.execute(
            f"INSERT INTO {TABLE} (object_id, {columns}) VALUES ({int(replaces)}, {values})"
        )
        return replaces
    target.execute(
        f"DELETE FROM {TABLE} WHERE schema_id NOT IN (SELECT schema_id FROM sys.schemas)"
    )
    rows = target.query(
        f"INSERT INTO {TABLE} (object_id, {columns}) "
        f"VALUES (nextval('{IDS}'), {values}) RETURNING object_id"
    ).rows
    return int(rows[0][0])


def delete(interpreter: Runtime, object_id: int) -> None:
    interpreter.target.execute(f"DELETE FROM {TABLE} WHERE object_id = {int(object_id)}")


def load(interpreter: Runtime, object_id: int) -> StoredRoutine | None:
    """The routine of id ``object_id``, or None."""
    rows = interpreter.target.query(
        "SELECT object_id, schema_name, name, type, definition, source_path, source_line "
        f"FROM {TABLE} WHERE object_id = {int(object_id)}"
    ).rows
    if not rows:
        return None
    object_id_, schema, name, type_, definition, path, line = rows[0]
    return StoredRoutine(
        int(object_id_),
        str(schema),
        str(name),
        str(type_).strip(),
        str(definition),
        str(path),
        int(line),
    )


def creatable_schema_id(interpreter: Runtime, schema: str, frame: Frame, start: int) -> int:
    """The id of ``schema``, where a routine or a type may be created (or dropped); SQL
    Server's error 2760 when it is missing or the run may not write there."""
    schema_id = interpreter.catalog.schema_id(schema)
    if schema_id is None or not interpreter.emulation.may_create_in(interpreter.target, schema_id):
        raise interpreter.failure(
            f'The specified schema name "{schema}" either does not exist or you do not have '
            "permission to use it.",
            frame,
            start,
            2760,
        )
    return schema_id
