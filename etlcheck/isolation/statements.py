"""Cut a batch's token stream into statements, parsing each with sqlglot where it is sound.

sqlglot parses a whole T-SQL batch only when statements end with ``;``, turns ``BEGIN TRY``,
``PRINT``, ``CREATE SCHEMA ... AUTHORIZATION`` and others into ``exp.Command`` (swallowing the
rest of the batch), and lets an ``IF`` without ``BEGIN`` take the following statements. So the
batch is walked here one statement at a time: control-flow keywords are stepped over, each
statement is parsed on its own, and a parse is trusted only when it ends where a statement can
end. Everything else becomes a token region that the locator reads token by token.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.dialects.tsql import TSQL
from sqlglot.errors import ErrorLevel, ParseError, TokenError
from sqlglot.tokens import Token, TokenType

DIALECT = TSQL()

STATEMENT_WORDS = frozenset(
    [
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
        "MERGE",
        "CREATE",
        "ALTER",
        "DROP",
        "TRUNCATE",
        "EXEC",
        "EXECUTE",
        "DECLARE",
        "SET",
        "IF",
        "ELSE",
        "WHILE",
        "BEGIN",
        "END",
        "PRINT",
        "RETURN",
        "THROW",
        "RAISERROR",
        "USE",
        "GRANT",
        "DENY",
        "REVOKE",
        "WITH",
        "COMMIT",
        "ROLLBACK",
        "SAVE",
        "BREAK",
        "CONTINUE",
        "GOTO",
        "WAITFOR",
        "OPEN",
        "CLOSE",
        "FETCH",
        "DEALLOCATE",
        "ENABLE",
        "DISABLE",
        "DBCC",
        "BULK",
        "CHECKPOINT",
        "KILL",
        "RECONFIGURE",
        "SETUSER",
        "UPDATETEXT",
        "WRITETEXT",
        "READTEXT",
    ]
)
_BLOCK_WORDS = frozenset({"TRY", "CATCH"})
_NAMELESS = frozenset(
    [
        "PRINT",
        "RETURN",
        "THROW",
        "RAISERROR",
        "SET",
        "DECLARE",
        "COMMIT",
        "ROLLBACK",
        "SAVE",
        "BREAK",
        "CONTINUE",
        "GOTO",
        "WAITFOR",
        "DEALLOCATE",
        "OPEN",
        "CLOSE",
        "FETCH",
    ]
)
_MAX_CUTS = 12


@dataclass(frozen=True)
class Segment:
    """Tokens ``[first, stop)`` of a batch and how they were read.

    ``node`` is the sqlglot tree when the statement parsed soundly; ``failed`` is set when the
    parser rejected a statement (as opposed to known fallbacks such as ``exp.Command``).
    """

    first: int
    stop: int
    node: exp.Expr | None = None
    failed: bool = False
    structural: bool = False


def tokenize(text: str) -> list[Token]:
    """sqlglot's T-SQL tokens of ``text`` (offsets relative to ``text``); raises TokenError."""
    return DIALECT.tokenize(text)


def word(token: Token) -> str:
    """The upper-cased text of a token (bracketed names keep their inner text)."""
    return token.text.upper()


def is_statement_start(tokens: list[Token], i: int) -> bool:
    if i >= len(tokens):
        return True
    token = tokens[i]
    if token.token_type in (TokenType.SEMICOLON, TokenType.BEGIN, TokenType.END):
        return True
    return token.token_type != TokenType.IDENTIFIER and word(token) in STATEMENT_WORDS


def segments(text: str, tokens: list[Token]) -> list[Segment]:
    """Statements and control-flow keywords of one batch, in order."""
    logger = logging.getLogger("sqlglot")
    was_disabled, logger.disabled = logger.disabled, True
    try:
        return _segments(text, tokens)
    finally:
        logger.disabled = was_disabled


