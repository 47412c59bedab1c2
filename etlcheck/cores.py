"""Which cores this process's threads may run on (Linux's CPU affinity).

The xdist controller uses this to leave one core to the process that imports Great
Expectations while its workers start (:mod:`etlcheck.session_run`). Elsewhere (no
``sched_setaffinity``) every function here does nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def spare_one_core() -> frozenset[int] | None:
    """Keep every thread of this process (and the threads and processes they start from
    now on) off one of the calling thread's cores; the cores it had, to give back with
    ``run_on``. None, and nothing changed, on one core or where affinity cannot be set."""
    try:
        cores = frozenset(os.sched_getaffinity(0))
        if len(cores) < 2:
            return None
        os.sched_setaffinity(0, cores - {max(cores)})
    except (AttributeError, OSError):
        return None
    run_on(cores - {max(cores)})  # the threads already running: the run's, DuckDB's
    return cores


def run_on(cores: Iterable[int]) -> None:
    """Let every thread of this process run on ``cores`` (those already running too: a
    thread started while one core was spared kept that)."""
    wanted = set(cores)
    if not wanted or not hasattr(os, "sched_setaffinity"):
        return
    tasks = Path("/proc/self/task")
    threads = [int(entry.name) for entry in tasks.iterdir()] if tasks.is_dir() else [0]
    for thread in threads:
        try:
            os.sched_setaffinity(thread, wanted)
        except OSError:  # the thread ended meanwhile, or the cores are gone
            continue
