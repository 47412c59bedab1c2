"""JSON_VALUE and ISJSON for DuckDB, as Python functions on each connection.

DuckDB's JSON functions re-write numbers (``1.50`` comes back ``1.5``, ``1e5`` as
``100000.0``) and accept ``NaN`` and trailing commas, which SQL Server refuses; Python's
``json`` reads RFC 8259 JSON and hands over each number's own text. The SQL the
interpreter writes calls ``sys.etlcheck_json_value`` / ``sys.etlcheck_isjson``, macros
(``duckdb_functions.sql``) over the functions registered here.
"""

from __future__ import annotations

import json
from typing import Any

VALUE_LIMIT = 4000
"""JSON_VALUE returns nvarchar(4000): a longer value is NULL in lax mode."""
NOT_JSON = "«13609»JSON text is not properly formatted."
"""SQL Server's error 13609 (its message also names the character and position)."""


class _Number(str):
    """A JSON number, kept as the text the document spells it with."""


class _Invalid(ValueError):
    pass


def _reject_constant(text: str) -> Any:
    raise _Invalid(text)


def _read(document: str) -> Any:
    """The JSON value of ``document``; ``_Invalid`` when it is not RFC 8259 JSON."""
    try:
        return json.loads(
            document,
            parse_float=_Number,
            parse_int=_Number,
            parse_constant=_reject_constant,
        )
    except (ValueError, RecursionError):
        raise _Invalid(document) from None


def json_value(document: str | None, steps_json: str | None) -> str | None:
    """JSON_VALUE in lax mode: the scalar at the path, as text, or None."""
    if document is None or steps_json is None:
        return None
    try:
        value = _read(document)
    except _Invalid:
        raise ValueError(NOT_JSON) from None
    for step in json.loads(steps_json):
        found, value = _step(value, step)
        if not found:
            return None
    if value is None or isinstance(value, (dict, list)):
        return None
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return text if len(text) <= VALUE_LIMIT else None


def _step(value: Any, step: int | str) -> tuple[bool, Any]:
    """The member or element ``step`` of ``value``: (False, None) when it has none (a key
    of an array or an index of an object is missing too, as in lax mode)."""
    if isinstance(step, int) and isinstance(value, list) and step < len(value):
        return True, value[step]
    if isinstance(step, str) and isinstance(value, dict) and step in value:
        return True, value[step]
    return False, None


def isjson(document: str | None, kind: str) -> int | None:
    """ISJSON: 1 when ``document`` is JSON of ``kind`` (``OBJECT_OR_ARRAY`` when no type
    was given; ``VALUE``, ``SCALAR``, ``ARRAY``, ``OBJECT``), else 0."""
    if document is None:
        return None
    try:
        value = _read(document)
    except _Invalid:
        return 0
    accepted = {
        "OBJECT_OR_ARRAY": isinstance(value, (dict, list)),
        "VALUE": True,
        "SCALAR": isinstance(value, str) and not isinstance(value, bool),
        "ARRAY": isinstance(value, list),
        "OBJECT": isinstance(value, dict),
    }
    return int(accepted.get(kind, False))


def register(connection: Any) -> None:
    """Make ``etlcheck_py_json_value`` and ``etlcheck_py_isjson`` callable on ``connection``."""
    connection.create_function(
        "etlcheck_py_json_value",
        json_value,
        ["VARCHAR", "VARCHAR"],
        "VARCHAR",
        null_handling="special",
        side_effects=False,
    )
    connection.create_function(
        "etlcheck_py_isjson",
        isjson,
        ["VARCHAR", "VARCHAR"],
        "INTEGER",
        null_handling="special",
        side_effects=False,
    )
