"""Get the report writer ready while the run waits for Great Expectations' answer.

Writing a run's report starts with importing the writer's modules and compiling every
Jinja2 template from source (about 0.1 s of the 0.17 s it takes on the sample). When the
suites are validated by the process that imported GX (:mod:`etlcheck.expectations.worker`),
the run's own process sits idle until that process answers, and the report is the last
thing the session waits for after it. ``start`` does that preparation in a thread
meanwhile; ``write_reports`` calls ``finish`` first, so the two never compile the same
template twice. The compiled templates live in the environment's cache
(:func:`etlcheck.report.templates.environment`) for the rest of the process.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from importlib import resources

MODULES = ("etlcheck.report.benchmarks", "etlcheck.report.html", "etlcheck.report.previous")
"""What ``write_reports`` imports (in the calling thread: imports across threads can
deadlock on a cycle)."""

_thread: threading.Thread | None = None


def start() -> None:
    """Import the report's modules, then compile its templates in a daemon thread (once
    per process)."""
    global _thread
    if _thread is not None:
        return
    for module in MODULES:
        importlib.import_module(module)
    _thread = threading.Thread(target=_compile, name="etlcheck-report-warm", daemon=True)
    _thread.start()


def finish() -> None:
    """Wait for the templates ``start`` is compiling, if any."""
    if _thread is not None:
        _thread.join()


def _compile() -> None:
    from etlcheck.report.templates import stylesheet, template

    with contextlib.suppress(Exception):  # the writer meets the same error and reports it
        stylesheet()
        for name in template_names():
            template(name)


def template_names() -> list[str]:
    """Every template of the report package."""
    folder = resources.files("etlcheck.report")
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".html"))
