"""A benchmark result against a baseline, step by step and phase by phase.

Only results with equal keys are compared (and from the same machine, of the same
pipeline); anything else is refused in one line that names the differing key. Steps are
matched by script; a step whose code changed is compared all the same (that is the
change under test) and marked so.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from enum import StrEnum

from etlcheck.bench.keys import KEY_NAMES, BenchKey
from etlcheck.bench.results import BenchResult, Samples
from etlcheck.bench.verdict import (
    SampleComparison,
    Thresholds,
    Verdict,
    compare_samples,
    require_power,
)
from etlcheck.errors import UsageError

KEYS_TEXT = "engine, scale, rewrite mode, seed digest, cache state and etlcheck version"


class FailOn(StrEnum):
    """What makes ``etlcheck bench`` exit 1."""

    STEP = "step"
    """A slower step or a slower phase (the default)."""
    PHASE = "phase"
    """A slower phase only."""
    NONE = "none"
    """Nothing: report only."""


class BenchKeyMismatch(UsageError):
    """Two results whose keys differ: their timings say nothing about each other."""


@dataclass(frozen=True)
class Row:
    """One step or phase of the comparison."""

    kind: str
    """``step`` or ``phase``."""
    name: str
    """The script, or the phase's name."""
    title: str
    comparison: SampleComparison | None
    """None for a step only one side has."""
    code_changed: bool = False
    only_in: str = ""
    """``baseline`` or ``head`` when only that side has the step."""

    @property
    def verdict(self) -> Verdict | None:
        return self.comparison.verdict if self.comparison is not None else None

    @property
    def subject(self) -> str:
        return self.name if self.kind == "step" else f"phase {self.title}"

    @property
    def sentence(self) -> str:
        """What the terminal, the pytest failure and the report say about the row."""
        c = self.comparison
        if c is None:
            return f"{self.subject} ran only in the {self.only_in}: nothing to compare"
        code = "; its code changed" if self.code_changed else ""
        machine = ""
        if c.machine_explains:
            machine = (
                f"; the machine itself ran {drift_text(c.drift)} than for the baseline, "
                "which explains a change this size"
            )
        return (
            f"{self.subject} is {c.verdict}: median {c.head_median:.3f}s against "
            f"{c.baseline_median:.3f}s in the baseline ({_ratio_text(c.ratio)}, "
            f"{c.change * 1000:+.0f} ms, p = {c.p_value:.2g}){code}{machine}"
        )


def drift_text(drift: float) -> str:
    """``×1.18 slower`` / ``×1.12 faster``: how the reference workload changed."""
    if drift >= 1:
        return f"×{drift:.2f} slower"
    return f"×{1 / drift:.2f} faster"


def machine_drift(baseline: BenchResult, head: BenchResult) -> float:
    """How many times as long the reference workload took for ``head`` as for
    ``baseline`` (1 when either result has none: saved before it existed)."""
    if not baseline.reference or not head.reference:
        return 1.0
    before = statistics.median(baseline.reference)
    return statistics.median(head.reference) / before if before > 0 else 1.0


def _ratio_text(ratio: float) -> str:
    return "×inf" if ratio == float("inf") else f"×{ratio:.2f}"


@dataclass(frozen=True)
class BenchComparison:
    baseline: BenchResult
    head: BenchResult
    thresholds: Thresholds
    rows: tuple[Row, ...]
    drift: float = 1.0
    """How many times as long the reference workload took for the head (``machine_drift``)."""

    def failing(self, fail_on: FailOn) -> list[Row]:
        """The rows that fail the gate (slower ones that ``fail_on`` counts)."""
        if fail_on is FailOn.NONE:
            return []
        kinds = ("phase",) if fail_on is FailOn.PHASE else ("phase", "step")
        return [r for r in self.rows if r.verdict is Verdict.SLOWER and r.kind in kinds]

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.rows if r.verdict is verdict)


def require_comparable(
    baseline: BenchResult,
    pipeline: str,
    machine: str,
    key: BenchKey,
    what: str,
    ignore: tuple[str, ...] = (),
) -> None:
    """Refuse (exit 2, one line) unless ``baseline`` may be compared with results of
    ``pipeline`` on ``machine`` with ``key`` (but for the keys in ``ignore``)."""
    differing: tuple[str, str, str] | None = None
    if baseline.pipeline != pipeline:
        differing = ("pipeline", baseline.pipeline, pipeline)
    elif baseline.machine.id != machine:
        differing = ("machine", baseline.machine.id, machine)
    else:
        found = baseline.key.differing(key, ignore)
        if found is not None:
            differing = (KEY_NAMES[found[0]], found[1], found[2])
    if differing is not None:
        name, theirs, mine = differing
        raise BenchKeyMismatch(
            f"refusing to compare with {what}: its {name} is {theirs}, this run's is {mine}",
            hint=f"results are compared only with equal machine, {KEYS_TEXT}",
        )


def compare_results(
    baseline: BenchResult, head: BenchResult, thresholds: Thresholds, what: str = "the baseline"
) -> BenchComparison:
    """Every step and phase of ``head`` against ``baseline`` (keys checked first)."""
    require_comparable(baseline, head.pipeline, head.machine.id, head.key, what)
    require_power(baseline.runs, head.runs, thresholds.alpha)
    drift = machine_drift(baseline, head)
    rows: list[Row] = []
    for step in head.steps:
        before = baseline.step(step.script)
        if before is None:
            rows.append(Row("step", step.script, step.script, None, only_in="head"))
            continue
        rows.append(
            Row(
                "step",
                step.script,
                step.script,
                _compare(before.samples, step.samples, thresholds, drift),
                code_changed=before.digest != step.digest,
            )
        )
    rows += [
        Row("step", s.script, s.script, None, only_in="baseline")
        for s in baseline.steps
        if head.step(s.script) is None
    ]
    for phase in head.phases:
        earlier = baseline.phase(phase.name)
        if earlier is not None:
            comparison = _compare(earlier.samples, phase.samples, thresholds, drift)
            rows.append(Row("phase", phase.name, phase.title, comparison))
    return BenchComparison(baseline, head, thresholds, tuple(rows), drift)


def _compare(
    before: Samples, after: Samples, thresholds: Thresholds, drift: float
) -> SampleComparison:
    return compare_samples(before.wall, after.wall, thresholds, drift)
