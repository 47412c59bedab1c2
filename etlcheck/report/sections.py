"""The result sections of report.html: fingerprint diffs and the rewrite map (the
expectations section lives in ``report.expectations``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from etlcheck.report.chart import number_or_none
from etlcheck.report.markup import (
    absent_section,
    as_count,
    as_mapping,
    as_records,
    as_text,
    html_row,
    html_table,
    location_text,
    section,
)

VISIBLE_UNCHANGED = 12
"""Unchanged tables shown before the rest fold into a <details> block."""
VISIBLE_LANDED = 15
"""Sandbox tables that received data shown before the rest fold away (biggest first)."""
OPEN_REWRITES = 40


# --- fingerprint diffs ---------------------------------------------------------------------

_DIFF_TITLES = {
    "production": "Production: fingerprint diff of the protected schemas",
    "sandbox": "Where the data landed (sandbox schemas)",
}


def diff_section(document: Mapping[str, Any], key: str, element_id: str) -> str:
    title = _DIFF_TITLES[key]
    absent = absent_section(document, key, element_id, title)
    if absent is not None:
        return absent
    diff = as_mapping(document.get(key))
    tables = as_records(diff.get("tables"))
    changed = [t for t in tables if t.get("status") != "unchanged"]
    unchanged = [t for t in tables if t.get("status") == "unchanged"]
    events = [f"schema {as_text(s)} was created" for s in diff.get("schemas_created") or ()]
    events += [f"schema {as_text(s)} was dropped" for s in diff.get("schemas_dropped") or ()]
    highlight = "changed" if key == "production" else "landed"
    if key == "production":
        lead = (
            f"<p>{len(changed)} of {len(tables)} objects changed.</p>"
            if changed
            else f"<p>All {len(tables)} protected objects are unchanged: same rows, same "
            "content hash.</p>"
        )
    else:
        lead = f"<p>{len(changed)} objects received or lost data; {len(unchanged)} unchanged.</p>"
    if events:
        lead += "<ul>" + "".join(f"<li>{event}</li>" for event in events) + "</ul>"
    if not tables:
        return section(element_id, title, lead + "<p>No objects in these schemas.</p>")
    if key == "production":
        shown = changed + unchanged[: max(0, VISIBLE_UNCHANGED - len(changed))]
    else:
        changed.sort(key=_rows_moved, reverse=True)
        shown = changed[:VISIBLE_LANDED] if changed else unchanged[:VISIBLE_UNCHANGED]
    shown_ids = {id(table) for table in shown}
    rest = [table for table in changed + unchanged if id(table) not in shown_ids]
    content = lead + _diff_table(shown, highlight)
    if rest:
        changed_ids = {id(table) for table in changed}
        what = "objects" if any(id(t) in changed_ids for t in rest) else "unchanged objects"
        content += (
            f"<details><summary>{len(rest)} more {what}</summary>"
            f"{_diff_table(rest, highlight)}</details>"
        )
    return section(element_id, title, content)


def _rows_moved(table: Mapping[str, Any]) -> float:
    """How much data an object took or lost, to list the biggest landings first."""
    return sum(
        number_or_none(table.get(key)) or 0.0
        for key in ("rows_added", "rows_removed", "rows_changed")
    )


def _diff_table(tables: Sequence[Mapping[str, Any]], highlight: str) -> str:
    rows = []
    for table in tables:
        name = ".".join(str(table.get(k)) for k in ("schema", "name") if table.get(k) is not None)
        kind = table.get("kind")
        if kind not in (None, "table"):
            name += f" ({kind})"
        status = table.get("status")
        css = "" if status == "unchanged" else highlight
        rows.append(
            html_row(
                (
                    f"<code>{as_text(name)}</code>",
                    f'<span class="status">{as_text(status)}</span>',
                    *(
                        as_count(table.get(k))
                        for k in (
                            "rows_before",
                            "rows_after",
                            "rows_added",
                            "rows_removed",
                            "rows_changed",
                        )
                    ),
                ),
                css,
                numeric=(2, 3, 4, 5, 6),
            )
        )
    headers = ("table", "status", "rows before", "rows after", "added", "removed", "changed")
    return html_table(headers, rows, numeric=(2, 3, 4, 5, 6))


# --- rewrite map ----------------------------------------------------------------------------


def rewrites_section(document: Mapping[str, Any]) -> str:
    title = "Rewrite map (schema names patched in the scripts)"
    absent = absent_section(document, "rewrites", "rewrites", title)
    if absent is not None:
        return absent
    rewrites = as_records(document.get("rewrites"))
    if not rewrites:
        return section("rewrites", title, "<p>No schema names were rewritten.</p>")
    rows = [
        html_row(
            (
                f"<code>{escape(location_text(r))}</code>",
                f"<code>{as_text(r.get('before'))}</code>",
                f"<code>{as_text(r.get('after'))}</code>",
            )
        )
        for r in rewrites
    ]
    table = html_table(("where", "before", "after"), rows)
    opened = " open" if len(rewrites) <= OPEN_REWRITES else ""
    return section(
        "rewrites",
        title,
        f"<details{opened}><summary>{len(rewrites)} rewrites</summary>{table}</details>",
    )
