"""A run's before-snapshot on disk, so a resumed run compares with the database as it was
before the ORIGINAL run's first step, not as it is when the run resumes.

The fingerprints' structure goes to ``before.json``; the per-row hashes the diff counts
rows with go to ``before.npz``. Both are written before step 1.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from etlcheck.errors import UsageError
from etlcheck.isolation.fingerprint import (
    ColumnFingerprint,
    Fingerprint,
    ObjectFingerprint,
    SchemaFingerprint,
)
from etlcheck.isolation.fingerprint_content import HashArray
from etlcheck.isolation.snapshots import Snapshot

STRUCTURE = "before.json"
HASHES = "before.npz"
_PARTS = ("production", "sandbox")


def write_snapshot(folder: Path, snapshot: Snapshot) -> None:
    """Write ``snapshot`` into ``folder`` (created); replaces an earlier one."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, HashArray] = {}
    document = {
        part: _fingerprint_document(fingerprint, part, arrays)
        for part, fingerprint in zip(_PARTS, snapshot, strict=True)
    }
    temporary = folder / (HASHES + ".tmp.npz")
    np.savez(temporary, **arrays)  # type: ignore[arg-type]
    temporary.replace(folder / HASHES)
    (folder / STRUCTURE).write_text(json.dumps(document), "utf-8")


def read_snapshot(folder: Path) -> Snapshot:
    """The snapshot :func:`write_snapshot` wrote; a missing or damaged one is a usage error."""
    try:
        document = json.loads((folder / STRUCTURE).read_text("utf-8"))
        with np.load(folder / HASHES) as stored:
            arrays = {name: stored[name] for name in stored.files}
        production, sandbox = (_fingerprint(document[part], part, arrays) for part in _PARTS)
    except (OSError, ValueError, KeyError) as error:
        raise UsageError(
            f"the before-fingerprint in {folder} cannot be read ({error})",
            hint="run again without --resume or --from: a resumed run must compare with the "
            "database as it was before the original run",
        ) from None
    return Snapshot(production, sandbox)


def rebase_object_ids(kept: Snapshot, now: Snapshot) -> Snapshot:
    """``kept`` with the object ids of ``now``, for engines whose ids do not outlive the
    connection: a table dropped and re-created is then told from the moment the database
    was opened again, while its rows and columns are still compared with ``kept``."""
    return Snapshot(*(_rebased(old, new) for old, new in zip(kept, now, strict=True)))


def _rebased(kept: Fingerprint, now: Fingerprint) -> Fingerprint:
    schemas = []
    for schema in kept.schemas:
        current = now.schema(schema.name)
        objects = []
        for item in schema.objects:
            twin = current.object(item.name) if current is not None else None
            objects.append(replace(item, object_id=twin.object_id if twin else None))
        schemas.append(replace(schema, objects=tuple(objects)))
    return replace(kept, schemas=tuple(schemas))


def _fingerprint_document(
    fingerprint: Fingerprint, part: str, arrays: dict[str, HashArray]
) -> dict[str, Any]:
    schemas = []
    for s_index, schema in enumerate(fingerprint.schemas):
        objects = []
        for o_index, item in enumerate(schema.objects):
            key = f"{part}.{s_index}.{o_index}"
            if item.row_hashes is not None:
                arrays[key + ".rows"] = item.row_hashes
            if item.key_hashes is not None:
                arrays[key + ".keys"] = item.key_hashes
            objects.append(
                {
                    "name": item.name,
                    "kind": item.kind,
                    "columns": [[c.name, c.data_type] for c in item.columns],
                    "object_id": item.object_id,
                    "definition_hash": item.definition_hash,
                    "row_count": item.row_count,
                    "content_hash": item.content_hash,
                    "key_columns": list(item.key_columns),
                }
            )
        schemas.append({"name": schema.name, "exists": schema.exists, "objects": objects})
    return {
        "engine": fingerprint.engine,
        "dialect": fingerprint.dialect,
        "method": fingerprint.method,
        "seconds": fingerprint.seconds,
        "schemas": schemas,
    }


def _fingerprint(document: dict[str, Any], part: str, arrays: dict[str, Any]) -> Fingerprint:
    schemas = []
    for s_index, schema in enumerate(document["schemas"]):
        objects = []
        for o_index, item in enumerate(schema["objects"]):
            key = f"{part}.{s_index}.{o_index}"
            objects.append(
                ObjectFingerprint(
                    schema=schema["name"],
                    name=item["name"],
                    kind=item["kind"],
                    columns=tuple(ColumnFingerprint(n, t) for n, t in item["columns"]),
                    object_id=item["object_id"],
                    definition_hash=item["definition_hash"],
                    row_count=item["row_count"],
                    content_hash=item["content_hash"],
                    key_columns=tuple(item["key_columns"]),
                    row_hashes=arrays.get(key + ".rows"),
                    key_hashes=arrays.get(key + ".keys"),
                )
            )
        schemas.append(SchemaFingerprint(schema["name"], schema["exists"], tuple(objects)))
    return Fingerprint(
        engine=document["engine"],
        dialect=document["dialect"],
        method=document["method"],
        schemas=tuple(schemas),
        seconds=document["seconds"],
    )
