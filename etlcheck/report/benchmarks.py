"""The benchmark section: each phase's history (the last 20 results with equal keys, the
spread of each shown), each step's ratio against the baseline, "noisy" shown as such.

``etlcheck bench`` writes it as ``bench.html`` (with the comparison); report.html shows
the history of the results whose keys equal the run's. The markup is a Jinja2 template
with autoescaping (``benchmarks.html``); the charts are SVG from ``bench_chart``.
"""

from __future__ import annotations

import secrets
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.bench.compare import BenchComparison, Row
from etlcheck.bench.results import BenchResult
from etlcheck.bench.table import describe, machine_line, summary_line
from etlcheck.bench.verdict import Verdict
from etlcheck.report.bench_chart import HistoryPoint, RatioBar, render_history, render_ratios
from etlcheck.report.templates import stylesheet, template

if TYPE_CHECKING:
    from markupsafe import Markup

TITLE = "Benchmarks"
HISTORY = 20


@dataclass(frozen=True)
class RowView:
    name: str
    baseline: str
    head: str
    ratio: str
    p_value: str
    verdict: str
    css: str
    changed: bool


@dataclass(frozen=True)
class ChartView:
    title: str
    svg: Markup


@dataclass(frozen=True)
class BenchView:
    subject: str
    machine: str
    summary: str
    noisy: int
    ratios: Markup | None
    rows: tuple[RowView, ...]
    histories: tuple[ChartView, ...]
    current: bool = True
    """Whether the view is of one result (marked in the history) or of the history alone."""
    drift: str = ""
    """How the machine's speed changed since the baseline (a sentence), if it did."""


def _markup(text: str) -> Markup:
    from markupsafe import Markup

    return Markup(text)  # SVG from bench_chart, which escapes every text it writes


def history_points(
    phase: str, results: Sequence[BenchResult], current: int, baseline: int = 0
) -> list[HistoryPoint]:
    """Each result's samples of ``phase`` as a five-number summary."""
    points = []
    for result in results:
        found = result.phase(phase)
        if found is None or not found.samples.wall:
            continue
        wall = sorted(found.samples.wall)
        quartiles = (
            statistics.quantiles(wall, n=4, method="inclusive") if len(wall) > 1 else [wall[0]] * 3
        )
        points.append(
            HistoryPoint(
                label=result.label,
                low=wall[0],
                first_quartile=quartiles[0],
                median=statistics.median(wall),
                third_quartile=quartiles[2],
                high=wall[-1],
                runs=len(wall),
                current=bool(current) and result.number == current,
                baseline=bool(baseline) and result.number == baseline,
            )
        )
    return points


def _histories(
    head: BenchResult, results: Sequence[BenchResult], baseline: int
) -> tuple[ChartView, ...]:
    charts = []
    for index, phase in enumerate(head.phases):
        points = history_points(phase.name, results[-HISTORY:], head.number, baseline)
        svg = render_history(points, f"Phase {phase.title}", f"bench-history-{index + 1}")
        charts.append(ChartView(f"Phase {phase.title}", _markup(svg)))
    return tuple(charts)


def _row_view(row: Row) -> RowView:
    c = row.comparison
    if c is None:
        return RowView(row.subject, "—", "—", "—", "—", f"only in the {row.only_in}", "", False)
    verdict = str(c.verdict)
    return RowView(
        name=row.subject,
        baseline=f"{c.baseline_median:.3f} s",
        head=f"{c.head_median:.3f} s",
        ratio="×inf" if c.ratio == float("inf") else f"×{c.ratio:.2f}",
        p_value=f"{c.p_value:.2g}",
        verdict=verdict,
        css={"slower": "failed", "noisy": "noisy", "faster": "faster"}.get(verdict, ""),
        changed=row.code_changed,
    )


