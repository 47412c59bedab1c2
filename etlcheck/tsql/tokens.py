"""Tokens of a T-SQL batch: sqlglot's T-SQL tokenizer with every token kept, the
keywords that start a statement, and the error raised when a batch cannot be split.

This is the one tokenizer of etlcheck: the statement splitter, the remap, the lint and
the interpreter all read batches through ``tokenize``.
"""

from __future__ import annotations

from sqlglot.dialects.tsql import TSQL
from sqlglot.errors import TokenError
from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.nodes import words


class _Tokenizer(TSQL.Tokenizer):
    # sqlglot turns the rest of a statement after END/PRINT... into one string token;
    # statement splitting needs every token.
    COMMANDS = set()  # noqa: RUF012


_TOKENIZER = _Tokenizer(dialect="tsql")

STRINGS = frozenset({TokenType.STRING, TokenType.NATIONAL_STRING})
_NOT_WORDS = {
    TokenType.IDENTIFIER,
    TokenType.HEX_STRING,
    TokenType.BIT_STRING,
    TokenType.BYTE_STRING,
    TokenType.NUMBER,
    *STRINGS,
}
STATEMENT_WORDS = words(
    """SELECT INSERT UPDATE DELETE MERGE CREATE ALTER DROP TRUNCATE SET DECLARE PRINT THROW
    RAISERROR RETURN BREAK CONTINUE EXEC EXECUTE IF WHILE BEGIN END ELSE WITH GOTO USE
    GRANT DENY REVOKE COMMIT ROLLBACK SAVE WAITFOR OPEN FETCH CLOSE DEALLOCATE BULK DBCC
    CHECKPOINT KILL RECONFIGURE BACKUP RESTORE ENABLE DISABLE REVERT SETUSER UPDATETEXT
    WRITETEXT READTEXT"""
) | {"UPDATE STATISTICS"}
"""Keywords that start a statement; T-SQL needs no ``;``, so they also end the one before.
sqlglot reads ``UPDATE STATISTICS`` as one token."""


class SplitError(Exception):
    """A batch cannot be split into statements; ``offset`` points at the culprit."""

    def __init__(self, message: str, offset: int, construct: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.construct = construct


NILADIC = ("SYSTEM_USER", "CURRENT_USER", "SESSION_USER", "USER")
"""Functions T-SQL calls without parentheses; each stands for a call with no argument."""


def tokenize(text: str) -> list[Token]:
    """Every token of ``text`` (comments dropped), offsets relative to ``text``."""
    try:
        return list(_TOKENIZER.tokenize(text))
    except TokenError as error:
        raise SplitError(f"cannot tokenize: {error}", 0) from None


def word_of(token: Token) -> str | None:
    """The upper-cased keyword a token spells, or None for strings, numbers, identifiers."""
    if token.token_type in _NOT_WORDS:
        return None
    text = token.text
    return text.upper() if text[:1].isalpha() or text[:1] == "_" else None


def matching_paren(tokens: list[Token], opening: int) -> int | None:
    """The index of the ``)`` that closes the ``(`` at ``opening``, or None (unbalanced)."""
    depth = 0
    for position in range(opening, len(tokens)):
        kind = tokens[position].token_type
        depth += (kind == TokenType.L_PAREN) - (kind == TokenType.R_PAREN)
        if depth == 0:
            return position
    return None


def is_name(token: Token) -> bool:
    """Whether a token can be (part of) a name: a word or a bracketed/quoted identifier."""
    if token.token_type in (TokenType.IDENTIFIER, TokenType.VAR):
        return True
    text = token.text
    return bool(text) and (text[0].isalpha() or text[0] == "_") and text.replace("_", "a").isalnum()


def adjacent(before: Token, after: Token) -> bool:
    """Whether ``after`` starts right where ``before`` ends (``@x``, ``#t``, ``lbl:``)."""
    return before.end + 1 == after.start
