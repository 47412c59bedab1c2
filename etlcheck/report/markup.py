"""Small HTML helpers for report.html: escaping with fallbacks, tables, sections.

Every helper that takes a value from the run document escapes it; helpers that take
``cells`` or ``content`` expect markup that is already safe.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from etlcheck.report.chart import number_or_none

NOT_AVAILABLE = "not available"


def as_text(value: object, missing: str = NOT_AVAILABLE) -> str:
    """Escaped text of a value; ``missing`` (already safe) when there is none."""
    if value is None or value == "":
        return missing
    return escape(str(value))


def as_count(value: object) -> str:
    number = number_or_none(value)
    if number is None:
        return "n/a" if value is None else escape(str(value))
    return f"{number:,.0f}" if number == int(number) else f"{number:,.2f}"


def as_seconds(value: object) -> str:
    number = number_or_none(value)
    return "n/a" if number is None else f"{number:.2f} s"


def as_mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def as_records(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def section(element_id: str, title: str, content: str) -> str:
    return f'<section id="{element_id}"><h2>{title}</h2>{content}</section>'


def absent_section(
    document: Mapping[str, Any], key: str, element_id: str, title: str
) -> str | None:
    """The section saying "not run" / "not available" when the document has nothing for it."""
    if key not in document:
        return section(element_id, title, f'<p class="not-available">{NOT_AVAILABLE}</p>')
    if document[key] is None:
        return section(element_id, title, '<p class="not-run">not run</p>')
    return None


def html_row(cells: Sequence[str], css_class: str = "", numeric: Sequence[int] = ()) -> str:
    tds = "".join(
        f'<td class="num">{cell}</td>' if index in numeric else f"<td>{cell}</td>"
        for index, cell in enumerate(cells)
    )
    return f'<tr class="{css_class}">{tds}</tr>' if css_class else f"<tr>{tds}</tr>"


def html_table(headers: Sequence[str], rows: Sequence[str], numeric: Sequence[int] = ()) -> str:
    ths = "".join(
        f'<th class="num">{h}</th>' if i in numeric else f"<th>{h}</th>"
        for i, h in enumerate(headers)
    )
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def location_text(item: Mapping[str, Any]) -> str:
    location = item.get("location")
    if isinstance(location, Mapping):
        item = location
    elif location:
        return str(location)
    path = item.get("file") or item.get("path")
    if not path:
        return NOT_AVAILABLE
    text = str(path)
    for key in ("line", "column"):
        if item.get(key):
            text += f":{item[key]}"
        else:
            break
    return text
