"""Temporary tables named like keywords (``#inner``, ``##join``, ``#output``, ``#user``):
one identifier in T-SQL, which sqlglot reads as ``#`` and a keyword."""

from __future__ import annotations

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import NILADIC, SplitError, tokenize, word_of


def bracket_temp_names(text: str) -> str:
    """``#inner``, ``##join``, ``#output`` as ``[#inner]``...: one identifier in T-SQL, which
    sqlglot reads as ``#`` and a keyword (and then as no table name, an OUTPUT clause or
    the ``USER`` function). Bracketed, sqlglot reads the same temporary table."""
    pieces: list[str] = []
    position = 0
    for start, name in _keyword_temp_names(text):
        pieces += [text[position:start], "[", text[start : name.end + 1], "]"]
        position = name.end + 1
    return "".join(pieces) + text[position:] if pieces else text


def temp_names_as_words(text: str) -> str:
    """``#inner`` as ``#_nner``: the same length, so offsets into the text still hold, for a
    reader that needs the statement's shape and not its temporary tables' names."""
    pieces: list[str] = []
    position = 0
    for _, name in _keyword_temp_names(text):
        pieces += [text[position : name.start], "_"]
        position = name.start + 1
    return "".join(pieces) + text[position:] if pieces else text


def _keyword_temp_names(text: str) -> list[tuple[int, Token]]:
    """Where each ``#name`` or ``##name`` starts whose name sqlglot reads as a keyword, and
    that name's token."""
    if "#" not in text:
        return []
    try:
        tokens = tokenize(text)
    except SplitError:
        return []
    found: list[tuple[int, Token]] = []
    for index, token in enumerate(tokens):
        if token.token_type != TokenType.HASH or (index and _adjacent(tokens[index - 1], token)):
            continue
        last = index + (index + 1 < len(tokens) and tokens[index + 1].token_type == TokenType.HASH)
        name = tokens[last + 1] if last + 1 < len(tokens) else None
        if name is None or not _adjacent(tokens[last], name) or word_of(name) is None:
            continue
        if name.token_type != TokenType.VAR or word_of(name) in NILADIC:
            found.append((token.start, name))
    return found


def _adjacent(before: Token, after: Token) -> bool:
    return before.end + 1 == after.start
