"""Split a script into GO batches, keeping each batch's offset into the original text.

Uses ``etlcheck.tsql.batches.split_batches`` when that module provides offsets; the small
lexer here is the fallback (GO counts only on a line of its own, outside strings, bracketed
names and comments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etlcheck.errors import ScriptError

_GO_LINE = re.compile(r"[ \t]*GO(?:[ \t]+\d+)?[ \t]*(?:--[^\n]*)?(?=\r?\n|$)", re.IGNORECASE)


@dataclass(frozen=True)
class BatchText:
    """One batch: its text and where it starts in the script."""

    offset: int
    text: str


def script_batches(text: str) -> tuple[BatchText, ...]:
    """The batches of ``text``; separators (GO lines) are left out."""
    try:
        from etlcheck.tsql.batches import split_batches
    except ImportError:
        return _own_batches(text)
    try:
        return tuple(BatchText(b.offset, b.text) for b in split_batches(text, "<script>"))
    except ScriptError:
        return _own_batches(text)


def _own_batches(text: str) -> tuple[BatchText, ...]:
    batches: list[BatchText] = []
    start = 0
    for go_start, go_end in _go_lines(text):
        batches.append(BatchText(start, text[start:go_start]))
        start = go_end
    batches.append(BatchText(start, text[start:]))
    return tuple(b for b in batches if b.text.strip())


def _go_lines(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i, n = 0, len(text)
    line_start = True
    while i < n:
        if line_start:
            match = _GO_LINE.match(text, i)
            if match:
                found.append((i, match.end()))
                i = match.end()
                continue
        char = text[i]
        line_start = False
        if char == "\n":
            line_start = True
            i += 1
        elif char == "'":
            i = _skip_quoted(text, i, "'")
        elif char == "[":
            i = _skip_quoted(text, i, "]")
        elif char == '"':
            i = _skip_quoted(text, i, '"')
        elif text.startswith("--", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            i = _skip_block_comment(text, i)
        else:
            i += 1
    return found


def _skip_quoted(text: str, i: int, close: str) -> int:
    i += 1
    while i < len(text):
        if text[i] == close:
            if text.startswith(close * 2, i):
                i += 2
                continue
            return i + 1
        i += 1
    return i


def _skip_block_comment(text: str, i: int) -> int:
    depth = 0
    while i < len(text):
        if text.startswith("/*", i):
            depth += 1
            i += 2
        elif text.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return i
