"""The expectations section of report.html, and dq.html (the same section, standalone).

Each expectation is shown with the rule it applied (its kwargs: the value set, truncated
with a count; the regex; the bounds; a relation's query), its result, the failing values
de-duplicated with their counts, and the first failing rows in a box that scrolls on its
own. The markup is a Jinja2 template with autoescaping; this module only turns the run
document (which may come from an older or hand-edited run.json) into plain view values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.report.templates import render, template
from etlcheck.report.templates import stylesheet as stylesheet  # dq.py imports it here
from etlcheck.report.values import NOT_AVAILABLE, as_count, as_mapping, as_records, presence

if TYPE_CHECKING:
    from markupsafe import Markup

TITLE = "Expectations on the staging outputs"
VISIBLE_VALUES = 8
"""Values of a value set shown before the rest are counted."""
TEXT_LIMIT = 400


@dataclass(frozen=True)
class RuleView:
    name: str
    text: str
    more: str = ""
    origin: str = ""


@dataclass(frozen=True)
class ExpectationView:
    expectation: str
    path: str
    description: str
    column: str
    rule: tuple[RuleView, ...]
    result: str
    css: str
    observed: str
    unexpected: str
    examples: tuple[str, ...]
    error: str
    checked_by: str
    row_columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SuiteView:
    name: str
    table: str
    rows: str
    result: str
    path: str
    seconds: str
    expectations: tuple[ExpectationView, ...]


def expectations_section(document: Mapping[str, Any]) -> Markup:
    """The ``<section id="expectations">`` of a run document."""
    state = presence(document, "expectations")
    suites = tuple(_suite(s) for s in as_records(document.get("expectations")))
    passed = sum(1 for s in suites if s.result == "passed")
    return render(
        "expectations.html",
        title=TITLE,
        state=state,
        suites=suites,
        passed=passed,
        not_available=NOT_AVAILABLE,
    )


def render_dq_html(document: Mapping[str, Any], stylesheet: str) -> str:
    """dq.html: the expectations section on a page of its own, with its verdict."""
    document = document if isinstance(document, Mapping) else {}
    return template("dq.html").render(
        section=expectations_section(document),
        verdict=str(document.get("verdict") or NOT_AVAILABLE),
        verified=document.get("verdict") == "expectations met",
        subject=_subject(document),
        stylesheet=stylesheet,
    )


def _subject(document: Mapping[str, Any]) -> str:
    engine = as_mapping(document.get("engine"))
    parts = [
        str(document.get("pipeline") or NOT_AVAILABLE),
        f"engine {engine.get('name') or NOT_AVAILABLE}",
        f"database {engine.get('target') or NOT_AVAILABLE}",
        f"run {document.get('run_id') or NOT_AVAILABLE}",
        f"validated {document.get('validated_at') or NOT_AVAILABLE}",
    ]
    return " · ".join(parts)


def _suite(suite: Mapping[str, Any]) -> SuiteView:
    success = suite.get("success")
    seconds = suite.get("seconds")
    return SuiteView(
        name=_text(suite.get("suite")),
        table=_text(suite.get("table")),
        rows=as_count(suite.get("rows")),
        result="passed" if success is True else "FAILED" if success is False else NOT_AVAILABLE,
        path=_text(suite.get("path"), ""),
        seconds=f"{seconds:.2f} s" if isinstance(seconds, int | float) else "",
        expectations=tuple(_expectation(e) for e in as_records(suite.get("expectations"))),
    )


def _expectation(item: Mapping[str, Any]) -> ExpectationView:
    success = item.get("success")
    rows = as_records(item.get("failing_rows"))
    columns: list[str] = []
    for row in rows:
        columns += [str(k) for k in row if str(k) not in columns]
    error = _text(item.get("error"), "")
    return ExpectationView(
        expectation=_text(item.get("expectation") or item.get("type")),
        path=_text(item.get("path"), ""),
        description=_text(item.get("description"), ""),
        column=_text(item.get("column"), "—"),
        rule=tuple(_rule(r) for r in as_records(item.get("rule"))),
        result="passed" if success is True else "FAILED" if success is False else "n/a",
        css="failed" if success is False else "",
        observed="" if error else _observed(item.get("observed")),
        unexpected=_unexpected(item.get("unexpected_count"), error),
        examples=tuple(_example(e) for e in _list(item.get("examples"))),
        error=error,
        checked_by=_text(item.get("checked_by"), ""),
        row_columns=tuple(columns),
        rows=tuple(tuple(_cell(row.get(c)) for c in columns) for row in rows),
    )


def _observed(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return as_count(value)
    return _cell(value) if value is not None else "—"


def _unexpected(value: object, error: str) -> str:
    if error:
        return ""
    return "—" if value is None else as_count(value)


def _rule(item: Mapping[str, Any]) -> RuleView:
    value = item.get("value")
    more = ""
    if isinstance(value, list):
        shown = ", ".join(_cell(v) for v in value[:VISIBLE_VALUES])
        if len(value) > VISIBLE_VALUES:
            more = f"… +{len(value) - VISIBLE_VALUES} more ({len(value)} values)"
        text = f"[{shown}]"
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"{value:,}"
    else:
        text = _cell(value)
    return RuleView(_text(item.get("name")), text, more, _text(item.get("parameter"), ""))


def _example(example: object) -> str:
    if isinstance(example, Mapping) and "value" in example:
        count = example.get("count")
        value = _cell(example.get("value"))
        return f"{value} ×{count}" if isinstance(count, int) and count > 1 else value
    return _cell(example)


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _cell(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, list):
        return "(" + ", ".join(_cell(v) for v in value) + ")"
    text = str(value)
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def _text(value: object, missing: str = NOT_AVAILABLE) -> str:
    return missing if value is None or value == "" else str(value)
