"""report.html in a real browser: headless Chromium shows the verdict, the timing chart and
the diff table, and a screenshot is saved next to the report.

The report itself carries no script. To ask the browser what it actually laid out, the test
opens a copy of the page with a small probe script appended; the probe writes each element's
box and colour into the DOM, which ``--dump-dom`` prints after the page has loaded.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from etlcheck.report.html import render_html

WINDOW = (1280, 2000)
CHECKED_IDS = ("verdict", "timing-chart", "production-diff", "sandbox-diff", "steps")
PROBE = """<script>
(function () {
  var found = {};
  %s.forEach(function (id) {
    var element = document.getElementById(id);
    if (!element) { found[id] = null; return; }
    var box = element.getBoundingClientRect();
    var style = getComputedStyle(element);
    found[id] = {top: box.top, left: box.left, width: box.width, height: box.height,
                 display: style.display, visibility: style.visibility,
                 background: style.backgroundColor,
                 rows: element.querySelectorAll('tr').length,
                 bars: element.querySelectorAll('rect.bar').length,
                 text: (element.innerText || element.textContent).slice(0, 400)};
  });
  var out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
})();
</script>"""


def chromium_path(
    names: tuple[str, ...] = ("chromium", "chromium-browser"),
    fallback: Path = Path("/usr/bin/chromium"),
) -> str:
    """The Chromium binary, or a skip (a failure when ETLCHECK_REQUIRE_BROWSER=1)."""
    found = next((path for path in map(shutil.which, names) if path), None)
    if found is None and fallback.exists():
        found = str(fallback)
    if found is None:
        reason = "headless Chromium is not installed (apt-get install chromium)"
        if os.environ.get("ETLCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}, but ETLCHECK_REQUIRE_BROWSER=1 asks for it")
        pytest.skip(reason)
    return found


def run_chromium(binary: str, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.fixture
def report(tmp_path: Path, document: dict[str, Any], previous_document: dict[str, Any]) -> Path:
    folder = tmp_path / "reports" / document["run"]["run_id"]
    folder.mkdir(parents=True)
    path = folder / "report.html"
    path.write_text(render_html(document, previous_document), "utf-8")
    return path


@pytest.mark.browser
def test_report_shows_verdict_chart_and_diff_in_chromium(report: Path, tmp_path: Path) -> None:
    binary = chromium_path()
    probed = tmp_path / "probe.html"
    page = report.read_text("utf-8")
    probed.write_text(page.replace("</body>", PROBE % json.dumps(CHECKED_IDS) + "</body>"))
    result = run_chromium(binary, tmp_path / "profile-dom", "--dump-dom", probed.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    match = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout, re.S)
    assert match, f"the probe did not run; DOM starts {result.stdout[:500]!r}"
    boxes = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))

    for element_id in CHECKED_IDS:
        box = boxes[element_id]
        assert box is not None, f"#{element_id} is missing from the rendered page"
        assert box["display"] != "none" and box["visibility"] == "visible", element_id
        assert box["width"] > 100 and box["height"] > 20, (element_id, box)

    verdict = boxes["verdict"]
    assert verdict["top"] < 10, "the verdict is not at the top of the page"
    assert "NOT VERIFIED" in verdict["text"]
    assert "etl.stg_brokers gained 100 rows" in verdict["text"]
    assert verdict["background"] == "rgb(207, 34, 46)", "NOT VERIFIED is not on red"
    assert boxes["timing-chart"]["bars"] == 3
    assert boxes["production-diff"]["rows"] >= 3
    assert "etl.stg_brokers" in boxes["production-diff"]["text"]
    assert boxes["verdict"]["top"] < boxes["production-diff"]["top"] < boxes["steps"]["top"]
    # The first screen (the window) shows the verdict and the production diff.
    assert boxes["production-diff"]["top"] < WINDOW[1]


@pytest.mark.browser
def test_screenshot_is_saved_next_to_the_report(report: Path, tmp_path: Path) -> None:
    binary = chromium_path()
    screenshot = report.with_name("report.png")
    result = run_chromium(
        binary, tmp_path / "profile-shot", f"--screenshot={screenshot}", report.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert screenshot.is_file(), f"no screenshot; chromium said {result.stderr[-1000:]}"
    assert png_size(screenshot) == WINDOW
    assert screenshot.stat().st_size > 30_000, "the screenshot is nearly blank"
    print(f"screenshot: {screenshot}")


def test_missing_chromium_skips_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ETLCHECK_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        chromium_path(("no-such-chromium",), tmp_path / "absent")


def test_missing_chromium_fails_when_the_browser_is_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ETLCHECK_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="ETLCHECK_REQUIRE_BROWSER=1"):
        chromium_path(("no-such-chromium",), tmp_path / "absent")
