"""The sandbox lifecycle: check the schema map, create the sandbox schemas, reset them.

``etlcheck setup`` and ``etlcheck reset`` call these. Both check the mapping first and
refuse (exit 2) any sandbox that is, or overlaps, a schema the run must not touch.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.config import SandboxConfig
from etlcheck.errors import RefusalError, SourceLocation

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

SYSTEM_SCHEMAS = frozenset(
    {"sys", "information_schema", "pg_catalog", "pg_toast", "main", "public", "guest"}
)
"""Schemas that belong to an engine; a sandbox there would drop the engine's own objects."""


class MappingRefused(RefusalError):
    """The sandbox schema map could let a run touch a protected schema; ``rule`` names why."""

    def __init__(self, message: str, rule: str, location: SourceLocation | None = None) -> None:
        super().__init__(
            f"{message} [rule {rule}]",
            location,
            "map each production schema to its own schema that nothing else uses "
            '(e.g. etl = "poc_etl") in [sandbox] schemas',
        )
        self.rule = rule


def check_mapping(sandbox: SandboxConfig, source: Path | str | None = None) -> None:
    """Raise ``MappingRefused`` (a ``RefusalError``, exit 2) unless every sandbox is safe.

    Rules: no empty name; a sandbox is never a protected, read-only, production or
    system schema (compared case-insensitively); no two production schemas share one
    sandbox; no production schema is mapped twice.
    """
    where = SourceLocation(source) if source is not None else None

    def refuse(message: str, rule: str) -> None:
        raise MappingRefused(message, rule, where)

    if not sandbox.schema_map:
        refuse("the sandbox schema map is empty, so there is no sandbox to run in", "empty-map")
    protected = {name.lower() for name in sandbox.protected}
    read_only = {name.lower() for name in sandbox.read_only}
    production = {name.lower() for name in sandbox.schema_map}
    seen_production: dict[str, str] = {}
    seen_sandbox: dict[str, str] = {}
    for source_schema, target in sandbox.schema_map.items():
        if not source_schema.strip() or not target.strip():
            refuse(
                f"sandbox mapping {source_schema!r} -> {target!r} has an empty schema name",
                "empty-name",
            )
        key, target_key = source_schema.lower(), target.lower()
        if key in seen_production:
            refuse(
                f"production schema {source_schema!r} is mapped twice "
                f"(also as {seen_production[key]!r})",
                "production-mapped-twice",
            )
        seen_production[key] = source_schema
        arrow = f"{source_schema} -> {target}"
        if target_key in protected:
            refuse(
                f"sandbox mapping {arrow}: {target!r} is a protected schema", "sandbox-is-protected"
            )
        if target_key in read_only:
            refuse(
                f"sandbox mapping {arrow}: {target!r} is a read-only schema", "sandbox-is-read-only"
            )
        if target_key in production:
            refuse(
                f"sandbox mapping {arrow}: {target!r} is itself a production schema in the map",
                "sandbox-is-production",
            )
        if target_key in SYSTEM_SCHEMAS:
            refuse(
                f"sandbox mapping {arrow}: {target!r} is a schema the database engine owns",
                "sandbox-is-system",
            )
        if target_key in seen_sandbox:
            refuse(
                f"sandbox {target!r} is shared by production schemas "
                f"{seen_sandbox[target_key]!r} and {source_schema!r}",
                "sandbox-shared",
            )
        seen_sandbox[target_key] = source_schema


def sandbox_schemas(sandbox: SandboxConfig) -> list[str]:
    """The sandbox schema names in map order."""
    return list(sandbox.schema_map.values())


def setup_sandbox(engine: Engine, sandbox: SandboxConfig, leave: Collection[str] = ()) -> list[str]:
    """Create the sandbox schemas that do not exist yet, but those in ``leave`` (the
    pipeline creates them: ``etlcheck.isolation.step_schemas``); returns the ones it
    created."""
    check_mapping(sandbox)
    existing = {name.lower() for name in engine.schemas()}
    existing.update(name.lower() for name in leave)
    created = []
    for schema in sandbox_schemas(sandbox):
        if schema.lower() not in existing:
            _guard(sandbox, schema)
            engine.create_schema(schema)
            existing.add(schema.lower())
            created.append(schema)
    return created


def reset_sandbox(engine: Engine, sandbox: SandboxConfig) -> list[str]:
    """Drop every sandbox schema with all it holds and create it empty; returns them."""
    check_mapping(sandbox)
    existing = {name.lower(): name for name in engine.schemas()}
    reset = []
    for schema in sandbox_schemas(sandbox):
        _guard(sandbox, schema)
        actual = existing.get(schema.lower())
        if actual is not None:
            engine.drop_schema(actual)
        engine.create_schema(schema)
        reset.append(schema)
    return reset


def _guard(sandbox: SandboxConfig, schema: str) -> None:
    """Last check before DDL: never create or drop a protected or read-only schema."""
    untouchable = {n.lower() for n in (*sandbox.protected, *sandbox.read_only, *sandbox.schema_map)}
    if schema.lower() in untouchable:
        raise MappingRefused(f"refusing to touch protected schema {schema!r}", "guard")
