"""The work of ``etlcheck bench``, in order: check the scripts, take the lock of a
``--db`` database, seed once, choose the baseline (refusing unequal keys before anything
is measured), measure, store, compare, print, write the report.

A benchmark keeps no run records (``.etlcheck/runs`` is for runs that ``--resume`` may
continue): its databases are copies that live only as long as it does."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import stages
from etlcheck.bench.benchmark import Benchmark, BenchSettings, Side
from etlcheck.bench.compare import BenchComparison, compare_results, require_comparable
from etlcheck.bench.keys import BenchKey, bench_key, machine_id
from etlcheck.bench.results import BenchResult
from etlcheck.bench.storage import BenchStore
from etlcheck.bench.table import comparison_lines, describe, samples_lines
from etlcheck.bench.verdict import require_power
from etlcheck.interrupts import StopSignals
from etlcheck.targets import locked_database

if TYPE_CHECKING:
    from etlcheck.bench.request import BenchRequest
    from etlcheck.options import RunOptions

Say = Callable[[str], None]


def _print(line: str) -> None:
    print(line, flush=True)


@dataclass(frozen=True)
class BenchOutcome:
    """What one benchmark measured and what it was compared with."""

    head: BenchResult
    baseline: BenchResult | None
    comparison: BenchComparison | None
    saved: Path | None


def bench(
    options: RunOptions,
    request: BenchRequest,
    say: Say = _print,
    stop: StopSignals | None = None,
) -> BenchOutcome:
    """Measure (and store) as ``request`` says, compared with its baseline if any. A
    ``--db`` database is locked throughout, as ``etlcheck run`` locks it: the benchmark
    seeds it and makes its copies beside it."""
    settings = BenchSettings(request.runs, request.warmup, request.cache)
    alpha = request.thresholds.alpha
    power = (settings.runs, alpha)
    stages.check_scripts(options)
    store = BenchStore(options.config.root, machine_id())
    if request.baseline is not None:  # refuse what is known to differ before seeding
        early = bench_key(options, "", settings.cache)
        _baseline(store, request.baseline, options, early, ("seed_digest",), *power)
    with ExitStack() as stack:
        if options.db is not None:
            stack.enter_context(locked_database(options, request.wait, say))
        sides = [Side("head", options)]
        if request.compare_ref is not None:
            from etlcheck.bench.compare_ref import base_options, checked_out

            checkout = stack.enter_context(checked_out(options, request.compare_ref))
            base = base_options(options, checkout)
            stages.check_scripts(base)
            require_power(settings.runs, settings.runs, alpha)
            sides.insert(0, Side("base", base, checkout.source))
        say(
            f"etlcheck bench: {options.config.name} on {options.engine}, {settings.runs} runs "
            f"after {settings.warmup} warm-up, cache {settings.cache}"
        )
        if len(sides) > 1:
            say(f"base: {sides[0].source}; head: this worktree; interleaved ABAB…")
        benchmark = Benchmark(options, settings, say, stop)
        stack.callback(benchmark.close)
        key = benchmark.seed()
        baseline = None
        if request.baseline is not None:
            baseline = _baseline(store, request.baseline, options, key, (), *power)
        results = benchmark.measure(sides, key)
    head, saved = results[-1], None
    if request.compare_ref is not None:
        baseline = results[0]
    if request.store:
        stored_head = store.save(head.model_copy(update={"name": request.save}))
        head, saved = stored_head.result, stored_head.path
        say(f"saved {head.label}: {_shown(saved)}")
    comparison = None
    if baseline is not None:
        comparison = compare_results(baseline, head, request.thresholds, describe(baseline))
    return BenchOutcome(head, baseline, comparison, saved)


def _baseline(
    store: BenchStore,
    choice: str,
    options: RunOptions,
    key: BenchKey,
    ignore: tuple[str, ...],
    runs: int,
    alpha: float,
) -> BenchResult:
    """The baseline ``choice`` names, refused (exit 2) unless it may be compared."""
    stored = store.baseline(choice, key, options.config.name, ignore)
    what = f"baseline {stored.result.label} ({_shown(stored.path)})"
    require_comparable(stored.result, options.config.name, machine_id(), key, what, ignore)
    require_power(stored.result.runs, runs, alpha)
    return stored.result


def run_bench(options: RunOptions, request: BenchRequest, say: Say = _print) -> int:
    """``etlcheck bench``: measure, store, compare, print, write the report; the exit code."""
    with StopSignals().installed() as stop:
        outcome = bench(options, request, say, stop)
    if outcome.comparison is not None:
        for line in comparison_lines(outcome.comparison, request.fail_on):
            say(line)
    else:
        for line in samples_lines(outcome.head):
            say(line)
        say("no baseline: compare the next run with --baseline latest (or --save NAME now)")
    report = write_report(options, outcome)
    say(f"Report: {_shown(report)}")
    if outcome.comparison is not None and outcome.comparison.failing(request.fail_on):
        return 1
    return 0


def write_report(options: RunOptions, outcome: BenchOutcome) -> Path:
    """bench.html of ``outcome``, with the history of results with its keys."""
    from etlcheck.report.benchmarks import write_bench_report

    head, comparison = outcome.head, outcome.comparison
    store = BenchStore(options.config.root, head.machine.id)
    history = [s.result for s in store.history(head.key, head.pipeline)]
    if not any(r.number == head.number and head.number for r in history):
        history.append(head)
    folder = options.report_dir or options.config.root / options.config.run.report_dir
    return write_bench_report(Path(folder), head, comparison, history[-20:])


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
