"""How long the seed-scale sample pipeline takes on DuckDB (issue 2's targets).

Targets on the 2-core reference machine: the 41-step pipeline (generation excluded)
in <= 2 s, sample data generation in <= 1 s. Each run uses a fresh DuckDB file under
/tmp (or, for the third run of each set, an in-memory database as ``--db :memory:``),
seeds it as ``etlcheck run --scale seed`` does (sandboxed, AST rewrite) and runs every
step through the same ``Runner``. Besides the wall times it splits the pipeline
into the time DuckDB spends executing the compiled statements (what the same
transforms would cost as hand-written DuckDB SQL, roughly) and the interpreter's own
overhead (splitting, sqlglot, control flow, state rows). Prints figures; asserts nothing.

    python benchmarks/bench_pipeline.py [RUNS]   (default 3)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etlcheck import prewarm
from etlcheck.config import load_config
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.options import RunOptions
from etlcheck.sampledata import generate
from etlcheck.seeding.seeder import Seeder
from etlcheck.stages import make_runner

SMALL = 0.02
"""Engine calls faster than this: statements on small tables, key checks, commits, DDL,
catalog reads, state rows."""
PIPELINE_TARGET = 2.0
GENERATION_TARGET = 1.0
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class EngineClock:
    """Time spent inside the engine's execute/query calls, per step."""

    seconds: float = 0.0
    calls: int = 0
    small: float = 0.0
    small_calls: int = 0
    per_step: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    step: str = ""

    def wrap(self, function: Callable[[str], Any]) -> Callable[[str], Any]:
        def timed(sql: str) -> Any:
            began = time.perf_counter()
            try:
                return function(sql)
            finally:
                spent = time.perf_counter() - began
                self.seconds += spent
                if spent < SMALL:
                    self.small += spent
                    self.small_calls += 1
                self.calls += 1
                self.per_step[self.step] += spent

        return timed


@dataclass
class Sample:
    generate: float
    seed: float
    phases: dict[str, float]
    total: float
    cpu: float
    close: float
    waited: float
    """Seconds the run waited for the compile child after seeding (counted in ``total``)."""
    engine: float
    engine_calls: int
    small: float
    small_calls: int
    statements: int
    per_step: dict[str, tuple[float, float]]
    """step -> (wall seconds, engine seconds)."""


@contextmanager
def fresh_database(index: int) -> Iterator[Path]:
    directory = Path(tempfile.mkdtemp(prefix="etlcheck-bench-", dir="/tmp"))
    path = directory / f"run{index}.duckdb"
    try:
        yield path
    finally:
        for leftover in directory.iterdir():
            leftover.unlink()
        directory.rmdir()


def one_run(index: int, config: Any, cache_dir: Path, in_memory: bool = False) -> Sample:
    began = time.perf_counter()
    generate("seed", config.sample.seed)
    generated = time.perf_counter() - began

    options = RunOptions.from_config(config, scale="seed")
    with fresh_database(index) as path:
        # As etlcheck run does: a cold cache is filled by a child process during seeding.
        warming = prewarm.start(options, cache_dir)
        engine = DuckDBEngine(None if in_memory else str(path)).start()
        try:
            began = time.perf_counter()
            # as prepare_database does, without its template: seeding is measured here
            seeder = Seeder(engine, options)
            seeder.declared()
            summary = seeder.finish()
            # the sample source generates again: its generation time is taken off
            seeded = time.perf_counter() - began - generated
            del summary
            began = time.perf_counter()
            if warming is not None:
                warming.wait()
            waited = time.perf_counter() - began
            clock = EngineClock()
            engine.execute = clock.wrap(engine.execute)  # type: ignore[method-assign,assignment]
            engine.query = clock.wrap(engine.query)  # type: ignore[method-assign,assignment]
            runner = make_runner(engine, options)
            runner.cache_dir = cache_dir
            runner.progress = lambda step, result: setattr(
                clock, "step", step.name if result is None else "(state rows)"
            )
            began, cpu_began = time.perf_counter(), time.process_time()
            result = runner.run()
            total, cpu = time.perf_counter() - began + waited, time.process_time() - cpu_began
        finally:
            began = time.perf_counter()
            engine.close()
            closed = time.perf_counter() - began
    if not result.ok:
        raise SystemExit(f"run {index} failed: {result.failed}")
    return Sample(
        generate=generated,
        seed=seeded,
        phases={phase.name: phase.seconds for phase in result.phases},
        total=total,
        cpu=cpu,
        close=closed,
        waited=waited,
        engine=clock.seconds,
        engine_calls=clock.calls,
        small=clock.small,
        small_calls=clock.small_calls,
        statements=sum(r.statements for r in result.results),
        per_step={r.step.name: (r.seconds, clock.per_step[r.step.name]) for r in result.results},
    )


