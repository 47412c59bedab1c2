"""User-defined types named without a schema: ``DECLARE @rows id_list``, a column
``phone PhoneType``, ``CAST(x AS Code)``, a parameter ``@rows id_list READONLY``; and the
XML schema collection of ``XML(CONTENT PolicySchema)``, which is reported.

SQL Server looks such a name up among its own types, then in the default schema, then in
``dbo`` (CREATE TYPE, "type_schema_name"), so in a sandbox run it would still reach
production's type. The locator qualifies it like any unqualified object: the type's
tokens are found from sqlglot's tree where the statement parsed (a ``USERDEFINED`` data
type), and by the parameter grammar in a routine's header, which sqlglot does not read.
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.tokens import TokenType

from etlcheck.isolation.positions import Place, is_variable_name
from etlcheck.isolation.statements import Statement
from etlcheck.tsql.nodes import HEADER, words

SYSTEM_TYPES = words("SYSNAME CURSOR HIERARCHYID TABLE NATIONAL")
"""Types of SQL Server that sqlglot reads as names (none has a schema; NATIONAL starts
NATIONAL CHARACTER VARYING)."""
_AFTER_PARAMETER = words("READONLY OUTPUT OUT VARYING NULL NOT")
_CONVERTS = words("CONVERT TRY_CONVERT")
_CASTS = words("CAST TRY_CAST")


def unqualified_types(place: Place, statement: Statement) -> list[int]:
    """Token indexes of one-part user-defined type names in the statement."""
    found = [i for i in range(place.first + 2, place.stop) if _cast_type(place, i)]
    if statement.role == HEADER:
        return _header_types(place)
    if place.kind == "DECLARE":  # DECLARE @a T, @t TABLE (c T)
        columns = [i for i in range(place.first, place.stop) if _table_variable_column(place, i)]
        return found + _header_types(place) + columns
    if statement.tree is None:
        if place.kind in ("CREATE TYPE", "CREATE TABLE"):  # AS TABLE (a T, ...)
            columns = [i for i in range(place.first + 2, place.stop) if _column_type(place, i)]
            return found + columns
        return found
    kinds = {
        str(node.args.get("kind") or "").lower()
        for node in statement.tree.find_all(exp.DataType)
        if node.this == exp.DataType.Type.USERDEFINED
    }
    kinds = {kind for kind in kinds if kind and "." not in kind}
    kinds -= {name.lower() for name in SYSTEM_TYPES}
    if not kinds:
        return found
    return found + [
        index
        for index in range(place.first + 1, place.stop)
        if place.tokens[index].text.lower() in kinds
        and index not in found
        and _stands_alone(place, index)
        and _after_declared_name(place, index)
    ]


def unqualified_collections(place: Place) -> list[int]:
    """Token indexes of one-part XML schema collections: ``XML(CONTENT PolicySchema)``.
    They are reported, not qualified: sqlglot reads ``XML(s.c)`` as another shape."""
    return [i for i in range(place.first, place.stop) if _xml_collection(place, i)]


def _xml_collection(place: Place, index: int) -> bool:
    """The XML schema collection of a typed ``XML([CONTENT | DOCUMENT] collection)``."""
    at = index - 2 if place.word(index - 1) in ("CONTENT", "DOCUMENT") else index - 1
    token = place.tokens[index]
    return (
        place.word(at) == "("
        and place.word(at - 1) == "XML"
        and token.token_type in (TokenType.VAR, TokenType.IDENTIFIER)
        and place.word(index) not in ("CONTENT", "DOCUMENT")
        and _stands_alone(place, index)
    )


def _cast_type(place: Place, index: int) -> bool:
    """The type of ``CONVERT(T, ...)`` or ``CAST(x AS T)`` (and their TRY_ forms)."""
    token = place.tokens[index]
    if token.token_type not in (TokenType.VAR, TokenType.IDENTIFIER):
        return False
    if token.text.upper() in SYSTEM_TYPES or not _stands_alone(place, index):
        return False
    if place.word(index - 1) == "(":
        return place.word(index - 2) in _CONVERTS and place.word(index + 1) == ","
    if place.word(index - 1) != "AS" or place.word(index + 1) != ")":
        return False
    depth = 0
    for at in range(index - 2, place.first - 1, -1):
        depth += (place.word(at) == ")") - (place.word(at) == "(")
        if depth < 0:
            return place.word(at - 1) in _CASTS
    return False


def _column_type(place: Place, index: int) -> bool:
    """A user type after a column's name: ``(a T`` or ``, a T``."""
    token = place.tokens[index]
    return (
        token.token_type in (TokenType.VAR, TokenType.IDENTIFIER)
        and token.text.upper() not in SYSTEM_TYPES
        and _stands_alone(place, index)
        and place.tokens[index - 1].token_type in (TokenType.VAR, TokenType.IDENTIFIER)
        and place.word(index - 2) in ("(", ",")
    )


