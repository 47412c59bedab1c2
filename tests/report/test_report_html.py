"""report.html from a run document: section order, highlighting, escaping, odd input."""

from __future__ import annotations

import copy
import math
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from etlcheck.report.html import render_html

HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
SECTION_IDS = (
    "lint",
    "production-diff",
    "sandbox-diff",
    "timings",
    "steps",
    "expectations",
    "rewrites",
    "facts",
)


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def part(page: str, element_id: str) -> str:
    """The markup of the top-level section (or header) with this id."""
    match = re.search(rf'<(section|header) id="{element_id}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, f"no element with id {element_id!r}"
    return match.group(2)


def test_verdict_comes_first_with_the_findings_under_it(document: dict[str, Any]) -> None:
    page = render_html(document)
    ids = [attrs.get("id") for _, attrs in tags_of(page) if attrs.get("id")]
    assert ids[0] == "verdict"
    assert ids.index("verdict") < ids.index("lint") < ids.index("production-diff")
    verdict = part(page, "verdict")
    assert "<h1>NOT VERIFIED</h1>" in verdict
    for finding in document["findings"]:
        assert finding in verdict
    assert "41 of 41 steps ran" in verdict


@pytest.mark.parametrize(
    ("verdict", "css_class", "heading"),
    [("verified", "verified", "VERIFIED"), ("not verified", "not-verified", "NOT VERIFIED")],
)
def test_verdict_colours(
    document: dict[str, Any], verdict: str, css_class: str, heading: str
) -> None:
    document["verdict"] = verdict
    page = render_html(document)
    assert f'<header id="verdict" class="{css_class}"><h1>{heading}</h1>' in page
    colour = "--green" if verdict == "verified" else "--red"
    assert re.search(rf"#verdict\.{css_class} \{{ background: var\({colour}\); \}}", page)


def test_many_findings_fold_but_every_kind_stays_in_view(document: dict[str, Any]) -> None:
    lint = [f"lint: sql/a.sql:{n}:1: production-schema: etl" for n in range(1, 251)]
    document["findings"] = [*lint, *document["findings"]]
    visible, folded = part(render_html(document), "verdict").split("<details>")
    assert visible.count("<li>") == 3 + 2 + 1
    assert "etl.stg_brokers gained 100 rows" in visible
    assert "phase transform took 21.3s" in visible
    assert "247 more findings" in folded and "sql/a.sql:250:1" in folded


def test_verified_run_without_findings_says_so(document: dict[str, Any]) -> None:
    document["verdict"] = "verified"
    document["findings"] = []
    assert "No findings." in part(render_html(document), "verdict")


def test_every_section_has_its_stable_id(document: dict[str, Any]) -> None:
    page = render_html(document)
    for element_id in (*SECTION_IDS, "timing-chart", "step-chart"):
        assert f'id="{element_id}"' in page


def test_changed_production_tables_are_highlighted(document: dict[str, Any]) -> None:
    diff = part(render_html(document), "production-diff")
    rows = re.findall(r'<tr( class="(\w+)")?><td><code>([^<]+)</code>', diff)
    classes = {name: css for _, css, name in rows}
    assert classes["etl.stg_brokers"] == "changed"
    assert classes["etl.stg_policies"] == "changed"
    assert classes["dbo.Brokers"] == ""
    assert "12,260" in diff and "12,360" in diff
    assert "13 more unchanged objects" in diff


def test_the_preview_says_whether_production_itself_changed(document: dict[str, Any]) -> None:
    """It said "Production itself is proven unchanged above" when production had changed."""
    document["production_preview"] = [
        {"production": "dbo.Brokers", "schema": "poc_dbo", "name": "Brokers", "status": "changed"}
    ]
    assert document["production"]["is_clean"] is False
    preview = part(render_html(document), "production-preview")
    assert "Production itself changed as well: see above." in preview
    assert "proven unchanged" not in preview
    document["production"]["is_clean"] = True
    preview = part(render_html(document), "production-preview")
    assert "Production itself is proven unchanged above." in preview


def test_where_the_data_landed(document: dict[str, Any]) -> None:
    sandbox = part(render_html(document), "sandbox-diff")
    assert '<tr class="landed"><td><code>poc_etl.etl_step_state</code>' in sandbox
    assert "schema poc_etl was created" in sandbox


def test_biggest_landings_come_first_and_the_rest_fold(document: dict[str, Any]) -> None:
    tables = document["sandbox"]["tables"]
    for index in range(20):
        tables.append(dict(tables[0], name=f"stg_{index:02d}", rows_after=index, rows_added=index))
    sandbox = part(render_html(document), "sandbox-diff")
    visible, folded = sandbox.split("<details>")
    names = re.findall(r"<code>poc_etl\.(\w+)</code>", visible)
    assert names[:3] == ["etl_step_state", "stg_19", "stg_18"]
    assert len(names) == 15
    assert "8 more objects" in folded and "poc_raw_data.brokers" in folded


def test_lint_findings_show_location_and_allowed_reason(document: dict[str, Any]) -> None:
    lint = part(render_html(document), "lint")
    assert "sql/00-schema-setup.sql:1:58" in lint
    assert '<tr class="failed">' in lint and '<tr class="allowed">' in lint
    assert "builds only poc_ names from a constant list" in lint


def test_long_lint_lists_fold_after_the_unsilenced_findings(document: dict[str, Any]) -> None:
    allowed, unsilenced = document["lint"]["findings"][1], document["lint"]["findings"][0]
    document["lint"]["findings"] = [allowed] + [dict(unsilenced, line=n) for n in range(1, 31)]
    visible, folded = part(render_html(document), "lint").split("<details>")
    assert "31 findings in 2 scripts, 1 allowed" in visible
    assert visible.count('<tr class="failed">') == 10 and 'class="allowed"' not in visible
    assert "21 more findings" in folded and '<tr class="allowed">' in folded


def test_failing_expectation_shows_its_examples(document: dict[str, Any]) -> None:
    section = part(render_html(document), "expectations")
    assert "1 of 2 suites passed" in section
    failing = re.search(r'<tr class="failed">(.*?)</tr>', section, re.S)
    assert failing is not None
    row = failing.group(1)
    assert "expect_<wbr>column_<wbr>values_<wbr>to_<wbr>be_<wbr>in_<wbr>set" in row
    assert "$.expectations[2]" in row
    assert '<span class="status">FAILED</span>' in row
    assert "<code>XX ×37</code>" in row and "<code>NULL</code>" in row
    assert "<code>[S0, S1, S2, S3, S4, S5, S6, S7]</code>" in row
    assert "… +12 more (20 values)" in row
    rows = re.search(r'<div class="scroll-box".*?</div>', section, re.S)
    assert rows is not None and "<td>4711</td><td>XX</td>" in rows.group(0)
    assert "stg_policies</code> (148,103 rows): FAILED</h3>" in section


def test_step_table_has_one_row_per_step(document: dict[str, Any]) -> None:
    steps = part(render_html(document), "steps")
    assert steps.count("<tr") == 1 + len(document["run"]["steps"])
    document["run"]["steps"][1].update(status="failed", error="sql/00-schema-setup.sql:3:1: boom")
    steps = part(render_html(document), "steps")
    assert '<tr class="failed">' in steps and "sql/00-schema-setup.sql:3:1: boom" in steps


def test_rewrite_map_lists_each_patch(document: dict[str, Any]) -> None:
    rewrites = part(render_html(document), "rewrites")
    assert "sql/03-staging-tables.sql:5:14" in rewrites
    assert "[poc_etl]" in rewrites and "2 rewrites" in rewrites


def test_previous_run_is_named_in_timings_and_facts(
    document: dict[str, Any], previous_document: dict[str, Any]
) -> None:
    page = render_html(document, previous_document)
    assert "previous run 20240610-170000-cafe" in part(page, "timings")
    assert "20240610-170000-cafe" in part(page, "facts")
    assert "previous run" not in part(render_html(document), "timings")


def _plant_hostile(document: dict[str, Any]) -> None:
    document["findings"].append(HOSTILE)
    document["pipeline"] = HOSTILE
    document["engine"]["name"] = HOSTILE
    document["engine"][HOSTILE] = {HOSTILE: HOSTILE}
    document["run"]["run_id"] = HOSTILE
    document["run"]["steps"][0]["script"] = HOSTILE
    document["run"]["steps"][0]["error"] = HOSTILE
    document["run"]["phases"][0]["title"] = HOSTILE
    document["lint"]["findings"][0]["message"] = HOSTILE
    document["production"]["tables"][0]["name"] = HOSTILE
    document["production"]["tables"][0]["status"] = HOSTILE
    document["sandbox"]["schemas_created"] = [HOSTILE]
    document["expectations"][1]["expectations"][0]["examples"] = [HOSTILE]
    document["expectations"][1]["expectations"][0]["failing_rows"] = [{HOSTILE: HOSTILE}]
    first = document["expectations"][1]["expectations"][0]
    first["rule"] = [{"name": HOSTILE, "value": [HOSTILE], "parameter": HOSTILE}]
    first.update(error=HOSTILE, description=HOSTILE, path=HOSTILE, checked_by=HOSTILE)
    document["rewrites"][0]["before"] = HOSTILE
    document["seed"][HOSTILE] = HOSTILE


def test_everything_from_sql_or_data_is_escaped(
    document: dict[str, Any], previous_document: dict[str, Any]
) -> None:
    _plant_hostile(document)
    previous_document["run"]["run_id"] = HOSTILE
    page = render_html(document, previous_document)
    assert "<script" not in page.lower()
    assert [tag for tag, _ in tags_of(page) if tag == "script"] == []
    for element_id in ("verdict", "lint", "production-diff", "sandbox-diff", "steps"):
        assert ESCAPED in part(page, element_id), element_id
    for element_id in ("expectations", "rewrites", "facts", "timings"):
        assert ESCAPED in part(page, element_id), element_id


def test_the_page_is_self_contained(document: dict[str, Any]) -> None:
    page = render_html(document)
    for tag, attrs in tags_of(page):
        assert tag not in ("script", "link", "img", "iframe")
        assert "src" not in attrs and "href" not in attrs
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"] * 2
    assert "<style>" in page and "#verdict" in page


@pytest.mark.parametrize("key", ["lint", "production", "sandbox", "expectations", "rewrites"])
def test_a_section_that_did_not_run_says_not_run(document: dict[str, Any], key: str) -> None:
    element_id = {"production": "production-diff", "sandbox": "sandbox-diff"}.get(key, key)
    document[key] = None
    assert '<p class="not-run">not run</p>' in part(render_html(document), element_id)


def test_a_run_that_did_not_happen_says_not_run(document: dict[str, Any]) -> None:
    document["run"] = None
    page = render_html(document)
    for element_id in ("timings", "steps"):
        assert '<p class="not-run">not run</p>' in part(page, element_id)


@pytest.mark.parametrize("key", ["lint", "production", "sandbox", "expectations", "rewrites"])
def test_a_missing_section_says_not_available(document: dict[str, Any], key: str) -> None:
    element_id = {"production": "production-diff", "sandbox": "sandbox-diff"}.get(key, key)
    del document[key]
    section = part(render_html(document), element_id)
    assert '<p class="not-available">not available</p>' in section


def test_an_empty_document_renders_every_section() -> None:
    page = render_html({})
    assert "VERDICT NOT AVAILABLE" in part(page, "verdict")
    for element_id in SECTION_IDS:
        assert "not available" in part(page, element_id), element_id


def test_malformed_values_do_not_crash(document: dict[str, Any]) -> None:
    broken = copy.deepcopy(document)
    broken["findings"] = "not a list"
    broken["engine"] = ["odd"]
    broken["run"]["phases"][0]["seconds"] = math.nan
    broken["run"]["phases"][1]["budget_seconds"] = "twenty"
    broken["run"]["steps"][0] = "not a step"
    broken["run"]["steps"][1]["seconds"] = None
    broken["production"]["tables"][0] = {"status": "changed"}
    broken["production"]["schemas_created"] = None
    broken["expectations"][0]["success"] = ["unhashable"]
    broken["expectations"][1]["expectations"][0]["examples"] = "XX"
    broken["lint"] = {"findings": [{"location": {"path": "a.sql", "line": 3}}]}
    broken["rewrites"] = [{"location": None}]
    broken["seed"] = 5
    page = render_html(broken, {"run": "nonsense"})
    assert "a.sql:3" in part(page, "lint")
    assert render_html([], None)  # type: ignore[arg-type]


def test_objects_without_rows_show_no_row_counts(document: dict[str, Any]) -> None:
    tables = document["production"]["tables"]
    prop = dict(tables[0], name="Brokers [MS_Description]", kind="extended property")
    prop.update(status="altered", rows_before=0, rows_after=0)
    tables.insert(0, prop)
    section = part(render_html(document), "production-diff")
    row = re.search(r"<tr[^>]*>\s*<td><code>dbo\.Brokers \[MS_Description\].*?</tr>", section, re.S)
    assert row, section
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(0))
    assert cells == ["—"] * 5
    brokers = re.search(r"<tr[^>]*>\s*<td><code>dbo\.Brokers</code>.*?</tr>", section, re.S)
    assert brokers and "12,263" in brokers.group(0)
