"""The ``OUTPUT ... [INTO target [(columns)]]`` clause of an INSERT, UPDATE, DELETE or MERGE,
read from the tokens: sqlglot fails on ``DELETE ... OUTPUT ... INTO t WHERE`` and reads
``INTO log (a)`` as a call of ``LOG``. The parser cuts the clause out of the text at the
offsets given here and attaches it to the tree."""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, tokenize, word_of

_DML = frozenset(["INSERT", "UPDATE", "DELETE", "MERGE"])
_OUTPUT_ENDS = {
    "INSERT": frozenset(["VALUES", "SELECT", "DEFAULT", "EXEC", "EXECUTE", "WITH", "("]),
    "UPDATE": frozenset(["FROM", "WHERE", "OPTION"]),
    "DELETE": frozenset(["FROM", "WHERE", "OPTION"]),
    "MERGE": frozenset(["OPTION"]),
}


@dataclass(frozen=True)
class OutputClause:
    """Where ``OUTPUT ...`` stands in a statement, and its parts as text."""

    start: int
    end: int
    columns: str
    into: str


def output_clause(text: str) -> OutputClause | None:
    """The OUTPUT clause of an INSERT, UPDATE, DELETE or MERGE, or None."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    verb = _verb(tokens)
    if verb is None:
        return None
    depth = 0
    start: int | None = None
    into: int | None = None
    for index, token in enumerate(tokens):
        kind = token.token_type
        if kind == TokenType.L_PAREN:
            opens_source = depth == 0 and verb == "INSERT"
            if start is not None and opens_source and _is_source(tokens, index):
                return _clause(text, tokens, start, into, index)
            depth += 1
            continue
        if kind == TokenType.R_PAREN:
            depth -= 1
            continue
        if depth:
            continue
        word = word_of(token)
        if start is None:
            if kind == TokenType.RETURNING:
                start = index
        elif kind == TokenType.INTO and into is None:
            into = index
        elif kind == TokenType.SEMICOLON or word in _OUTPUT_ENDS[verb]:
            return _clause(text, tokens, start, into, index)
    return None if start is None else _clause(text, tokens, start, into, len(tokens))


def _verb(tokens: list[Token]) -> str | None:
    """INSERT, UPDATE, DELETE or MERGE, after an optional ``WITH cte AS (...)``."""
    depth = 0
    for token in tokens:
        if token.token_type == TokenType.L_PAREN:
            depth += 1
        elif token.token_type == TokenType.R_PAREN:
            depth -= 1
        elif depth == 0:
            word = word_of(token)
            if word in _DML:
                return word
            if word in ("SELECT", "CREATE", "ALTER", "DROP", "DECLARE", "SET"):
                return None
    return None


def _is_source(tokens: list[Token], index: int) -> bool:
    """``(`` after OUTPUT's columns opens the INSERT's source (a parenthesized SELECT)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and word_of(following) in ("SELECT", "WITH")


def _clause(text: str, tokens: list[Token], start: int, into: int | None, end: int) -> OutputClause:
    last = end - 1
    stop = tokens[last].end + 1
    column_end = tokens[into].start if into is not None else stop
    columns = text[tokens[start].end + 1 : column_end].strip()
    target = text[tokens[into].end + 1 : stop].strip() if into is not None else ""
    return OutputClause(tokens[start].start, stop, columns, target)
