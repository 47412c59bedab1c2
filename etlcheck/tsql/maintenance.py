"""Index maintenance: ``UPDATE STATISTICS``, ``ALTER INDEX … REBUILD | REORGANIZE`` and
``CREATE [NON]CLUSTERED COLUMNSTORE INDEX`` change how SQL Server stores and plans, not
what a statement sees. Each becomes a query of no rows from its table: error 208 when it
does not exist, nothing else. ``ALTER INDEX … DISABLE`` stays refused (a disabled unique
index lets duplicates in, a disabled clustered index makes its table unreadable).
"""

from __future__ import annotations

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, adjacent, is_name, tokenize, word_of

_CLUSTERING = ("CLUSTERED", "NONCLUSTERED")
_REBUILDS = ("REBUILD", "REORGANIZE")


def maintenance_query(text: str) -> str | None:
    """``SELECT 1 FROM table WHERE 1 = 0`` for an index maintenance statement (see the
    module), else None."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    words = [word_of(token) for token in tokens]
    at = _table_position(words)
    if at is None:
        return None
    end = _name_end(tokens, at)
    if end == at:
        return None
    if words[:2] == ["ALTER", "INDEX"] and (end >= len(words) or words[end] not in _REBUILDS):
        return None
    return f"SELECT 1 FROM {text[tokens[at].start : tokens[end - 1].end + 1]} WHERE 1 = 0"


def index_action(text: str) -> str | None:
    """What ``ALTER INDEX … ON table <action>`` does (``DISABLE``, ``SET``…), or None for
    any other statement."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    words = [word_of(token) for token in tokens]
    if words[:2] != ["ALTER", "INDEX"] or len(words) < 5 or words[3] != "ON":
        return None
    end = _name_end(tokens, 4)
    return (words[end] or tokens[end].text.upper()) if end < len(tokens) else None


def _table_position(words: list[str | None]) -> int | None:
    """Where the table's name starts in a maintenance statement, or None."""
    if words[:1] == ["UPDATE STATISTICS"]:  # one token
        return 1
    if words[:2] == ["ALTER", "INDEX"] and len(words) > 3 and words[3] == "ON":
        return 4
    if words[:1] != ["CREATE"]:
        return None
    rest = words[2:] if len(words) > 1 and words[1] in _CLUSTERING else words[1:]
    if rest[:2] == ["COLUMNSTORE", "INDEX"] and len(rest) > 3 and rest[3] == "ON":
        return len(words) - len(rest) + 4
    return None


def _name_end(tokens: list[Token], start: int) -> int:
    """The index after the last token of the (dotted, bracketed or #temp) name that starts
    at ``start``."""
    end = start
    while end < len(tokens):
        token = tokens[end]
        if is_name(token) or token.text.startswith("#"):
            before = tokens[end - 1]
            glued = before.text.startswith("#") and adjacent(before, token)  # #t, ##t
            if end > start and before.token_type != TokenType.DOT and not glued:
                break
            end += 1
        elif token.token_type == TokenType.DOT:
            end += 1
        else:
            break
    return end
