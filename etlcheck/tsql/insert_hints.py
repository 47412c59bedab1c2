"""Table hints on an INSERT's target: ``INSERT INTO etl.Fact WITH (TABLOCK) SELECT …``, the
bulk load a warehouse writes to get minimal logging.

The hints choose locks and logging, which say nothing to a disposable database one session
runs, and sqlglot cannot read them there (it takes the ``WITH`` for a common table
expression): the statement goes to the parser without them, offsets kept. Hints after an
UPDATE's, a DELETE's or a MERGE's target, and in a FROM clause, sqlglot reads itself.
"""

from __future__ import annotations

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, is_name, matching_paren, tokenize, word_of


def without_insert_hints(text: str) -> str:
    """``text`` with the ``WITH (hint, ...)`` after its INSERT's target blanked out."""
    upper = text.upper()
    if "INSERT" not in upper or "WITH" not in upper:
        return text
    try:
        tokens = tokenize(text)
    except SplitError:
        return text
    after_target = _after_insert_target(tokens)
    if after_target is None or after_target + 1 >= len(tokens):
        return text
    hint, opening = tokens[after_target], tokens[after_target + 1]
    if word_of(hint) != "WITH" or opening.token_type != TokenType.L_PAREN:
        return text
    closing = matching_paren(tokens, after_target + 1)
    if closing is None:
        return text
    start, end = hint.start, tokens[closing].end + 1
    return text[:start] + " " * (end - start) + text[end:]


def _after_insert_target(tokens: list[Token]) -> int | None:
    """The index of the token after the INSERT's target name (after its CTEs, if any)."""
    depth = 0
    for index, token in enumerate(tokens):
        depth += (token.token_type == TokenType.L_PAREN) - (token.token_type == TokenType.R_PAREN)
        if depth == 0 and word_of(token) == "INSERT":
            at = index + 1
            if at < len(tokens) and word_of(tokens[at]) == "INTO":
                at += 1
            while at < len(tokens) and tokens[at].token_type == TokenType.HASH:
                at += 1  # a #temp or ##global table
            if at >= len(tokens) or not is_name(tokens[at]):
                return None
            at += 1  # schema.table: a name, then a dot and a name, as often as written
            while at + 1 < len(tokens) and tokens[at].token_type == TokenType.DOT:
                at += 2
            return at
    return None
