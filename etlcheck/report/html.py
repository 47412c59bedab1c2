"""report.html: one self-contained page, verdict first. Everything from SQL or data is escaped."""

from __future__ import annotations

from html import escape
from typing import Any


def render_html(document: dict[str, Any], previous: dict[str, Any] | None = None) -> str:
    verdict = document["verdict"]
    findings = "".join(f"<li>{escape(str(f))}</li>" for f in document["findings"])
    steps = "".join(
        f"<tr><td>{s['number']}</td><td>{escape(s['phase'])}</td><td>{escape(s['script'])}</td>"
        f"<td>{escape(s['status'])}</td><td>{s['seconds']:.3f}</td><td>{s['rows_affected']}</td></tr>"
        for s in document["run"]["steps"]
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>etlcheck: {escape(verdict)}</title></head>
<body><h1 id="verdict">{escape(verdict.upper())}</h1><ul>{findings}</ul>
<table><tr><th>#</th><th>phase</th><th>script</th><th>status</th><th>s</th><th>rows</th></tr>
{steps}</table></body></html>
"""
