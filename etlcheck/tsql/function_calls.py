"""Where a statement calls a multi-statement table-valued function (``FROM dbo.f(1, @d)``,
``CROSS APPLY dbo.f(@n) AS x``), read from its tokens, and what of such a call the
interpreter cannot run (``call_refusal``, which the compatibility pass asks as well).

The interpreter runs the function's body before the statement (``table_functions``), so
it needs the arguments' values first: constants, variables and expressions of them. An
argument that reads a column of the query (``CROSS APPLY dbo.f(t.id)``) or a table (a
subquery) asks for one run per row, and a call in a view or in an inline or scalar
function would be frozen into an engine object that cannot run the body: both refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.tokens import Token, TokenType

from etlcheck.tsql.catalog import DEFAULT_SCHEMA, CatalogCache
from etlcheck.tsql.nodes import Fragment
from etlcheck.tsql.parsing import CompileError, parse_tsql
from etlcheck.tsql.tokens import SplitError, matching_paren, tokenize, word_of

IsTableFunction = Callable[[str, str], bool]
"""Whether ``(schema, name)`` is a multi-statement table-valued function."""


@dataclass(frozen=True)
class FunctionCall:
    """``[schema.]name(arguments)`` where a table goes, in a statement's text."""

    schema: str
    name: str
    first: int
    """Where the call starts in the text (its schema, or its name)."""
    end: int
    """Just past its ``)``."""
    arguments: tuple[Fragment, ...]
    """Each argument as written, placed in the text."""
    aliased: bool
    """An alias follows (``AS x`` or ``x``)."""
    applied: bool
    """It follows ``CROSS APPLY`` or ``OUTER APPLY``."""

    @property
    def shown(self) -> str:
        return f"{self.schema}.{self.name}"


def in_catalog(catalog: CatalogCache) -> IsTableFunction:
    """The multi-statement functions the catalog holds."""

    def is_function(schema: str, name: str) -> bool:
        found = catalog.table(schema, name)
        return found is not None and found.type == "TF"

    return is_function


def find_calls(text: str, is_function: IsTableFunction) -> list[FunctionCall]:
    """The calls of multi-statement functions in ``text``, in order."""
    try:
        tokens = tokenize(text)
    except SplitError:
        return []
    calls: list[FunctionCall] = []
    for index, token in enumerate(tokens):
        if token.token_type != TokenType.L_PAREN or index == 0:
            continue
        call = _call_at(text, tokens, index, is_function)
        if call is not None:
            calls.append(call)
    return calls


def _call_at(
    text: str, tokens: list[Token], opening: int, is_function: IsTableFunction
) -> FunctionCall | None:
    name_token = tokens[opening - 1]
    if name_token.token_type not in (TokenType.VAR, TokenType.IDENTIFIER) and not (
        word_of(name_token)
    ):
        return None
    first = opening - 1
    schema = DEFAULT_SCHEMA
    if first >= 2 and tokens[first - 1].token_type == TokenType.DOT:
        if first >= 4 and tokens[first - 3].token_type == TokenType.DOT:
            return None  # a three-part name: another database's function
        schema = tokens[first - 2].text
        first -= 2
    if not is_function(schema, name_token.text):
        return None
    closing = matching_paren(tokens, opening)
    if closing is None:
        return None
    arguments = _arguments(text, tokens, opening, closing)
    after = tokens[closing + 1] if closing + 1 < len(tokens) else None
    aliased = after is not None and (
        after.token_type in (TokenType.ALIAS, TokenType.VAR, TokenType.IDENTIFIER)
    )
    before = tokens[first - 1] if first > 0 else None
    applied = before is not None and before.token_type == TokenType.APPLY
    return FunctionCall(
        schema,
        name_token.text,
        tokens[first].start,
        tokens[closing].end + 1,
        arguments,
        aliased,
        applied,
    )


def _arguments(text: str, tokens: list[Token], opening: int, closing: int) -> tuple[Fragment, ...]:
    found: list[Fragment] = []
    depth = 0
    first = opening + 1
    for position in range(opening + 1, closing + 1):
        kind = tokens[position].token_type
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN and position < closing:
            depth -= 1
        elif (kind == TokenType.COMMA and depth == 0) or position == closing:
            if position > first:
                start = tokens[first].start
                found.append(Fragment(text[start : tokens[position - 1].end + 1], start))
            first = position + 1
    return tuple(found)


def call_refusal(text: str, call: FunctionCall) -> CompileError | None:
    """Why the interpreter cannot run ``call`` in the statement ``text``, or None (found
    where the call starts)."""
    if _defines_view(text):
        return CompileError(
            f"{call.shown}(...) in a view: a multi-statement table-valued function called "
            "in a view is not supported (the view is an engine object, which cannot run the "
            "function's body); read the function in the statements that read the view",
            f"{call.shown}(...) in a view",
            word=call.name,
        )
    for argument in call.arguments:
        if argument.text.strip().upper() == "DEFAULT":
            continue
        if _reads_columns(argument.text):
            return CompileError(
                f"{call.shown}({argument.text.strip()}): a multi-statement table-valued "
                "function called with a column of the query (CROSS APPLY f(t.col)) or a "
                "subquery is not supported: its body runs once, before the statement, with "
                "values the statement knows; pass constants or variables (a loop over the rows)",
                f"{call.shown}({argument.text.strip()})",
                word=call.name,
            )
    return None


def _reads_columns(argument: str) -> bool:
    try:
        tree = parse_tsql(f"SELECT {argument}")
    except CompileError:
        return True
    projections = tree.expressions if isinstance(tree, exp.Select) else []
    return any(node.find(exp.Column, exp.Select, exp.Subquery) is not None for node in projections)


def _defines_view(text: str) -> bool:
    try:
        tokens = tokenize(text)
    except SplitError:
        return False
    found = [word_of(token) for token in tokens[:4]]
    return found[:1] in (["CREATE"], ["ALTER"]) and "VIEW" in found


def engine_object_refusal(
    construct: str, body: str, is_function: IsTableFunction
) -> CompileError | None:
    """A call in the body of an inline or scalar function (``construct``), which becomes an
    engine object: refused."""
    calls = find_calls(body, is_function)
    if not calls:
        return None
    call = calls[0]
    return CompileError(
        f"{call.shown}(...) in {construct}: a multi-statement table-valued function called in "
        "an inline or scalar function is not supported (that function is an engine object, "
        "which cannot run the body); read it in the statements that call the function",
        f"{call.shown}(...) in {construct}",
        word=call.name,
    )
