"""Work a run can reuse from the last one: compiled T-SQL statements and sandbox rewrites.

Both are pure functions of their text, kept in memory by the modules that compute them
(``register``). ``load`` and ``save`` carry those tables between processes in one file
under ``<project>/.etlcheck/cache/``, named by a fingerprint of the code that computed
them: etlcheck's own sources (paths, sizes, modification times), sqlglot's version and
Python's. A changed line of etlcheck or another sqlglot is a different file, so nothing
stale is ever read; ``ETLCHECK_CACHE=0`` turns the cache off. The file is a pickle, as
trusted as the project's own scripts next to it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

CACHE_ENV = "ETLCHECK_CACHE"
_TABLES: dict[str, dict[Any, Any]] = {}
_SAVED_SIZES: dict[str, int] = {}
_FIRST_LOAD: dict[str, bool] = {}
_LOADED: dict[Path, tuple[int, int]] = {}
"""The cache files merged in, with the size and modification time they had."""
MAX_ENTRIES = 50_000
"""A table larger than this is not saved (a run compiles a few hundred statements)."""


def register(name: str, table: dict[Any, Any]) -> None:
    """Make ``table`` (a module's memo of pure results) persist under ``name``."""
    _TABLES[name] = table


def registered_tables() -> dict[str, dict[Any, Any]]:
    """The memo tables registered so far, by name (the tables themselves, not copies)."""
    return _TABLES


def forget_tables() -> None:
    """Forget every registered table and what was loaded or saved: a new process's state."""
    _TABLES.clear()
    _SAVED_SIZES.clear()


def enabled() -> bool:
    return os.environ.get(CACHE_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


@functools.cache
def code_fingerprint() -> str:
    """A digest of what computed the cached values: etlcheck's sources and sqlglot."""
    import sqlglot

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{sys.version}|{sqlglot.__version__}".encode())
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.relative_to(package)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def project_cache(root: Path) -> Path:
    """Where a project's runs keep their work cache."""
    return root / ".etlcheck" / "cache"


def cache_file(directory: Path) -> Path:
    return directory / f"work-{code_fingerprint()}.pickle"


def load(directory: Path | None) -> None:
    """Merge the tables saved in ``directory`` into the registered ones (if any saved).
    The stages of a run each ask for the cache they use: the file is read again only when
    it changed, or a table was registered or emptied since."""
    if directory is None or not enabled():
        _FIRST_LOAD.setdefault("found", False)
        return
    path = cache_file(directory)
    signature = _signature(path)
    if signature is not None and _LOADED.get(path) == signature and _complete():
        return
    try:
        with path.open("rb") as handle:
            saved = pickle.load(handle)
    except Exception:
        saved = {}
    if signature is not None:
        _LOADED[path] = signature
    if not isinstance(saved, dict):
        saved = {}
    _FIRST_LOAD.setdefault("found", any(isinstance(e, dict) and e for e in saved.values()))
    for name, table in _TABLES.items():
        entries = saved.get(name)
        if isinstance(entries, dict):
            for key, value in entries.items():
                table.setdefault(key, value)
        _SAVED_SIZES[name] = len(table)


def began_warm() -> bool:
    """Whether the first ``load`` of this process found a saved cache with entries: a run
    that began warm (run.json records it; only runs that agree are compared)."""
    return _FIRST_LOAD.get("found", False)


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _complete() -> bool:
    """Every registered table holds at least what it held after the last load or save."""
    return all(
        name in _SAVED_SIZES and len(table) >= _SAVED_SIZES[name] for name, table in _TABLES.items()
    )


def save(directory: Path | None) -> None:
    """Write the registered tables to ``directory`` when they grew since ``load``."""
    if directory is None or not enabled():
        return
    if all(len(table) == _SAVED_SIZES.get(name, -1) for name, table in _TABLES.items()):
        return
    tables = {name: table for name, table in _TABLES.items() if len(table) <= MAX_ENTRIES}
    written = ""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("work-*.pickle"):
            if stale != cache_file(directory):
                stale.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, suffix=".tmp", delete=False) as handle:
            written = handle.name
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written, cache_file(directory))
        signature = _signature(cache_file(directory))
        if signature is not None:
            _LOADED[cache_file(directory)] = signature
    except Exception:  # a cache that cannot be written is skipped
        if written:
            Path(written).unlink(missing_ok=True)
        return
    for name, table in _TABLES.items():
        _SAVED_SIZES[name] = len(table)
