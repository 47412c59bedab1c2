"""Locate every schema reference of one batch: names, string literals that name schemas or
objects, procedure arguments, constant dynamic SQL, and what cannot be located (run-time
SQL, other databases, regions the splitter could not read).

Names are read as dot-separated chains of tokens. A chain with a schema part is a schema
reference wherever it stands (a column ``etl.t.c`` as much as a table ``etl.t``); an
unqualified chain gets the sandbox qualifier only where ``positions`` says a schema-scoped
object stands. Local names (CTEs, aliases) are never qualified.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot.tokens import Token, TokenType

from etlcheck.isolation.arguments import ProcedureCall, listed_property
from etlcheck.isolation.held_sql import held_sql
from etlcheck.isolation.literals import classify_strings
from etlcheck.isolation.located import (
    DYNAMIC_LITERAL,
    SCHEMA,
    UNQUALIFIED,
    UNQUALIFIED_DBCC,
    Located,
    Names,
    Reference,
    bare,
)
from etlcheck.isolation.positions import (
    RESERVED,
    Place,
    Position,
    bare_name_candidate,
    is_variable_name,
    keyword_before,
    list_position,
    names_schema,
    position,
)
from etlcheck.isolation.problems import statement_problems
from etlcheck.isolation.statements import BatchStatements, Statement
from etlcheck.isolation.trees import tree_hints
from etlcheck.isolation.type_names import unqualified_collections, unqualified_types
from etlcheck.tsql.nodes import words
from etlcheck.tsql.tokens import is_name

METHODS = words(
    """VALUE QUERY EXIST NODES MODIFY GETANCESTOR GETDESCENDANT GETLEVEL GETREPARENTEDVALUE
    ISDESCENDANTOF TOSTRING PARSE READ WRITE STASTEXT STASBINARY STDISTANCE STINTERSECTS
    STCONTAINS STBUFFER STAREA STLENGTH STX STY LAT LONG STSRID STEQUALS STWITHIN STUNION
    STINTERSECTION STGEOMETRYTYPE STNUMPOINTS STPOINTN STISVALID MAKEVALID"""
)
"""Methods of the xml, hierarchyid and spatial types: ``x.value(...)`` is no schema."""
BUILTIN_TABLES = words(
    """OPENJSON OPENXML OPENQUERY OPENROWSET OPENDATASOURCE STRING_SPLIT GENERATE_SERIES
    CHANGETABLE CONTAINSTABLE FREETEXTTABLE PREDICT FN_LISTEXTENDEDPROPERTY FN_MY_PERMISSIONS
    FN_BUILTIN_PERMISSIONS FN_HELPCOLLATIONS FN_VIRTUALFILESTATS FN_DBLOG FN_TRACE_GETTABLE
    FN_GET_AUDIT_FILE FN_XE_FILE_TARGET_READ_FILE"""
)
"""Functions SQL Server resolves without a schema: an unqualified call is never qualified."""
COMPATIBILITY_VIEWS = words(
    """SYSOBJECTS SYSCOLUMNS SYSINDEXES SYSTYPES SYSUSERS SYSCOMMENTS SYSDATABASES
    SYSPROCESSES SYSFILES SYSCONSTRAINTS SYSREFERENCES SYSFOREIGNKEYS SYSDEPENDS
    SYSPERMISSIONS SYSPROTECTS SYSFILEGROUPS SYSINDEXKEYS SYSMEMBERS SYSLOGINS"""
)
_PSEUDO_TABLES = words("INSERTED DELETED")
_ALIAS_STOPS = RESERVED | words("USING OUTPUT APPLY WINDOW")
_SOURCES = words("FROM JOIN APPLY USING")


@dataclass(frozen=True)
class Chain:
    """A dotted name: its part tokens (None for an empty part, ``db..t``), where it starts
    and ends (token index after it), and where it stands."""

    start: int
    parts: tuple[Token | None, ...]
    end: int
    position: Position


@dataclass
class Locals:
    """Names local to a statement: CTEs, table aliases, and object tokens that carry an
    alias of their own (so are tables, whatever their name)."""

    ctes: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    aliased: set[int] = field(default_factory=set)
    objects: set[int] = field(default_factory=set)
    reported: set[tuple[str, int]] = field(default_factory=set)
    in_schema: frozenset[int] = frozenset()
    """Unqualified names of an element of CREATE SCHEMA: the created schema's, whose
    name is located (and remapped or reported) where the statement names it."""


def locate(batch: BatchStatements, names: Names, cursors: frozenset[str]) -> Located:
    """All references and problems of one batch; ``cursors`` are its cursor names."""
    found = Located()
    tokens = batch.tokens
    held = held_sql(batch)
    for statement in batch.statements:
        place = Place.of(tokens, batch.words, statement.first, statement.stop)
        statement_problems(place, statement, found, held.calls)
        skip = _arguments(place, statement, names, found)
        for index in sorted(held.literals & set(range(statement.first, statement.stop))):
            token = tokens[index]  # SQL a variable holds where EXEC runs it
            found.references.append(
                Reference(DYNAMIC_LITERAL, token.start, token.end + 1, token.text)
            )
            skip.add(index)
        chains = _chains(place)
        local = _locals(place, statement, chains)
        for chain in chains:
            if chain.start not in skip:
                _classify(place, chain, local, names, cursors, found)
        _user_types(place, statement, found)
        classify_strings(place, names, frozenset(skip), found)
    return found


def _arguments(place: Place, statement: Statement, names: Names, found: Located) -> set[int]:
    skip: set[int] = set()
    if statement.word in ("EXEC", "EXECUTE") and place.word(place.first + 1) not in ("(", "AS"):
        skip |= ProcedureCall(place, names, found).read()
    for index in range(place.first, place.stop - 1):
        if place.word(index) == "FN_LISTEXTENDEDPROPERTY" and place.word(index + 1) == "(":
            skip |= listed_property(place, index + 1, names, found)
    return skip


def _chains(place: Place) -> list[Chain]:
    tokens = place.tokens
    chains: list[Chain] = []
    j = place.first
    while j < place.stop:
        token = tokens[j]
        if not _starts_chain(place, j):
            j += 1
            continue
        parts: list[Token | None] = [token]
        k = j + 1
        while k < place.stop and tokens[k].token_type == TokenType.DOT:
            if k + 1 < place.stop and tokens[k + 1].token_type == TokenType.DOT:
                parts.append(None)
                k += 1
            elif k + 1 < place.stop and is_name(tokens[k + 1]):
                parts.append(tokens[k + 1])
                k += 2
            else:
                break
        chains.append(Chain(j, tuple(parts), k, position(place, j)))
        j = max(k, j + 1)
    return chains


def _starts_chain(place: Place, j: int) -> bool:
    tokens = place.tokens
    token = tokens[j]
    if not is_name(token) or is_variable_name(tokens, j):
        return False
    if j > place.first and tokens[j - 1].token_type == TokenType.DOT:
        return False
    if j + 1 < place.stop and tokens[j + 1].token_type == TokenType.DCOLON:
        return False  # OBJECT::, SCHEMA::, TYPE:: name a class, not an object
    keyword = token.token_type != TokenType.IDENTIFIER and (
        token.text.upper() in RESERVED or " " in token.text
    )
    return not keyword or place.word(j + 1) == "."


def _locals(place: Place, statement: Statement, chains: list[Chain]) -> Locals:
    """CTE names and aliases, from the sqlglot tree where there is one, and from tokens."""
    local = Locals(in_schema=statement.in_schema)
    if statement.tree is not None:
        hints = tree_hints(statement.tree, statement.shift)
        local.ctes |= hints.ctes
        local.aliases |= hints.aliases
        local.aliased |= hints.aliased
        local.objects |= hints.objects
    tokens = place.tokens
    for j in range(place.first, place.stop - 2):
        if place.word(j - 1) in ("WITH", ",") and _cte_at(place, j):
            local.ctes.add(bare(tokens[j].text).lower())
        before, k = keyword_before(place, j) if place.word(j) == "(" else ("", j)
        if before in _SOURCES or (before == "," and list_position(place, k) == Position.OBJECT):
            _add_alias(place, _closing(place, j) + 1, local)  # a derived table
    for chain in chains:
        last = chain.parts[-1]
        if last is not None and (chain.position == Position.OBJECT or last.start in local.objects):
            end = chain.end
            if place.word(end) == "(":
                end = _closing(place, end) + 1  # a table function's alias
            if _add_alias(place, end, local):
                local.aliased.add(last.start)
    return local


def _add_alias(place: Place, k: int, local: Locals) -> bool:
    alias = _alias_after(place, k)
    if alias is not None:
        local.aliases.add(bare(place.tokens[alias].text).lower())
    return alias is not None


def _closing(place: Place, opening: int) -> int:
    depth = 0
    for index in range(opening, place.stop):
        depth += place.word(index) == "("
        depth -= place.word(index) == ")"
        if depth == 0:
            return index
    return place.stop


def _cte_at(place: Place, j: int) -> bool:
    """``name [(columns)] AS (`` at ``j``."""
    if not is_name(place.tokens[j]):
        return False
    k = j + 1
    if place.word(k) == "(":
        depth = 0
        while k < place.stop:
            depth += place.word(k) == "("
            depth -= place.word(k) == ")"
            k += 1
            if depth == 0:
                break
    return place.word(k) == "AS" and place.word(k + 1) == "("


def _alias_after(place: Place, k: int) -> int | None:
    """The index of the alias after an object or derived table ending before ``k``."""
    if k >= place.stop:
        return None
    if place.word(k) == "AS" and k + 1 < place.stop and is_name(place.tokens[k + 1]):
        return k + 1
    token = place.tokens[k]
    if token.token_type == TokenType.IDENTIFIER:
        return k
    if is_name(token) and token.text.upper() not in _ALIAS_STOPS and place.word(k) != "":
        return k
    return None


def _classify(
    place: Place, chain: Chain, local: Locals, names: Names, cursors: frozenset[str], found: Located
) -> None:
    parts = chain.parts
    last = parts[-1]
    if last is None or any(p is not None and "$(" in p.text for p in parts):
        return  # sqlcmd variables are reported on their own
    if parts[0] is not None and parts[0].text.startswith("$"):
        return  # $PARTITION.function(...), $action: built in
    tree_object = last.start in local.objects
    called = chain.end < place.stop and place.word(chain.end) == "("
    if len(parts) == 1:
        if names_schema(place, chain.start):
            found.references.append(Reference(SCHEMA, last.start, last.end + 1, last.text))
        elif (
            _is_object(chain, tree_object)
            and chain.position != Position.NAMED
            and not _exempt(place, chain, local, cursors, called)
            and last.start not in local.in_schema
        ):
            kind = UNQUALIFIED_DBCC if place.kind == "DBCC" else UNQUALIFIED
            found.references.append(Reference(kind, last.start, last.end + 1, last.text))
        return
    if _table_and_member(place, chain):  # DROP STATISTICS t.s: t is a default schema table
        head = parts[0]
        assert head is not None
        found.references.append(Reference(UNQUALIFIED, head.start, head.end + 1, head.text))
        return
    if called and last.text.upper() in METHODS:
        parts = parts[:-1]  # alias.column.value('...'): a method of the xml type, no schema
        called = False
    if (_is_object(chain, tree_object) or called) and len(parts) == len(chain.parts):
        _qualified_object(parts, found)
    else:
        _qualified_column(parts, local, names, found)


def _table_and_member(place: Place, chain: Chain) -> bool:
    """``DROP STATISTICS t.s`` or ``DROP INDEX t.ix``: a two-part name in the list is the
    table (in the default schema) and its statistics or index, never ``schema.table``."""
    if place.kind not in ("DROP STATISTICS", "DROP INDEX") or len(chain.parts) != 2:
        return False
    return place.word(chain.start - 1) in ("STATISTICS", "INDEX", ",") and (
        place.word(chain.end) != "ON"
    )


def _user_types(place: Place, statement: Statement, found: Located) -> None:
    """User-defined types named without a schema (``etlcheck.isolation.type_names``)."""
    taken = {reference.start for reference in found.references}
    for index in unqualified_types(place, statement):
        token = place.tokens[index]
        if token.start not in taken and token.start not in statement.in_schema:
            found.references.append(Reference(UNQUALIFIED, token.start, token.end + 1, token.text))
    for index in unqualified_collections(place):
        token = place.tokens[index]
        found.problem(
            "unqualified-name",
            token.start,
            f"the XML schema collection {token.text!r} has no schema, so SQL Server looks "
            "for it in the default schema, production's",
            "qualify it with its schema (XML(CONTENT dbo.name)), which the remap maps",
        )


def _is_object(chain: Chain, tree_object: bool) -> bool:
    if chain.position in (Position.OBJECT, Position.NAMED):
        return True
    return tree_object and chain.position == Position.UNKNOWN


def _exempt(
    place: Place, chain: Chain, local: Locals, cursors: frozenset[str], called: bool
) -> bool:
    token = chain.parts[0]
    assert token is not None
    name = bare(token.text).lower()
    upper = name.upper()
    if not bare_name_candidate(token) or name.startswith(("sp_", "xp_", "#", "@", "$(")):
        return True
    if called and upper in BUILTIN_TABLES:
        return True
    if upper in _PSEUDO_TABLES or upper in COMPATIBILITY_VIEWS or name in cursors:
        return True
    if name in local.ctes:
        return True
    return name in local.aliases and token.start not in local.aliased


def _text(token: Token | None) -> str:
    return token.text if token is not None else ""


def _qualified_object(parts: tuple[Token | None, ...], found: Located) -> None:
    head = parts[0]
    if len(parts) >= 4:
        found.problem(
            "linked-server",
            head.start if head else 0,
            "four-part name reaches another server",
            "linked servers cannot be sandboxed; remove the call",
        )
    elif len(parts) == 3:
        _other_database(head, found)
    elif head is not None:
        found.references.append(Reference(SCHEMA, head.start, head.end + 1, head.text))


def _qualified_column(
    parts: tuple[Token | None, ...], local: Locals, names: Names, found: Located
) -> None:
    """``schema.table.column`` or ``alias.column`` (or a method on one)."""
    head = parts[0]
    if head is None or len(parts) < 2:
        return
    name = bare(head.text).lower()
    is_local = name in local.aliases or name in local.ctes
    if len(parts) >= 4:
        _other_database(head, found)
    elif is_local:
        if names.is_production(head.text) and (name, head.line) not in local.reported:
            local.reported.add((name, head.line))
            found.problem(
                "schema-named-alias",
                head.start,
                f"alias {head.text!r} has the name of production schema {head.text!r}, so "
                f"{head.text}.{_text(parts[1])} reads as that schema",
                "rename the alias",
            )
    elif len(parts) == 3 or names.is_known(head.text):
        found.references.append(Reference(SCHEMA, head.start, head.end + 1, head.text))


def _other_database(head: Token | None, found: Located) -> None:
    if head is not None and head.text.lower() == "tempdb":
        return
    found.problem(
        "other-database",
        head.start if head is not None else 0,
        f"three-part name reaches database {_text(head)!r}, outside the sandbox",
        "drop the database part, or allow-list it with a pragma and a reason",
    )
