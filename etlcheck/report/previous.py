"""Which earlier run a run's timings are compared with, and the keys that decide it.

Every run.json carries its benchmark key (engine, scale, rewrite mode, seed digest,
work cache state, etlcheck version) and the digest of each script's code. The previous
run is the newest earlier run in the report folder that was VERIFIED and has an equal
key: never a failed run, a slow run that failed its budget, or a run of another scale,
engine or cache state. A fresh clone has none, and the report says so.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck import workcache
from etlcheck.bench.keys import CacheState, bench_key, scale_words, script_digest, seed_digest
from etlcheck.errors import EtlcheckError

if TYPE_CHECKING:
    from etlcheck.verify import Verification

SCANNED = 200
"""Run folders looked at, newest first, before giving up."""


def run_keys(verification: Verification) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The run's benchmark key (None when it did not seed: a continued run) and the digest
    of each step's script."""
    scripts: dict[str, str] = {}
    for result in verification.run.results:
        try:
            scripts[result.step.name] = script_digest(result.step.read())
        except EtlcheckError:
            continue
    if verification.seed is None:
        return None, scripts
    cache = CacheState.WARM if workcache.began_warm() else CacheState.COLD
    key = bench_key(verification.options, seed_digest(verification.seed), cache)
    return key.model_dump(mode="json"), scripts


def previous_verified(base: Path, key: object, run_id: object) -> dict[str, Any] | None:
    """The newest earlier verified run under ``base`` whose key equals ``key``."""
    if not isinstance(key, Mapping) or not base.is_dir():
        return None
    folders = sorted(
        (f for f in base.iterdir() if f.is_dir() and not f.name.startswith((".", "bench-"))),
        key=lambda f: f.name,
        reverse=True,
    )
    for folder in folders[:SCANNED]:
        if folder.name == run_id or folder.name == "latest":
            continue
        try:
            document = json.loads((folder / "run.json").read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if (
            isinstance(document, dict)
            and document.get("verdict") == "verified"
            and document.get("bench_key") == dict(key)
        ):
            return document
    return None


def key_text(key: object) -> str:
    """The key as the report names it."""
    if not isinstance(key, Mapping):
        return "no key (the run continued an earlier one, so it seeded nothing)"
    return (
        f"engine {key.get('engine')}, {scale_words(key.get('scale'))}, "
        f"rewrite {key.get('rewrite')}, "
        f"seed {str(key.get('seed_digest'))[:8]}, cache {key.get('cache')}, "
        f"etlcheck {key.get('etlcheck_version')}"
    )


def changed_scripts(document: Mapping[str, Any], previous: Mapping[str, Any]) -> list[str]:
    """Scripts whose code differs between the two runs."""
    mine, theirs = document.get("scripts"), previous.get("scripts")
    if not isinstance(mine, Mapping) or not isinstance(theirs, Mapping):
        return []
    return [name for name, digest in mine.items() if name in theirs and theirs[name] != digest]
