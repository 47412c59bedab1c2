"""Report sections about the data the run started from: what it would do to production
(its copies in the sandbox), and where every seeded table came from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from etlcheck.report.markup import (
    as_count,
    as_mapping,
    as_records,
    as_seconds,
    as_text,
    html_row,
    html_table,
    section,
)
from etlcheck.wording import counted

VISIBLE_STATEMENTS = 5


def preview_section(document: Mapping[str, Any]) -> str:
    """Per copy of a production table: rows before, added, changed, removed, after."""
    title = "What the run would do to production (its copies in the sandbox)"
    preview = as_records(document.get("production_preview"))
    seed = as_mapping(document.get("seed"))
    if not preview:
        reason = (
            "Production was not cloned into the sandbox: the run started from empty sandbox "
            "schemas."
            if seed.get("cloned") is False
            else "No production tables were cloned into the sandbox."
        )
        return section("production-preview", title, f"<p>{reason}</p>")
    changed = [row for row in preview if row.get("status") != "unchanged"]
    lead = (
        f"<p>Every protected table was copied, structure and rows, into its sandbox before "
        f"step 1. The run changed {len(changed)} of the {len(preview)} copies; this is the "
        "change the team would see in production. Production itself is proven unchanged "
        "above.</p>"
    )
    rows = [
        html_row(
            (
                f"<code>{as_text(row.get('production'))}</code>",
                f"<code>{as_text(row.get('schema'))}.{as_text(row.get('name'))}</code>",
                as_count(row.get("rows_before")),
                as_count(row.get("rows_added")),
                as_count(row.get("rows_changed")),
                as_count(row.get("rows_removed")),
                as_count(row.get("rows_after")),
            ),
            "" if row.get("status") == "unchanged" else "landed",
            numeric=(2, 3, 4, 5, 6),
        )
        for row in sorted(preview, key=lambda r: r.get("status") == "unchanged")
    ]
    headers = ("production table", "sandbox copy", "before", "added", "changed", "removed", "after")
    return section(
        "production-preview", title, lead + html_table(headers, rows, numeric=(2, 3, 4, 5, 6))
    )


def seed_section(document: Mapping[str, Any]) -> str:
    """Each seed source: what it is, the files it read (SHA-256), the tables it filled."""
    title = "Seed: what the run started from"
    if "seed" not in document:
        return ""
    seed = document.get("seed")
    if not isinstance(seed, Mapping):
        return section("seed", title, "<p>Not seeded: the run continued an earlier one.</p>")
    sources = as_records(seed.get("sources"))
    if not sources:
        return section("seed", title, "<p>No seed sources were declared.</p>")
    content = "".join(_source(source) for source in sources)
    clones = as_records(seed.get("clones"))
    if seed.get("cloned"):
        rows = sum(int(clone.get("rows") or 0) for clone in clones)
        content += (
            f"<p>Then {counted(len(clones), 'protected table')}, {counted(rows, 'row')}, "
            f"were cloned into the sandbox in {as_seconds(seed.get('clone_seconds'))}.</p>"
        )
    return section("seed", title, content)


def _source(source: Mapping[str, Any]) -> str:
    heading = (
        f"<h3>{as_text(source.get('kind'))}: <code>{as_text(source.get('source'))}</code> "
        f'<span class="muted">{as_seconds(source.get("seconds"))}</span></h3>'
    )
    parts = [heading]
    for warning in source.get("warnings") or ():
        parts.append(f'<p class="warning">warning: {as_text(warning)}</p>')
    tables = as_records(source.get("tables"))
    if tables:
        rows = [
            html_row(
                (
                    f"<code>{as_text(t.get('table'))}</code>",
                    as_count(t.get("rows")),
                    as_text(t.get("source")),
                ),
                numeric=(1,),
            )
            for t in tables
        ]
        parts.append(html_table(("table", "rows", "from"), rows, numeric=(1,)))
    files = as_records(source.get("files"))
    if files:
        rows = [
            html_row(
                (
                    f"<code>{as_text(f.get('path'))}</code>",
                    as_count(f.get("bytes")),
                    f"<code>{as_text(f.get('sha256'))}</code>",
                ),
                numeric=(1,),
            )
            for f in files
        ]
        parts.append(html_table(("file", "bytes", "SHA-256"), rows, numeric=(1,)))
    statements = [str(s) for s in source.get("statements") or ()]
    if statements:
        listed = "".join(f"<li><code>{as_text(s)}</code></li>" for s in statements)
        parts.append(
            f"<details><summary>{len(statements)} statements sent to the source, all reads"
            f"</summary><ol>{listed}</ol></details>"
        )
    return "".join(parts)


def seed_fact(seed: object) -> str:
    """One line for the run facts."""
    if not isinstance(seed, Mapping):
        return "not run"
    sources = as_records(seed.get("sources"))
    tables = sum(len(as_records(source.get("tables"))) for source in sources)
    kinds = ", ".join(as_text(source.get("kind")) for source in sources) or "no sources"
    clones = len(as_records(seed.get("clones")))
    cloned = f"; {counted(clones, 'table')} cloned into the sandbox" if seed.get("cloned") else ""
    return f"{kinds}: {counted(tables, 'table')}{cloned}"