def bench_view(
    head: BenchResult, comparison: BenchComparison | None, history: Sequence[BenchResult]
) -> BenchView:
    """What the section shows of ``head``, its comparison and its keys' history."""
    ratios = None
    rows: tuple[RowView, ...] = ()
    summary, noisy, drift = "", 0, ""
    if comparison is not None:
        ordered = [r for r in comparison.rows if r.kind == "phase"]
        ordered += [r for r in comparison.rows if r.kind == "step"]
        bars = [
            RatioBar(r.subject, c.ratio, str(c.verdict), r.sentence, r.kind == "phase")
            for r in ordered
            if (c := r.comparison) is not None
        ]
        svg = render_ratios(bars, comparison.thresholds.factor, "bench-ratios")
        ratios, rows = _markup(svg), tuple(_row_view(r) for r in ordered)
        summary, noisy = summary_line(comparison), comparison.count(Verdict.NOISY)
        line = machine_line(comparison)
        drift = f"{line[:1].upper()}{line[1:]}." if line else ""
    machine = head.machine
    return BenchView(
        subject=f"{head.pipeline} · {head.key.describe()} · {head.runs} runs after "
        f"{head.warmup} warm-up · {describe(head)}",
        machine=f"{machine.id} ({machine.processor or machine.system}, {machine.cpus} CPUs); "
        f"load average {' → '.join(f'{v:g}' for v in head.load) or 'not known'}",
        summary=summary,
        noisy=noisy,
        drift=drift,
        ratios=ratios,
        rows=rows,
        histories=_histories(head, history, comparison.baseline.number if comparison else 0),
    )


def history_view(results: Sequence[BenchResult]) -> BenchView:
    """The history alone (report.html of a run): the newest result names the keys."""
    newest = results[-1]
    machine = newest.machine
    return BenchView(
        subject=f"{newest.pipeline} · {newest.key.describe()} · the last {len(results)} "
        "results of etlcheck bench with this run's keys",
        machine=f"{machine.id} ({machine.processor or machine.system}, {machine.cpus} CPUs)",
        summary="",
        noisy=0,
        ratios=None,
        rows=(),
        histories=_histories(newest.model_copy(update={"number": 0}), results, 0),
        current=False,
    )


def run_history_section(root: Path, key: object, pipeline: str) -> str:
    """report.html's benchmark section: the stored results whose keys equal the run's."""
    from pydantic import ValidationError

    from etlcheck.bench.keys import BenchKey, machine_id
    from etlcheck.bench.storage import BenchStore
    from etlcheck.errors import EtlcheckError

    if key is None:
        return benchmark_section(None, "not comparable: the run continued an earlier one")
    try:
        wanted = BenchKey.model_validate(key)
        store = BenchStore(root, machine_id())
        results = [s.result for s in store.history(wanted, pipeline, HISTORY)]
    except (EtlcheckError, ValidationError) as error:
        return benchmark_section(None, f"benchmark results could not be read: {error}")
    if not results:
        return benchmark_section(
            None,
            "no etlcheck bench results with this run's keys on this machine yet: "
            "etlcheck bench measures the pipeline over repeated runs",
        )
    return benchmark_section(history_view(results))


def benchmark_section(view: BenchView | None, absent: str = "") -> str:
    """The ``<section id="benchmarks">``; ``absent`` says why there is nothing to show."""
    return template("benchmarks.html").render(title=TITLE, view=view, absent=absent)


def write_bench_report(
    base: Path,
    head: BenchResult,
    comparison: BenchComparison | None,
    history: Sequence[BenchResult],
) -> Path:
    """``<base>/bench-<utc>-<hex>/bench.html``: the section on a page of its own."""
    folder = base / f"bench-{datetime.now(UTC):%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
    folder.mkdir(parents=True, exist_ok=True)
    section = benchmark_section(bench_view(head, comparison, history))
    failing = comparison is not None and comparison.count(Verdict.SLOWER) > 0
    page = template("bench.html").render(
        section=_markup(section),
        verdict="slower" if failing else "no step slower" if comparison else "measured",
        failing=failing,
        pipeline=head.pipeline,
        stylesheet=stylesheet(),
    )
    path = folder / "bench.html"
    path.write_text(page, "utf-8")
    (folder / "bench.json").write_text(head.model_dump_json(indent=1), "utf-8")
    return path
