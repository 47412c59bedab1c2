"""The incident's naive POC-mode rewrite, kept so the suite can show it failing.

It substitutes qualified bare names only (``etl.`` -> ``poc_etl.``), so it misses ``[etl].x``,
``'etl'``, ``SCHEMA_ID('etl')`` and ``DROP SCHEMA [etl]``: exactly how the data went to ``etl``.
"""

from __future__ import annotations

import re
from pathlib import Path

from etlcheck.config import SandboxConfig
from etlcheck.errors import location_of_offset
from etlcheck.isolation.findings import Rewrite
from etlcheck.isolation.quoting import identifier_like
from etlcheck.isolation.remap import Patch, RemapResult


def naive_pattern(sandbox: SandboxConfig) -> re.Pattern[str]:
    """``\\b(etl|dbo|raw_data)\\.`` built from the schema map, case-insensitive."""
    names = "|".join(re.escape(name) for name in sandbox.schema_map)
    return re.compile(rf"\b({names})\.", re.IGNORECASE)


def regex_rewrite(text: str, path: Path | str, sandbox: SandboxConfig) -> RemapResult:
    """Substitute ``schema.`` with ``sandbox.`` wherever the pattern matches; prove nothing."""
    if not sandbox.schema_map:
        return RemapResult(text)
    changes: list[Rewrite] = []
    patches: list[Patch] = []
    pieces: list[str] = []
    last = 0
    for match in naive_pattern(sandbox).finditer(text):
        target = sandbox.sandbox_of(match.group(1)) or match.group(1)
        replacement = identifier_like("", target) + "."
        changes.append(
            Rewrite(location_of_offset(path, text, match.start()), match.group(0), replacement)
        )
        patches.append(Patch(match.start(), match.end(), replacement))
        pieces.append(text[last : match.start()] + replacement)
        last = match.end()
    pieces.append(text[last:])
    return RemapResult("".join(pieces), tuple(changes), (), tuple(patches))
