"""Split a T-SQL script into batches on ``GO`` lines, as sqlcmd and SSMS do.

``GO`` separates batches only on a line of its own (any case, an optional repeat
count, an optional ``--`` comment), never inside a string, a comment or a
bracketed/quoted identifier. Dialect-neutral: native SQL Server execution uses it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from etlcheck.errors import ScriptError, SourceLocation, location_of_offset

BOM = "\ufeff"
_GO_LINE = re.compile(r"[ \t]*GO(?:[ \t]+(\d+))?[ \t]*(?:--[^\n]*)?(?:\r?\n|\r?$)", re.IGNORECASE)
_INTERESTING = re.compile(r"['\"\[\n]|--|/\*")
_CLOSERS = {"'": "'", '"': '"', "[": "]"}


@dataclass(frozen=True)
class Batch:
    """One batch of a script: its text, where it starts and how often ``GO n`` repeats it."""

    text: str
    offset: int
    line: int
    repeat: int = 1


def script_location(path: Path | str, script: str, offset: int) -> SourceLocation:
    """file:line:col of ``offset`` in ``script``; a leading BOM does not count as a column."""
    location = location_of_offset(path, script, offset)
    if script.startswith(BOM) and location.line == 1 and location.column > 1:
        return SourceLocation(location.path, 1, location.column - 1)
    return location


def _skip_delimited(text: str, start: int, path: Path | str) -> int:
    """End offset (exclusive) of the string or identifier opening at ``start``."""
    closer = _CLOSERS[text[start]]
    position = start + 1
    while True:
        found = text.find(closer, position)
        if found < 0:
            what = "string" if closer == "'" else "identifier"
            raise ScriptError(
                f"unterminated {what}",
                script_location(path, text, start),
                "close it before the end of the script",
            )
        if text.startswith(closer * 2, found):
            position = found + 2
            continue
        return found + 1


def _skip_block_comment(text: str, start: int, path: Path | str) -> int:
    """End offset of a ``/* */`` comment at ``start``; T-SQL block comments nest."""
    depth = 0
    position = start
    pattern = re.compile(r"/\*|\*/")
    while True:
        match = pattern.search(text, position)
        if match is None:
            raise ScriptError(
                "unterminated /* comment",
                script_location(path, text, start),
                "close it with */",
            )
        depth += 1 if match.group() == "/*" else -1
        position = match.end()
        if depth == 0:
            return position


def _go_separators(text: str, path: Path | str) -> list[tuple[int, int, int]]:
    """(start, end, repeat) of every GO line outside strings, comments and identifiers."""
    separators: list[tuple[int, int, int]] = []
    position = len(BOM) if text.startswith(BOM) else 0
    at_line_start = True
    while True:
        if at_line_start:
            match = _GO_LINE.match(text, position)
            if match is not None:
                separators.append((position, match.end(), int(match.group(1) or 1)))
                position = match.end()
                if position >= len(text):
                    return separators
                continue
        found = _INTERESTING.search(text, position)
        if found is None:
            return separators
        token = found.group()
        at_line_start = False
        if token == "\n":
            position = found.end()
            at_line_start = True
        elif token == "--":
            newline = text.find("\n", found.end())
            if newline < 0:
                return separators
            position = newline
        elif token == "/*":
            position = _skip_block_comment(text, found.start(), path)
        else:
            position = _skip_delimited(text, found.start(), path)


def split_batches(text: str, path: Path | str) -> list[Batch]:
    """Batches of ``text`` in order; blank batches are left out, ``GO n`` sets ``repeat``."""
    batches: list[Batch] = []
    start = len(BOM) if text.startswith(BOM) else 0

    def add(end: int, repeat: int) -> None:
        body = text[start:end]
        if body.strip():
            line = text.count("\n", 0, start) + 1
            batches.append(Batch(body, start, line, repeat))

    for go_start, go_end, repeat in _go_separators(text, path):
        add(go_start, repeat)
        start = go_end
    add(len(text), 1)
    return batches
