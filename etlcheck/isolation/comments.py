"""The ``--`` comments of a T-SQL script, as the server reads them: not the ``--`` inside a
string, a quoted or bracketed name, or a block comment (which T-SQL nests). A pragma counts
only there: ``PRINT N'-- etlcheck: allow'`` must not silence a finding."""

from __future__ import annotations

from collections.abc import Iterator

_CLOSING = {"'": "'", '"': '"', "[": "]"}


def line_comments(text: str) -> Iterator[tuple[int, str]]:
    """Each ``--`` comment of ``text`` as (its line, from 1; its text after ``--``)."""
    line, index, depth = 1, 0, 0
    while index < len(text):
        char, pair = text[index], text[index : index + 2]
        if char == "\n":
            line += 1
        elif depth:
            if pair in ("/*", "*/"):
                depth += 1 if pair == "/*" else -1
                index += 1
        elif pair == "/*":
            depth, index = 1, index + 1
        elif pair == "--":
            end = text.find("\n", index)
            end = len(text) if end < 0 else end
            yield line, text[index + 2 : end]
            index = end
            continue
        elif char in _CLOSING:
            index, line = _past_quoted(text, index, line)
        index += 1


def _past_quoted(text: str, index: int, line: int) -> tuple[int, int]:
    """Where the string or name opening at ``index`` closes (a doubled closer escapes it),
    and the line there."""
    close = _CLOSING[text[index]]
    index += 1
    while index < len(text):
        if text[index] == "\n":
            line += 1
        elif text[index] == close:
            if text[index + 1 : index + 2] != close:
                return index, line
            index += 1
        index += 1
    return index, line
