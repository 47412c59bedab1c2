"""Objects created with their schema, in one statement:

    CREATE SCHEMA stage AUTHORIZATION dbo
        CREATE TABLE orders (...)
        CREATE VIEW big AS SELECT id FROM orders WHERE amount > 100
        GRANT SELECT ON big TO reporting

Up to the first ``;``, each ``CREATE TABLE``, ``CREATE VIEW``, ``GRANT``, ``REVOKE`` or
``DENY`` after ``CREATE SCHEMA name`` is an element of that schema, and SQL Server puts
the unqualified names of its elements in the new schema (``stage.orders``), not in the
default one. The splitter (``statements``) reads each element as a statement of its own
and marks it with the schema's name token; the interpreter runs it with those names
qualified (:func:`in_schema`), and the isolation locator resolves exactly the same names
(:func:`unqualified_names`) to the schema, whose own name it checks where it stands.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token

from etlcheck.tsql.nodes import Fragment, words
from etlcheck.tsql.parsing import CompileError, quiet_sqlglot
from etlcheck.tsql.tokens import is_name

_PERMISSIONS = words("GRANT REVOKE DENY")
_OBJECTS = words("TABLE VIEW")


def created_schema(
    tokens: Sequence[Token], spelled: Sequence[str | None], first: int
) -> int | None:
    """At a statement starting at token ``first``: when it is ``CREATE SCHEMA name``, the
    index of the name's token (None otherwise, and for ``CREATE SCHEMA AUTHORIZATION
    owner``, which names no schema)."""
    name = first + 2
    if name >= len(tokens) or spelled[first] != "CREATE" or spelled[first + 1] != "SCHEMA":
        return None
    if spelled[name] == "AUTHORIZATION" or not is_name(tokens[name]):
        return None
    return name


def starts_element(spelled: Sequence[str | None], index: int) -> bool:
    """Whether the statement at token ``index`` can be an element of CREATE SCHEMA."""
    if index >= len(spelled):
        return False
    word = spelled[index]
    if word in _PERMISSIONS:
        return True
    following = spelled[index + 1] if index + 1 < len(spelled) else None
    return word == "CREATE" and following in _OBJECTS


def unqualified_names(text: str) -> tuple[int, ...] | None:
    """Offsets in ``text`` (one element) of the object names without a schema that the
    parser sees: tables, views and what they reference, the object of a GRANT. Temp
    tables, table variables and CTE names are not objects of a schema. None when sqlglot
    cannot read the statement."""
    tree = _parse(text)
    if tree is None:
        return None
    ctes = {cte.alias.lower() for cte in tree.find_all(exp.CTE)}
    found: list[int] = []
    for table in tree.find_all(exp.Table):
        identifier = table.this
        if not isinstance(identifier, exp.Identifier) or table.db or table.catalog:
            continue
        if identifier.args.get("temporary") or identifier.args.get("global_"):
            continue
        if identifier.name.startswith(("#", "@")) or identifier.name.lower() in ctes:
            continue
        start = identifier.meta.get("start")
        if isinstance(start, int):
            found.append(start)
    return tuple(sorted(set(found)))


def in_schema(fragment: Fragment, schema: str) -> Fragment:
    """``fragment`` (an element of CREATE SCHEMA) with ``schema.`` before each of its
    unqualified names (``schema`` as written in the statement, brackets and all);
    CompileError when sqlglot cannot read it, so it never runs in the default schema."""
    offsets = unqualified_names(fragment.text)
    if offsets is None:
        word = fragment.text.split(None, 1)[0] if fragment.text.strip() else ""
        raise CompileError(
            f"cannot read this statement of CREATE SCHEMA {schema}", "CREATE SCHEMA", word=word
        )
    text = fragment.text
    for offset in reversed(offsets):
        text = text[:offset] + schema + "." + text[offset:]
    return Fragment(text, fragment.start)


def _parse(text: str) -> exp.Expr | None:
    try:
        with quiet_sqlglot():
            tree = sqlglot.parse_one(text, read="tsql")
    except (ParseError, TokenError, ValueError):
        return None
    return None if isinstance(tree, exp.Command) else tree
