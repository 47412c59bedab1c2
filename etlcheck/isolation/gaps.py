"""T-SQL that sqlglot does not parse, blanked out before a retry: ``OUTPUT ... INTO target
(columns)``, table hints on an ``INSERT`` target (``INSERT INTO t WITH (TABLOCK)``), a
cursor query's ``FOR UPDATE OF``, the operator of ``SELECT @v += ...``, the ``CHANGES``
keyword of ``CHANGETABLE(CHANGES t, 0)`` and a view's attributes after the first
(``WITH SCHEMABINDING, VIEW_METADATA``).

The blank has the same length as what it hides, so the tree's offsets stay those of the
statement. Nothing is lost: the locator reads every token of the statement itself, and
the only names in a blanked clause (``INTO target``) stand where its grammar reads them.
"""

from __future__ import annotations

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.tokens import SplitError, tokenize, word_of
from etlcheck.tsql.view_options import first_view_attribute_only

_CLAUSE_END = frozenset({"WHERE", "FROM", "SELECT", "VALUES", "DEFAULT", "OPTION", "EXEC"})


def blank_gaps(text: str) -> str:
    """``text`` with the clauses sqlglot cannot parse replaced by blanks."""
    text = first_view_attribute_only(text)
    try:
        tokens = tokenize(text)
    except SplitError:
        return text
    spans = (
        _output_into(tokens)
        + _insert_hints(tokens)
        + _cursor_options(tokens)
        + _compound_assignments(tokens)
        + _change_table(tokens)
    )
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _at_depth_zero(tokens: list[Token]) -> list[int]:
    depth = 0
    found = []
    for index, token in enumerate(tokens):
        if token.token_type == TokenType.L_PAREN:
            depth += 1
        elif token.token_type == TokenType.R_PAREN:
            depth -= 1
        elif depth == 0:
            found.append(index)
    return found


def _output_into(tokens: list[Token]) -> list[tuple[int, int]]:
    spans = []
    top = _at_depth_zero(tokens)
    for position, index in enumerate(top):
        if word_of(tokens[index]) != "OUTPUT":
            continue
        for into in top[position + 1 :]:
            word = word_of(tokens[into])
            if word in _CLAUSE_END:
                break
            if word == "INTO":
                end = _after_target(tokens, into + 1)
                spans.append((tokens[index].start, tokens[end - 1].end + 1))
                break
    return spans


def _after_target(tokens: list[Token], index: int) -> int:
    """The index after ``@variable`` or a dotted name and its optional column list."""
    if index < len(tokens) and tokens[index].token_type == TokenType.PARAMETER:
        index += 2
    else:
        index += 1
        while index + 1 < len(tokens) and tokens[index].token_type == TokenType.DOT:
            index += 2
    if index < len(tokens) and tokens[index].token_type == TokenType.L_PAREN:
        index = _closing(tokens, index) + 1
    return min(index, len(tokens))


def _closing(tokens: list[Token], opening: int) -> int:
    depth = 0
    for index in range(opening, len(tokens)):
        depth += tokens[index].token_type == TokenType.L_PAREN
        depth -= tokens[index].token_type == TokenType.R_PAREN
        if depth == 0:
            return index
    return len(tokens) - 1


def _insert_hints(tokens: list[Token]) -> list[tuple[int, int]]:
    """``INSERT [INTO] target WITH (hints)``: the ``WITH (...)``."""
    if len(tokens) < 3 or word_of(tokens[0]) != "INSERT":
        return []
    index = 3 if word_of(tokens[1]) == "INTO" else 2
    while index + 1 < len(tokens) and tokens[index].token_type == TokenType.DOT:
        index += 2
    if index + 1 >= len(tokens) or word_of(tokens[index]) != "WITH":
        return []
    if tokens[index + 1].token_type != TokenType.L_PAREN:
        return []
    close = _closing(tokens, index + 1)
    return [(tokens[index].start, tokens[close].end + 1)]


def _cursor_options(tokens: list[Token]) -> list[tuple[int, int]]:
    """A cursor query's trailing ``FOR UPDATE [OF columns]`` or ``FOR READ ONLY``."""
    if not tokens or word_of(tokens[0]) not in ("SELECT", "WITH"):
        return []
    top = _at_depth_zero(tokens)
    for position, index in enumerate(top[:-1]):
        following = word_of(tokens[top[position + 1]])
        if word_of(tokens[index]) == "FOR" and following in ("UPDATE", "READ"):
            return [(tokens[index].start, tokens[-1].end + 1)]
    return []


def _compound_assignments(tokens: list[Token]) -> list[tuple[int, int]]:
    """The operator of ``@v += x`` (``@v -= x``...), read as ``@v = x``."""
    operators = {TokenType.PLUS, TokenType.DASH, TokenType.STAR, TokenType.SLASH}
    spans = []
    for index in range(2, len(tokens) - 1):
        token, following = tokens[index], tokens[index + 1]
        if (
            token.token_type in operators
            and following.token_type == TokenType.EQ
            and token.end + 1 == following.start
            and tokens[index - 2].token_type == TokenType.PARAMETER
        ):
            spans.append((token.start, token.end + 1))
    return spans


def _change_table(tokens: list[Token]) -> list[tuple[int, int]]:
    """``CHANGETABLE(CHANGES t, 0)``: the ``CHANGES`` keyword."""
    return [
        (tokens[index + 2].start, tokens[index + 2].end + 1)
        for index in range(len(tokens) - 2)
        if word_of(tokens[index]) == "CHANGETABLE"
        and tokens[index + 1].token_type == TokenType.L_PAREN
        and word_of(tokens[index + 2]) in ("CHANGES", "VERSION")
    ]
