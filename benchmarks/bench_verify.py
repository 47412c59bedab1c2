"""End-to-end figures of validation (issue 15's targets), as ratios to the pipeline time
measured in the same run.

On the 2-core reference machine, medians of RUNS runs:

- ``etlcheck run --scale seed``, end to end with the report: <= 6 s wall;
- validating the four sample suites at seed scale: <= 0.5 s;
- ``pytest suites/poc_isolation`` at poc scale: <= 5 s wall.

Every run is a fresh interpreter in a copy of the sample project under /tmp (the work cache
and the seeded template, ``etlcheck.seeding.template``, warm after the first run, as for a
user's second run). The seed-scale run is measured in the three
ways ``ETLCHECK_GX_PREFETCH`` offers (a worker process, the default; a thread; no
prefetch), alternating, so all see the same load. Validation is timed twice: inside the
run (the sum of the suites' own times in run.json, in the worker) and again in one process
on the database the run left (GX warm). Beside each wall time, the CPU time of the run's
processes: on a shared machine the other load moves it far less. Prints figures; asserts
nothing.

    python benchmarks/bench_verify.py [RUNS]   (default 5)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RUN_TARGET = 6.0
VALIDATE_TARGET = 0.5
PYTEST_TARGET = 5.0
DRIVER = """
import dataclasses, json
from etlcheck.cli import main
from etlcheck.expectations import importer, worker
code = main(["run", "--scale", "seed"])
timings = dataclasses.asdict(worker.last_timings) if worker.last_timings else importer.timings()
print(json.dumps({"exit": code, **timings}))
"""
MODES = {
    "process": "GX imported and run in a worker process",
    "thread": "GX imported in a thread while seeding",
    "0": "GX imported when the first suite runs",
}
REVALIDATE = """
import json, sys, time
from pathlib import Path
from etlcheck.config import load_config
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.expectations import load_suites, validate_suites
from etlcheck.options import RunOptions
from etlcheck.stages import table_resolver
config = load_config()
options = RunOptions.from_config(config)
suites = load_suites(config.root / config.run.expectations)
times = []
with DuckDBEngine(sys.argv[1]) as engine:
    validate_suites(engine, suites, table_resolver(options))
    for _ in range(int(sys.argv[2])):
        began = time.perf_counter()
        outcomes = validate_suites(engine, suites, table_resolver(options))
        times.append(time.perf_counter() - began)
assert all(o.success for o in outcomes)
print(json.dumps(times))
"""


def project(folder: Path) -> Path:
    for name in ("etlcheck.toml", "sql", "suites"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, folder / name)
    return folder


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


def children_cpu() -> float:
    """CPU seconds (user and system) of the ended child processes and their children: a
    figure the machine's other load disturbs far less than wall time."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def seed_run(folder: Path, mode: str) -> dict[str, Any]:
    began, cpu = time.perf_counter(), children_cpu()
    finished = subprocess.run(
        [sys.executable, "-c", DRIVER],
        cwd=folder,
        env=environment(ETLCHECK_GX_PREFETCH=mode),
        capture_output=True,
        text=True,
        check=False,
    )
    wall, cpu = time.perf_counter() - began, children_cpu() - cpu
    if finished.returncode != 0:
        raise SystemExit(f"etlcheck run failed:\n{finished.stderr[-2000:]}")
    timings = json.loads(finished.stdout.strip().splitlines()[-1])
    document = json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))
    validated = sum(suite["seconds"] for suite in document["expectations"])
    return {
        "wall": wall,
        "cpu": cpu,
        "pipeline": document["run"]["seconds"],
        "validate": validated,
        "waited": timings["waited_seconds"],
        "export": timings.get("export_seconds", 0.0),
        "verified": document["verdict"] == "verified",
    }


def revalidate(folder: Path, runs: int) -> list[float]:
    database = folder / ".etlcheck" / "insurance-poc.duckdb"
    finished = subprocess.run(
        [sys.executable, "-c", REVALIDATE, str(database), str(runs)],
        cwd=folder,
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        raise SystemExit(f"validation failed:\n{finished.stderr[-2000:]}")
    times: list[float] = json.loads(finished.stdout.strip().splitlines()[-1])
    return times


def pytest_run(folder: Path) -> tuple[float, float, float]:
    began, cpu = time.perf_counter(), children_cpu()
    finished = subprocess.run(
        [sys.executable, "-m", "pytest", "suites/poc_isolation", "-q", "-p", "no:cacheprovider"],
        cwd=folder,
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    wall, cpu = time.perf_counter() - began, children_cpu() - cpu
    if finished.returncode != 0:
        raise SystemExit(f"pytest failed:\n{finished.stdout[-2000:]}")
    document = json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))
    return wall, document["run"]["seconds"], cpu


def line(name: str, values: list[float], target: float, pipeline: float) -> str:
    median = statistics.median(values)
    shown = " ".join(f"{v:.2f}" for v in values)
    verdict = "meets" if median <= target else "MISSES"
    return (
        f"{name:<44} median {median:6.2f} s  ×{median / pipeline:5.2f} pipeline  "
        f"target {target:g} s: {verdict}   [{shown}]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="etlcheck-bench-verify-") as scratch:
        folder = project(Path(scratch))
        seed_run(folder, "process")  # fills the work cache, as a user's first run does
        results: dict[str, list[dict[str, Any]]] = {mode: [] for mode in MODES}
        for _ in range(runs):
            for mode in MODES:
                results[mode].append(seed_run(folder, mode))
        warm = revalidate(folder, runs)
        poc = [pytest_run(folder) for _ in range(runs)]
    pipeline = statistics.median(r["pipeline"] for rs in results.values() for r in rs)
    print(f"seed-scale pipeline (41 steps), median of every run below: {pipeline:.2f} s")
    for mode, label in MODES.items():
        measured = results[mode]
        print(line(f"etlcheck run --scale seed, {mode}", [r["wall"] for r in measured],
                   RUN_TARGET, pipeline))  # fmt: skip
        waited = statistics.median(r["waited"] for r in measured)
        export = statistics.median(r["export"] for r in measured)
        verified = sum(r["verified"] for r in measured)
        cpu = statistics.median(r["cpu"] for r in measured)
        print(f"    {label}: waited {waited:.2f} s for it, table copy {export:.2f} s, "
              f"verified {verified}/{len(measured)}, CPU {cpu:.2f} s")  # fmt: skip
    inside = [r["validate"] for r in results["process"]]
    print(line("validating the 4 suites, inside the run", inside, VALIDATE_TARGET, pipeline))
    print(line("validating the 4 suites again, GX warm", warm, VALIDATE_TARGET, pipeline))
    poc_pipeline = statistics.median(p for _, p, _ in poc)
    print(line("pytest suites/poc_isolation (poc scale)", [w for w, _, _ in poc], PYTEST_TARGET,
               poc_pipeline))  # fmt: skip
    poc_cpu = statistics.median(c for _, _, c in poc)
    print(f"    (ratio to the poc pipeline's {poc_pipeline:.2f} s; CPU {poc_cpu:.2f} s)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
