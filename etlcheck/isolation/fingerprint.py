"""Fingerprints of schemas: what objects exist, and what rows the tables hold.

A fingerprint is taken before and after a run; ``diff.py`` compares two of them.
Hashing happens in the database (see ``fingerprint_sql.py``); Python only fetches
one 64-bit hash per row (and per row key, when the table has one) so the diff can
count rows added, removed and changed as a multiset, independent of row order.

pytest-xdist workers receive fingerprints pickled: this module imports what taking one
needs (numpy, the T-SQL key records) only when it takes one.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from etlcheck.isolation.fingerprint_sql import FingerprintSQL, HashedTable, HashMethod

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.isolation.fingerprint_content import HashArray


INTERNAL_PREFIXES = ("_etlcheck", "__etlcheck")
"""Objects etlcheck itself creates (emulation helpers); ignored in every schema."""


@dataclass(frozen=True)
class ColumnFingerprint:
    name: str
    data_type: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.data_type}


@dataclass(frozen=True)
class ObjectFingerprint:
    """One table, view, procedure or macro: its columns and, for tables, its content."""

    schema: str
    name: str
    kind: str
    columns: tuple[ColumnFingerprint, ...] = ()
    object_id: int | None = None
    definition_hash: str | None = None
    row_count: int | None = None
    content_hash: str | None = None
    key_columns: tuple[str, ...] = ()
    row_hashes: HashArray | None = field(default=None, compare=False, repr=False)
    key_hashes: HashArray | None = field(default=None, compare=False, repr=False)

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def is_table(self) -> bool:
        return self.kind == "table"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "columns": [column.to_dict() for column in self.columns],
        }
        if self.is_table:
            data["row_count"] = self.row_count
            data["content_hash"] = self.content_hash
            data["key_columns"] = list(self.key_columns)
        if self.definition_hash is not None:
            data["definition_hash"] = self.definition_hash
        return data


@dataclass(frozen=True)
class SchemaFingerprint:
    """One schema as asked for; ``exists`` is False when the database has no such schema."""

    name: str
    exists: bool
    objects: tuple[ObjectFingerprint, ...] = ()

    def object(self, name: str) -> ObjectFingerprint | None:
        for item in self.objects:
            if item.name.lower() == name.lower():
                return item
        return None

    @property
    def tables(self) -> tuple[ObjectFingerprint, ...]:
        return tuple(item for item in self.objects if item.is_table)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "exists": self.exists,
            "objects": [item.to_dict() for item in self.objects],
        }


@dataclass(frozen=True)
class Fingerprint:
    """Schemas of one database at one moment, with how long taking it took."""

    engine: str
    dialect: str
    method: HashMethod
    schemas: tuple[SchemaFingerprint, ...]
    seconds: float = field(default=0.0, compare=False)

    def schema(self, name: str) -> SchemaFingerprint | None:
        for schema in self.schemas:
            if schema.name.lower() == name.lower():
                return schema
        return None

    def table(self, schema: str, name: str) -> ObjectFingerprint | None:
        found = self.schema(schema)
        return found.object(name) if found is not None else None

    @property
    def total_rows(self) -> int:
        return sum(t.row_count or 0 for s in self.schemas for t in s.tables)

    def without_row_hashes(self) -> Fingerprint:
        """This fingerprint without the per-row hashes its diff was made from (what
        pytest-xdist shares with the workers, who get the diff itself)."""
        return replace(
            self,
            schemas=tuple(
                replace(
                    s,
                    objects=tuple(replace(o, row_hashes=None, key_hashes=None) for o in s.objects),
                )
                for s in self.schemas
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "dialect": self.dialect,
            "method": self.method,
            "seconds": round(self.seconds, 6),
            "total_rows": self.total_rows,
            "schemas": [schema.to_dict() for schema in self.schemas],
        }


def fingerprint_schemas(
    engine: Engine,
    schemas: Iterable[str],
    *,
    method: HashMethod | None = None,
    row_detail: bool = True,
) -> Fingerprint:
    """Fingerprint ``schemas`` (matched case-insensitively) on a started engine.

    ``method`` defaults to the dialect's fastest SHA-grade choice (``native`` on DuckDB,
    ``sha256`` elsewhere). ``row_detail=False`` skips fetching per-row hashes: the diff
    then reports counts only.
    """
    began = time.perf_counter()
    sql = engine.fingerprint_sql()
    chosen: HashMethod = method or sql.default_method()
    skipped = _engine_schemas(engine)
    wanted = _unique([name for name in schemas if name.lower() not in skipped])
    if not wanted:
        return Fingerprint(engine.name, engine.dialect, chosen, (), time.perf_counter() - began)

    existing, objects = _catalog(engine, sql, wanted)
    tables = [item for item in objects.values() if item.is_table and item.columns]
    objects.update(_hash_tables(engine, sql, tables, chosen, row_detail))

    result = []
    for name in wanted:
        actual = existing.get(name.lower())
        found = sorted(
            (item for item in objects.values() if actual and item.schema.lower() == name.lower()),
            key=lambda item: (item.name.lower(), item.kind),
        )
        result.append(SchemaFingerprint(actual or name, actual is not None, tuple(found)))
    return Fingerprint(
        engine.name, engine.dialect, chosen, tuple(result), time.perf_counter() - began
    )


def _engine_schemas(engine: Engine) -> frozenset[str]:
    """What the engine keeps for itself or for the T-SQL emulation."""
    return frozenset(name.lower() for name in (*engine.internal_schemas, *engine.system_schemas))


def _unique(names: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            result.append(name)
    return result


ObjectKey = tuple[str, str, str]


Catalog = tuple[dict[str, str], dict[ObjectKey, ObjectFingerprint]]
"""Existing schemas (lower-case name -> name) and the objects of the wanted ones."""


def _catalog(engine: Engine, sql: FingerprintSQL, wanted: Sequence[str]) -> Catalog:
    """What exists in ``wanted``: in one query where the dialect can, else in three."""
    combined = sql.catalog_sql(wanted)
    if combined is not None:
        rows = engine.query(combined).rows
        existing = {str(row[0]).lower(): str(row[0]) for row in rows}
        keys = _keys_of(rows)
        return existing, _inventory([row[:8] for row in rows if row[1] is not None], keys)
    existing = {row[0].lower(): row[0] for row in engine.query(sql.schemata_sql()).rows}
    present = [existing[name.lower()] for name in wanted if name.lower() in existing]
    if not present:
        return existing, {}
    rows = engine.query(sql.inventory_sql(present)).rows
    return existing, _inventory(rows, _primary_keys(engine, sql, present))


def _keys_of(rows: Sequence[Sequence[Any]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Primary key columns per table from ``catalog_sql`` rows: the engine's own, else
    those the T-SQL interpreter records in the table's comment."""
    from etlcheck.tsql.keys import PRIMARY_KEY, decode_keys

    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in rows:
        schema, name, primary_key, comment = row[0], row[1], row[8], row[9]
        where = (str(schema).lower(), str(name).lower())
        if name is None or where in found:
            continue
        if primary_key:
            found[where] = tuple(str(column) for column in primary_key)
        elif comment:
            declared = [k.columns for k in decode_keys(str(comment)) if k.kind == PRIMARY_KEY]
            if declared:
                found[where] = declared[0]
    return found


