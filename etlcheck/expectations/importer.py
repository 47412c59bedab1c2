"""Import Great Expectations only when a suite runs, possibly early in a thread.

``great_expectations()`` returns the module, waiting for the thread ``start()`` began, or
importing it there and then. The thread is the measured alternative to the worker
process (``prefetch``); a run without suites calls neither, so it never imports GX
(``tests/expectations/test_importer.py`` checks ``sys.modules``).
"""

from __future__ import annotations

import os
import threading
import time
from types import ModuleType

_lock = threading.Lock()
_thread: threading.Thread | None = None
_failure: BaseException | None = None
_seconds = 0.0
_waited = 0.0


def start() -> None:
    """Begin importing GX in a background thread (once)."""
    global _thread
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
