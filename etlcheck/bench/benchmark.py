"""A benchmark: seed once, then warm-up runs and measured runs, each on a fresh copy of
the seeded database, of one side (this worktree's scripts) or two sides interleaved
(a git ref's scripts and this worktree's: ABAB...), and the samples as results.
"""

from __future__ import annotations

import os
import platform
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from etlcheck.bench.copies import SeededCopies, seed_once
from etlcheck.bench.keys import (
    BenchKey,
    CacheState,
    bench_key,
    machine_id,
    script_digest,
    scripts_digest,
)
from etlcheck.bench.keys import seed_digest as digest_of_seed
from etlcheck.bench.measure import StepMeasure
from etlcheck.bench.reference import ReferenceWorkload
from etlcheck.bench.results import BenchResult, MachineFacts, PhaseSamples, Samples, StepSamples
from etlcheck.bench.runs import BenchInterrupted, measure_once
from etlcheck.errors import UsageError
from etlcheck.interrupts import RunInterrupted, StopSignals
from etlcheck.options import RunOptions
from etlcheck.pipeline import Pipeline

Say = Callable[[str], None]


@dataclass(frozen=True)
class BenchSettings:
    runs: int = 5
    warmup: int = 1
    cache: CacheState = CacheState.WARM

    def __post_init__(self) -> None:
        if self.runs < 1:
            raise UsageError(f"--runs {self.runs}: at least one run is needed")
        if self.warmup < 0:
            raise UsageError(f"--warmup {self.warmup} must not be negative")


@dataclass(frozen=True)
class Side:
    """One set of scripts to measure."""

    label: str
    """``head`` (this worktree) or ``base`` (the ref of ``--compare-ref``)."""
    options: RunOptions
    source: str = "worktree"


def script_digests(options: RunOptions) -> tuple[tuple[str, str], ...]:
    """``(script, digest of its code)`` of every step, in order."""
    steps = Pipeline.from_config(options.config).steps
    return tuple((step.name, script_digest(step.read())) for step in steps)


def machine_facts() -> MachineFacts:
    return MachineFacts(
        id=machine_id(),
        host=socket.gethostname(),
        system=platform.platform(),
        python=platform.python_version(),
        processor=_processor(),
        cpus=os.cpu_count() or 0,
    )


def _processor() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return 0.0


class Benchmark:
    """Seeds once (``seed``), then measures sides (``measure``); ``close`` cleans up.
    A signal (``stop``) ends either with :class:`BenchInterrupted`."""

    def __init__(
        self,
        options: RunOptions,
        settings: BenchSettings,
        say: Say,
        stop: StopSignals | None = None,
    ) -> None:
        self.options = options
        self.settings = settings
        self.say = say
        self.stop = stop or StopSignals()
        self.copies: SeededCopies | None = None
        self.began = time.perf_counter()

    def seed(self) -> BenchKey:
        """Seed the database every run copies; the key of the results this will give."""
        self.say(f"seeding once ({_seed_words(self.options)})")
        try:
            self.copies = seed_once(self.options, self.stop)
        except (RunInterrupted, Exception):
            if self.stop.signum is None:
                raise
            # a seed source turns the interrupted statement into its own error
            raise BenchInterrupted(self.stop.signum, "while seeding") from None
        return bench_key(self.options, digest_of_seed(self.copies.seed), self.settings.cache)

    def measure(self, sides: Sequence[Side], key: BenchKey) -> list[BenchResult]:
        """Warm-up rounds, then measured rounds; each round runs every side once, in order."""
        if self.copies is None:
            raise RuntimeError("seed() before measure()")
        settings = self.settings
        load_before = load_average()
        measured: dict[str, list[tuple[StepMeasure, ...]]] = {s.label: [] for s in sides}
        rounds = [("warm-up", i) for i in range(settings.warmup)]
        rounds += [("run", i) for i in range(settings.runs)]
        workload = ReferenceWorkload()
        reference: list[float] = []
        for kind, index in rounds:
            if kind == "run":  # the machine's speed now, once a round: both sides share it
                reference.append(round(workload.seconds(), 6))
            for side in sides:
                total = settings.warmup if kind == "warm-up" else settings.runs
                label = f"{side.label}-{kind.replace('-', '')}{index + 1}"
                measures = measure_once(
                    self.copies, side.options, settings.cache, label, stop=self.stop
                )
                if kind == "run":
                    measured[side.label].append(measures)
                wall = sum(m.wall for m in measures)
                name = f" {side.label}" if len(sides) > 1 else ""
                self.say(f"{kind} {index + 1}/{total}{name}: {len(measures)} steps in {wall:.2f}s")
        workload.close()
        conditions = Conditions(
            load=(load_before, load_average()),
            reference=tuple(reference),
            seconds=round(time.perf_counter() - self.began, 3),
        )
        return [assemble(side, measured[side.label], key, settings, conditions) for side in sides]

    def close(self) -> None:
        if self.copies is not None:
            self.copies.close()
            self.copies = None


