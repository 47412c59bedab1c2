"""Import Great Expectations only when a suite runs, possibly early in a thread.

``great_expectations()`` returns the module, waiting for the thread ``start()`` began, or
importing it there and then. The thread is the measured alternative to the worker
process (``prefetch``); a run without suites calls neither, so it never imports GX
(``tests/expectations/test_importer.py`` checks ``sys.modules``).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType

_lock = threading.Lock()
_thread: threading.Thread | None = None
_failure: BaseException | None = None
_seconds = 0.0
_waited = 0.0

DEFERRED = ("scipy", "altair")
"""Packages GX imports at start-up for a few expectations and renderers (distribution
tests, charts) that etlcheck's suites rarely use: imported lazily, their modules run on
first use. Importing GX took 2.65 s of CPU with them and 1.59 s without (2 cores)."""


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
    with lazily_imported(DEFERRED):
        import great_expectations
        import great_expectations.expectations.core  # the registry of expectation types

    return great_expectations


class _LazyFinder(importlib.abc.MetaPathFinder):
    """Finds the modules of ``packages`` as the other finders do, with a loader that runs
    a (pure Python) module only when one of its attributes is first used."""

    def __init__(self, packages: Sequence[str]) -> None:
        self.packages = frozenset(packages)

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name.partition(".")[0] not in self.packages:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            if isinstance(spec.loader, importlib.machinery.SourceFileLoader):
                spec.loader = importlib.util.LazyLoader(spec.loader)
            return spec
        return None


@contextmanager
def lazily_imported(packages: Sequence[str]) -> Iterator[None]:
    """While inside, the modules of ``packages`` imported for the first time are lazy
    (``importlib.util.LazyLoader``): a module someone only imports is never run."""
    finder = _LazyFinder(packages)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


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
