"""Import Great Expectations only when a suite will run, and early, in a thread.

Importing GX takes two to four seconds on a small machine. ``start()`` begins the import
in a daemon thread when the caller knows suites will run (before seeding the database);
``great_expectations()`` returns the module, waiting for that thread, or importing it
there and then when nobody started it. A run without suites never calls either, so it
never imports GX (``tests/expectations/test_importer.py`` checks ``sys.modules``).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from types import ModuleType

_lock = threading.Lock()
_thread: threading.Thread | None = None
_failure: BaseException | None = None
_seconds = 0.0
_waited = 0.0


PREFETCH_VARIABLE = "ETLCHECK_GX_PREFETCH"
"""``0`` turns the background import off (the import then happens when a suite runs)."""


def start() -> None:
    """Begin importing GX in the background (once; a no-op once it is imported)."""
    global _thread
    if os.environ.get(PREFETCH_VARIABLE, "1") == "0":
        return
    with _lock:
        if _thread is not None:
            return
        _thread = threading.Thread(target=_import, name="etlcheck-gx-import", daemon=True)
        _thread.start()


def _import() -> None:
    global _failure, _seconds
    began = time.perf_counter()
    try:
        _load()
    except BaseException as error:  # handed to the caller of great_expectations()
        _failure = error
    _seconds = time.perf_counter() - began


def _load() -> ModuleType:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations
    import great_expectations.expectations.core  # the registry of expectation types

    return great_expectations


def great_expectations() -> ModuleType:
    """The GX module, once the background import (if any) has finished."""
    global _waited
    thread = _thread
    if thread is not None:
        began = time.perf_counter()
        thread.join()
        _waited = time.perf_counter() - began
        if _failure is not None:
            raise _failure
    return _load()


def timings() -> dict[str, float]:
    """How long the background import took, and how long its caller waited for it."""
    return {"import_seconds": round(_seconds, 3), "waited_seconds": round(_waited, 3)}


def start_for_tests(items: Iterable[object], fixture: str = "etl_expectations") -> None:
    """Start the import when a collected test (a pytest item) uses the expectations fixture."""
    if any(fixture in getattr(item, "fixturenames", ()) for item in items):
        start()
