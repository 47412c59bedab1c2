"""The benchmark section and bench.html from synthetic results: ratio bars coloured by
verdict, noisy shown as such, each phase's history with its spread, text escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from etlcheck.bench.compare import compare_results
from etlcheck.bench.verdict import Thresholds
from etlcheck.report.bench_chart import HistoryPoint, render_history
from etlcheck.report.benchmarks import (
    bench_view,
    benchmark_section,
    history_points,
    write_bench_report,
)
from tests.bench.conftest import Make

STEADY = [0.050, 0.052, 0.049, 0.051, 0.050]
SLOW = [1.90, 1.93, 1.88, 1.95, 1.91]
WILD = [0.05, 0.30, 0.09, 0.45, 0.12]


def _walls(merge: list[float], publish: list[float] = STEADY) -> dict[str, list[float]]:
    return {
        "10-stage-orders.sql": STEADY,
        "20-merge-customers.sql": merge,
        "21-publish-orders.sql": publish,
    }


def _tags(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    found: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collect().feed(markup)
    return found


def test_ratio_bars_are_coloured_by_verdict_and_noisy_is_said(make: Make) -> None:
    baseline = make(_walls(STEADY), name="before")
    head = make(_walls(SLOW, publish=WILD)).model_copy(update={"number": 7})
    comparison = compare_results(baseline, head, Thresholds())
    html = benchmark_section(bench_view(head, comparison, [baseline, head]))
    groups = [attrs.get("class") for tag, attrs in _tags(html) if tag == "g"]
    assert "ratio slower" in groups and "ratio noisy" in groups and "ratio same" in groups
    assert '<tr class="failed"><td><code>20-merge-customers.sql</code>' in html
    assert '<tr class="noisy"><td><code>21-publish-orders.sql</code>' in html
    assert "1 noisy: the samples could not tell" in html
    assert "×38.20 slower" in html
    assert 'id="bench-ratios"' in html and 'id="bench-history-1"' in html


def test_each_phase_has_a_history_box_per_result(make: Make) -> None:
    results = [make(_walls(STEADY)).model_copy(update={"number": n}) for n in range(1, 24)]
    points = history_points("publish", results[-20:], current=23, baseline=5)
    assert len(points) == 20 and points[-1].current and points[1].baseline
    first = points[0]
    assert first.low <= first.first_quartile <= first.median <= first.third_quartile <= first.high
    svg = render_history(points, "Phase Publish", "h")
    assert svg.count('<g class="result') == 20
    assert "0023 (this)" in svg and "0005 (baseline)" in svg


def test_the_history_chart_shows_each_results_spread() -> None:
    point = HistoryPoint("0001", 0.1, 0.2, 0.25, 0.3, 0.5, 5)
    svg = render_history([point], "Phase Stage", "h")
    whisker = re.search(
        r'<line class="whisker" x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)"', svg
    )
    box = re.search(
        r'<rect class="box" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"', svg
    )
    assert whisker and box
    assert float(whisker[2]) - float(whisker[1]) > float(box[2]) > 0  # runs wider than the box
    assert "middle half 0.200–0.300 s, runs 0.100–0.500 s (5 runs)" in svg


def test_names_from_scripts_are_escaped(make: Make) -> None:
    walls = {"<b>10-stage&orders</b>.sql": STEADY, "20-merge-customers.sql": STEADY}
    comparison = compare_results(make(walls), make(walls), Thresholds())
    html = benchmark_section(bench_view(make(walls), comparison, []))
    assert "<b>10-stage" not in html
    assert "&lt;b&gt;10-stage&amp;orders&lt;/b&gt;.sql" in html


def test_bench_html_is_a_page_of_its_own(tmp_path: Path, make: Make) -> None:
    baseline, head = make(_walls(STEADY)), make(_walls(SLOW))
    comparison = compare_results(baseline, head, Thresholds())
    path = write_bench_report(tmp_path, head, comparison, [baseline])
    page = path.read_text("utf-8")
    assert path.name == "bench.html" and (path.parent / "bench.json").is_file()
    assert page.startswith("<!doctype html>") and "<script" not in page
    assert '<header id="verdict" class="not-verified"><h1>SLOWER</h1>' in page
    quiet = write_bench_report(tmp_path, baseline, None, [baseline]).read_text("utf-8")
    assert "<h1>MEASURED</h1>" in quiet and "Each step against the baseline" not in quiet


def test_a_section_with_nothing_to_show_says_why() -> None:
    html = benchmark_section(None, "no benchmark results with this run's keys")
    assert '<p class="not-available">no benchmark results with this run&#39;s keys</p>' in html
