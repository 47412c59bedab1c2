"""``ALTER TABLE t [WITH CHECK | WITH NOCHECK] {CHECK | NOCHECK} CONSTRAINT {ALL | n, ...}``
and ``ALTER TABLE t WITH [NO]CHECK ADD CONSTRAINT ...``, which sqlglot cannot read, read
here from the tokens.

The first becomes an ``exp.Alter`` without actions whose ``meta`` holds a
``ConstraintSwitch``; the second the ALTER TABLE without its ``WITH [NO]CHECK``, the
choice kept in ``meta`` too (``WITH NOCHECK``: rows already in the table are not checked).
SSMS and SSDT script every FOREIGN KEY so (``WITH CHECK ADD CONSTRAINT`` then ``CHECK
CONSTRAINT``), and ETL loads switch foreign keys off and on around a load.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, tokenize, word_of

SWITCH = "etlcheck_constraint_switch"
"""The ``meta`` key of an ALTER TABLE's ``ConstraintSwitch``."""
ADDED_WITH_CHECK = "etlcheck_added_with_check"
"""The ``meta`` key of ALTER TABLE ... WITH [NO]CHECK ADD: True for WITH CHECK."""


_NAME = frozenset([TokenType.IDENTIFIER, TokenType.VAR, TokenType.DOT])


@dataclass(frozen=True)
class ConstraintSwitch:
    """Which constraints (None: ALL) an ALTER TABLE switches on (``enable``) or off, and
    whether the rows already in the table are checked again (``WITH CHECK CHECK``)."""

    names: tuple[str, ...] | None
    enable: bool
    validate: bool


def read_switch(text: str) -> exp.Alter | tuple[str, bool] | None:
    """The tree of a CHECK/NOCHECK CONSTRAINT statement; for ``WITH [NO]CHECK ADD`` the
    text with ``WITH [NO]CHECK`` blanked out and whether it said CHECK; else None."""
    upper = text.upper()
    if "CHECK" not in upper or not upper.lstrip().startswith("ALTER"):
        return None
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    words = [word_of(token) for token in tokens]
    if words[:2] != ["ALTER", "TABLE"]:
        return None
    at = next((i for i, w in enumerate(words) if i > 2 and w in ("WITH", "CHECK", "NOCHECK")), 0)
    if not at or any(token.token_type not in _NAME for token in tokens[2:at]):
        return None
    table = _table(text[tokens[2].start : tokens[at - 1].end + 1])
    if table is None:
        return None
    validate = None
    if words[at] == "WITH" and at + 1 < len(words) and words[at + 1] in ("CHECK", "NOCHECK"):
        validate = words[at + 1] == "CHECK"
        if words[at + 2 : at + 3] == ["ADD"]:
            start, end = tokens[at].start, tokens[at + 1].end + 1
            return text[:start] + " " * (end - start) + text[end:], validate
        at += 2
    if words[at : at + 2] not in (["CHECK", "CONSTRAINT"], ["NOCHECK", "CONSTRAINT"]):
        return None
    names = _names(tokens[at + 2 :])
    if names == ():
        return None
    enable = words[at] == "CHECK"
    tree = exp.Alter(this=table, kind="TABLE", actions=[])
    tree.meta[SWITCH] = ConstraintSwitch(names, enable, bool(validate) and enable)
    return tree


def _table(name: str) -> exp.Table | None:
    try:
        table = sqlglot.parse_one(name, read="tsql", into=exp.Table)
    except (ParseError, TokenError):
        return None
    return table if isinstance(table, exp.Table) else None


def _names(tokens: list[Token]) -> tuple[str, ...] | None:
    """The constraint names of a comma list (None for ALL; () when it is no such list)."""
    tokens = [token for token in tokens if token.token_type != TokenType.SEMICOLON]
    if len(tokens) == 1 and word_of(tokens[0]) == "ALL":
        return None
    names = [token.text for token in tokens[0::2]]
    commas = tokens[1::2]
    if not names or any(token.token_type != TokenType.COMMA for token in commas):
        return ()
    if len(names) != len(commas) + 1:
        return ()
    return tuple(names)
