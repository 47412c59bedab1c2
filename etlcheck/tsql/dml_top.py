"""``DELETE TOP (n) …`` and ``UPDATE TOP (n) …``, as batched purges and fixes write them
(``WHILE 1 = 1 BEGIN DELETE TOP (10000) … IF @@ROWCOUNT = 0 BREAK END``).

sqlglot reads the ``TOP`` of these as a table's name, or not at all. :func:`dml_top`
finds it in the tokens, so the parser can take it out of the text and keep the count as
the statement's LIMIT; the emulations then pick n rows by row id. SQL Server picks any n
rows (the statement has no ORDER BY), so any n will do. ``TOP (n) PERCENT`` is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot.tokens import TokenType

from etlcheck.tsql.tokens import SplitError, tokenize, word_of


@dataclass(frozen=True)
class DmlTop:
    """Where ``TOP (count) [PERCENT]`` is in the statement's text, and its count's text."""

    start: int
    end: int
    count: str
    percent: bool


def dml_top(text: str) -> DmlTop | None:
    """The ``TOP (…)`` right after ``DELETE`` or ``UPDATE``, or None."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    if len(tokens) < 4 or word_of(tokens[0]) not in ("DELETE", "UPDATE"):
        return None
    if word_of(tokens[1]) != "TOP" or tokens[2].token_type != TokenType.L_PAREN:
        return None
    depth = 0
    for index in range(2, len(tokens)):
        kind = tokens[index].token_type
        depth += 1 if kind == TokenType.L_PAREN else -1 if kind == TokenType.R_PAREN else 0
        if depth == 0:
            close = index
            break
    else:
        return None
    count = text[tokens[2].end + 1 : tokens[close].start]
    percent = close + 1 < len(tokens) and word_of(tokens[close + 1]) == "PERCENT"
    last = tokens[close + 1] if percent else tokens[close]
    return DmlTop(tokens[1].start, last.end + 1, count, percent)
