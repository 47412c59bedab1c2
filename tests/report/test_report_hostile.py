"""Every section of report.html with hostile names: each string of the run document (and the
keys a section shows) carries markup, quotes and ``&``. The page must keep exactly the
structure it has with harmless names, and show every hostile name as escaped text."""

from __future__ import annotations

import copy
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from etlcheck.report.html import render_html

HOSTILE = '<script>alert("x")</script>\'&amp;</td></table></section>'
HARMLESS = "plain-name"
SECTION_IDS = (
    "verdict",
    "lint",
    "production-diff",
    "production-preview",
    "sandbox-diff",
    "timings",
    "steps",
    "expectations",
    "rewrites",
    "seed",
    "facts",
)


class _Structure(HTMLParser):
    """Each start and end tag with its attribute names, and the text per section id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, ...]] = []
        self.text: dict[str, list[str]] = {}
        self._section = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, *sorted(name for name, _ in attrs)))
        ids = [value for name, value in attrs if name == "id" and value in SECTION_IDS]
        if tag in ("section", "header") and ids:
            self._section = str(ids[0])

    def handle_endtag(self, tag: str) -> None:
        self.tags.append((f"/{tag}",))

    def handle_data(self, data: str) -> None:
        self.text.setdefault(self._section, []).append(data)


def _structure(page: str) -> _Structure:
    parsed = _Structure()
    parsed.feed(page)
    parsed.close()
    return parsed


def _named(value: Any, suffix: str) -> Any:
    """``value`` with ``suffix`` appended to every string in it (numbers stay numbers)."""
    if isinstance(value, str):
        return value + suffix
    if isinstance(value, list):
        return [_named(item, suffix) for item in value]
    if isinstance(value, dict):
        return {key: _named(item, suffix) for key, item in value.items()}
    return value


def _complete(document: dict[str, Any]) -> dict[str, Any]:
    """The failed run of conftest with the parts it leaves out: a resumed run, a seed with
    every kind of detail, the copies of production, failing rows."""
    document = copy.deepcopy(document)
    document["run"]["resumes"] = "20240611-080000-dead"
    document["origin"] = "20240611-080000-dead"
    document["run"]["steps"][2].update(status="failed", error="Catalog Error: no table")
    document["bench_key"] = {"engine": "duckdb", "scale": "poc", "rewrite": "regex"}
    document["seed"] = {
        "sources": [
            {
                "kind": "csv",
                "source": "data/brokers.csv",
                "seconds": 0.2,
                "warnings": ["column region is empty in 3 rows"],
                "tables": [{"table": "raw_data.brokers", "rows": 100, "source": "brokers.csv"}],
                "files": [{"path": "data/brokers.csv", "bytes": 2048, "sha256": "ab12"}],
                "statements": ["SELECT * FROM raw_data.brokers"],
            }
        ],
        "cloned": True,
        "clones": [{"table": "dbo.Brokers", "sandbox": "poc_dbo.Brokers", "rows": 10}],
        "clone_seconds": 0.1,
    }
    document["production_preview"] = [
        {
            "production": "dbo.Brokers",
            "schema": "poc_dbo",
            "name": "Brokers",
            "status": "changed",
            "rows_before": 10,
            "rows_after": 19,
            "rows_added": 9,
            "rows_removed": 0,
            "rows_changed": 0,
        }
    ]
    document["sandbox"]["schemas_dropped"] = ["poc_tmp"]
    return document


def _plant_keys(document: dict[str, Any], name: Callable[[str], str]) -> None:
    """Keys a section shows as text: extra engine facts and the columns of failing rows."""
    document["engine"][name("engine_detail")] = name("detail")
    failing = document["expectations"][1]["expectations"][0]
    failing["failing_rows"] = [{name("broker_code"): name("BR1")}]


def _pages(document: dict[str, Any], previous: dict[str, Any]) -> tuple[str, str]:
    pages = []
    for suffix in (HARMLESS, HOSTILE):
        named = _named(_complete(document), suffix)
        _plant_keys(named, lambda text, suffix=suffix: text + suffix)
        pages.append(render_html(named, _named(previous, suffix)))
    return pages[0], pages[1]


def test_hostile_names_leave_the_structure_of_every_section_as_it_was(
    document: dict[str, Any], previous_document: dict[str, Any]
) -> None:
    harmless, hostile = _pages(document, previous_document)
    assert _structure(hostile).tags == _structure(harmless).tags
    assert "<script" not in hostile.lower()
    assert "</td></table></section>" not in hostile


def test_every_section_shows_the_hostile_names_as_text(
    document: dict[str, Any], previous_document: dict[str, Any]
) -> None:
    _, hostile = _pages(document, previous_document)
    text = _structure(hostile).text
    for element_id in SECTION_IDS:
        assert HOSTILE in "".join(text.get(element_id, [])), element_id
    assert '<script>alert("x")' not in hostile
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#39;&amp;amp;&lt;/td&gt;" in hostile