def _segments(text: str, tokens: list[Token]) -> list[Segment]:
    parser = DIALECT.parser(error_level=ErrorLevel.IMMEDIATE)
    found: list[Segment] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        kind = token.token_type
        upper = word(token)
        nxt = word(tokens[i + 1]) if i + 1 < n else ""
        if kind == TokenType.SEMICOLON or upper == "ELSE":
            found.append(Segment(i, i + 1, structural=True))
            i += 1
        elif kind in (TokenType.BEGIN, TokenType.END) or upper in ("BEGIN", "END"):
            width = 2 if nxt in _BLOCK_WORDS else 1
            if upper == "BEGIN" and nxt in ("TRAN", "TRANSACTION", "DISTRIBUTED"):
                stop = _region_end(tokens, i + 1)
                found.append(Segment(i, stop, structural=True))
                i = stop
                continue
            found.append(Segment(i, i + width, structural=True))
            i += width
        elif upper in ("IF", "WHILE"):
            found.append(Segment(i, i + 1, structural=True))
            i = _condition(parser, text, tokens, i + 1, found)
        else:
            i = _statement(parser, text, tokens, i, found)
    return found


def _chunk_end(tokens: list[Token], i: int) -> int:
    """The furthest a statement starting at ``i`` can reach: ``;`` or a block keyword
    (BEGIN, END, ELSE outside CASE), which sqlglot would otherwise read as an alias."""
    case_depth = 0
    for j in range(i, len(tokens)):
        token = tokens[j]
        upper = word(token) if token.token_type != TokenType.IDENTIFIER else ""
        if token.token_type == TokenType.SEMICOLON:
            return j
        if upper == "CASE":
            case_depth += 1
        elif upper == "END" and case_depth:
            case_depth -= 1
        elif j > i and upper in ("END", "ELSE", "BEGIN") and not case_depth:
            return j
    return len(tokens)


def _cut_candidates(tokens: list[Token], i: int, end: int) -> list[int]:
    """Positions in ``(i, end)`` where a new statement may begin (outside parentheses)."""
    depth = 0
    found: list[int] = []
    for j in range(i + 1, end):
        kind = tokens[j].token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth = max(0, depth - 1)
        elif depth == 0 and is_statement_start(tokens, j):
            found.append(j)
    return found


def _region_end(tokens: list[Token], i: int) -> int:
    """Where a token region that starts before ``i`` ends: ``;`` or a statement keyword that
    opens a line, outside parentheses."""
    depth = 0
    for j in range(i, len(tokens)):
        token = tokens[j]
        if token.token_type == TokenType.L_PAREN:
            depth += 1
        elif token.token_type == TokenType.R_PAREN:
            depth = max(0, depth - 1)
        elif token.token_type == TokenType.SEMICOLON or (
            depth == 0 and token.line > tokens[j - 1].line and is_statement_start(tokens, j)
        ):
            return j
    return len(tokens)


def _start_parser(parser: object, text: str, chunk: list[Token]) -> None:
    parser.reset()  # type: ignore[attr-defined]
    parser.sql = text  # type: ignore[attr-defined]
    parser._chunks = [chunk]  # type: ignore[attr-defined]
    parser._chunk_index = 0  # type: ignore[attr-defined]
    parser._advance_chunk()  # type: ignore[attr-defined]


def _parse(parser: object, text: str, chunk: list[Token]) -> tuple[exp.Expr | None, int]:
    try:
        _start_parser(parser, text, chunk)
        node = parser._parse_statement()  # type: ignore[attr-defined]
        return node, int(parser._index)  # type: ignore[attr-defined]
    except (ParseError, TokenError, ValueError, IndexError, AttributeError):
        return None, 0


def _trusted(node: exp.Expr | None) -> bool:
    """A tree is trusted when nothing fell back to text and no statement keyword was taken
    for an alias (``... FROM t END`` or ``... FROM s EXEC(...)``)."""
    if node is None:
        return False
    for child in node.walk():
        if isinstance(child, exp.Command):
            return False
        if isinstance(child, exp.TableAlias | exp.Alias):
            name = child.args.get("alias") if isinstance(child, exp.Alias) else child.this
            if (
                isinstance(name, exp.Identifier)
                and not name.quoted
                and name.name.upper() in STATEMENT_WORDS
            ):
                return False
    return True


