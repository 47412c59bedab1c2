"""``pytest -n 2 suites/poc_isolation`` against ``pytest suites/poc_isolation``.

Given only a suite, ``-n 2`` runs the session without workers, since every test of the
suite reads the session's one run (``etlcheck.suite_workers``); ``--keep-workers`` measures
``-n 2 --etl-workers keep`` instead, where the controller makes the one run and shares it
with its workers (``etlcheck.session_run``). Either way the session writes one report
folder. This prints the wall time and the CPU time (user + system, the children's
included) of each, run alternately (each first in every other round) so both see the same
machine, with medians, the ratio, the median of each round's ratio with a 95% bootstrap
interval (whether the difference is larger than the noise), and the load average before
and after. Asserts nothing.

Python caches compiled modules as on any developer's machine or CI runner, even where
``PYTHONDONTWRITEBYTECODE`` is set: without the cache every process compiles (and pytest
rewrites) every module it imports again, which weighs on each xdist worker. Pass
``--no-bytecode-cache`` to measure that case too: the project's caches are removed and
none are written (installed packages keep theirs).

    python benchmarks/bench_xdist_suite.py [--repeat 7] [--no-bytecode-cache] [--keep-workers]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "pytest suites/poc_isolation": ["suites/poc_isolation"],
    "pytest -n 2 suites/poc_isolation": ["-n", "2", "suites/poc_isolation"],
}


def one(arguments: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one pytest process and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} failed:\n{done.stdout[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="compile every module in every process, as with PYTHONDONTWRITEBYTECODE=1",
    )
    parser.add_argument(
        "--keep-workers",
        action="store_true",
        help="measure -n 2 with --etl-workers keep (the workers start and share the run)",
    )
    given = parser.parse_args()
    commands = dict(COMMANDS)
    if given.keep_workers:
        commands = {
            "pytest suites/poc_isolation": ["suites/poc_isolation"],
            "… -n 2 --etl-workers keep": [
                "-n",
                "2",
                "--etl-workers",
                "keep",
                "suites/poc_isolation",
            ],
        }
    environment = dict(os.environ)
    if given.no_bytecode_cache:
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        for cache in ROOT.rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
    else:
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
    cached = "off" if given.no_bytecode_cache else "on"
    print(f"bytecode cache: {cached}; cores: {os.cpu_count()}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for arguments in commands.values():  # warm the bytecode and work caches once
        one(arguments, environment)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(given.repeat):  # each goes first in every other round
        names = list(commands) if round_ % 2 == 0 else list(reversed(commands))
        for name in names:
            samples[name].append(one(commands[name], environment))
    medians = {}
    for name, runs in samples.items():
        walls = [wall for wall, _ in runs]
        cpus = [cpu for _, cpu in runs]
        medians[name] = statistics.median(walls)
        print(
            f"{name:<34} wall median {statistics.median(walls):6.2f}s "
            f"(min {min(walls):.2f}, max {max(walls):.2f})   "
            f"CPU median {statistics.median(cpus):6.2f}s"
        )
    plain, parallel = medians.values()
    print(f"ratio -n 2 / plain: {parallel / plain:.2f}")
    print(paired(*(samples[name] for name in commands)))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def paired(plain: list[tuple[float, float]], parallel: list[tuple[float, float]]) -> str:
    """The median of each round's ratio, with a 95% bootstrap interval: whether ``-n 2``
    is slower than the noise can tell."""
    ratios = [b / a for (a, _), (b, _) in zip(plain, parallel, strict=True)]
    faster = sum(ratio < 1 for ratio in ratios)
    line = f"per round -n 2 / plain: median {statistics.median(ratios):.3f}"
    if len(ratios) < 3:
        return f"{line} ({faster} of {len(ratios)} rounds faster)"
    from scipy.stats import bootstrap

    interval = bootstrap(
        (ratios,), statistics.median, confidence_level=0.95, method="percentile"
    ).confidence_interval
    return (
        f"{line}, 95% interval {interval.low:.3f} to {interval.high:.3f} "
        f"({faster} of {len(ratios)} rounds faster with -n 2)"
    )


if __name__ == "__main__":
    main()