def _table_variable_column(place: Place, index: int) -> bool:
    """A column's type in ``DECLARE @t TABLE (...)``, directly in its parentheses."""
    if not _column_type(place, index):
        return False
    depth = 0
    for at in range(index - 1, place.first - 1, -1):
        depth += (place.word(at) == ")") - (place.word(at) == "(")
        if depth < 0:
            return place.word(at - 1) == "TABLE"
    return False


def _header_types(place: Place) -> list[int]:
    """``@name [AS] type`` in ``CREATE PROCEDURE/FUNCTION ... (@a T, @b AS T READONLY)``
    and in ``DECLARE @a T, @b AS T``."""
    found: list[int] = []
    for index in range(place.first, place.stop):
        if not _declared_variable(place, index):
            continue
        at = index + 1
        if place.word(at) == "AS":
            at += 1
        if at >= place.stop or not _stands_alone(place, at):
            continue
        token = place.tokens[at]
        is_word = token.token_type in (TokenType.VAR, TokenType.IDENTIFIER)
        if is_word and token.text.upper() not in SYSTEM_TYPES | _AFTER_PARAMETER:
            found.append(at)
    for index in range(place.first, place.stop - 1):  # RETURNS T (not TABLE, not @t)
        token = place.tokens[index + 1]
        is_word = token.token_type in (TokenType.VAR, TokenType.IDENTIFIER)
        if place.word(index) == "RETURNS" and is_word and _stands_alone(place, index + 1):
            found.append(index + 1)
    return found


def _declared_variable(place: Place, index: int) -> bool:
    """The name of a variable or parameter being declared: after ``DECLARE``, a comma, a
    parenthesis or the routine's name, never one read in an expression (``= @@ROWCOUNT``)."""
    if not is_variable_name(place.tokens, index) or index - 2 < place.first:
        return False
    before = place.tokens[index - 2]
    if place.word(index - 2) in ("DECLARE", ",", "("):
        return True
    return before.token_type in (TokenType.VAR, TokenType.IDENTIFIER) and not (
        is_variable_name(place.tokens, index - 2)
    )


def _stands_alone(place: Place, index: int) -> bool:
    """Not a part of a dotted name."""
    return place.word(index - 1) != "." and place.word(index + 1) != "."


def _after_declared_name(place: Place, index: int) -> bool:
    """The token before is what a type follows: a column's or variable's name, or AS."""
    previous = place.tokens[index - 1]
    if place.word(index - 1) == "AS":  # CREATE SEQUENCE s AS T; CAST is _cast_type's
        return place.kind == "CREATE SEQUENCE"
    if is_variable_name(place.tokens, index - 1):
        return True
    return previous.token_type in (TokenType.VAR, TokenType.IDENTIFIER) and (
        place.word(index - 2) in ("(", ",", "ADD", "COLUMN")
    )
