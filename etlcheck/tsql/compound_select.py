"""``SELECT @s += c.Name`` (and ``-=``, ``*=``, ``/=``, ``%=``, ``&=``, ``|=``, ``^=``): a
compound assignment in a SELECT list, which sqlglot cannot read. It goes to the parser as
``SELECT @s = @s + (c.Name)``, what it means, so the assignment is compiled (or refused)
as the plain one would be."""

from __future__ import annotations

import re

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, adjacent, tokenize, word_of

COMPOUND_OPERATORS = frozenset(
    [
        TokenType.PLUS,
        TokenType.DASH,
        TokenType.STAR,
        TokenType.SLASH,
        TokenType.MOD,
        TokenType.AMP,
        TokenType.PIPE,
        TokenType.CARET,
    ]
)
"""The first token of a compound assignment (``+=``, ``|=``...), which the tokenizer splits."""
_COMPOUND = re.compile(r"@\w+\s*[-+*/%&|^]=")
_LIST_ENDS = frozenset(["FROM", "INTO", "WHERE", "GROUP", "HAVING", "ORDER", "OPTION", "UNION"])


def without_compound_assignments(text: str) -> str:
    """``text`` with each compound assignment of its SELECT list spelled out."""
    if _COMPOUND.search(text) is None:  # most statements: no tokenizing
        return text
    try:
        tokens = tokenize(text)
    except SplitError:
        return text
    if not tokens or word_of(tokens[0]) != "SELECT":
        return text
    pieces: list[str] = []
    position, depth, opened = 0, 0, False
    for index, token in enumerate(tokens):
        kind = token.token_type
        depth += (kind == TokenType.L_PAREN) - (kind == TokenType.R_PAREN)
        if depth > 0:
            continue
        ends = kind == TokenType.COMMA or word_of(token) in _LIST_ENDS
        if opened and ends:
            pieces.append(text[position : token.start] + ")")
            position, opened = token.start, False
        if word_of(token) in _LIST_ENDS:
            break
        if _compound_at(tokens, index):
            name = "@" + tokens[index + 1].text
            operator = tokens[index + 2]
            pieces.append(text[position : operator.start] + f"= {name} {operator.text} (")
            position, opened = tokens[index + 3].end + 1, True
    if opened:
        pieces.append(text[position:].rstrip().rstrip(";") + ")")
        return "".join(pieces)
    return "".join(pieces) + text[position:] if pieces else text


def _compound_at(tokens: list[Token], index: int) -> bool:
    """``@name op=`` starts at ``index``: the sigil, the name, the operator, then ``=``."""
    if index + 3 >= len(tokens) or tokens[index].token_type != TokenType.PARAMETER:
        return False
    name, operator, equals = tokens[index + 1], tokens[index + 2], tokens[index + 3]
    return (
        adjacent(tokens[index], name)
        and operator.token_type in COMPOUND_OPERATORS
        and equals.token_type == TokenType.EQ
        and adjacent(operator, equals)
    )
