"""Fail closed: the last line of defence of ``etlcheck lint``.

After the remap, a plain token scan of the final text (comments excluded) looks for a
production schema name that survived where it acts as a schema: in a qualifier
(``etl.t``, ``db.etl.t``), after ``CREATE``/``ALTER``/``DROP SCHEMA`` or ``SCHEMA::``, or as a
string that is one or starts with one and a dot (``'etl'``, ``N'[etl].t'``), also inside
constant dynamic SQL. The lint reports each such place unless another finding already
stands on its line, as ``residual-reference``. It does not rely on the locator: it is there
for the reference the locator missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from etlcheck.errors import ScriptError
from etlcheck.isolation.arguments import stored_strings
from etlcheck.isolation.held_sql import held_sql
from etlcheck.isolation.literals import MESSAGES, leading_schema, names_other_thing
from etlcheck.isolation.located import Names
from etlcheck.isolation.positions import Place
from etlcheck.isolation.statements import read_statements
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.tokens import STRINGS, SplitError, adjacent, is_name, word_of

QUALIFIER = "qualifier"
SCHEMA_DDL = "schema DDL"
STRING = "string"


@dataclass(frozen=True)
class Residual:
    """A production schema name at ``offset`` of the scanned text, and where it stands."""

    offset: int
    name: str
    place: str


def residuals(text: str, names: Names) -> list[Residual]:
    """Every production schema name left in a schema place of ``text``."""
    try:
        batches = split_batches(text, "<script>")
    except ScriptError:  # an unterminated string or comment: scan the words instead
        return _by_words(text, 0, names)
    found: list[Residual] = []
    for batch in batches:
        found.extend(_batch(batch.text, batch.offset, names))
    return found


def _batch(text: str, offset: int, names: Names) -> list[Residual]:
    try:
        batch = read_statements(text)
    except SplitError:
        return _by_words(text, offset, names)
    reading, tokens, words = batch.reading, batch.tokens, batch.words
    held = held_sql(batch).literals
    spans = {index: span for span in reading.spans for index in range(span.first, span.last + 1)}
    found: list[Residual] = []
    for index, token in enumerate(tokens):
        if token.token_type in STRINGS:
            span = spans.get(index)
            statement = Place.of(tokens, words, span.first, span.last + 1) if span else None
            if statement is None or not _not_a_name(statement, index):
                found.extend(_string(tokens, index, offset, names, index in held))
        elif is_name(token) and names.is_production(token.text):
            where = _name_place(tokens, index)
            if where:
                found.append(Residual(offset + token.start, token.text, where))
    return found


def _not_a_name(place: Place, index: int) -> bool:
    """Strings that are never schema names: messages (``PRINT``, ``RAISERROR``, ``THROW``),
    values compared with ``TABLE_NAME``, ``COLUMN_NAME``..., and the name and value of an
    extended property."""
    return (
        place.kind in MESSAGES or names_other_thing(place, index) or index in stored_strings(place)
    )


def _name_place(tokens: tuple[Token, ...], index: int) -> str:
    previous = tokens[index - 1] if index > 0 else None
    sigils = (TokenType.PARAMETER, TokenType.HASH)
    if previous is not None and previous.token_type in sigils and adjacent(previous, tokens[index]):
        return ""  # @etl, #etl
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.token_type == TokenType.DOT:
        in_tempdb = (
            index >= 2
            and tokens[index - 1].token_type == TokenType.DOT
            and tokens[index - 2].text.lower() == "tempdb"
        )
        return "" if in_tempdb else QUALIFIER
    if previous is None:
        return ""
    if previous.token_type == TokenType.DCOLON:
        return SCHEMA_DDL if index >= 2 and word_of(tokens[index - 2]) == "SCHEMA" else ""
    back = index - 1
    while back >= 0 and word_of(tokens[back]) in ("IF", "EXISTS"):
        back -= 1
    ddl = back >= 1 and word_of(tokens[back]) == "SCHEMA"
    if ddl and word_of(tokens[back - 1]) in ("CREATE", "ALTER", "DROP"):
        return SCHEMA_DDL
    return ""


def _string(
    tokens: tuple[Token, ...], index: int, offset: int, names: Names, held: bool = False
) -> list[Residual]:
    """A production name the string is or starts with; inside dynamic SQL (``EXEC ('…')``,
    ``sp_executesql N'…'``, or ``held`` by a variable EXEC runs), every residual of its SQL."""
    token = tokens[index]
    value = token.text
    found: list[Residual] = []
    leading = leading_schema(value)
    if leading is not None and names.is_production(leading[0]):
        found.append(Residual(offset + token.start, leading[0], STRING))
    if held or _dynamic(tokens, index):
        inner = residuals(value, names)
        content = offset + token.start + len(_prefix(token))
        for residual in inner:
            shifted = content + residual.offset + value.count("'", 0, residual.offset)
            found.append(Residual(shifted, residual.name, residual.place))
    return found


def _prefix(token: Token) -> str:
    return "N'" if token.token_type == TokenType.NATIONAL_STRING else "'"


def _dynamic(tokens: tuple[Token, ...], index: int) -> bool:
    """``EXEC ('...')`` or the first argument of ``sp_executesql``."""
    before = [word_of(t) or t.text for t in tokens[max(0, index - 4) : index]]
    if before[-2:] in (["EXEC", "("], ["EXECUTE", "("]):
        return True
    return "SP_EXECUTESQL" in before[-1:] or before[-4:-2] == ["SP_EXECUTESQL", "@"]


def _by_words(text: str, offset: int, names: Names) -> list[Residual]:
    """For text that cannot be tokenized: every production name written as a word."""
    found: list[Residual] = []
    for name in names.production:
        pattern = re.compile(rf"(?<![\w@#$]){re.escape(name)}(?![\w$])", re.IGNORECASE)
        for match in pattern.finditer(text):
            found.append(Residual(offset + match.start(), match.group(), QUALIFIER))
    return found
