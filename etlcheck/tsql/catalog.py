"""A per-script cache of the catalog that answers ``OBJECT_ID('x.y')`` and ``SCHEMA_ID('x')``
with constant arguments without a database round trip; any DDL invalidates it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_SCHEMA = "dbo"


@dataclass(frozen=True)
class CatalogObject:
    """A table or view as OBJECT_ID sees it; temp tables have ``schema`` ``"#"``."""

    schema: str
    name: str
    type: str
    object_id: int


@dataclass(frozen=True)
class CatalogSnapshot:
    objects: tuple[CatalogObject, ...]
    schemas: tuple[tuple[str, int], ...]
    database: str


def split_object_name(name: str) -> list[str]:
    """``[db].[schema].[name]`` into its parts, brackets and quotes removed."""
    parts: list[str] = []
    current = ""
    closer = ""
    for char in name.strip():
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


class CatalogCache:
    """Objects and schemas loaded once, reloaded lazily after anything changed them."""

    def __init__(self, load: Callable[[], CatalogSnapshot]) -> None:
        self._load = load
        self._snapshot: CatalogSnapshot | None = None
        self._objects: dict[tuple[str, str], CatalogObject] = {}
        self._schemas: dict[str, int] = {}

    def invalidate(self) -> None:
        self._snapshot = None

    def _ensure(self) -> CatalogSnapshot:
        if self._snapshot is None:
            snapshot = self._load()
            self._objects = {(o.schema.lower(), o.name.lower()): o for o in snapshot.objects}
            self._schemas = {name.lower(): schema_id for name, schema_id in snapshot.schemas}
            self._snapshot = snapshot
        return self._snapshot

    def object_id(self, name: str | None, object_type: str | None = None) -> int | None:
        if name is None:
            return None
        snapshot = self._ensure()
        parts = split_object_name(name)
        if len(parts) > 4 or not parts[-1]:
            return None
        if parts[-1].startswith("#"):
            found = self._objects.get(("#", parts[-1].lower()))
        else:
            if len(parts) >= 3 and parts[-3] and parts[-3].lower() != snapshot.database.lower():
                return None
            schema = parts[-2] if len(parts) >= 2 and parts[-2] else DEFAULT_SCHEMA
            found = self._objects.get((schema.lower(), parts[-1].lower()))
        if found is None:
            return None
        if object_type and object_type.strip().upper() != found.type:
            return None
        return found.object_id

    def schema_id(self, name: str | None) -> int | None:
        self._ensure()
        return self._schemas.get((name or DEFAULT_SCHEMA).lower())
