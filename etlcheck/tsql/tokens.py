"""Tokens of a T-SQL batch: sqlglot's T-SQL tokenizer with every token kept, the
keywords that start a statement, and the error raised when a batch cannot be split."""

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

_NOT_WORDS = {
    TokenType.STRING,
    TokenType.NATIONAL_STRING,
    TokenType.IDENTIFIER,
    TokenType.HEX_STRING,
    TokenType.BIT_STRING,
    TokenType.BYTE_STRING,
    TokenType.NUMBER,
}
STATEMENT_WORDS = words(
    """SELECT INSERT UPDATE DELETE MERGE CREATE ALTER DROP TRUNCATE SET DECLARE PRINT THROW
    RAISERROR RETURN BREAK CONTINUE EXEC EXECUTE IF WHILE BEGIN END ELSE WITH GOTO USE
    GRANT DENY REVOKE COMMIT ROLLBACK SAVE WAITFOR OPEN FETCH CLOSE DEALLOCATE BULK DBCC
    CHECKPOINT KILL RECONFIGURE BACKUP RESTORE ENABLE DISABLE"""
)


class SplitError(Exception):
    """A batch cannot be split into statements; ``offset`` points at the culprit."""

    def __init__(self, message: str, offset: int, construct: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.construct = construct


def tokenize(text: str) -> list[Token]:
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
