"""Where SQL Server stores a table or an index, as SSMS "Generate Scripts" and SSDT write
it: ``TEXTIMAGE_ON [PRIMARY]`` and ``FILESTREAM_ON [fg]`` after a ``CREATE TABLE``'s
column list (every table with a ``(max)`` column gets one), and ``WITH (PAD_INDEX = OFF,
...) ON [PRIMARY]`` after a ``CREATE INDEX``'s.

A disposable database has one filegroup and no index tuning, so the clauses say nothing
there, and sqlglot cannot read them all (``TEXTIMAGE_ON``; ``WITH`` after a filtered
index's ``WHERE``): the statement goes to the parser without them, offsets kept.
"""

from __future__ import annotations

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, tokenize, word_of

STORAGE_WORDS = frozenset(["TEXTIMAGE_ON", "FILESTREAM_ON"])


def without_storage_clauses(text: str) -> str:
    """``text`` with each top-level ``TEXTIMAGE_ON name``/``FILESTREAM_ON name`` of a
    ``CREATE TABLE`` blanked out (offsets kept); any other statement unchanged."""
    upper = text.upper()
    if "INDEX" in upper:
        unstored = _index_without_storage(text)
        if unstored is not None:
            return unstored
    if "TEXTIMAGE_ON" not in upper and "FILESTREAM_ON" not in upper:
        return text
    try:
        tokens = tokenize(text)
    except SplitError:
        return text
    if [word_of(token) for token in tokens[:2]] != ["CREATE", "TABLE"]:
        return text
    depth = 0
    pieces: list[str] = []
    position = 0
    for index, token in enumerate(tokens[:-1]):
        depth += token.token_type == TokenType.L_PAREN
        depth -= token.token_type == TokenType.R_PAREN
        if depth == 0 and word_of(token) in STORAGE_WORDS:
            end = tokens[index + 1].end + 1
            pieces += [text[position : token.start], " " * (end - token.start)]
            position = end
    return "".join(pieces) + text[position:] if pieces else text


_INDEX_WORDS = frozenset(["UNIQUE", "CLUSTERED", "NONCLUSTERED", "COLUMNSTORE"])


def _index_without_storage(text: str) -> str | None:
    """``CREATE [UNIQUE] [NON]CLUSTERED INDEX i ON t (a) ... WITH (...) ON [fg]`` without
    its ``WITH (...)``, ``ON fg`` (or ``ON scheme(column)``) and ``FILESTREAM_ON fg``;
    None for any other statement."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    words = [word_of(token) or "" for token in tokens]
    kinds = [token.token_type for token in tokens]
    if not words or words[0] != "CREATE" or TokenType.INDEX not in kinds:
        return None
    at = kinds.index(TokenType.INDEX)  # "NONCLUSTERED INDEX" is one token
    if any(word not in _INDEX_WORDS for word in words[1:at]):
        return None
    blanks: list[tuple[int, int]] = []
    depth = 0
    seen_on = False
    index = at + 1
    while index < len(tokens):
        token = tokens[index]
        word = words[index]
        if depth == 0 and word == "ON" and not seen_on:
            seen_on = True
        elif depth == 0 and seen_on and word in ("WITH", "ON", *STORAGE_WORDS):
            end = _clause_end(tokens, index)
            blanks.append((token.start, tokens[end].end + 1))
            index = end + 1
            continue
        depth += token.token_type == TokenType.L_PAREN
        depth -= token.token_type == TokenType.R_PAREN
        index += 1
    for start, end in blanks:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _clause_end(tokens: list[Token], start: int) -> int:
    """The last token of ``WITH (...)``, ``ON name``, ``ON name(column)`` or
    ``FILESTREAM_ON name`` starting at ``start``."""
    end = start + 1
    if end < len(tokens) and tokens[end].token_type != TokenType.L_PAREN:
        end += 1  # the name after ON
    if end < len(tokens) and tokens[end].token_type == TokenType.L_PAREN:
        depth = 0
        for index in range(end, len(tokens)):
            depth += tokens[index].token_type == TokenType.L_PAREN
            depth -= tokens[index].token_type == TokenType.R_PAREN
            if depth == 0:
                return index
    return min(end, len(tokens)) - 1
