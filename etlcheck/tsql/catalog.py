"""A per-connection cache of the catalog that answers ``OBJECT_ID('x.y')`` and
``SCHEMA_ID('x')`` with constant arguments, and the keys the interpreter enforces, without
a database round trip; DDL makes it stale."""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, cast

from etlcheck.tsql.default_constraints import (
    DefaultConstraint,
    decode_default,
    default_object_id,
)
from etlcheck.tsql.keys import PRIMARY_KEY, Key
from etlcheck.tsql.table_names import DEFAULT_SCHEMA as DEFAULT_SCHEMA
from etlcheck.tsql.table_names import TableName as TableName

if TYPE_CHECKING:
    from etlcheck.tsql.foreign_keys import ForeignKey

T = TypeVar("T")
CONSTRAINT_TYPES = frozenset(["D", "F", "PK", "UQ"])
"""``sys.objects`` types of the constraints the interpreter records with their tables."""


@dataclass(frozen=True)
class CatalogObject:
    """A table or view as OBJECT_ID sees it; temp tables have ``schema`` ``"#"``."""

    schema: str
    name: str
    type: str
    object_id: int | None
    """None for a table the interpreter created since the last load: it exists, and its
    id is read by a reload when something asks for it."""
    keys: tuple[Key, ...] = ()
    """PRIMARY KEY/UNIQUE constraints the interpreter enforces (see ``etlcheck.tsql.keys``)."""
    foreign_keys: tuple[ForeignKey, ...] = ()
    """FOREIGN KEY constraints the interpreter enforces (``etlcheck.tsql.foreign_keys``)."""
    defaults: tuple[DefaultConstraint, ...] = ()
    """The columns' DEFAULT constraints by name (``etlcheck.tsql.default_constraints``)."""


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


