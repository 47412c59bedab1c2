"""The expectations section in headless Chromium: wide failing rows scroll inside their
own box and never make the page wider than the window; the rule shows beside the result."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from etlcheck.report.expectations import render_dq_html, stylesheet
from tests.report.test_report_browser import chromium_path, run_chromium

PROBE = """<script>
(function () {
  var box = document.querySelector('.scroll-box');
  var section = document.getElementById('expectations').getBoundingClientRect();
  var main = document.querySelector('main').getBoundingClientRect();
  var out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({
    box: {client: box.clientWidth, scroll: box.scrollWidth,
          right: box.getBoundingClientRect().right, overflow: getComputedStyle(box).overflowX},
    page: {scroll: document.documentElement.scrollWidth, window: window.innerWidth},
    section: {right: section.right}, main: {right: main.right},
    rule: document.querySelector('dl.rule').innerText
  });
  document.body.appendChild(out);
})();
</script>"""


def wide_document() -> dict[str, Any]:
    row = {f"column_{i:02d}": f"a fairly long value number {i}" for i in range(30)}
    failing = {
        "expectation": "expect_column_values_to_be_in_set",
        "column": "column_03",
        "success": False,
        "observed": None,
        "unexpected_count": 40,
        "examples": [{"value": "INACTIVE", "count": 37}, {"value": "GONE", "count": 3}],
        "failing_rows": [row] * 5,
        "rule": [{"name": "value_set", "value": ["ACTIVE", "SUSPENDED"]}],
        "checked_by": "GX (DataFrame)",
        "path": "$.expectations[3]",
        "description": "",
        "error": None,
    }
    suite = {
        "suite": "stg_wide",
        "table": "poc_etl.stg_wide",
        "rows": 1000,
        "success": False,
        "path": "suites/x/expectations/stg_wide.json",
        "seconds": 0.1,
        "expectations": [failing],
    }
    return {"verdict": "expectations not met", "findings": ["x"], "expectations": [suite]}


@pytest.mark.browser
def test_failing_rows_scroll_inside_their_box(tmp_path: Path) -> None:
    binary = chromium_path()
    page = render_dq_html(wide_document(), stylesheet())
    probed = tmp_path / "dq.html"
    probed.write_text(page.replace("</body>", PROBE + "</body>"), "utf-8")
    result = run_chromium(binary, tmp_path / "profile", "--dump-dom", probed.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    match = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.S)
    assert match, f"the probe did not run; DOM starts {result.stdout[:500]!r}"
    found = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))

    assert found["box"]["overflow"] == "auto"
    assert found["box"]["scroll"] > found["box"]["client"] * 2, found["box"]
    assert found["page"]["scroll"] <= found["page"]["window"], found["page"]
    assert found["box"]["right"] <= found["main"]["right"] + 1
    assert found["section"]["right"] <= found["main"]["right"] + 1
    assert "value_set" in found["rule"] and "[ACTIVE, SUSPENDED]" in found["rule"]
