"""Inline SVG timing charts for report.html: phases against their budgets, steps by phase.

The charts need no script and no external file, so the report stays one self-contained page.
Bars for this run are drawn solid; the previous run (when there is one) is a thin grey bar
under each phase and a dark tick on each step, so a slowdown shows at a glance.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

CHART_WIDTH = 760
LABEL_WIDTH = 200
PHASE_LABEL_CHARS = 24
"""Characters of a phase title that fit left of the bars; the tooltip has the whole title."""
VALUE_WIDTH = 90
PLOT_WIDTH = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
PHASE_ROW = 46
STEP_ROW = 16
AXIS_HEIGHT = 26
LEGEND_HEIGHT = 26
PHASE_COLOURS = ("#0969da", "#8250df", "#bf3989", "#9a6700", "#1b7c83", "#57606a")
WITHIN_BUDGET = "#2da44e"
OVER_BUDGET = "#cf222e"
NO_BUDGET = "#0969da"
PREVIOUS = "#afb8c1"
BUDGET_MARK = "#24292f"


@dataclass(frozen=True)
class PhaseBar:
    """One phase as the chart draws it; ``None`` where the document had no number."""

    name: str
    title: str
    seconds: float | None
    budget_seconds: float | None
    previous_seconds: float | None

    @property
    def over_budget(self) -> bool:
        return (
            self.seconds is not None
            and self.budget_seconds is not None
            and self.seconds > self.budget_seconds
        )


@dataclass(frozen=True)
class StepBar:
    """One step as the chart draws it."""

    number: str
    script: str
    phase: str
    status: str
    seconds: float | None
    previous_seconds: float | None


def number_or_none(value: object) -> float | None:
    """A finite float, or ``None`` for anything else (missing, text, NaN, booleans)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _records(run: object, key: str) -> list[Mapping[str, Any]]:
    if not isinstance(run, Mapping):
        return []
    items = run.get(key)
    if not isinstance(items, list):
        return []
    return [item for item in items if isinstance(item, Mapping)]


def phase_bars(run: object, previous_run: object = None) -> list[PhaseBar]:
    """The phases of ``run`` (a RunResult dict), matched by name to ``previous_run``'s."""
    earlier = {str(p.get("name")): p.get("seconds") for p in _records(previous_run, "phases")}
    bars = []
    for phase in _records(run, "phases"):
        name = str(phase.get("name", "?"))
        bars.append(
            PhaseBar(
                name=name,
                title=str(phase.get("title") or name),
                seconds=number_or_none(phase.get("seconds")),
                budget_seconds=number_or_none(phase.get("budget_seconds")),
                previous_seconds=number_or_none(earlier.get(name)),
            )
        )
    return bars


def step_bars(run: object, previous_run: object = None) -> list[StepBar]:
    """The steps of ``run``, matched by script name to ``previous_run``'s."""
    earlier = {str(s.get("script")): s.get("seconds") for s in _records(previous_run, "steps")}
    return [
        StepBar(
            number=str(step.get("number", "")),
            script=str(step.get("script", "?")),
            phase=str(step.get("phase", "")),
            status=str(step.get("status", "")),
            seconds=number_or_none(step.get("seconds")),
            previous_seconds=number_or_none(earlier.get(str(step.get("script")))),
        )
        for step in _records(run, "steps")
    ]