def _seed_words(options: RunOptions) -> str:
    kinds = ", ".join(spec.kind for spec in options.seed_sources) or "no seed sources"
    scale = f", scale {options.scale}" if options.sample_sources else ""
    return f"{options.engine}: {kinds}{scale}"


@dataclass(frozen=True)
class Conditions:
    """The machine while a benchmark ran."""

    load: tuple[float, float]
    """1-minute load average before and after."""
    reference: tuple[float, ...]
    """Seconds of the reference workload before each measured round."""
    seconds: float
    """Wall time of the whole benchmark, seeding included."""


def assemble(
    side: Side,
    runs: Sequence[Sequence[StepMeasure]],
    key: BenchKey,
    settings: BenchSettings,
    conditions: Conditions,
) -> BenchResult:
    """The samples of ``runs`` (one list of step measures per run) as a result."""
    digests = script_digests(side.options)
    pipeline = Pipeline.from_config(side.options.config)
    steps = []
    for step in pipeline.steps:
        per_run = [next(m for m in run if m.script == step.name) for run in runs]
        steps.append(
            StepSamples(
                number=step.number,
                script=step.name,
                phase=step.phase,
                digest=dict(digests)[step.name],
                samples=_samples(per_run),
            )
        )
    phases = []
    for phase in pipeline.phases:
        totals = [_phase_total(phase.name, run) for run in runs]
        if any(total is not None for total in totals):
            phases.append(
                PhaseSamples(
                    name=phase.name,
                    title=phase.title,
                    samples=_samples([t for t in totals if t is not None]),
                )
            )
    return BenchResult(
        pipeline=side.options.config.name,
        created_at=datetime.now(UTC).replace(microsecond=0),
        machine=machine_facts(),
        key=key,
        scripts_digest=scripts_digest(digests),
        source=side.source,
        runs=len(runs),
        warmup=settings.warmup,
        load=conditions.load,
        reference=conditions.reference,
        seconds=conditions.seconds,
        steps=tuple(steps),
        phases=tuple(phases),
    )


def _phase_total(phase: str, run: Sequence[StepMeasure]) -> StepMeasure | None:
    inside = [m for m in run if m.phase == phase]
    if not inside:
        return None
    return StepMeasure(
        script=phase,
        phase=phase,
        status="ok",
        wall=sum(m.wall for m in inside),
        engine=sum(m.engine for m in inside),
        cpu=sum(m.cpu for m in inside),
        rows=sum(m.rows for m in inside),
        peak_rss=max(m.peak_rss for m in inside),
    )


def _samples(measures: Sequence[StepMeasure]) -> Samples:
    return Samples(
        wall=tuple(round(m.wall, 6) for m in measures),
        engine=tuple(round(m.engine, 6) for m in measures),
        interpreter=tuple(round(m.interpreter, 6) for m in measures),
        cpu=tuple(round(m.cpu, 6) for m in measures),
        rows=tuple(m.rows for m in measures),
        peak_rss=tuple(m.peak_rss for m in measures),
    )
