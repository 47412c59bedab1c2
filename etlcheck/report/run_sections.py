"""The sections of report.html about the run itself: timings against budgets and the previous
run, the step table and the run facts. This module turns the run document into plain view
values; the markup is in ``timings.html``, ``steps.html`` and ``facts.html``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.report.chart import render_timing_charts
from etlcheck.report.previous import changed_scripts, key_text
from etlcheck.report.seeding import seed_fact
from etlcheck.report.templates import render
from etlcheck.report.values import (
    NOT_AVAILABLE,
    as_count,
    as_mapping,
    as_records,
    as_seconds,
    as_text,
    presence,
)

if TYPE_CHECKING:
    from markupsafe import Markup


@dataclass(frozen=True)
class PreviousNote:
    """Which run the grey bars are, and why that one: the newest verified run with equal
    keys (``run_id`` empty when there is none)."""

    keys: str
    run_id: str
    changed: tuple[str, ...]


def timing_section(document: Mapping[str, Any], previous: Mapping[str, Any] | None) -> Markup:
    note = None
    if previous is not None or "bench_key" in document:
        note = PreviousNote(
            keys=key_text(document.get("bench_key")),
            run_id=as_text(as_mapping(previous.get("run")).get("run_id")) if previous else "",
            changed=tuple(changed_scripts(document, previous)) if previous else (),
        )
    state = presence(document, "run")
    charts = None
    if state == "shown":
        previous_run = previous.get("run") if previous is not None else None
        charts = _svg(render_timing_charts(document.get("run"), previous_run))
    return render(
        "timings.html", state=state, with_previous=previous is not None, note=note, charts=charts
    )


def _svg(markup: str) -> Markup:
    from markupsafe import Markup

    return Markup(markup)  # SVG from report.chart, which escapes every text it writes


@dataclass(frozen=True)
class StepRow:
    number: str
    phase: str
    script: str
    status: str
    error: str
    failed: bool
    seconds: str
    rows: str


def steps_section(document: Mapping[str, Any]) -> Markup:
    rows = [
        StepRow(
            number=as_text(step.get("number")),
            phase=as_text(step.get("phase")),
            script=as_text(step.get("script")),
            status=as_text(step.get("status")),
            error=str(step.get("error") or ""),
            failed=step.get("status") != "ok",
            seconds=as_seconds(step.get("seconds")),
            rows=as_count(step.get("rows_affected")),
        )
        for step in as_records(as_mapping(document.get("run")).get("steps"))
    ]
    return render("steps.html", state=presence(document, "run"), rows=rows)


@dataclass(frozen=True)
class Fact:
    name: str
    text: str
    code: bool = False


def facts_section(document: Mapping[str, Any], previous: Mapping[str, Any] | None) -> Markup:
    run = as_mapping(document.get("run"))
    engine = as_mapping(document.get("engine"))
    facts = [
        Fact("pipeline", as_text(document.get("pipeline"))),
        Fact("configuration", as_text(document.get("config")), code=True),
        Fact(
            "engine",
            " ".join(as_text(engine.get(k), "") for k in ("name", "version")).strip()
            or NOT_AVAILABLE,
        ),
        Fact("engine target", as_text(engine.get("target")), code=True),
        *(
            Fact(f"engine {key}", as_text(_short(value)))
            for key, value in engine.items()
            if key not in ("name", "version", "target")
        ),
        Fact("scale", as_text(document.get("scale"), "no sample generator")),
        Fact("rewrite", as_text(document.get("rewrite"))),
        Fact("run id", as_text(run.get("run_id")), code=True),
        Fact("started", as_text(run.get("started_at"))),
        Fact("finished", as_text(run.get("finished_at"))),
        Fact("total step time", as_seconds(run.get("seconds"))),
    ]
    later = []
    if previous is not None:
        previous_id = as_text(as_mapping(previous.get("run")).get("run_id"))
        later.append(Fact("previous run", previous_id, code=True))
    if "seed" in document:
        later.append(Fact("seed", seed_fact(document.get("seed"))))
    return render(
        "facts.html",
        facts=facts,
        resumes=str(run.get("resumes") or ""),
        origin=as_text(document.get("origin")),
        later=later,
    )


def _short(value: object) -> object:
    """Nested seed details as one line (a dict of table counts stays readable)."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value
