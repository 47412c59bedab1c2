"""report.html: one self-contained page, verdict first, readable in a minute.

The page is built from the run document (``run.json``); every value that came from SQL,
data or the user's files is HTML-escaped. A section whose document entry is ``None`` says
"not run"; a missing entry says "not available". Nothing here raises on odd input.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from etlcheck.report.chart import render_timing_charts
from etlcheck.report.expectations import expectations_section
from etlcheck.report.markup import (
    NOT_AVAILABLE,
    absent_section,
    as_count,
    as_mapping,
    as_records,
    as_seconds,
    as_text,
    html_row,
    html_table,
    location_text,
    section,
)
from etlcheck.report.previous import changed_scripts, key_text
from etlcheck.report.sections import diff_section, rewrites_section
from etlcheck.report.seeding import preview_section, seed_fact, seed_section
from etlcheck.wording import counted

VISIBLE_FINDINGS = 8
"""Findings listed under the verdict before the rest fold into a <details> block..."""
FINDINGS_PER_KIND = 3
"""...keeping this many of each kind in view."""
VISIBLE_LINT = 10


def render_html(
    document: dict[str, Any], previous: dict[str, Any] | None = None, benchmarks: str = ""
) -> str:
    """The whole page for one run document, compared with the previous run's when given
    (``benchmarks``: the benchmark section, already rendered)."""
    document = document if isinstance(document, Mapping) else {}
    previous = previous if isinstance(previous, Mapping) else None
    verdict = _verdict_text(document)
    body = "".join(
        (
            _verdict_section(document),
            _lint_section(document),
            diff_section(document, "production", "production-diff"),
            preview_section(document),
            diff_section(document, "sandbox", "sandbox-diff"),
            _timing_section(document, previous),
            _steps_section(document),
            benchmarks,
            expectations_section(document),
            rewrites_section(document),
            seed_section(document),
            _facts_section(document, previous),
        )
    )
    title = f"etlcheck: {verdict} · {document.get('pipeline') or NOT_AVAILABLE}"
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_stylesheet()}</style></head>\n"
        f"<body><main>{body}"
        "<footer>Written by etlcheck. Self-contained: no scripts, no external files.</footer>"
        "</main></body></html>\n"
    )


@cache
def _stylesheet() -> str:
    return resources.files("etlcheck.report").joinpath("style.css").read_text("utf-8")


# --- verdict -------------------------------------------------------------------------------


def _verdict_text(document: Mapping[str, Any]) -> str:
    verdict = document.get("verdict")
    return str(verdict) if verdict else "verdict not available"


def _verdict_section(document: Mapping[str, Any]) -> str:
    verified = document.get("verdict") == "verified"
    css = "verified" if verified else "not-verified"
    heading = escape(_verdict_text(document).upper())
    run = as_mapping(document.get("run"))
    scale = document.get("scale")
    subject = " · ".join(
        (
            as_text(document.get("pipeline")),
            f"engine {as_text(as_mapping(document.get('engine')).get('name'))}",
            *([f"scale {as_text(scale)}"] if scale is not None or "scale" not in document else []),
            f"rewrite {as_text(document.get('rewrite'))}",
            f"run {as_text(run.get('run_id'))}",
            *([f"continues run {as_text(run.get('resumes'))}"] if run.get("resumes") else []),
        )
    )
    findings = document.get("findings")
    if isinstance(findings, list) and findings:
        shown, folded = _fold_findings([str(finding) for finding in findings])
        listing = "".join(f"<li>{as_text(finding)}</li>" for finding in shown)
        listing = f'<ul class="findings">{listing}</ul>'
        if folded:
            rest = "".join(f"<li>{as_text(finding)}</li>" for finding in folded)
            listing += (
                f"<details><summary>{len(folded)} more findings</summary>"
                f'<ul class="findings">{rest}</ul></details>'
            )
    elif isinstance(findings, list):
        listing = '<p class="summary">No findings.</p>'
    else:
        listing = f'<p class="summary">Findings {NOT_AVAILABLE}.</p>'
    return (
        f'<header id="verdict" class="{css}"><h1>{heading}</h1>'
        f'<p class="subject">{subject}</p>{listing}'
        f'<p class="summary">{_summary(document)}</p></header>'
    )


def _fold_findings(findings: list[str]) -> tuple[list[str], list[str]]:
    """The findings to show under the verdict and those to fold away.

    Findings of one kind share a prefix ("lint", "production changed"); a few of each kind
    stay visible, so 250 lint findings never hide the one changed production table.
    """
    if len(findings) <= VISIBLE_FINDINGS:
        return findings, []
    per_kind: dict[str, int] = {}
    shown: list[str] = []
    folded: list[str] = []
    for finding in findings:
        kind = finding.split(":", 1)[0] if ":" in finding[:40] else ""
        per_kind[kind] = per_kind.get(kind, 0) + 1
        (shown if per_kind[kind] <= FINDINGS_PER_KIND else folded).append(finding)
    return shown, folded


def _summary(document: Mapping[str, Any]) -> str:
    """One sentence: how far the run got and where the data went."""
    run = as_mapping(document.get("run"))
    parts = [
        f"{as_count(run.get('steps_completed'))} of {as_count(run.get('steps_total'))} steps "
        f"ran in {as_seconds(run.get('seconds'))}"
    ]
    production = document.get("production")
    if isinstance(production, Mapping):
        tables = as_records(production.get("tables"))
        changed = [t for t in tables if t.get("status") != "unchanged"]
        parts.append(f"{len(changed)} of {len(tables)} protected objects changed")
    sandbox = document.get("sandbox")
    if isinstance(sandbox, Mapping):
        landed = [t for t in as_records(sandbox.get("tables")) if t.get("status") != "unchanged"]
        parts.append(f"data landed in {len(landed)} sandbox objects")
    return "; ".join(parts) + "."


# --- lint ----------------------------------------------------------------------------------


def _lint_section(document: Mapping[str, Any]) -> str:
    title = "Static isolation check (lint)"
    absent = absent_section(document, "lint", "lint", title)
    if absent is not None:
        return absent
    findings = as_records(as_mapping(document.get("lint")).get("findings"))
    if not findings:
        return section("lint", title, "<p>No findings: every reference was proven safe.</p>")
    silenced = sum(1 for f in findings if f.get("allowed") is not None)
    findings.sort(key=lambda f: f.get("allowed") is not None)
    rows = [
        html_row(
            (
                f"<code>{escape(location_text(f))}</code>",
                f"<code>{as_text(f.get('code'))}</code>",
                as_text(f.get("message"))
                + (
                    f'<br><span class="muted">{as_text(f.get("suggestion"))}</span>'
                    if f.get("suggestion")
                    else ""
                ),
                as_text(f.get("allowed"), "—"),
            ),
            "allowed" if f.get("allowed") is not None else "failed",
        )
        for f in findings
    ]
    scripts = len({location_text(f).split(":", 1)[0] for f in findings})
    note = (
        f"<p>{counted(len(findings), 'finding')} in {counted(scripts, 'script')}, "
        f"{silenced} allowed by an inline pragma with a reason.</p>"
    )
    headers = ("where", "code", "what", "allowed because")
    content = note + html_table(headers, rows[:VISIBLE_LINT])
    if len(rows) > VISIBLE_LINT:
        content += (
            f"<details><summary>{len(rows) - VISIBLE_LINT} more findings</summary>"
            f"{html_table(headers, rows[VISIBLE_LINT:])}</details>"
        )
    return section("lint", title, content)


# --- timings, steps and facts --------------------------------------------------------------------


def _timing_section(document: Mapping[str, Any], previous: Mapping[str, Any] | None) -> str:
    title = "Timings: phases against budgets"
    if previous is not None:
        title += " and the previous run"
    absent = absent_section(document, "run", "timings", title)
    if absent is not None:
        return absent
    run = document.get("run")
    previous_run = previous.get("run") if previous is not None else None
    return section(
        "timings",
        title,
        _previous_note(document, previous) + render_timing_charts(run, previous_run),
    )


def _previous_note(document: Mapping[str, Any], previous: Mapping[str, Any] | None) -> str:
    """Which run the grey bars are, and why that one: the newest verified run with equal keys."""
    key = document.get("bench_key")
    if previous is None:
        if "bench_key" not in document:
            return ""
        return (
            '<p class="note" id="previous-run">No earlier verified run with this run\'s keys '
            f"({escape(key_text(key))}) in the report folder: nothing to compare with.</p>"
        )
    previous_id = as_text(as_mapping(previous.get("run")).get("run_id"))
    changed = changed_scripts(document, previous)
    since = (
        f" Changed since then: {', '.join(f'<code>{escape(c)}</code>' for c in changed)}."
        if changed
        else ""
    )
    return (
        f'<p class="note" id="previous-run">Grey bars and dark ticks: previous run '
        f"{previous_id}, the newest earlier run that was verified and has this "
        f"run's keys ({escape(key_text(key))}).{since}</p>"
    )


def _steps_section(document: Mapping[str, Any]) -> str:
    title = "Steps"
    absent = absent_section(document, "run", "steps", title)
    if absent is not None:
        return absent
    steps = as_records(as_mapping(document.get("run")).get("steps"))
    if not steps:
        return section("steps", title, f'<p class="not-available">{NOT_AVAILABLE}</p>')
    rows = []
    for step in steps:
        status = step.get("status")
        error = step.get("error")
        status_cell = f'<span class="status">{as_text(status)}</span>'
        if error:
            status_cell += f"<br><code>{as_text(error)}</code>"
        rows.append(
            html_row(
                (
                    as_text(step.get("number")),
                    as_text(step.get("phase")),
                    f"<code>{as_text(step.get('script'))}</code>",
                    status_cell,
                    as_seconds(step.get("seconds")),
                    as_count(step.get("rows_affected")),
                ),
                "" if status == "ok" else "failed",
                numeric=(4, 5),
            )
        )
    headers = ("#", "phase", "script", "status", "time", "rows affected")
    return section("steps", title, html_table(headers, rows, numeric=(4, 5)))


def _facts_section(document: Mapping[str, Any], previous: Mapping[str, Any] | None) -> str:
    run = as_mapping(document.get("run"))
    engine = as_mapping(document.get("engine"))
    facts = [
        ("pipeline", as_text(document.get("pipeline"))),
        ("configuration", f"<code>{as_text(document.get('config'))}</code>"),
        (
            "engine",
            " ".join(as_text(engine.get(k), "") for k in ("name", "version")).strip()
            or NOT_AVAILABLE,
        ),
        ("engine target", f"<code>{as_text(engine.get('target'))}</code>"),
        *(
            (f"engine {escape(str(key))}", as_text(_short(value)))
            for key, value in engine.items()
            if key not in ("name", "version", "target")
        ),
        ("scale", as_text(document.get("scale"), "no sample generator")),
        ("rewrite", as_text(document.get("rewrite"))),
        ("run id", f"<code>{as_text(run.get('run_id'))}</code>"),
        ("started", as_text(run.get("started_at"))),
        ("finished", as_text(run.get("finished_at"))),
        ("total step time", as_seconds(run.get("seconds"))),
    ]
    if run.get("resumes"):
        resumed = escape(str(run.get("resumes")))
        facts.append(
            (
                "continues run",
                f'<a href="../{resumed}/report.html"><code>{resumed}</code></a>, compared with '
                f"the fingerprint taken before run <code>{as_text(document.get('origin'))}"
                "</code>",
            )
        )
    if previous is not None:
        previous_run = as_mapping(previous.get("run"))
        facts.append(("previous run", f"<code>{as_text(previous_run.get('run_id'))}</code>"))
    if "seed" in document:
        facts.append(("seed", as_text(seed_fact(document.get("seed")))))
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    return section("facts", "Run facts", f'<dl class="facts">{items}</dl>')


def _short(value: object) -> object:
    """Nested seed details as one line (a dict of table counts stays readable)."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value
