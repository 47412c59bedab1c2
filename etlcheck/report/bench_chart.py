"""Inline SVG charts of the benchmark section: each phase's history (one box per result:
whiskers from the fastest to the slowest run, a box over the middle half, a tick at the
median) and per-step ratio bars against the baseline, coloured by verdict.

The charts take plain view values (below), never the stored JSON; every text in them is
escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from etlcheck.report.chart import nice_step

WIDTH = 760
LABEL_WIDTH = 230
VALUE_WIDTH = 130
HISTORY_HEIGHT = 150
HISTORY_TOP = 12
HISTORY_BOTTOM = 34
ROW = 18
RATIO_LIMIT = 8.0
"""Ratios beyond ×8 (or below ×1/8) are drawn to the edge with an arrowhead, their value
written beside them."""
COLOURS = {
    "slower": "#cf222e",
    "faster": "#1a7f37",
    "same": "#8c959f",
    "noisy": "#bf8700",
    "": "#d0d7de",
}
BOX = "#0969da"
CURRENT = "#8250df"


@dataclass(frozen=True)
class HistoryPoint:
    """One stored result of one phase: its samples' five-number summary in seconds."""

    label: str
    low: float
    first_quartile: float
    median: float
    third_quartile: float
    high: float
    runs: int
    current: bool = False
    baseline: bool = False


@dataclass(frozen=True)
class RatioBar:
    """One step or phase against the baseline."""

    name: str
    ratio: float
    verdict: str
    detail: str
    phase: bool = False


def render_history(points: Sequence[HistoryPoint], title: str, element_id: str) -> str:
    """One phase's history as boxes of its results, oldest on the left."""
    if not points:
        return f'<p id="{escape(element_id)}" class="not-available">no results</p>'
    largest = max(p.high for p in points) or 1.0
    step = nice_step(largest, 4)
    end = step * max(1, math.ceil(largest / step))
    plot_height = HISTORY_HEIGHT - HISTORY_TOP - HISTORY_BOTTOM
    left, right = 60.0, WIDTH - 20.0
    slot = (right - left) / len(points)

    def y(seconds: float) -> float:
        return HISTORY_TOP + plot_height * (1 - min(seconds, end) / end)

    parts = []
    for index in range(round(end / step) + 1):
        value = step * index
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y(value):.1f}" x2="{right}" '
            f'y2="{y(value):.1f}"/><text class="tick" x="{left - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{value:g} s</text>'
        )
    for index, point in enumerate(points):
        middle = left + slot * (index + 0.5)
        half = min(14.0, slot * 0.3)
        colour = CURRENT if point.current else BOX
        mark = " (this)" if point.current else " (baseline)" if point.baseline else ""
        tooltip = escape(
            f"{point.label}: median {point.median:.3f} s, middle half "
            f"{point.first_quartile:.3f}–{point.third_quartile:.3f} s, runs "
            f"{point.low:.3f}–{point.high:.3f} s ({point.runs} runs)"
        )
        box_top = y(point.third_quartile)
        box_height = max(1.0, y(point.first_quartile) - box_top)
        parts.append(
            f'<g class="result{" current" if point.current else ""}"><title>{tooltip}</title>'
            f'<line class="whisker" x1="{middle:.1f}" y1="{y(point.high):.1f}" '
            f'x2="{middle:.1f}" y2="{y(point.low):.1f}" stroke="{colour}"/>'
            f'<rect class="box" x="{middle - half:.1f}" y="{box_top:.1f}" width="{2 * half:.1f}" '
            f'height="{box_height:.1f}" fill="{colour}" fill-opacity="0.25" stroke="{colour}"/>'
            f'<line class="median" x1="{middle - half:.1f}" y1="{y(point.median):.1f}" '
            f'x2="{middle + half:.1f}" y2="{y(point.median):.1f}" stroke="{colour}"/>'
            f'<text class="tick" x="{middle:.1f}" y="{HISTORY_HEIGHT - 14}" '
            f'text-anchor="middle">{escape(point.label.split(" ")[0] + mark)}</text></g>'
        )
    return (
        f'<svg id="{escape(element_id)}" class="chart history" role="img" '
        f'aria-label="{escape(title)}: the last {len(points)} results" width="{WIDTH}" '
        f'height="{HISTORY_HEIGHT}" viewBox="0 0 {WIDTH} {HISTORY_HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def _ratio_x(ratio: float) -> float:
    """Log scale from ×1/8 (left) through ×1 (middle) to ×8 (right)."""
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    clamped = min(max(ratio, 1 / RATIO_LIMIT), RATIO_LIMIT) if ratio > 0 else 1 / RATIO_LIMIT
    position = (math.log(clamped) / math.log(RATIO_LIMIT) + 1) / 2
    return LABEL_WIDTH + plot * position


def render_ratios(bars: Sequence[RatioBar], factor: float, element_id: str) -> str:
    """A bar per step from ×1 to its ratio (log scale), coloured by verdict."""
    if not bars:
        return f'<p id="{escape(element_id)}" class="not-available">nothing compared</p>'
    top, bottom = 22, 22 + ROW * len(bars)
    height = bottom + 24
    centre = _ratio_x(1.0)
    parts = []
    for ratio in (1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8):
        x = _ratio_x(ratio)
        text = f"×{ratio:g}" if ratio >= 1 else f"×1/{1 / ratio:g}"
        parts.append(
            f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}"/>'
            f'<text class="tick" x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{text}</text>'
        )
    low, high = _ratio_x(1 / factor), _ratio_x(factor)
    parts.append(
        f'<rect class="factor-band" x="{low:.1f}" y="{top - 6}" width="{high - low:.1f}" '
        f'height="{bottom - top + 6}"><title>between ×1/{factor:.3g} and ×{factor:.3g}: '
        "a change this small never counts (--factor)</title></rect>"
    )
    for index, bar in enumerate(bars):
        parts.append(_ratio_row(bar, top + ROW * index, centre))
    parts.append(
        f'<line class="axis" x1="{centre:.1f}" y1="{top - 6}" x2="{centre:.1f}" y2="{bottom}"/>'
    )
    return (
        f'<svg id="{escape(element_id)}" class="chart ratios" role="img" '
        f'aria-label="Each step against the baseline" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"{''.join(parts)}</svg>"
    )


