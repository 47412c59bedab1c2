"""report.html: one self-contained page, verdict first, readable in a minute.

The page is built from the run document (``run.json``) by Jinja2 templates with
autoescaping (``report.html`` and one template per section); the modules beside this one
only turn the document into plain view values. A section whose document entry is ``None``
says "not run"; a missing entry says "not available". Nothing here raises on odd input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.report.expectations import expectations_section
from etlcheck.report.run_sections import facts_section, steps_section, timing_section
from etlcheck.report.sections import diff_section, rewrites_section
from etlcheck.report.seeding import preview_section, seed_section
from etlcheck.report.templates import render, stylesheet
from etlcheck.report.values import (
    NOT_AVAILABLE,
    as_count,
    as_mapping,
    as_records,
    as_seconds,
    as_text,
    location_text,
    presence,
)
from etlcheck.wording import counted

if TYPE_CHECKING:
    from markupsafe import Markup

VISIBLE_FINDINGS = 8
"""Findings listed under the verdict before the rest fold into a <details> block..."""
FINDINGS_PER_KIND = 3
"""...keeping this many of each kind in view."""
VISIBLE_LINT = 10


def render_html(
    document: dict[str, Any], previous: dict[str, Any] | None = None, benchmarks: str = ""
) -> str:
    """The whole page for one run document, compared with the previous run's when given
    (``benchmarks``: the benchmark section, already rendered by its own template)."""
    from markupsafe import Markup

    document = document if isinstance(document, Mapping) else {}
    previous = previous if isinstance(previous, Mapping) else None
    sections = (
        _verdict_section(document),
        _lint_section(document),
        diff_section(document, "production", "production-diff"),
        preview_section(document),
        diff_section(document, "sandbox", "sandbox-diff"),
        timing_section(document, previous),
        steps_section(document),
        Markup(benchmarks),  # rendered by benchmarks.html, with autoescaping
        expectations_section(document),
        rewrites_section(document),
        seed_section(document),
        facts_section(document, previous),
    )
    title = f"etlcheck: {_verdict_text(document)} · {document.get('pipeline') or NOT_AVAILABLE}"
    page = render("report.html", title=title, stylesheet=stylesheet(), sections=sections)
    return f"{page}\n"  # Jinja2 drops the template's last newline


# --- verdict -------------------------------------------------------------------------------


def _verdict_text(document: Mapping[str, Any]) -> str:
    verdict = document.get("verdict")
    return str(verdict) if verdict else "verdict not available"


def _verdict_section(document: Mapping[str, Any]) -> Markup:
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
    shown: list[str] | None = None
    folded: list[str] = []
    if isinstance(findings, list):
        shown, folded = _fold_findings([as_text(str(finding)) for finding in findings])
    return render(
        "verdict.html",
        verified=document.get("verdict") == "verified",
        heading=_verdict_text(document).upper(),
        subject=subject,
        shown=shown,
        folded=folded,
        summary=_summary(document),
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


@dataclass(frozen=True)
class LintRow:
    where: str
    code: str
    message: str
    suggestion: str
    allowed: str
    css: str


def _lint_section(document: Mapping[str, Any]) -> Markup:
    findings = as_records(as_mapping(document.get("lint")).get("findings"))
    findings.sort(key=lambda f: f.get("allowed") is not None)
    rows = [
        LintRow(
            where=location_text(f),
            code=as_text(f.get("code")),
            message=as_text(f.get("message")),
            suggestion=str(f.get("suggestion") or ""),
            allowed=as_text(f.get("allowed"), "—"),
            css="allowed" if f.get("allowed") is not None else "failed",
        )
        for f in findings
    ]
    return render(
        "lint.html",
        state=presence(document, "lint"),
        shown=rows[:VISIBLE_LINT],
        rest=rows[VISIBLE_LINT:],
        findings=counted(len(rows), "finding"),
        scripts=counted(len({row.where.split(":", 1)[0] for row in rows}), "script"),
        silenced=sum(1 for f in findings if f.get("allowed") is not None),
    )