def _inventory(
    rows: Sequence[Sequence[Any]], keys: Mapping[tuple[str, str], tuple[str, ...]]
) -> dict[ObjectKey, ObjectFingerprint]:
    """Objects from ``inventory_sql`` rows, with their primary key columns (or an obvious key)."""
    columns: dict[ObjectKey, list[tuple[int, ColumnFingerprint]]] = {}
    facts: dict[ObjectKey, tuple[int | None, str | None]] = {}
    for row in rows:
        schema, name, kind, object_id, column, ordinal, data_type, definition = row
        if str(name).lower().startswith(INTERNAL_PREFIXES):
            continue
        key = (str(schema), str(name), str(kind))
        digest = hashlib.sha256(str(definition).encode()).hexdigest() if definition else None
        facts.setdefault(key, (int(object_id) if object_id is not None else None, digest))
        entries = columns.setdefault(key, [])
        if column is not None:
            entries.append((int(ordinal or 0), ColumnFingerprint(str(column), str(data_type))))
    result = {}
    for key, entries in columns.items():
        schema, name, kind = key
        object_id, digest = facts[key]
        ordered = tuple(column for _, column in sorted(entries, key=lambda pair: pair[0]))
        key_columns = keys.get((schema.lower(), name.lower())) or _obvious_key(name, ordered)
        result[key] = ObjectFingerprint(
            schema=schema,
            name=name,
            kind=kind,
            columns=ordered,
            object_id=object_id,
            definition_hash=digest,
            key_columns=key_columns if kind == "table" else (),
        )
    return result