def nice_step(largest: float, ticks: int = 5) -> float:
    """A round tick spacing (1, 2 or 5 times a power of ten) for an axis up to ``largest``."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


def _scale_end(values: Sequence[float | None]) -> tuple[float, float]:
    largest = max((v for v in values if v is not None), default=0.0)
    step = nice_step(largest)
    return step * max(1, math.ceil(largest / step)), step


def _seconds_text(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def _x(value: float, end: float) -> float:
    return LABEL_WIDTH + PLOT_WIDTH * min(value, end) / end


def _axis(top: float, end: float, step: float, bottom: float) -> list[str]:
    parts = [f'<line class="axis" x1="{LABEL_WIDTH}" y1="{top}" x2="{LABEL_WIDTH}" y2="{bottom}"/>']
    count = round(end / step)
    for index in range(count + 1):
        value = step * index
        x = _x(value, end)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}"/>')
        label = f"{value:g} s"
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{label}</text>'
        )
    return parts


def _legend(y: float, with_previous: bool, with_budget: bool) -> list[str]:
    entries = [("this run", WITHIN_BUDGET, "rect"), ("over budget", OVER_BUDGET, "rect")]
    if with_previous:
        entries.append(("previous run", PREVIOUS, "rect"))
    if with_budget:
        entries.append(("budget", BUDGET_MARK, "line"))
    parts, x = [], float(LABEL_WIDTH)
    for label, colour, shape in entries:
        if shape == "rect":
            parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        else:
            parts.append(
                f'<line class="budget" x1="{x + 6}" y1="{y - 2}" x2="{x + 6}" y2="{y + 14}"/>'
            )
        parts.append(f'<text class="legend" x="{x + 17}" y="{y + 10}">{label}</text>')
        x += 30 + 7 * len(label)
    return parts


def render_phase_chart(bars: Sequence[PhaseBar], element_id: str = "timing-chart") -> str:
    """One row per phase: this run's bar, the previous run's thin bar, a budget marker."""
    if not bars:
        return f'<p id="{element_id}" class="not-available">phase timings not available</p>'
    with_previous = any(b.previous_seconds is not None for b in bars)
    with_budget = any(b.budget_seconds is not None for b in bars)
    end, step = _scale_end(
        [v for b in bars for v in (b.seconds, b.budget_seconds, b.previous_seconds)]
    )
    top = LEGEND_HEIGHT
    bottom = top + PHASE_ROW * len(bars)
    height = bottom + AXIS_HEIGHT
    parts = _legend(4, with_previous, with_budget)
    parts += _axis(top, end, step, bottom)
    for index, bar in enumerate(bars):
        y = top + PHASE_ROW * index
        parts.append(_phase_row(bar, y, end))
    label = "Phase timings against budgets" + (" and the previous run" if with_previous else "")
    return (
        f'<svg id="{element_id}" class="chart" role="img" aria-label="{label}" '
        f'width="{CHART_WIDTH}" height="{height}" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def _phase_row(bar: PhaseBar, y: float, end: float) -> str:
    title = escape(bar.title)
    colour = NO_BUDGET if bar.budget_seconds is None else WITHIN_BUDGET
    if bar.over_budget:
        colour = OVER_BUDGET
    width = 0.0 if bar.seconds is None else _x(bar.seconds, end) - LABEL_WIDTH
    tooltip = f"{title}: {_seconds_text(bar.seconds)}"
    if bar.budget_seconds is not None:
        tooltip += f", budget {_seconds_text(bar.budget_seconds)}"
    if bar.previous_seconds is not None:
        tooltip += f", previous run {_seconds_text(bar.previous_seconds)}"
    parts = [
        f'<g class="phase{" over-budget" if bar.over_budget else ""}" '
        f'data-phase="{escape(bar.name)}"><title>{tooltip}</title>',
        f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + 19}" text-anchor="end">'
        f"{escape(_fitted(bar.title, PHASE_LABEL_CHARS))}</text>",
        f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 8}" width="{max(width, 1.0):.1f}" '
        f'height="18" fill="{colour}"/>',
        f'<text class="value" x="{CHART_WIDTH - VALUE_WIDTH + 6}" y="{y + 21}">'
        f"{_seconds_text(bar.seconds)}</text>",
    ]
    if bar.previous_seconds is not None:
        previous_width = _x(bar.previous_seconds, end) - LABEL_WIDTH
        parts.append(
            f'<rect class="previous" x="{LABEL_WIDTH}" y="{y + 30}" '
            f'width="{max(previous_width, 1.0):.1f}" height="7" fill="{PREVIOUS}"/>'
        )
    if bar.budget_seconds is not None:
        x = _x(bar.budget_seconds, end)
        parts.append(
            f'<line class="budget" x1="{x:.1f}" y1="{y + 3}" x2="{x:.1f}" y2="{y + 41}">'
            f"<title>budget {_seconds_text(bar.budget_seconds)}</title></line>"
        )
    parts.append("</g>")
    return "".join(parts)


def render_step_chart(bars: Sequence[StepBar], element_id: str = "step-chart") -> str:
    """One thin row per step, coloured by phase (red when the step failed)."""
    if not bars:
        return f'<p id="{element_id}" class="not-available">step timings not available</p>'
    phases = list(dict.fromkeys(b.phase for b in bars))
    colours = {name: PHASE_COLOURS[i % len(PHASE_COLOURS)] for i, name in enumerate(phases)}
    end, step = _scale_end([v for b in bars for v in (b.seconds, b.previous_seconds)])
    top = LEGEND_HEIGHT
    bottom = top + STEP_ROW * len(bars)
    height = bottom + AXIS_HEIGHT
    parts = _phase_legend(4, colours, any(b.previous_seconds is not None for b in bars))
    parts += _axis(top, end, step, bottom)
    for index, bar in enumerate(bars):
        parts.append(_step_row(bar, top + STEP_ROW * index, end, colours[bar.phase]))
    return (
        f'<svg id="{element_id}" class="chart" role="img" aria-label="Step timings" '
        f'width="{CHART_WIDTH}" height="{height}" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def _phase_legend(y: float, colours: Mapping[str, str], with_previous: bool) -> list[str]:
    parts, x = [], float(LABEL_WIDTH)
    entries = [*colours.items(), ("failed", OVER_BUDGET)]
    for label, colour in entries:
        if x > CHART_WIDTH - 120:
            break
        name = _fitted(label, 20)
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text class="legend" x="{x + 17}" y="{y + 10}">{escape(name)}</text>')
        x += 30 + 7 * len(name)
    if with_previous:
        parts.append(
            f'<line class="previous-tick" x1="{x + 6}" y1="{y - 2}" x2="{x + 6}" y2="{y + 14}"/>'
            f'<text class="legend" x="{x + 17}" y="{y + 10}">previous run</text>'
        )
    return parts


def _step_row(bar: StepBar, y: float, end: float, colour: str) -> str:
    name = _fitted(bar.script, 28)
    failed = bar.status not in ("ok", "")
    fill = OVER_BUDGET if failed else colour
    width = 0.0 if bar.seconds is None else _x(bar.seconds, end) - LABEL_WIDTH
    tooltip = f"{bar.number} {bar.script} ({bar.phase}, {bar.status}): {_seconds_text(bar.seconds)}"
    if bar.previous_seconds is not None:
        tooltip += f", previous run {_seconds_text(bar.previous_seconds)}"
    parts = [
        f'<g class="step"><title>{escape(tooltip)}</title>',
        f'<text class="step-label" x="{LABEL_WIDTH - 8}" y="{y + 11}" text-anchor="end">'
        f"{escape(bar.number)} {escape(name)}</text>",
        f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 2}" width="{max(width, 1.0):.1f}" '
        f'height="{STEP_ROW - 4}" fill="{fill}"/>',
        f'<text class="step-value" x="{CHART_WIDTH - VALUE_WIDTH + 6}" y="{y + 11}">'
        f"{_seconds_text(bar.seconds)}</text>",
    ]
    if bar.previous_seconds is not None:
        x = _x(bar.previous_seconds, end)
        parts.append(
            f'<line class="previous-tick" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + STEP_ROW}"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def render_timing_charts(run: object, previous_run: object = None) -> str:
    """Both charts for the document's ``run`` (and the previous document's ``run``)."""
    return (
        "<h3>Phases</h3>"
        + render_phase_chart(phase_bars(run, previous_run))
        + "<h3>Steps, coloured by phase</h3>"
        + render_step_chart(step_bars(run, previous_run))
    )


def _fitted(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
