"""The result sections of report.html: fingerprint diffs and the rewrite map (the
expectations section lives in ``report.expectations``). This module turns the run document
into plain view values; the markup is in ``diff.html`` and ``rewrites.html``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.report.chart import number_or_none
from etlcheck.report.templates import render
from etlcheck.report.values import (
    as_count,
    as_mapping,
    as_records,
    as_text,
    location_text,
    presence,
)

if TYPE_CHECKING:
    from markupsafe import Markup

VISIBLE_UNCHANGED = 12
"""Unchanged tables shown before the rest fold into a <details> block."""
VISIBLE_LANDED = 15
"""Sandbox tables that received data shown before the rest fold away (biggest first)."""
OPEN_REWRITES = 40
COUNTED = ("rows_before", "rows_after", "rows_added", "rows_removed", "rows_changed")


# --- fingerprint diffs ---------------------------------------------------------------------

_DIFF_TITLES = {
    "production": "Production: fingerprint diff of the protected schemas",
    "sandbox": "Where the data landed (sandbox schemas)",
}


@dataclass(frozen=True)
class DiffRow:
    name: str
    status: str
    css: str
    counts: tuple[str, ...]


def diff_section(document: Mapping[str, Any], key: str, element_id: str) -> Markup:
    diff = as_mapping(document.get(key))
    tables = as_records(diff.get("tables"))
    changed = [t for t in tables if t.get("status") != "unchanged"]
    unchanged = [t for t in tables if t.get("status") == "unchanged"]
    events = [f"schema {as_text(s)} was created" for s in diff.get("schemas_created") or ()]
    events += [f"schema {as_text(s)} was dropped" for s in diff.get("schemas_dropped") or ()]
    if key == "production":
        shown = changed + unchanged[: max(0, VISIBLE_UNCHANGED - len(changed))]
    else:
        changed.sort(key=_rows_moved, reverse=True)
        shown = changed[:VISIBLE_LANDED] if changed else unchanged[:VISIBLE_UNCHANGED]
    shown_ids = {id(table) for table in shown}
    rest = [table for table in changed + unchanged if id(table) not in shown_ids]
    changed_ids = {id(table) for table in changed}
    highlight = "changed" if key == "production" else "landed"
    return render(
        "diff.html",
        id=element_id,
        title=_DIFF_TITLES[key],
        state=presence(document, key),
        production=key == "production",
        total=len(tables),
        changed=len(changed),
        unchanged=len(unchanged),
        events=events,
        shown=[_diff_row(table, highlight) for table in shown],
        rest=[_diff_row(table, highlight) for table in rest],
        rest_label="objects" if any(id(t) in changed_ids for t in rest) else "unchanged objects",
    )


def _rows_moved(table: Mapping[str, Any]) -> float:
    """How much data an object took or lost, to list the biggest landings first."""
    return sum(
        number_or_none(table.get(key)) or 0.0
        for key in ("rows_added", "rows_removed", "rows_changed")
    )


def _diff_row(table: Mapping[str, Any], highlight: str) -> DiffRow:
    name = ".".join(str(table.get(k)) for k in ("schema", "name") if table.get(k) is not None)
    kind = table.get("kind")
    if kind not in (None, "table"):
        name += f" ({kind})"
    status = table.get("status")
    return DiffRow(
        name=as_text(name),
        status=as_text(status),
        css="" if status == "unchanged" else highlight,
        # a view, a routine or a property holds no rows of its own: its counts say nothing
        counts=tuple(as_count(table.get(k)) if kind in (None, "table") else "—" for k in COUNTED),
    )


# --- rewrite map ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RewriteRow:
    where: str
    before: str
    after: str


def rewrites_section(document: Mapping[str, Any]) -> Markup:
    rewrites = as_records(document.get("rewrites"))
    rows: Sequence[RewriteRow] = [
        RewriteRow(location_text(r), as_text(r.get("before")), as_text(r.get("after")))
        for r in rewrites
    ]
    return render(
        "rewrites.html",
        state=presence(document, "rewrites"),
        rows=rows,
        opened=len(rows) <= OPEN_REWRITES,
    )