def _primary_keys(
    engine: Engine, sql: FingerprintSQL, schemas: Sequence[str]
) -> dict[tuple[str, str], tuple[str, ...]]:
    found: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for schema, table, column, ordinal in engine.query(sql.primary_keys_sql(schemas)).rows:
        found.setdefault((str(schema).lower(), str(table).lower()), []).append(
            (int(ordinal or 0), str(column))
        )
    return {key: tuple(name for _, name in sorted(cols)) for key, cols in found.items()}


def _obvious_key(table: str, columns: Sequence[ColumnFingerprint]) -> tuple[str, ...]:
    """``id``, ``<table>_id``, ``<singular>Id`` (``Brokers`` -> ``BrokerId``) or a natural
    key such as ``broker_code``, if present. It need not be unique: it only pairs an
    added row with a removed one into a changed row."""
    base = table.lower()
    for prefix in ("stg_", "raw_", "src_", "tbl_", "tbl"):
        if base.startswith(prefix) and len(base) > len(prefix):
            base = base[len(prefix) :]
            break
    singular = base[:-3] + "y" if base.endswith("ies") else base.rstrip("s")
    candidates = ["id"]
    for stem in (base, singular):
        candidates += [f"{stem}id", f"{stem}_id"]
    for suffix in ("code", "key", "number", "no"):
        candidates += [f"{singular}_{suffix}", f"{singular}{suffix}"]
    by_name = {column.name.lower(): column.name for column in columns}
    for candidate in candidates:
        if candidate in by_name:
            return (by_name[candidate],)
    return ()


def _hash_tables(
    engine: Engine,
    sql: FingerprintSQL,
    tables: Sequence[ObjectFingerprint],
    method: HashMethod,
    row_detail: bool,
) -> Mapping[ObjectKey, ObjectFingerprint]:
    if not tables:
        return {}
    specs = [
        HashedTable(
            t.schema, t.name, tuple((c.name, c.data_type) for c in t.columns), t.key_columns
        )
        for t in tables
    ]
    from etlcheck.isolation.fingerprint_content import hash_contents

    contents = hash_contents(engine, sql, specs, method, row_detail)
    result = {}
    for table, content in zip(tables, contents, strict=True):
        result[(table.schema, table.name, table.kind)] = ObjectFingerprint(
            schema=table.schema,
            name=table.name,
            kind=table.kind,
            columns=table.columns,
            object_id=table.object_id,
            definition_hash=table.definition_hash,
            row_count=content.row_count,
            content_hash=f"{method}:{content.row_count}:{content.hash_sum:016x}",
            key_columns=table.key_columns,
            row_hashes=content.row_hashes,
            key_hashes=content.key_hashes,
        )
    return result
