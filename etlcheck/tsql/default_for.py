"""``ALTER TABLE t ADD [CONSTRAINT name] DEFAULT (expression) FOR column``, which sqlglot
cannot read: SQL Server's way to give a column a default after the table exists, and how
SSMS "Generate Scripts" and SSDT write every default (``DF_Customer_IsActive``).

It is read here from the tokens and handed on as the standard statement with the same
effect, ``ALTER TABLE t ALTER COLUMN column SET DEFAULT (expression)``, with the
constraint's name beside it (``etlcheck.tsql.default_constraints`` records it). ``WITH
VALUES`` is read and has no effect, as on SQL Server for a column that exists already.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot.tokens import TokenType

from etlcheck.tsql.tokens import SplitError, tokenize, word_of


@dataclass(frozen=True)
class DefaultFor:
    """``ADD [CONSTRAINT name] DEFAULT ... FOR column`` as its ``SET DEFAULT`` statement."""

    statement: str
    name: str
    """The constraint's name; "" when the statement names none."""


def read_default_for(text: str) -> DefaultFor | None:
    """The ``SET DEFAULT`` form of an ``ADD ... DEFAULT ... FOR column`` statement; None
    for any other statement."""
    upper = text.upper()
    if "DEFAULT" not in upper or "FOR" not in upper or not upper.lstrip().startswith("ALTER"):
        return None
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    while tokens and tokens[-1].token_type == TokenType.SEMICOLON:
        tokens = tokens[:-1]
    words = [word_of(token) for token in tokens]
    if words[:2] != ["ALTER", "TABLE"] or "ADD" not in words:
        return None
    add = words.index("ADD")
    default = add + 1
    name = ""
    if words[default : default + 1] == ["CONSTRAINT"] and default + 1 < len(tokens):
        name = tokens[default + 1].text
        default += 2
    if words[default : default + 1] != ["DEFAULT"]:
        return None
    depth = 0
    for index in range(default + 1, len(tokens)):
        depth += tokens[index].token_type == TokenType.L_PAREN
        depth -= tokens[index].token_type == TokenType.R_PAREN
        if depth == 0 and words[index] == "FOR" and words[index - 1] != "VALUE":
            break  # not NEXT VALUE FOR sequence
    else:
        return None
    rest = words[index + 2 :]
    if index + 1 >= len(tokens) or rest not in ([], ["WITH", "VALUES"]):
        return None
    table = text[tokens[2].start : tokens[add - 1].end + 1]
    value = text[tokens[default + 1].start : tokens[index - 1].end + 1]
    column = text[tokens[index + 1].start : tokens[index + 1].end + 1]
    return DefaultFor(f"ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT {value}", name)
