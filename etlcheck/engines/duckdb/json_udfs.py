"""JSON_VALUE, ISJSON and OPENJSON for DuckDB, as Python functions on each connection.

Registering them costs a process about 45 ms the first time, so a connection gets them,
and the macros over them, only when a statement names JSON (:func:`names_json`).

DuckDB's JSON functions re-write numbers (``1.50`` comes back ``1.5``, ``1e5`` as
``100000.0``) and accept ``NaN`` and trailing commas, which SQL Server refuses; Python's
``json`` reads RFC 8259 JSON and hands over each number's own text. The SQL the
interpreter writes calls ``sys.etlcheck_json_value`` / ``sys.etlcheck_isjson``, macros
(``duckdb_functions.sql``) over the functions registered here.
"""

from __future__ import annotations

import json
import re
from typing import Any

VALUE_LIMIT = 4000
"""JSON_VALUE returns nvarchar(4000): a longer value is NULL in lax mode."""
NOT_JSON = "«13609»JSON text is not properly formatted."
"""SQL Server's error 13609 (its message also names the character and position)."""


class _Number(str):
    """A JSON number, kept as the text the document spells it with."""


class _Invalid(ValueError):
    pass


_BLANKS = re.compile(r"[ \t\n\r]*")
JSON_TYPES = {type(None): 0, str: 1, _Number: 2, bool: 3, list: 4, dict: 5}
"""OPENJSON's ``type`` column: null, string, number, true/false, array, object."""


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


def _decoder() -> json.JSONDecoder:
    return json.JSONDecoder(parse_float=_Number, parse_int=_Number)


def _members(raw: str) -> list[tuple[str | int, str]]:
    """The members of a (valid) JSON object or array, each with the text it is written
    with in ``raw``, as SQL Server returns nested JSON; [] for a scalar."""
    decoder = _decoder()
    position = _BLANKS.match(raw, 0).end()  # type: ignore[union-attr]
    opener = raw[position : position + 1]
    if opener not in ("{", "["):
        return []
    closer = "}" if opener == "{" else "]"
    members: list[tuple[str | int, str]] = []
    position += 1
    while True:
        position = _BLANKS.match(raw, position).end()  # type: ignore[union-attr]
        if raw[position] == closer:
            return members
        key: str | int = len(members)
        if opener == "{":
            key, position = decoder.raw_decode(raw, position)
            position = _BLANKS.match(raw, position).end() + 1  # type: ignore[union-attr]
            position = _BLANKS.match(raw, position).end()  # type: ignore[union-attr]
        _, end = decoder.raw_decode(raw, position)
        members.append((key, raw[position:end]))
        position = _BLANKS.match(raw, end).end()  # type: ignore[union-attr]
        if raw[position] == ",":
            position += 1


def _raw_at(document: str, steps: list[str | int]) -> str | None:
    """The text of the value at ``steps`` in ``document`` (checked as JSON), or None."""
    raw = document
    for step in steps:
        found = [text for key, text in _members(raw) if key == step]
        if not found:
            return None
        raw = found[-1]
    return raw.strip()


def _scalar_text(value: Any, raw: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return raw if isinstance(value, (dict, list)) else str(value)


def json_query(document: str | None, steps_json: str | None) -> str | None:
    """JSON_QUERY in lax mode (OPENJSON's ``AS JSON`` columns): the object or array at
    the path as the document writes it, else None."""
    if document is None or steps_json is None:
        return None
    try:
        _read(document)
    except _Invalid:
        raise ValueError(NOT_JSON) from None
    raw = _raw_at(document, json.loads(steps_json))
    return raw if raw is not None and raw[:1] in ("{", "[") else None


def openjson(document: str | None, steps_json: str | None, explicit: bool) -> list[Any]:
    """OPENJSON's rows at the path: ``key``, ``value``, ``type`` of each member (the
    default schema), or, for a WITH clause (``explicit``), the text of each element of
    an array, or the object itself as one row."""
    if document is None or steps_json is None:
        return []
    try:
        _read(document)
    except _Invalid:
        raise ValueError(NOT_JSON) from None
    raw = _raw_at(document, json.loads(steps_json))
    if raw is None:
        return []
    if explicit:
        if raw.startswith("{"):
            return [{"key": None, "value": raw, "type": 5}]
        return [{"key": str(key), "value": text, "type": 0} for key, text in _members(raw)]
    rows = []
    decoder = _decoder()
    for key, text in _members(raw):
        value = decoder.decode(text)
        rows.append(
            {"key": str(key), "value": _scalar_text(value, text), "type": JSON_TYPES[type(value)]}
        )
    return rows


def register(connection: Any) -> None:
    """Make the ``etlcheck_py_*`` functions above callable on ``connection``."""
    connection.create_function(
        "etlcheck_py_json_value",
        json_value,
        ["VARCHAR", "VARCHAR"],
        "VARCHAR",
        null_handling="special",
        side_effects=False,
    )
    connection.create_function(
        "etlcheck_py_json_query",
        json_query,
        ["VARCHAR", "VARCHAR"],
        "VARCHAR",
        null_handling="special",
        side_effects=False,
    )
    connection.create_function(
        "etlcheck_py_openjson",
        openjson,
        ["VARCHAR", "VARCHAR", "BOOLEAN"],
        "STRUCT(key VARCHAR, value VARCHAR, type INTEGER)[]",
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


MACROS = """
CREATE OR REPLACE MACRO sys.etlcheck_json_value(document, steps) AS (
    etlcheck_py_json_value(document, steps)
);
CREATE OR REPLACE MACRO sys.etlcheck_isjson(document, kind) AS (
    etlcheck_py_isjson(document, kind)
);
CREATE OR REPLACE MACRO sys.etlcheck_json_query(document, steps) AS (
    etlcheck_py_json_query(document, steps)
);
CREATE OR REPLACE MACRO sys.etlcheck_openjson(document, steps, explicit) AS TABLE
    SELECT e.key AS "key", e.value AS "value", e.type AS "type"
    FROM (SELECT unnest(etlcheck_py_openjson(document, steps, explicit)) AS e);
"""
"""The ``sys`` macros the interpreter's SQL calls, over the functions :func:`register` adds
(DuckDB binds a macro's body when it is created)."""


def names_json(sql: str) -> bool:
    """Whether ``sql`` may call the functions (each of their macros' names says JSON)."""
    return "json" in sql or "JSON" in sql


def install(connection: Any) -> None:
    """:func:`register` the functions on ``connection`` and create the macros over them."""
    register(connection)
    connection.execute(MACROS)
