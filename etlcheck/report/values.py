"""Plain text of the run document's values for the report templates, with fallbacks.

The run document may come from an older or hand-edited run.json, so every helper accepts
any value and never raises. Nothing here escapes: the templates do (autoescaping).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from etlcheck.report.chart import number_or_none

NOT_AVAILABLE = "not available"

Presence = Literal["shown", "not-run", "not-available"]
"""Whether a section has content: its document entry is there, ``None``, or missing."""


def as_text(value: object, missing: str = NOT_AVAILABLE) -> str:
    """Text of a value; ``missing`` when there is none."""
    if value is None or value == "":
        return missing
    return str(value)


def as_count(value: object) -> str:
    number = number_or_none(value)
    if number is None:
        return "n/a" if value is None else str(value)
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


def presence(document: Mapping[str, Any], key: str) -> Presence:
    """ "not-available" when the document lacks ``key``, "not-run" when it is ``None``."""
    if key not in document:
        return "not-available"
    return "not-run" if document[key] is None else "shown"


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