def _statement(parser: object, text: str, tokens: list[Token], i: int, out: list[Segment]) -> int:
    header = _routine_header(tokens, i)
    if header:
        out.append(Segment(i, header))
        return header
    end = _chunk_end(tokens, i)
    node, used = _parse(parser, text, tokens[i:end])
    if _trusted(node) and used > 0 and is_statement_start(tokens, i + used):
        out.append(Segment(i, i + used, node))
        return i + used
    command = isinstance(node, exp.Command)
    for cut in reversed(_cut_candidates(tokens, i, end)[:_MAX_CUTS]):
        node, used = _parse(parser, text, tokens[i:cut])
        if _trusted(node) and used == cut - i:
            out.append(Segment(i, cut, node))
            return cut
    stop = min(_region_end(tokens, i + 1), max(end, i + 1))
    out.append(Segment(i, stop, failed=not command and not _known_fallback(tokens, i)))
    return stop


def _known_fallback(tokens: list[Token], i: int) -> bool:
    """Statements sqlglot keeps as text but that name no tables (the token scan reads them),
    and ``EXEC (N'...')`` with one constant string, whose text is remapped recursively."""
    following = word(tokens[i + 1]) if i + 1 < len(tokens) else ""
    return (
        word(tokens[i]) in _NAMELESS
        or (word(tokens[i]) in ("EXEC", "EXECUTE", "REVERT") and following in ("AS", ""))
        or _constant_exec(tokens, i)
    )


def _constant_exec(tokens: list[Token], i: int) -> bool:
    kinds = [t.token_type for t in tokens[i + 1 : i + 4]]
    return word(tokens[i]) in ("EXEC", "EXECUTE") and kinds == [
        TokenType.L_PAREN,
        TokenType.NATIONAL_STRING,
        TokenType.R_PAREN,
    ]


def _routine_header(tokens: list[Token], i: int) -> int:
    """``CREATE [OR ALTER] PROCEDURE|FUNCTION|TRIGGER ... AS``: the end of the header, so that
    the body is read statement by statement; 0 when this is not such a header."""
    words = [word(t) for t in tokens[i : i + 4]]
    if not words or words[0] not in ("CREATE", "ALTER"):
        return 0
    rest = words[3:] if words[1:3] == ["OR", "ALTER"] else words[1:]
    if not rest or rest[0] not in ("PROCEDURE", "PROC", "FUNCTION", "TRIGGER"):
        return 0
    depth = 0
    for j in range(i + 1, len(tokens)):
        kind = tokens[j].token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth = max(0, depth - 1)
        elif (depth == 0 and kind == TokenType.ALIAS and rest[0] != "FUNCTION") or (
            depth == 0 and kind == TokenType.ALIAS and _after_returns(tokens, i, j)
        ):
            return j + 1
    return 0


def _after_returns(tokens: list[Token], i: int, j: int) -> bool:
    return any(word(t) == "RETURNS" for t in tokens[i:j])


def _condition(parser: object, text: str, tokens: list[Token], i: int, out: list[Segment]) -> int:
    """The condition of IF/WHILE, read as an expression up to the statement it guards."""
    chunk = tokens[i : _chunk_end(tokens, i)]
    try:
        _start_parser(parser, text, chunk)
        node = parser._parse_disjunction()  # type: ignore[attr-defined]
        used = parser._index  # type: ignore[attr-defined]
    except (ParseError, TokenError, ValueError, IndexError, AttributeError):
        node, used = None, 0
    stop = i + used
    if node is not None and used > 0 and is_statement_start(tokens, stop):
        out.append(Segment(i, stop, node))
        return stop
    stop = _region_end(tokens, i + 1)
    out.append(Segment(i, stop, failed=True))
    return stop
