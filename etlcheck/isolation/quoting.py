"""Names etlcheck writes into SQL, quoted by T-SQL's own rules, never pasted: a sandbox
name such as ``x]; DROP TABLE dbo.t; --`` stays one identifier wherever it is written."""

from __future__ import annotations

from functools import lru_cache

from sqlglot import exp
from sqlglot.tokens import TokenType

from etlcheck.isolation.positions import RESERVED
from etlcheck.tsql.tokens import SplitError, tokenize


def bracketed(name: str) -> str:
    """``[name]`` with ``]`` doubled, as sqlglot's T-SQL generator writes it."""
    return exp.to_identifier(name, quoted=True).sql(dialect="tsql")


def double_quoted(name: str) -> str:
    """``"name"`` with ``"`` doubled (T-SQL with QUOTED_IDENTIFIER ON)."""
    return '"' + name.replace('"', '""') + '"'


@lru_cache(maxsize=256)
def is_plain(name: str) -> bool:
    """Whether ``name`` reads as one bare identifier: no quoting needed."""
    if not name or name.upper() in RESERVED:
        return False
    try:
        tokens = tokenize(name)
    except SplitError:
        return False
    return (
        len(tokens) == 1
        and tokens[0].token_type == TokenType.VAR
        and tokens[0].text == name
        and (name[0].isalpha() or name[0] == "_")
    )


def identifier_like(raw: str, name: str) -> str:
    """``name`` written in the style of ``raw`` (``[x]``, ``"x"`` or bare); a bare name that
    is not plain is bracketed."""
    if raw.startswith("["):
        return bracketed(name)
    if raw.startswith('"'):
        return double_quoted(name)
    return name if is_plain(name) else bracketed(name)


def string_content(value: str) -> str:
    """``value`` inside a T-SQL string literal: ``'`` doubled."""
    return value.replace("'", "''")
