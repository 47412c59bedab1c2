"""Classify string literals by the tokens around them: schema names (``SCHEMA_ID('etl')``,
``TABLE_SCHEMA = 'etl'``), object names (``OBJECT_ID('etl.t')``) and constant dynamic SQL."""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from etlcheck.isolation.statements import Segment, word

SCHEMA = "schema"
UNQUALIFIED = "unqualified"
SCHEMA_LITERAL = "schema-literal"
MAYBE_SCHEMA_LITERAL = "maybe-schema-literal"
OBJECT_LITERAL = "object-literal"
DYNAMIC_LITERAL = "dynamic-literal"
SCHEMA_FUNCTIONS = frozenset({"SCHEMA_ID"})
OBJECT_FUNCTIONS = frozenset(
    {"OBJECT_ID", "COL_LENGTH", "HAS_PERMS_BY_NAME", "INDEX_COL", "COLUMNPROPERTY_NAME"}
)
OBJECT_PROCEDURES = frozenset(
    {"SP_RENAME", "SP_REFRESHVIEW", "SP_REFRESHSQLMODULE", "SP_HELP", "SP_SPACEUSED", "SP_DEPENDS"}
)
SCHEMA_COLUMNS = frozenset(
    [
        "TABLE_SCHEMA",
        "ROUTINE_SCHEMA",
        "SPECIFIC_SCHEMA",
        "CONSTRAINT_SCHEMA",
        "VIEW_SCHEMA",
        "DOMAIN_SCHEMA",
        "UNIQUE_CONSTRAINT_SCHEMA",
        "SCHEMA_NAME",
    ]
)
_STRINGS = (TokenType.STRING, TokenType.NATIONAL_STRING)
_COMPARE = (TokenType.EQ, TokenType.NEQ)


@dataclass(frozen=True)
class Reference:
    """Characters ``[start, end)`` of the batch that name a schema (or an object, or hold SQL)."""

    kind: str
    start: int
    end: int
    name: str


def string_references(tokens: list[Token], segment: Segment) -> list[Reference]:
    """String literals of a statement that name a schema or an object, or hold SQL."""
    found: list[Reference] = []
    for j in range(segment.first, segment.stop):
        token = tokens[j]
        if token.token_type not in _STRINGS:
            continue
        kind = _string_kind(tokens, j, segment.first)
        if kind:
            found.append(Reference(kind, token.start, token.end + 1, token.text))
    return found


def _string_kind(tokens: list[Token], j: int, first: int) -> str:
    prev = tokens[j - 1] if j > first else None
    prev2 = tokens[j - 2] if j - 1 > first else None
    if prev is not None and prev.token_type == TokenType.L_PAREN and prev2 is not None:
        name = word(prev2)
        if name in SCHEMA_FUNCTIONS:
            return SCHEMA_LITERAL
        if name in OBJECT_FUNCTIONS:
            return OBJECT_LITERAL
        if name in ("EXEC", "EXECUTE"):
            closing = j + 1 < len(tokens) and tokens[j + 1].token_type == TokenType.R_PAREN
            return DYNAMIC_LITERAL if closing else ""
    if _procedure_argument(tokens, j, first, "SP_EXECUTESQL"):
        return DYNAMIC_LITERAL
    if any(_procedure_argument(tokens, j, first, name) for name in OBJECT_PROCEDURES):
        return OBJECT_LITERAL
    compared = _compared_with(tokens, j, first)
    if compared in SCHEMA_COLUMNS:
        return SCHEMA_LITERAL
    if compared == "NAME":
        return MAYBE_SCHEMA_LITERAL
    return ""


def _procedure_argument(tokens: list[Token], j: int, first: int, procedure: str) -> bool:
    """Whether string ``j`` is the first argument of ``procedure`` (positional or ``@x =``)."""
    k = j - 1
    if k - 2 >= first and tokens[k].token_type == TokenType.EQ:
        k -= 2
    return k >= first and word(tokens[k]) == procedure


def _compared_with(tokens: list[Token], j: int, first: int) -> str:
    """The column (upper case) a string is compared with by =, <>, or IN (...), if any."""
    k = j - 1
    while (
        k - 1 >= first
        and tokens[k].token_type == TokenType.COMMA
        and tokens[k - 1].token_type in _STRINGS
    ):
        k -= 2
    if k - 1 >= first and tokens[k].token_type == TokenType.L_PAREN and word(tokens[k - 1]) == "IN":
        return _expression_name(tokens, k - 2, first)
    if k >= first and tokens[k].token_type in _COMPARE:
        return _expression_name(tokens, k - 1, first)
    after = j + 1
    if after + 1 < len(tokens) and tokens[after].token_type in _COMPARE:
        following = tokens[after + 1]
        name = word(following)
        if after + 2 < len(tokens) and tokens[after + 2].token_type == TokenType.DOT:
            name = word(tokens[_chain_end(tokens, after + 1) - 1])
        return name
    return ""


def _expression_name(tokens: list[Token], k: int, first: int) -> str:
    if k < first:
        return ""
    if tokens[k].token_type == TokenType.R_PAREN:
        depth = 0
        while k >= first:
            if tokens[k].token_type == TokenType.R_PAREN:
                depth += 1
            elif tokens[k].token_type == TokenType.L_PAREN:
                depth -= 1
                if depth == 0:
                    return word(tokens[k - 1]) if k > first else ""
            k -= 1
        return ""
    return word(tokens[k])


def _chain_end(tokens: list[Token], j: int) -> int:
    """The index after the dotted name starting at ``j``."""
    k = j + 1
    while k + 1 < len(tokens) and tokens[k].token_type == TokenType.DOT:
        k += 2
    return k
