"""A seeded database kept for the next run, as a template (pytest-postgresql keeps
template databases for the same reason).

Seeding from the sample generator is a pure function of etlcheck's code, the
configuration and the pipeline's scripts: generating, loading and cloning the seed-scale
sample took about 2 s of a 6.6 s ``etlcheck run --scale seed``, and copying the database
file an earlier run seeded takes a tenth of that. A run on a DuckDB file whose seed
sources are all the sample generator keeps its seeded file (after the clone and the
sandbox schemas, before step 1) under ``.etlcheck/cache/``, and the next run with the
same inputs starts from a copy of it.

The file is named by a digest of everything seeding read: etlcheck's code fingerprint
(the work cache's), DuckDB's, numpy's and pandas' versions, the configuration, each
step's name and text, and the run's scale, sandboxing, clone choice and seed sources.
DDL scripts, data files and live databases are never templated: they can change without
etlcheck seeing it. ``ETLCHECK_CACHE=0`` turns templates off; one template is kept per
project, none larger than :data:`MAX_BYTES`. The run fingerprints the copy as it
fingerprints a database it seeded itself: the before-snapshot is always the database's.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import threading
import time
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import workcache
from etlcheck.config_values import SampleSource
from etlcheck.pipeline import Pipeline
from etlcheck.seeding.summary import SeedSummary

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.options import RunOptions

MAX_BYTES = 512 * 2**20
"""A seeded file larger than this is not kept (the seed-scale sample's is 190 MB)."""
PREFIX = "seed-"


@dataclass(frozen=True)
class SeedTemplate:
    """Where the template of one run's seeding lives (it may not exist yet)."""

    database: Path
    summary: Path

    @classmethod
    def for_run(cls, engine: Engine, options: RunOptions) -> SeedTemplate | None:
        """The template for this run on ``engine`` (started: its version is part of the
        name), or None when the run cannot use one: no database file, a seed source other
        than the sample, or the cache turned off."""
        sources = options.seed_sources
        if engine.database_file() is None or not workcache.enabled():
            return None
        if not sources or not all(isinstance(spec, SampleSource) for spec in sources):
            return None
        folder = workcache.project_cache(options.config.root)
        name = PREFIX + _digest(engine, options)
        return cls(folder / f"{name}.duckdb", folder / f"{name}.pickle")

    @property
    def exists(self) -> bool:
        return self.database.is_file() and self.summary.is_file()

    def restore(self, engine: Engine) -> SeedSummary | None:
        """Replace the engine's (fresh) database with a copy of the template and return
        what seeding did then; None (and the fresh database back) when it cannot."""
        target = engine.database_file()
        if target is None or not self.exists:
            return None
        began = time.perf_counter()
        try:
            with self.summary.open("rb") as handle:
                summary = pickle.load(handle)
            if not isinstance(summary, SeedSummary):
                raise ValueError("not a seed summary")
            engine.close()
            _copy(self.database, target)
            engine.start()
            engine.checkpoint()  # what opening wrote (the emulation), as seeding leaves it
        except Exception:  # a damaged or vanished template: seed afresh
            self._forget()
            engine.close()
            _remove_database(target)
            engine.start()
            return None
        engine.catalog_epoch += 1
        note = (
            f"seeded by copying {self.database.name}, which an earlier run seeded with the "
            f"same scripts, configuration and etlcheck, in {time.perf_counter() - began:.2f} s "
            "(the other seeding times are that run's); ETLCHECK_CACHE=0 seeds afresh"
        )
        return replace(summary, notes=(*summary.notes, note))

    def keep(self, engine: Engine, summary: SeedSummary) -> None:
        """Keep a copy of the engine's freshly seeded database as this template (the
        engine is closed for the copy and opened again)."""
        source = engine.database_file()
        if source is None or not source.is_file() or source.stat().st_size > MAX_BYTES:
            return
        try:
            self.database.parent.mkdir(parents=True, exist_ok=True)
            for stale in self.database.parent.glob(f"{PREFIX}*"):
                if not stale.name.startswith(self.database.stem):  # another digest's
                    stale.unlink(missing_ok=True)
            engine.close()
            try:
                _copy(source, self.database)
            finally:
                engine.start()
                engine.checkpoint()
            _write_atomically(self.summary, pickle.dumps(summary, pickle.HIGHEST_PROTOCOL))
        except OSError:  # a template that cannot be written is skipped
            self._forget()

    def _forget(self) -> None:
        for path in (self.database, self.summary):
            path.unlink(missing_ok=True)


def _digest(engine: Engine, options: RunOptions) -> str:
    digest = hashlib.sha256()
    versions = [workcache.code_fingerprint(), engine.name, engine.info.version]
    versions += [_version("numpy"), _version("pandas")]
    digest.update("|".join(versions).encode())
    digest.update(repr(options.config).encode())
    choices = (str(options.scale), options.sandboxed, options.clone_production)
    digest.update(repr((choices, options.seed_sources)).encode())
    for step in Pipeline.from_config(options.config).steps:
        digest.update(f"\0{step.number}\0{step.name}\0".encode())
        digest.update(step.read().encode())
    return digest.hexdigest()[:20]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def _copy(source: Path, target: Path) -> None:
    """Copy a database file whole, then move it into place (a reader never sees half)."""
    _remove_database(target)
    temporary = _temporary(target)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_atomically(target: Path, data: bytes) -> None:
    temporary = _temporary(target)
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _temporary(target: Path) -> Path:
    """A name beside ``target`` that no other process writes (created with the umask's
    permissions, as the database file itself is)."""
    return target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")


def _remove_database(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