@dataclass(frozen=True)
class TableEffect:
    """What a statement that only creates or drops tables did to the catalog."""

    created: TableName | None = None
    dropped: tuple[TableName, ...] = ()
    keys: tuple[Key, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    defaults: tuple[DefaultConstraint, ...] = ()


class CatalogCache:
    """Objects and schemas loaded once, reloaded lazily after anything changed them.

    ``epoch`` reads the engine's count of statements that may have changed its catalog
    (``Engine.catalog_epoch``): the snapshot is stale once that count moves, whoever ran
    the statement. The interpreter's own CREATE TABLE, DROP TABLE and SELECT INTO are
    applied to the snapshot instead (``apply``), so scripts that only create and drop tables
    reload nothing.
    """

    def __init__(
        self, load: Callable[[], CatalogSnapshot], epoch: Callable[[], int] | None = None
    ) -> None:
        self._load = load
        self._epoch_now = epoch
        self._epoch = -1
        self._snapshot: CatalogSnapshot | None = None
        self._objects: dict[tuple[str, str], CatalogObject] = {}
        self._schemas: dict[str, int] = {}
        self._schema_names: dict[str, str] = {}
        self._referenced: (
            tuple[CatalogSnapshot, dict[tuple[str, str], list[tuple[CatalogObject, ForeignKey]]]]
            | None
        ) = None
        self._facts: dict[Hashable, object] = {}
        self._facts_of: CatalogSnapshot | None = None
        self.loads = 0

    def invalidate(self) -> None:
        self._snapshot = None

    def fresh(self) -> bool:
        """Whether the snapshot still describes the database."""
        if self._snapshot is None:
            return False
        return self._epoch_now is None or self._epoch_now() == self._epoch

    def apply(self, effect: TableEffect) -> None:
        """Record the tables a statement just created or dropped (call only when the
        snapshot was fresh before that statement)."""
        self._referenced = None
        self._facts = {}
        for schema, name in effect.dropped:
            self._objects.pop((schema.lower(), name.lower()), None)
        if effect.created is not None:
            schema, name = effect.created
            created = CatalogObject(
                schema, name, "U", None, effect.keys, effect.foreign_keys, effect.defaults
            )
            self._objects[(schema.lower(), name.lower())] = created
        if self._epoch_now is not None:
            self._epoch = self._epoch_now()

    def _ensure(self) -> CatalogSnapshot:
        if self._snapshot is None or not self.fresh():
            epoch = self._epoch_now() if self._epoch_now is not None else -1
            snapshot = self._load()
            self.loads += 1
            self._objects = {(o.schema.lower(), o.name.lower()): o for o in snapshot.objects}
            self._schemas = {name.lower(): schema_id for name, schema_id in snapshot.schemas}
            self._schema_names = {name.lower(): name for name, _ in snapshot.schemas}
            self._snapshot = snapshot
            self._epoch = epoch
        return self._snapshot

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()`` (a fact of the catalog the snapshot does not hold, such as an
        engine's own keys of a table), asked again only once the snapshot is stale."""
        snapshot = self._ensure()
        if self._facts_of is not snapshot:
            self._facts, self._facts_of = {}, snapshot
        if key not in self._facts:
            self._facts[key] = compute()
        return cast(T, self._facts[key])

    def of_type(self, object_type: str) -> tuple[CatalogObject, ...]:
        """The objects of a ``sys.objects`` type (``TF``...)."""
        return self.remembered(
            ("of_type", object_type),
            lambda: tuple(o for o in self._objects.values() if o.type == object_type),
        )

    def object_id(self, name: str | None, object_type: str | None = None) -> int | None:
        found = self._find(name, object_type)
        if found is not None and found.object_id is None:
            self.invalidate()
            found = self._find(name, object_type)
        return found.object_id if found is not None else None

    def exists(self, name: str | None, object_type: str | None = None) -> bool:
        """Whether ``OBJECT_ID(name, object_type)`` is not NULL."""
        return self._find(name, object_type) is not None

    def _find(self, name: str | None, object_type: str | None) -> CatalogObject | None:
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
            if found is None and (object_type or "F").strip().upper() in CONSTRAINT_TYPES:
                found = self._constraint_object(schema, parts[-1])
        if found is None:
            return None
        if object_type and object_type.strip().upper() != found.type:
            return None
        return found

    def _constraint_object(self, schema: str, name: str) -> CatalogObject | None:
        """A key or FOREIGN KEY the interpreter records (with its table) as the object SQL
        Server makes of it: type ``PK``, ``UQ`` or ``F``, in its table's schema, with a
        stable id."""
        found = self.constraint(schema, name)
        if found is None:
            return None
        table, spelled = found
        kinds = {key.name.lower(): key.kind for key in table.keys}
        kind = kinds.get(spelled.lower())
        object_type = "F" if kind is None else ("PK" if kind == PRIMARY_KEY else "UQ")
        object_id = zlib.crc32(f"{table.schema}.{spelled}".lower().encode()) & 0x3FFFFFFF
        if any(default.name.lower() == spelled.lower() for default in table.defaults):
            object_type, object_id = "D", default_object_id(table.schema, spelled)
        return CatalogObject(table.schema, spelled, object_type, object_id)

    def constraint(self, schema: str, name: str) -> tuple[CatalogObject, str] | None:
        """The table that records the key, foreign key or default ``schema.name`` (its
        constraint name as recorded), or None."""
        self._ensure()
        wanted = (schema.lower(), name.lower())
        for found in self._objects.values():
            if found.schema.lower() != wanted[0]:
                continue
            names = [key.name for key in found.keys] + [key.name for key in found.foreign_keys]
            names += [default.name for default in found.defaults]
            for key_name in names:
                if key_name.lower() == wanted[1]:
                    return found, key_name
        return None

    def table(self, schema: str, name: str) -> CatalogObject | None:
        """``schema.name`` (schema ``#`` for a temp table), spelled as it was declared."""
        self._ensure()
        return self._objects.get((schema.lower(), name.lower()))

    def referencing(self, schema: str, name: str) -> list[tuple[CatalogObject, ForeignKey]]:
        """The foreign keys (and their tables) that refer to the table ``schema.name``;
        indexed once per snapshot, as every write of a table asks."""
        snapshot = self._ensure()
        if self._referenced is None or self._referenced[0] is not snapshot:
            index: dict[tuple[str, str], list[tuple[CatalogObject, ForeignKey]]] = {}
            for found in self._objects.values():
                for key in found.foreign_keys:
                    parent = (key.parent_schema.lower(), key.parent_name.lower())
                    index.setdefault(parent, []).append((found, key))
            self._referenced = (snapshot, index)
        return list(self._referenced[1].get((schema.lower(), name.lower()), ()))

    def database(self) -> str:
        """The name of the database, as DB_NAME() gives it."""
        return self._ensure().database

    def schema_id(self, name: str | None) -> int | None:
        self._ensure()
        return self._schemas.get((name or DEFAULT_SCHEMA).lower())

    def schema_name(self, name: str) -> str | None:
        """The schema ``name`` names (case ignored), spelled as it was created, or None."""
        self._ensure()
        return self._schema_names.get(name.lower())


def with_defaults(
    objects: list[CatalogObject], rows: Iterable[tuple[object, ...]]
) -> list[CatalogObject]:
    """``objects`` with the defaults that ``rows`` (schema, table, column, comment: the
    ``C`` rows of the emulation's ``catalog_sql``) record for them."""
    found: dict[tuple[str, str], list[DefaultConstraint]] = {}
    for schema, table, column, comment in rows:
        default = decode_default(str(column), comment)
        if default is not None:
            found.setdefault((str(schema).lower(), str(table).lower()), []).append(default)
    if not found:
        return objects
    return [
        dataclasses.replace(item, defaults=tuple(found[key]))
        if item.type == "U" and (key := (item.schema.lower(), item.name.lower())) in found
        else item
        for item in objects
    ]
