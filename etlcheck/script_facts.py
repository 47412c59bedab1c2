"""What a T-SQL script says about schemas and tables, found by the parser (never by regex).

One function, :func:`read_script_facts`, is the only place that asks etlcheck's T-SQL
front end (the remap's batch analysis and the sample's layouts) about a script's names;
``etlcheck init`` and the DDL seed source use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlglot.tokens import TokenType

from etlcheck import workcache
from etlcheck.isolation.located import (
    DYNAMIC_LITERAL,
    OBJECT_LITERAL,
    PREFIX_LITERAL,
    SCHEMA,
    SCHEMA_LITERAL,
    UNQUALIFIED,
    UNQUALIFIED_DBCC,
    Names,
)
from etlcheck.isolation.remap import analyse_batch
from etlcheck.table_layouts import TableLayout, layouts_in_text
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.tokens import SplitError, tokenize

NO_NAMES = Names(frozenset(), frozenset())
"""The locator compares with no configured schema: every name it finds is reported."""

SYSTEM_SCHEMAS = frozenset({"sys", "information_schema", "tempdb", "master"})


@dataclass(frozen=True)
class ScriptFacts:
    """Schemas a script names, those it creates, and the tables it creates."""

    schemas: tuple[str, ...]
    """Referenced schema names, as first spelled, in order of first appearance."""
    created_schemas: tuple[str, ...]
    unqualified: bool
    """Some object name has no schema: it resolves through the default schema."""
    tables: tuple[TableLayout, ...]


_FACTS: dict[tuple[str, str], ScriptFacts] = {}
workcache.register("script_facts", _FACTS)


def read_script_facts(text: str, path: Path | str) -> ScriptFacts:
    """The facts of one script (``path`` is for error locations only); remembered by text
    and path (``etlcheck.workcache``)."""
    key = (text, str(path))
    found = _FACTS.get(key)
    if found is None:
        found = _read_facts(text, path)
        _FACTS[key] = found
    return found


def _read_facts(text: str, path: Path | str) -> ScriptFacts:
    schemas: dict[str, str] = {}
    created: dict[str, str] = {}
    unqualified = False
    for batch in split_batches(text, path):
        unqualified |= _collect(batch.text, schemas, created)
    return ScriptFacts(
        schemas=tuple(schemas.values()),
        created_schemas=tuple(created.values()),
        unqualified=unqualified,
        tables=tuple(layouts_in_text(text, path)),
    )


def _collect(batch: str, schemas: dict[str, str], created: dict[str, str]) -> bool:
    """Add a batch's schema names to ``schemas`` and ``created``; whether it has
    unqualified object names."""
    unqualified = False
    for reference in analyse_batch(batch, NO_NAMES).references:
        if reference.kind in (SCHEMA, SCHEMA_LITERAL):
            _add(schemas, reference.name)
        elif reference.kind in (OBJECT_LITERAL, PREFIX_LITERAL):
            parts = _name_parts(reference.name)
            schema_part = len(parts) - 2 - reference.sub_parts
            if reference.kind == PREFIX_LITERAL:
                schema_part = 0
            if len(parts) >= 2 and schema_part >= 0:
                _add(schemas, parts[schema_part])
        elif reference.kind == DYNAMIC_LITERAL:
            unqualified |= _collect(reference.name.replace("''", "'"), schemas, created)
        elif reference.kind in (UNQUALIFIED, UNQUALIFIED_DBCC):
            unqualified = True
    for name in _created_schemas(batch):
        _add(created, name)
        _add(schemas, name)
    return unqualified


def _add(found: dict[str, str], name: str) -> None:
    clean = name.strip()
    if clean and clean.lower() not in SYSTEM_SCHEMAS and not clean.startswith("#"):
        found.setdefault(clean.lower(), clean)


def _name_parts(text: str) -> list[str]:
    """``[etl].[t]`` or ``etl.t`` -> ``["etl", "t"]`` (brackets and quotes removed)."""
    parts, current, closer = [], "", ""
    for char in text.strip():
        if closer:
            if char == closer:
                closer = ""
            else:
                current += char
        elif char in '["':
            closer = "]" if char == "[" else '"'
        elif char == ".":
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part.strip() for part in parts]


def _created_schemas(batch: str) -> list[str]:
    """Names after ``CREATE SCHEMA`` in a batch's tokens."""
    try:
        tokens = tokenize(batch)
    except SplitError:
        return []
    names = []
    for index in range(len(tokens) - 2):
        if (
            tokens[index].token_type == TokenType.CREATE
            and tokens[index + 1].text.upper() == "SCHEMA"
            and tokens[index + 2].token_type in (TokenType.VAR, TokenType.IDENTIFIER)
        ):
            names.append(tokens[index + 2].text)
    return names