def _child(index: int, cache_dir: Path, in_memory: bool = False) -> Sample:
    """One run in a fresh interpreter (as the CLI), with the statement cache in ``cache_dir``."""
    command = [sys.executable, __file__, "--child", str(index), "--cache", str(cache_dir)]
    command += ["--memory"] if in_memory else []
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return Sample(**json.loads(output.splitlines()[-1]))


def _figures(values: list[float]) -> str:
    return f"best {min(values):6.3f} s   median {statistics.median(values):6.3f} s"


def _ratio(values: list[float], target: float) -> str:
    return f"{statistics.median(values) / target:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=3)
    parser.add_argument("--steps", type=int, default=8, help="slowest steps to list")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    config = load_config(ROOT / "etlcheck.toml")

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.child is not None:
        print(json.dumps(dataclasses.asdict(one_run(args.child, config, args.cache, args.memory))))
        return
    cold: list[Sample] = []
    samples: list[Sample] = []
    memory: list[Sample] = []
    for index in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="etlcheck-bench-cache-") as cache:
            cold.append(_child(index, Path(cache)))
            samples.append(_child(index, Path(cache)))
            memory.append(_child(index, Path(cache), in_memory=True))
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"seed-scale pipeline on DuckDB, {args.runs} pair(s) of runs, each in a fresh process "
        "with a fresh /tmp database: a cold run (empty statement cache, as after a change "
        "to etlcheck or on a fresh CI machine), then a warm one (the cache it left), then a "
        "warm one in an in-memory database (--db :memory:)\n"
    )

    generation = [s.generate for s in cold + samples]
    print(
        f"data generation      {_figures(generation)}   "
        f"target {GENERATION_TARGET:g} s, median/target {_ratio(generation, GENERATION_TARGET)}"
    )
    print(f"seeding (excl. gen.) {_figures([s.seed for s in samples])}")
    for phase in samples[0].phases:
        print(f"phase {phase:<14} {_figures([s.phases[phase] for s in samples])}")
    cold_totals = [s.total for s in cold]
    print(
        f"pipeline, cold cache {_figures(cold_totals)}   "
        f"target {PIPELINE_TARGET:g} s, median/target {_ratio(cold_totals, PIPELINE_TARGET)}"
    )
    totals = [s.total for s in samples]
    print(
        f"pipeline, warm cache {_figures(totals)}   "
        f"target {PIPELINE_TARGET:g} s, median/target {_ratio(totals, PIPELINE_TARGET)}"
    )
    closed = [s.total + s.close for s in samples]
    print(f"  and then closing   {_figures(closed)}   (the final checkpoint writes the rest)")
    in_memory = [s.total for s in memory]
    print(
        f"  in memory, warm    {_figures(in_memory)}   "
        f"target {PIPELINE_TARGET:g} s, median/target {_ratio(in_memory, PIPELINE_TARGET)}"
        "   (--db :memory:)"
    )
    print("  (the figures below are of the warm runs on a file)")
    print(f"  process CPU        {_figures([s.cpu for s in samples])}   (all threads)")
    print(f"  then closing       {_figures([s.close for s in samples])}   (final checkpoint)")
    print(
        f"  cold: waited       {_figures([s.waited for s in cold])}   "
        "(for the compile child after seeding; counted in the pipeline)"
    )
    engine = [s.engine for s in samples]
    overhead = [s.total - s.engine for s in samples]
    print(f"  DuckDB executing   {_figures(engine)}   ({samples[0].engine_calls} engine calls)")
    big = [s.engine - s.small for s in samples]
    calls = samples[0].engine_calls - samples[0].small_calls
    print(f"    data statements  {_figures(big)}   ({calls} calls of >= {SMALL * 1000:g} ms)")
    print(
        f"    shorter calls    {_figures([s.small for s in samples])}   "
        f"({samples[0].small_calls} shorter calls)"
    )
    print(
        f"  interpreter etc.   {_figures(overhead)}   "
        f"({samples[0].statements} T-SQL statements, "
        f"{1000 * statistics.median(overhead) / max(samples[0].statements, 1):.2f} ms each)"
    )

    best = min(samples, key=lambda s: s.total)
    print("\nslowest steps of the best run (wall / DuckDB):")
    slowest = sorted(best.per_step.items(), key=lambda item: -item[1][0])[: args.steps]
    for name, (wall, spent) in slowest:
        print(f"  {name:<36} {wall:6.3f} s / {spent:6.3f} s")


if __name__ == "__main__":
    main()
