"""Classify string literals by the tokens around them: schema names (``SCHEMA_ID('etl')``,
``TABLE_SCHEMA = 'etl'``), object names (``OBJECT_ID('etl.t')``, also the start of one built
at run time, ``OBJECT_ID(N'etl.' + @t)``) and constant dynamic SQL.

A string in no such place that is a production schema's name, or starts with one and a dot,
might still be used as one (``DECLARE @s sysname = 'etl'``): a ``schema-in-string``
finding. The text of a message (``PRINT``, ``RAISERROR``, ``THROW``) is never a name, but
a function's argument in it is (``PRINT OBJECT_ID('etl.t')``).
"""

from __future__ import annotations

import re

from sqlglot.tokens import Token, TokenType

from etlcheck.isolation.located import (
    DYNAMIC_LITERAL,
    MAYBE_SCHEMA_LITERAL,
    OBJECT_LITERAL,
    PREFIX_LITERAL,
    SCHEMA_LITERAL,
    Located,
    Names,
    Reference,
)
from etlcheck.isolation.positions import OBJECT_DBCC, Place
from etlcheck.tsql.nodes import words
from etlcheck.tsql.tokens import STRINGS, SplitError, is_name, tokenize

SCHEMA_FUNCTIONS = words("SCHEMA_ID")
OBJECT_FUNCTIONS = words(
    """OBJECT_ID COL_LENGTH INDEX_COL IDENT_CURRENT IDENT_SEED IDENT_INCR TYPE_ID
    TYPEPROPERTY COLUMNPROPERTY_NAME"""
)
SCHEMA_COLUMNS = words(
    """TABLE_SCHEMA ROUTINE_SCHEMA SPECIFIC_SCHEMA CONSTRAINT_SCHEMA VIEW_SCHEMA DOMAIN_SCHEMA
    UNIQUE_CONSTRAINT_SCHEMA SCHEMA_NAME OBJECT_SCHEMA_NAME TABLE_OWNER"""
)
MESSAGES = words("PRINT RAISERROR THROW")
_COMPARE = (TokenType.EQ, TokenType.NEQ)
_CLAUSES = words("SET WHERE FROM ON SELECT WHEN AND OR HAVING IF WHILE THEN ELSE")
_LEADING_NAME = re.compile(r'\s*(\[(?:[^\]]|\]\])*\]|"(?:[^"]|"")*"|[^\s.\[\]"]+)\s*(\.|$)')


def leading_schema(value: str) -> tuple[str, int, int] | None:
    """The first part of a dotted name in ``value`` when a dot follows it (or it is all of
    ``value``): (name, start, end) within ``value``; brackets and quotes removed."""
    match = _LEADING_NAME.match(value)
    if match is None:
        return None
    raw = match.group(1)
    name = raw[1:-1].replace("]]", "]") if raw[0] == "[" else raw
    name = name[1:-1].replace('""', '"') if raw[0] == '"' else name
    return name, match.start(1), match.end(1)


def names_production(value: str, names: Names) -> bool:
    """Whether a string is a production schema's name, or starts with one and a dot."""
    leading = leading_schema(value)
    return leading is not None and names.is_production(leading[0])


def classify_strings(place: Place, names: Names, skip: frozenset[int], found: Located) -> None:
    """References and ``schema-in-string`` problems for the string literals of a statement;
    ``skip`` are tokens another reader (procedure arguments) already classified."""
    message = place.kind in MESSAGES
    tokens = place.tokens
    for j in range(place.first, place.stop):
        token = tokens[j]
        if token.token_type not in STRINGS or j in skip:
            continue
        kind = string_kind(place, j)
        if kind:  # also in a message: PRINT IDENT_CURRENT('etl.t') reads etl.t
            found.references.append(Reference(kind, token.start, token.end + 1, token.text))
        elif message or names_other_thing(place, j):
            continue
        elif (leading := leading_schema(token.text)) and names.is_production(leading[0]):
            found.problem(
                "schema-in-string",
                token.start,
                f"the string {token.text!r} names production schema {leading[0]!r}; "
                "etlcheck cannot tell whether it is used as a name",
                "use the name where etlcheck can see it, or allow it with a pragma and a reason",
            )
        elif (schema := like_matches_schema(place, j, names)) is not None:
            found.problem(
                "schema-in-string",
                token.start,
                f"the pattern {token.text!r} matches production schema {schema!r}; a sandbox "
                "run would read production's catalog here",
                "match the sandbox schema's name, or allow it with a pragma and a reason",
            )
        elif (schema := qualifier_in_sql(token.text, names)) is not None:
            found.problem(
                "schema-in-string",
                token.start,
                f"SQL text in this string names production schema {schema!r}; run at run time, "
                "it is neither remapped nor proven",
                "build the statement with the sandbox schema, or allow it with a pragma and a "
                "reason",
            )


def qualifier_in_sql(value: str, names: Names) -> str | None:
    """The first production schema written as a qualifier (``etl.``) in a string that reads
    as SQL, or None."""
    if "." not in value:
        return None
    try:
        tokens = tokenize(value)
    except SplitError:
        return None
    for index, token in enumerate(tokens[:-1]):
        if (
            tokens[index + 1].token_type == TokenType.DOT
            and is_name(token)
            and names.is_production(token.text)
        ):
            return token.text
    return None


