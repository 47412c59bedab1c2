"""``pytest -n N`` given only etlcheck suites: the session runs in one process.

Every test of a suite reads the session's one pipeline run (made once, by the controller,
with or without workers), so xdist's workers cannot make any of it sooner: what they add
is their own start-up, a Python interpreter each importing pytest and its plugins and
collecting the suite. On 2 cores that was measured at ×1.03 of the session without ``-n``
(``benchmarks/bench_xdist_suite.py --keep-workers``, 11 alternating rounds: the median of
the rounds' ratios 1.031, 95% interval 1.005 to 1.053). So when every path the session was
given lies in a suite's folder (the folder of a ``conftest.py`` that calls
``enable_pytest_reports``), the controller starts no workers and says so in pytest's
header. A session with any other path (``pytest -n 2`` over a whole repository) keeps its
workers, which then share the one run (:mod:`etlcheck.session_run`). ``--etl-workers keep``
keeps them in every case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.fixture_support import get_option

CHOICES = ("auto", "keep")
"""``etl_workers``: auto (drop xdist's workers for suites alone) or keep."""

_DROPPED = pytest.StashKey[int]()


def workers_choice(config: pytest.Config) -> str:
    """The ``etl_workers`` value, checked (``check_options`` turns a bad one into a usage
    error)."""
    value = (get_option(config, "etl_workers") or "auto").strip().lower()
    if value not in CHOICES:
        from etlcheck.errors import UsageError

        raise UsageError(f"unknown --etl-workers value {value!r}", hint="choose auto or keep")
    return value


def drop_idle_workers(config: pytest.Config, suite_folders: set[Path]) -> None:
    """Before xdist makes its distributed session (its ``pytest_configure`` runs last):
    when every path given lies in one of ``suite_folders``, run without workers."""
    workers = len(getattr(config.option, "tx", None) or ())
    if not workers or getattr(config.option, "dist", "no") == "no" or not suite_folders:
        return
    if workers_choice(config) == "keep" or not _only_suites(config, suite_folders):
        return
    config.option.dist = "no"
    config.option.tx = []
    config.option.numprocesses = 0
    config.stash[_DROPPED] = workers


def _only_suites(config: pytest.Config, suite_folders: set[Path]) -> bool:
    start = config.invocation_params.dir
    for argument in config.args:
        path = (start / argument.split("::")[0]).resolve()
        if not any(path == folder or folder in path.parents for folder in suite_folders):
            return False
    return bool(config.args)


def header_line(config: pytest.Config) -> str | None:
    """The line pytest's header shows when the workers were dropped."""
    workers = config.stash.get(_DROPPED, 0)
    if not workers:
        return None
    return (
        f"etlcheck: running without xdist's {workers} workers: every path given is in an etlcheck "
        "suite, whose tests all read one pipeline run, so workers would only add their "
        "start-up (--etl-workers keep starts them)"
    )
