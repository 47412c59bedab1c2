"""Sparing a core for the process that imports Great Expectations, and giving it back.

Each case runs in a fresh interpreter: it changes the affinity of the threads it runs in.
"""

from __future__ import annotations

import os

import pytest

from etlcheck.cores import available_cores
from tests.fresh import run_fresh

pytestmark = pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or available_cores() < 2,
    reason="needs CPU affinity (Linux) and 2 cores or more",
)


def test_what_starts_after_sparing_a_core_runs_off_it_until_given_back() -> None:
    out = run_fresh(
        """
        import os, subprocess, sys, threading
        from etlcheck.cores import run_on, spare_one_core

        every = frozenset(os.sched_getaffinity(0))
        given = spare_one_core()
        seen, go = {}, threading.Event()

        def thread():
            seen["started"] = frozenset(os.sched_getaffinity(0))
            go.wait()
            seen["after"] = frozenset(os.sched_getaffinity(0))

        helper = threading.Thread(target=thread)
        helper.start()
        child = subprocess.run(
            [sys.executable, "-c", "import os; print(sorted(os.sched_getaffinity(0)))"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        run_on(given)
        go.set()
        helper.join()
        spared = every - {max(every)}
        print(given == every, seen["started"] == spared, child == str(sorted(spared)),
              seen["after"] == every, frozenset(os.sched_getaffinity(0)) == every)
        """
    )
    assert out == "True True True True True"


def test_threads_already_running_leave_the_spared_core_too() -> None:
    out = run_fresh(
        """
        import os, threading
        from etlcheck.cores import run_on, spare_one_core

        every = frozenset(os.sched_getaffinity(0))
        seen = {}
        started, spared, looked, back = (threading.Event() for _ in range(4))

        def thread():
            seen["before"] = frozenset(os.sched_getaffinity(0))
            started.set()
            spared.wait()
            seen["spared"] = frozenset(os.sched_getaffinity(0))
            looked.set()
            back.wait()
            seen["back"] = frozenset(os.sched_getaffinity(0))

        helper = threading.Thread(target=thread)
        helper.start()
        started.wait()
        given = spare_one_core()
        spared.set()
        looked.wait()
        run_on(given)
        back.set()
        helper.join()
        print(seen["before"] == every, seen["spared"] == every - {max(every)},
              seen["back"] == every)
        """
    )
    assert out == "True True True"


def test_on_one_core_nothing_is_spared() -> None:
    out = run_fresh(
        """
        import os
        from etlcheck.cores import spare_one_core

        one = {min(os.sched_getaffinity(0))}
        os.sched_setaffinity(0, one)
        print(spare_one_core(), os.sched_getaffinity(0) == one)
        """
    )
    assert out == "None True"