def like_matches_schema(place: Place, j: int, names: Names) -> str | None:
    """The production schema a ``LIKE`` pattern at ``j`` matches when it is matched with a
    schema's name (``TABLE_SCHEMA LIKE 'etl%'``, ``sys.schemas``' ``name``), else None."""
    if place.word(j - 1) != "LIKE":
        return None
    end = j - 3 if place.word(j - 2) == "NOT" else j - 2
    column = _expression_name(place, end)
    schemas = any(place.word(i) == "SCHEMAS" for i in range(place.first, place.stop))
    if column not in SCHEMA_COLUMNS and not (column == "NAME" and schemas):
        return None
    pattern = _like_regex(place.tokens[j].text)
    return next((name for name in sorted(names.production) if pattern.fullmatch(name)), None)


def _like_regex(pattern: str) -> re.Pattern[str]:
    """A LIKE pattern (``%``, ``_``, ``[...]``, no ESCAPE) as a case-blind regex."""
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        closing = pattern.find("]", index + 1) if char == "[" else -1
        if char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        elif closing > index + 1:
            inner = pattern[index + 1 : closing]
            negated = inner.startswith("^")
            body = re.escape(inner[1:] if negated else inner).replace("\\-", "-")
            parts.append(f"[{'^' if negated else ''}{body}]")
            index = closing
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def names_other_thing(place: Place, j: int) -> bool:
    """A string compared with ``TABLE_NAME``, ``COLUMN_NAME``...: a name, but not a schema's
    (``referenced_schema_name``, ``target_schema_name`` are schemas' names)."""
    compared = _compared_with(place, j)
    schema = compared in SCHEMA_COLUMNS or "SCHEMA" in compared
    return compared.endswith("_NAME") and not schema


def string_kind(place: Place, j: int) -> str:
    """What the string at ``j`` holds, by the tokens around it ("" when nothing known)."""
    tokens = place.tokens
    opening = place.word(j - 1) == "("
    function = place.word(j - 2) if opening else ""
    following = tokens[j + 1] if j + 1 < place.stop else None
    concatenated = following is not None and following.token_type == TokenType.PLUS
    if function in SCHEMA_FUNCTIONS:
        return SCHEMA_LITERAL
    if function in OBJECT_FUNCTIONS or (function in OBJECT_DBCC and place.word(j - 3) == "DBCC"):
        return PREFIX_LITERAL if concatenated else OBJECT_LITERAL
    if function == "HAS_PERMS_BY_NAME":
        return _permission_subject(place, j)
    if function in ("EXEC", "EXECUTE"):
        closing = following is not None and following.token_type == TokenType.R_PAREN
        return DYNAMIC_LITERAL if closing else ""
    compared = _compared_with(place, j)
    if compared in SCHEMA_COLUMNS:
        return SCHEMA_LITERAL
    if compared == "NAME":
        return MAYBE_SCHEMA_LITERAL
    return ""


def _permission_subject(place: Place, j: int) -> str:
    """``HAS_PERMS_BY_NAME('etl.t', 'OBJECT', ...)`` or ``('etl', 'SCHEMA', ...)``."""
    if place.word(j + 1) != "," or j + 2 >= place.stop:
        return ""
    securable = place.tokens[j + 2]
    if securable.token_type not in STRINGS:
        return ""
    return {"OBJECT": OBJECT_LITERAL, "SCHEMA": SCHEMA_LITERAL}.get(securable.text.upper(), "")


def _compared_with(place: Place, j: int) -> str:
    """The column (upper case) a string is compared with by =, <>, or IN (...), if any."""
    tokens = place.tokens
    k = j - 1
    while k - 1 >= place.first and place.word(k) == "," and tokens[k - 1].token_type in STRINGS:
        k -= 2
    if place.word(k) == "(" and place.word(k - 1) == "IN":
        return _expression_name(place, k - 2)
    if k >= place.first and tokens[k].token_type in _COMPARE:
        if tokens[k].token_type == TokenType.EQ and _assigned(place, k - 1):
            return ""  # UPDATE ... SET name = 'etl' assigns, it does not compare
        return _expression_name(place, k - 1)
    after = j + 1
    if after + 1 < place.stop and tokens[after].token_type in _COMPARE:
        end = after + 1
        while end + 2 < place.stop and place.word(end + 1) == ".":
            end += 2
        if place.word(end + 1) == "(":
            return place.word(end)  # 'etl' = SCHEMA_NAME(schema_id)
        return place.word(end)
    return ""


def _assigned(place: Place, k: int) -> bool:
    """Whether the column ending at ``k`` is assigned in a ``SET`` list (``UPDATE t SET
    a = 1, name = 'etl'``) rather than compared."""
    start = k
    while start - 2 >= place.first and place.word(start - 1) == ".":
        start -= 2
    depth = 0
    for index in range(start - 1, place.first - 1, -1):
        word = place.word(index)
        depth += word == ")"
        depth -= word == "("
        if depth < 0:
            return False
        if depth == 0 and word in _CLAUSES:
            return word == "SET"
    return False


def _expression_name(place: Place, k: int) -> str:
    """The column or function name that ends at token ``k``."""
    if k < place.first:
        return ""
    if place.word(k) == ")":
        depth = 0
        while k >= place.first:
            word = place.word(k)
            depth += word == ")"
            depth -= word == "("
            if depth == 0:
                return place.word(k - 1)
            k -= 1
        return ""
    return place.word(k)


def string_value(token: Token) -> str:
    """The text of a string token (sqlglot has already undoubled its quotes)."""
    return token.text
