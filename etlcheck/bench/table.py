"""What ``etlcheck bench`` prints: the comparison table (step, both medians, ratio,
p-value, verdict) or, without a baseline, each step's medians, and the summary lines."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from etlcheck.bench.compare import BenchComparison, FailOn, Row, drift_text
from etlcheck.bench.results import BenchResult, Samples
from etlcheck.bench.verdict import Verdict, spread

NAME_WIDTH = 44
CHANGED_MARK = "*"


def _seconds(value: float) -> str:
    return f"{value:.3f}s"


def _name(text: str) -> str:
    return text if len(text) <= NAME_WIDTH else text[: NAME_WIDTH - 1] + "…"


def comparison_lines(comparison: BenchComparison, fail_on: FailOn) -> list[str]:
    """The table of every phase and step, then a summary and one line per failure."""
    header = (
        f"{'':2}{'step or phase':<{NAME_WIDTH}} {'baseline':>9} {'this run':>9} "
        f"{'ratio':>8} {'p':>7}  verdict"
    )
    lines = [header]
    phases = [r for r in comparison.rows if r.kind == "phase"]
    steps = [r for r in comparison.rows if r.kind == "step"]
    lines += [_row_line(r) for r in phases]
    lines.append("")
    lines += [_row_line(r) for r in steps]
    if any(r.code_changed for r in steps):
        lines.append(f"{CHANGED_MARK} the step's code changed since the baseline")
    lines.append("")
    lines.append(summary_line(comparison))
    machine = machine_line(comparison)
    if machine:
        lines.append(machine)
    failing = comparison.failing(fail_on)
    lines += [f"✗ {row.sentence}" for row in failing]
    noisy = comparison.count(Verdict.NOISY)
    if noisy:
        lines.append(
            f"{noisy} noisy: the samples could not tell a change of the size that counts "
            "from noise, or from the machine's own change of speed; more --runs, or "
            "--compare-ref on a quieter machine, can"
        )
    return lines


def _row_line(row: Row) -> str:
    mark = CHANGED_MARK if row.code_changed else " "
    name = _name(row.subject) + (mark if row.kind == "step" else "")
    c = row.comparison
    if c is None:
        return f"  {name:<{NAME_WIDTH + 1}}only in the {row.only_in}"
    ratio = "inf" if c.ratio == float("inf") else f"{c.ratio:.2f}"
    verdict = str(c.verdict).upper() if c.verdict is Verdict.SLOWER else str(c.verdict)
    flag = "✗ " if c.verdict is Verdict.SLOWER else "  "
    return (
        f"{flag}{name:<{NAME_WIDTH + 1}}{_seconds(c.baseline_median):>9} "
        f"{_seconds(c.head_median):>9} {ratio:>8} {c.p_value:>7.2g}  {verdict}"
    )


def summary_line(comparison: BenchComparison) -> str:
    counts = ", ".join(
        f"{comparison.count(v)} {v}"
        for v in (Verdict.SLOWER, Verdict.FASTER, Verdict.SAME, Verdict.NOISY)
    )
    baseline, head = comparison.baseline, comparison.head
    thresholds = comparison.thresholds
    return (
        f"{counts} (against {describe(baseline)}; {baseline.runs} and {head.runs} runs; "
        f"slower means p < {thresholds.alpha:g}, ×{thresholds.factor:g} and "
        f"+{thresholds.floor_seconds * 1000:g} ms)"
    )


NOTICEABLE_DRIFT = 0.05
"""A machine drift below 5% is not worth a line (the workload's own noise is about that)."""


def machine_line(comparison: BenchComparison) -> str:
    """How the machine's speed changed since the baseline, when it did; '' otherwise."""
    explained = sum(1 for r in comparison.rows if r.comparison and r.comparison.machine_explains)
    if abs(comparison.drift - 1) < NOTICEABLE_DRIFT and not explained:
        return ""
    direction = "slower" if comparison.drift > 1 else "faster"
    if explained == 1:
        what = f"1 change it explains is noisy, not {direction}"
    elif explained:
        what = f"{explained} changes it explains are noisy, not {direction}"
    else:
        what = "no verdict depended on it"
    return (
        f"the machine ran {drift_text(comparison.drift)} than for the baseline (a reference "
        f"workload timed before each run): {what}"
    )


def describe(result: BenchResult) -> str:
    """``0007 (before)``, or ``ref main (0a4444248b58)`` for the base of --compare-ref."""
    if result.source == "worktree":
        return result.label
    return f"{result.label} {result.source}" if result.number else result.source


def samples_lines(result: BenchResult) -> list[str]:
    """Without a baseline: each phase's and step's median and spread, and its split."""
    header = (
        f"  {'step or phase':<{NAME_WIDTH}} {'median':>9} {'spread':>8} {'engine':>9} "
        f"{'interp.':>9} {'rows':>9} {'peak RSS':>9}"
    )
    lines = [header]
    lines += [_samples_line(f"phase {p.title}", p.samples) for p in result.phases]
    lines.append("")
    lines += [_samples_line(s.script, s.samples) for s in result.steps]
    return lines


def _samples_line(name: str, samples: Samples) -> str:
    return (
        f"  {_name(name):<{NAME_WIDTH}} {_seconds(_median(samples.wall)):>9} "
        f"{_seconds(spread(samples.wall)):>8} {_seconds(_median(samples.engine)):>9} "
        f"{_seconds(_median(samples.interpreter)):>9} {int(_median(samples.rows)):>9,} "
        f"{_median(samples.peak_rss) / 2**20:>7.0f}MB"
    )


def _median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else 0.0
