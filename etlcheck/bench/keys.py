"""What makes two benchmark results comparable: the key of a result, the digest of each
script's code, the digest of the seed, and the machine the samples came from.

A result's key is the engine, the scale, the rewrite mode, the seed digest, the work
cache state and etlcheck's version; two results are compared only when every one of
them is equal. A step's digest is taken over the tokens of its script as etlcheck's one
T-SQL tokenizer reads them, with keywords and unquoted names upper-cased and comments
dropped, so a formatting-only edit (whitespace, comments, keyword or name case) keeps
it and any other edit changes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import socket
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from etlcheck import __version__
from etlcheck.errors import UsageError
from etlcheck.seeding.summary import SeedSummary
from etlcheck.tsql.tokens import SplitError, tokenize, word_of

if TYPE_CHECKING:
    from etlcheck.options import RunOptions

DIGEST_LENGTH = 16
MACHINE_ENV = "ETLCHECK_BENCH_MACHINE"
"""Overrides the machine id (the folder results are stored in)."""


class CacheState(StrEnum):
    """Whether a run found the work cache (compiled statements, rewrites) filled."""

    COLD = "cold"
    """Empty: a new process with the work cache off, as after a fresh checkout."""
    WARM = "warm"
    """Filled by an earlier run (the warm-up run, in ``etlcheck bench``)."""

    @classmethod
    def parse(cls, value: object) -> CacheState:
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise UsageError(
                f"unknown cache state {value!r}", hint="choose --cache cold or --cache warm"
            ) from None


class BenchKey(BaseModel):
    """The facts two results must share to be compared (see the module docstring)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    engine: str
    scale: str
    rewrite: str
    seed_digest: str
    cache: CacheState
    etlcheck_version: str

    def differing(
        self, other: BenchKey, ignore: tuple[str, ...] = ()
    ) -> tuple[str, str, str] | None:
        """The first key that differs as ``(name, this value, other value)``, or None;
        ``ignore`` names keys not known yet (the seed digest, before seeding)."""
        mine, theirs = self.model_dump(mode="json"), other.model_dump(mode="json")
        for name in type(self).model_fields:
            if name not in ignore and mine[name] != theirs[name]:
                return name, str(mine[name]), str(theirs[name])
        return None

    def describe(self) -> str:
        return (
            f"engine {self.engine}, {scale_words(self.scale)}, rewrite {self.rewrite}, "
            f"seed {self.seed_digest[:8]}, cache {self.cache}, etlcheck {self.etlcheck_version}"
        )


NO_SAMPLE = "none"
"""The scale of a key whose seed has no sample generator (data files, DDL, snapshots)."""


def scale_words(scale: object) -> str:
    """``scale poc``, or ``no sample data`` for a seed without the sample generator."""
    return "no sample data" if scale == NO_SAMPLE else f"scale {scale}"


def bench_key(options: RunOptions, seed_digest: str, cache: CacheState) -> BenchKey:
    """The key of results measured with ``options`` on a database seeded as digested."""
    return BenchKey(
        engine=options.engine,
        scale=str(options.scale) if options.sample_sources else NO_SAMPLE,
        rewrite=str(options.rewrite),
        seed_digest=seed_digest,
        cache=cache,
        etlcheck_version=__version__,
    )


KEY_NAMES = {
    "engine": "engine",
    "scale": "scale",
    "rewrite": "rewrite mode",
    "seed_digest": "seed digest",
    "cache": "cache state",
    "etlcheck_version": "etlcheck version",
}
"""How the refusal names each key."""


def script_digest(text: str) -> str:
    """The digest of a script's code: its tokens, keywords and unquoted names upper-cased,
    strings and quoted names as written, comments and layout ignored."""
    digest = hashlib.sha256()
    try:
        tokens = tokenize(text)
    except SplitError:
        # A script the tokenizer cannot read: every change to its words counts.
        digest.update(b"raw\x00" + " ".join(text.split()).encode())
        return digest.hexdigest()[:DIGEST_LENGTH]
    for token in tokens:
        word = word_of(token)
        digest.update(token.token_type.name.encode())
        digest.update(b"\x00")
        digest.update((word if word is not None else token.text).encode())
        digest.update(b"\x01")
    return digest.hexdigest()[:DIGEST_LENGTH]


def scripts_digest(digests: Iterable[tuple[str, str]]) -> str:
    """One digest of a pipeline's ``(script, digest)`` pairs, in order (short: file names)."""
    joined = "\n".join(f"{name}\x00{digest}" for name, digest in digests)
    return hashlib.sha256(joined.encode()).hexdigest()[:8]


def seed_digest(seed: SeedSummary) -> str:
    """A digest of what seeding put in the database: each source, the SHA-256 of every
    file it read, every table with its rows, and the copies of production."""
    facts = {
        "sources": [
            {
                "kind": source.kind,
                "source": source.description,
                "files": sorted((_base_name(f.path), f.sha256) for f in source.files),
                "tables": [(t.qualified_name.lower(), t.rows) for t in source.tables],
            }
            for source in seed.sources
        ],
        "cloned": seed.cloned,
        "clones": [(c.qualified_name.lower(), c.rows) for c in seed.clones],
        "scale": seed.scale,
    }
    canonical = json.dumps(facts, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:DIGEST_LENGTH]


def _base_name(path: str) -> str:
    return re.split(r"[\\/]", path)[-1]


def machine_id() -> str:
    """The folder a machine's results live in: host, system, Python, architecture
    (``ETLCHECK_BENCH_MACHINE`` overrides it)."""
    chosen = os.environ.get(MACHINE_ENV, "").strip()
    if not chosen:
        python = ".".join(platform.python_version_tuple()[:2])
        chosen = "-".join(
            (
                socket.gethostname().split(".")[0] or "host",
                platform.system() or "unknown",
                f"{platform.python_implementation()}{python}",
                platform.machine() or "unknown",
            )
        )
    return re.sub(r"[^A-Za-z0-9._-]+", "_", chosen)
