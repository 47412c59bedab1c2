"""Get Great Expectations ready while the run goes on, once suites are known to run.

``ETLCHECK_GX_PREFETCH`` chooses how: ``process`` (the default) starts the worker process
that imports GX and later validates a copy of the tables (``worker``), for engines that
can export tables; ``thread`` imports GX in a thread of the run; ``0`` does nothing (GX is
imported when the first suite needs it). ``benchmarks/bench_verify.py`` compares them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from etlcheck.expectations import importer, worker

PREFETCH_VARIABLE = "ETLCHECK_GX_PREFETCH"
MODES = ("process", "thread", "0")


def mode() -> str:
    chosen = os.environ.get(PREFETCH_VARIABLE, "process")
    return chosen if chosen in MODES else "process"


def start_import(engine: str | None = None) -> None:
    """Start what ``mode()`` says; ``engine`` (a registry name) decides whether a worker
    process can serve it."""
    chosen = mode()
    if chosen == "thread":
        importer.start()
    elif chosen == "process" and _exports_tables(engine):
        worker.start_worker()


def _exports_tables(engine: str | None) -> bool:
    """Whether ``engine`` can hand the worker its tables, without importing its adapter:
    importing DuckDB's (0.2 s) would delay the worker's start, which the session waits on."""
    if engine is None:
        return True
    from etlcheck.engines.registry import registered

    return registered(engine).exports_tables


def start_for_folder(folder: Path, engine: str | None) -> None:
    """Start when ``folder`` holds suites: pytest collects them, so tests will run them
    (unless deselected: then the worker is ended, unused, with the session)."""
    if any(folder.glob("*.json")):
        start_import(engine)


def start_for_tests(
    items: Iterable[object], engine: str | None = None, fixture: str = "etl_expectations"
) -> None:
    """Start when a collected test (a pytest item) uses the expectations fixture."""
    if any(fixture in getattr(item, "fixturenames", ()) for item in items):
        start_import(engine)
