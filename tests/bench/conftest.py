"""Synthetic benchmark results for the tests: nothing here times anything real."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from etlcheck.bench import benchmark
from etlcheck.bench.keys import BenchKey, CacheState
from etlcheck.bench.measure import StepMeasure
from etlcheck.bench.results import BenchResult, MachineFacts, PhaseSamples, Samples, StepSamples
from etlcheck.options import RunOptions

HERE = Path(__file__).resolve().parent
MACHINE = MachineFacts(
    id="ci-box-Linux-CPython3.11-x86_64", host="ci-box", system="Linux", python="3.11.9", cpus=2
)
KEY = BenchKey(
    engine="duckdb",
    scale="none",
    rewrite="ast",
    seed_digest="5eed5eed5eed5eed",
    cache=CacheState.WARM,
    etlcheck_version="0.1.0",
)
SCRIPTS = ("10-stage-orders.sql", "20-merge-customers.sql", "21-publish-orders.sql")
PHASE_OF = {"10-stage-orders.sql": "stage"}

Make = Callable[..., BenchResult]


def samples(wall: Sequence[float], rows: int = 6) -> Samples:
    return Samples(
        wall=tuple(wall),
        engine=tuple(w * 0.8 for w in wall),
        interpreter=tuple(w * 0.2 for w in wall),
        cpu=tuple(wall),
        rows=(rows,) * len(wall),
        peak_rss=(150 * 2**20,) * len(wall),
    )


def make_result(
    walls: dict[str, Sequence[float]],
    *,
    key: BenchKey = KEY,
    digests: dict[str, str] | None = None,
    name: str | None = None,
    machine: MachineFacts = MACHINE,
    pipeline: str = "orders",
    source: str = "worktree",
    reference: float | None = 0.020,
) -> BenchResult:
    """A result whose steps took ``walls`` seconds, run by run; phases are their sums; the
    reference workload took ``reference`` seconds before each run (None: not timed)."""
    steps = []
    for number, (script, wall) in enumerate(walls.items(), start=1):
        steps.append(
            StepSamples(
                number=number,
                script=script,
                phase=PHASE_OF.get(script, "publish"),
                digest=(digests or {}).get(script, "c0de" * 4),
                samples=samples(wall),
            )
        )
    phases = []
    for phase, title in (("stage", "Stage"), ("publish", "Publish")):
        inside = [s.samples.wall for s in steps if s.phase == phase]
        if inside:
            phases.append(
                PhaseSamples(
                    name=phase,
                    title=title,
                    samples=samples([sum(r) for r in zip(*inside, strict=True)]),
                )
            )
    runs = len(next(iter(walls.values())))
    return BenchResult(
        name=name,
        pipeline=pipeline,
        created_at=datetime(2026, 5, 1, 12, 0, tzinfo=UTC),
        machine=machine,
        key=key,
        scripts_digest="0a0b0c0d",
        source=source,
        runs=runs,
        warmup=1,
        load=(1.5, 1.75),
        reference=() if reference is None else (reference,) * runs,
        steps=tuple(steps),
        phases=tuple(phases),
    )


@pytest.fixture
def make() -> Make:
    return make_result


@pytest.fixture
def orders_project(tmp_path: Path) -> Path:
    """A copy of the small order warehouse (tests/bench/orders) to run in."""
    target = tmp_path / "orders"
    shutil.copytree(HERE / "orders", target)
    return target


STEPS = (
    ("10-stage-orders.sql", "stage", 6),
    ("20-merge-customers.sql", "publish", 3),
    ("21-publish-orders.sql", "publish", 6),
)


class Synthetic:
    """Stands in for ``measure_once``: each run takes the seconds the test sets."""

    def __init__(self) -> None:
        self.seconds = {name: [0.020, 0.021, 0.0205, 0.0202, 0.0208] for name, _, _ in STEPS}
        self.calls: list[str] = []
        self.head_only: dict[str, list[float]] = {}
        """Seconds that only the head side takes (for --compare-ref)."""
        self.reference = 0.020
        """Seconds the reference workload takes (how fast the machine is)."""
        self.reference_closed = 0

    def __call__(
        self, copies: object, options: RunOptions, cache: object, label: str, stop: object = None
    ) -> tuple[StepMeasure, ...]:
        self.calls.append(label)
        index = sum(1 for c in self.calls if c.startswith(label.split("-")[0])) - 1
        assert options.db is None  # the copy is made by measure_once, not here
        seconds = dict(self.seconds)
        if label.startswith("head"):
            seconds.update(self.head_only)
        return tuple(
            StepMeasure(name, phase, "ok", seconds[name][index % 5], 0.01, 0.01, rows, 2**27)
            for name, phase, rows in STEPS
        )


class SyntheticWorkload:
    """Stands in for ``ReferenceWorkload``: it takes the seconds the test sets."""

    def __init__(self, synthetic: Synthetic) -> None:
        self.synthetic = synthetic

    def seconds(self) -> float:
        return self.synthetic.reference

    def close(self) -> None:
        self.synthetic.reference_closed += 1


@pytest.fixture
def synthetic(monkeypatch: pytest.MonkeyPatch) -> Iterator[Synthetic]:
    fake = Synthetic()
    monkeypatch.setattr(benchmark, "measure_once", fake)
    monkeypatch.setattr(benchmark, "ReferenceWorkload", lambda: SyntheticWorkload(fake))
    yield fake