def _ratio_row(bar: RatioBar, y: float, centre: float) -> str:
    x = _ratio_x(bar.ratio)
    left, width = min(x, centre), max(abs(x - centre), 1.5)
    colour = COLOURS.get(bar.verdict, COLOURS[""])
    name = bar.name if len(bar.name) <= 32 else bar.name[:31] + "…"
    ratio = "×inf" if math.isinf(bar.ratio) else f"×{bar.ratio:.2f}"
    dashed = ' stroke-dasharray="3 2" stroke="#9a6700"' if bar.verdict == "noisy" else ""
    beyond = _beyond_the_edge(bar.ratio, x, y, colour)
    weight = ' font-weight="bold"' if bar.phase or bar.verdict == "slower" else ""
    css = escape(bar.verdict or "uncompared")
    return (
        f'<g class="ratio {css}"><title>{escape(bar.detail)}</title>'
        f'<text class="step-label" x="{LABEL_WIDTH - 8}" y="{y + 12}" text-anchor="end"{weight}>'
        f"{escape(name)}</text>"
        f'<rect class="bar" x="{left:.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW - 6}" '
        f'fill="{colour}"{dashed}/>{beyond}'
        f'<text class="step-value" x="{WIDTH - VALUE_WIDTH + 12}" y="{y + 12}"{weight}>'
        f"{escape(ratio)} {escape(bar.verdict or 'not compared')}</text></g>"
    )


def _beyond_the_edge(ratio: float, x: float, y: float, colour: str) -> str:
    """An arrowhead where a bar is cut at ×8 or ×1/8 (its value is written beside it)."""
    if 1 / RATIO_LIMIT < ratio < RATIO_LIMIT:
        return ""
    tip = x + 7 if ratio >= RATIO_LIMIT else x - 7
    return (
        f'<polygon class="beyond" points="{x:.1f},{y + 1} {tip:.1f},{y + ROW / 2} '
        f'{x:.1f},{y + ROW - 1}" fill="{colour}"/>'
    )
