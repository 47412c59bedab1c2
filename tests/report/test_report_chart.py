"""The inline SVG timing charts: one bar per phase, budget markers, the previous run."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest

from etlcheck.report.chart import (
    LABEL_WIDTH,
    OVER_BUDGET,
    PLOT_WIDTH,
    WITHIN_BUDGET,
    nice_step,
    phase_bars,
    render_phase_chart,
    render_step_chart,
    step_bars,
)

SVG = "{http://www.w3.org/2000/svg}"


def phase_groups(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if "phase" in g.get("class", "").split()]


def child(group: ET.Element, tag: str, css_class: str) -> list[ET.Element]:
    return [e for e in group.iter(f"{SVG}{tag}") if e.get("class") == css_class]


def test_one_bar_and_one_budget_marker_per_phase(document: dict[str, Any]) -> None:
    svg = render_phase_chart(phase_bars(document["run"]))
    groups = phase_groups(svg)
    assert [g.get("data-phase") for g in groups] == ["schema", "transform", "export"]
    for group in groups:
        assert len(child(group, "rect", "bar")) == 1
        assert len(child(group, "line", "budget")) == 1
        assert child(group, "rect", "previous") == []


def test_budget_marker_sits_at_the_budget_on_the_shared_scale(document: dict[str, Any]) -> None:
    svg = render_phase_chart(phase_bars(document["run"]))
    # Largest value is 21.3 s, so the axis ends at 25 s (ticks of 5 s).
    transform = phase_groups(svg)[1]
    marker = child(transform, "line", "budget")[0]
    assert float(marker.get("x1", "0")) == pytest.approx(LABEL_WIDTH + PLOT_WIDTH * 20 / 25, 0.01)
    bar = child(transform, "rect", "bar")[0]
    assert float(bar.get("width", "0")) == pytest.approx(PLOT_WIDTH * 21.3 / 25, 0.01)


def test_over_budget_phase_is_red_and_the_others_green(document: dict[str, Any]) -> None:
    groups = phase_groups(render_phase_chart(phase_bars(document["run"])))
    fills = [child(g, "rect", "bar")[0].get("fill") for g in groups]
    assert fills == [WITHIN_BUDGET, OVER_BUDGET, WITHIN_BUDGET]
    assert "over-budget" in (groups[1].get("class") or "")


def test_previous_run_is_drawn_under_each_matching_phase(
    document: dict[str, Any], previous_document: dict[str, Any]
) -> None:
    previous_document["run"]["phases"].pop()  # the previous run had no export phase
    bars = phase_bars(document["run"], previous_document["run"])
    assert [b.previous_seconds is not None for b in bars] == [True, True, False]
    groups = phase_groups(render_phase_chart(bars))
    assert [len(child(g, "rect", "previous")) for g in groups] == [1, 1, 0]
    assert "previous run" in render_phase_chart(bars)


def test_phase_without_budget_has_no_marker(document: dict[str, Any]) -> None:
    del document["run"]["phases"][0]["budget_seconds"]
    groups = phase_groups(render_phase_chart(phase_bars(document["run"])))
    assert child(groups[0], "line", "budget") == []
    assert len(child(groups[1], "line", "budget")) == 1


def test_steps_chart_has_one_row_per_step_and_marks_failures(
    document: dict[str, Any], previous_document: dict[str, Any]
) -> None:
    document["run"]["steps"][2]["status"] = "failed"
    svg = render_step_chart(step_bars(document["run"], previous_document["run"]))
    root = ET.fromstring(svg)
    steps = [g for g in root.iter(f"{SVG}g") if g.get("class") == "step"]
    assert len(steps) == len(document["run"]["steps"])
    fills = [child(g, "rect", "bar")[0].get("fill") for g in steps]
    assert fills[2] == OVER_BUDGET and fills[3] != OVER_BUDGET
    assert all(len(child(g, "line", "previous-tick")) == 1 for g in steps)


def test_chart_text_is_escaped_and_the_svg_stays_well_formed(document: dict[str, Any]) -> None:
    document["run"]["phases"][0]["title"] = "<script>alert(1)</script>"
    document["run"]["steps"][0]["script"] = "<b>&amp</b>.sql"
    phase_svg = render_phase_chart(phase_bars(document["run"]))
    step_svg = render_step_chart(step_bars(document["run"]))
    assert "<script>" not in phase_svg and "&lt;script&gt;" in phase_svg
    assert "<b>" not in step_svg
    ET.fromstring(phase_svg)
    ET.fromstring(step_svg)


@pytest.mark.parametrize("run", [None, {}, {"phases": "x", "steps": [1, 2]}, []])
def test_no_timings_say_not_available(run: Any) -> None:
    assert "not available" in render_phase_chart(phase_bars(run))
    assert "not available" in render_step_chart(step_bars(run))


def test_all_zero_timings_still_draw(document: dict[str, Any]) -> None:
    for phase in document["run"]["phases"]:
        phase.update(seconds=0, budget_seconds=None)
    groups = phase_groups(render_phase_chart(phase_bars(document["run"])))
    assert [g.get("data-phase") for g in groups] == ["schema", "transform", "export"]
    for group in groups:
        bars = child(group, "rect", "bar")
        assert len(bars) == 1 and float(bars[0].get("width", "0")) >= 1.0
        assert not child(group, "line", "budget")


@pytest.mark.parametrize(
    ("largest", "step"), [(0, 1.0), (4.6, 1.0), (21.3, 5.0), (46, 10.0), (0.3, 0.1), (730, 200.0)]
)
def test_axis_ticks_are_round(largest: float, step: float) -> None:
    assert nice_step(largest) == pytest.approx(step)


def test_a_long_phase_title_is_shortened_beside_its_bar_and_whole_in_its_tooltip(
    document: dict[str, Any],
) -> None:
    title = "Export every staged table to the production warehouse"
    document["run"]["phases"][0]["title"] = title
    [first, *_] = phase_groups(render_phase_chart(phase_bars(document["run"])))
    label = next(t for t in first.iter(f"{SVG}text") if t.get("class") == "label")
    assert label.text is not None and label.text.endswith("…") and len(label.text) <= 24
    assert title.startswith(label.text[:-1])
    tooltip = first.find(f"{SVG}title")
    assert tooltip is not None and tooltip.text is not None and title in tooltip.text
