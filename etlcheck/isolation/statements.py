"""Read each statement of a batch for the locator: its span from etlcheck's own splitter
(``etlcheck.tsql.statements.read_batch``), and its sqlglot tree where sqlglot parses it.

Statement boundaries are etlcheck's; sqlglot only parses one statement's own text
(``sqlglot.parse_one``), and its tree offsets are shifted back into the batch. Where sqlglot
cannot read a statement, or falls back to ``exp.Command``, the locator reads its tokens
only; that is a finding (``unparsed-statement``) when the statement has a query clause,
which is where the token grammar would have to guess.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token, TokenType

from etlcheck.isolation.gaps import blank_gaps
from etlcheck.isolation.positions import statement_kind, token_words
from etlcheck.tsql.nodes import CONDITION, STATEMENT, UNPARSED, Span, words
from etlcheck.tsql.parsing import CompileError, quiet_sqlglot, take_dml_top
from etlcheck.tsql.schema_elements import unqualified_names
from etlcheck.tsql.statements import Reading, SplitError, read_batch
from etlcheck.tsql.temp_names import temp_names_as_words
from etlcheck.tsql.tokens import STATEMENT_WORDS

_PARSED = words(
    "SELECT INSERT UPDATE DELETE MERGE WITH CREATE ALTER DROP TRUNCATE EXEC EXECUTE GRANT DENY"
) | {"REVOKE"}
"""Statements sqlglot is asked to parse; the others are read from their tokens."""
_QUERY_CLAUSES = words("FROM JOIN APPLY USING")
_CONDITION_PREFIX = "SELECT 1 WHERE "


@dataclass(frozen=True)
class Statement:
    """Tokens ``[first, stop)`` of one span and how they were read.

    ``tree`` is sqlglot's tree of a statement it parsed soundly, ``shift`` the batch offset
    of the tree's offset 0. ``signature`` sums up the parse, so that a remapped statement
    can be checked to parse to the same thing.
    """

    first: int
    stop: int
    word: str
    role: str
    tree: exp.Expr | None = None
    shift: int = 0
    signature: str = ""
    unparsed: bool = False
    in_schema: frozenset[int] = frozenset()
    """For an element of CREATE SCHEMA: batch offsets of its unqualified names, which are
    the created schema's (``etlcheck.tsql.schema_elements``)."""


@dataclass(frozen=True)
class BatchStatements:
    """A batch read statement by statement; ``words`` are its ``token_words``."""

    tokens: tuple[Token, ...]
    words: tuple[str, ...]
    statements: tuple[Statement, ...]
    reading: Reading


@lru_cache(maxsize=2048)
def read_statements(text: str) -> BatchStatements:
    """Every span of the batch, read; raises ``SplitError`` when it cannot be tokenized."""
    reading = read_batch(text)
    tokens = reading.tokens
    words = token_words(tokens)
    statements = tuple(_statement(text, tokens, words, span) for span in reading.spans)
    return BatchStatements(tokens, words, statements, reading)


def _statement(
    text: str, tokens: tuple[Token, ...], words: tuple[str, ...], span: Span
) -> Statement:
    first, stop = span.first, span.last + 1
    start, end = tokens[first].start, tokens[span.last].end + 1
    if span.role == STATEMENT and span.word in _PARSED:
        tree, signature = parse(text[start:end])
        if tree is None and (blanked := blank_gaps(text[start:end])) != text[start:end]:
            tree, signature = parse(blanked)
        if tree is None and (named := temp_names_as_words(text[start:end])) != text[start:end]:
            tree, signature = parse(named)
        unparsed = tree is None and _has_query_clause(tokens, words, first, stop, span.word)
        in_schema = (
            _in_schema(text[start:end], start, tokens[first:stop])
            if span.schema is not None
            else frozenset()
        )
        return Statement(
            first, stop, span.word, span.role, tree, start, signature, unparsed, in_schema
        )
    if span.role == CONDITION:
        tree, signature = parse(_CONDITION_PREFIX + text[start:end])
        shift = start - len(_CONDITION_PREFIX)
        return Statement(first, stop, span.word, span.role, tree, shift, signature)
    signature = f"{span.role}:{span.word}"
    return Statement(first, stop, span.word, span.role, signature=signature)


def _in_schema(text: str, start: int, tokens: tuple[Token, ...]) -> frozenset[int]:
    """Where the names an element of CREATE SCHEMA puts in its schema stand in the batch.
    When sqlglot cannot read it (``DENY SELECT ON t TO r``), every name: an unqualified
    name there is the created schema's all the same, and must not get the default one."""
    offsets = unqualified_names(text)
    if offsets is None:
        return frozenset(token.start for token in tokens)
    return frozenset(start + offset for offset in offsets)


def _has_query_clause(
    tokens: tuple[Token, ...], words: tuple[str, ...], first: int, stop: int, word: str
) -> bool:
    if word in ("GRANT", "DENY", "REVOKE") or statement_kind(words, first, stop) == "CREATE TYPE":
        return False
    for index in range(first, stop):
        if words[index] in _QUERY_CLAUSES:
            following = tokens[index + 1] if index + 1 < stop else None
            if following is not None and following.token_type not in (
                TokenType.STRING,
                TokenType.NATIONAL_STRING,
            ):
                return True
    return False


@lru_cache(maxsize=8192)
def parse(text: str) -> tuple[exp.Expr | None, str]:
    """sqlglot's tree of one statement's text (None when it cannot, or only as a Command),
    and a signature of what it parsed to."""
    # DELETE/UPDATE TOP (n): sqlglot would take TOP for a table. TOP … PERCENT and INSERT
    # TOP are refused before any run; those are read as they stand.
    with contextlib.suppress(CompileError):
        text = take_dml_top(text)[0]
    try:
        with quiet_sqlglot():
            tree = sqlglot.parse_one(text, read="tsql")
    except (ParseError, TokenError, ValueError, IndexError, AttributeError, KeyError):
        return None, f"unparsed:{_first_word(text)}"
    if isinstance(tree, exp.Command) or _keyword_alias(tree):
        return None, f"command:{_first_word(text)}"
    return tree, _signature(tree)


def _first_word(text: str) -> str:
    return text.split(None, 1)[0].upper() if text.strip() else ""


def _keyword_alias(tree: exp.Expr) -> bool:
    """Whether sqlglot took a statement keyword for an alias or hid a Command inside:
    a sign that it read past the end of the statement."""
    for child in tree.walk():
        if isinstance(child, exp.Command):
            return True
        if isinstance(child, exp.TableAlias | exp.Alias):
            name = child.args.get("alias") if isinstance(child, exp.Alias) else child.this
            if (
                isinstance(name, exp.Identifier)
                and not name.quoted
                and name.name.upper() in STATEMENT_WORDS
            ):
                return True
    return False


def _signature(tree: exp.Expr) -> str:
    """The statement's class (and DDL kind) and how many nodes of each type it has, names
    left out: a remap changes names, never the shape of a statement."""
    counts = Counter(
        type(node).__name__ for node in tree.walk() if not isinstance(node, exp.Identifier)
    )
    kind = tree.args.get("kind") if isinstance(tree, exp.Create | exp.Drop | exp.Alter) else ""
    body = ",".join(f"{name}={count}" for name, count in sorted(counts.items()))
    return f"{type(tree).__name__}:{kind}:{body}"


__all__ = ["UNPARSED", "BatchStatements", "SplitError", "Statement", "parse", "read_statements"]
