"""Locate every schema reference of one batch: names, string literals that name schemas or
objects, constant dynamic SQL, and what cannot be located (run-time SQL, other databases).

Names are read as dot-separated chains of tokens; which part of a chain is the schema depends
on whether the chain names an object or a column. The sqlglot tree decides that for statements
it parsed soundly; token context (the keyword before the chain) decides it everywhere else.
String literals are classified by the tokens around them (the function they are passed to, or
the catalog column they are compared with), which reads the same in both cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.tokens import Token, TokenType

from etlcheck.isolation.literals import (
    DYNAMIC_LITERAL,
    MAYBE_SCHEMA_LITERAL,
    OBJECT_LITERAL,
    SCHEMA,
    SCHEMA_LITERAL,
    UNQUALIFIED,
    Reference,
    string_references,
)
from etlcheck.isolation.statements import Segment, word

__all__ = [
    "DYNAMIC_LITERAL",
    "MAYBE_SCHEMA_LITERAL",
    "OBJECT_LITERAL",
    "SCHEMA",
    "SCHEMA_LITERAL",
    "UNQUALIFIED",
    "Located",
    "Problem",
    "Reference",
    "locate",
]


OBJECT_KEYWORDS = frozenset(
    [
        "FROM",
        "JOIN",
        "INTO",
        "UPDATE",
        "TABLE",
        "VIEW",
        "PROCEDURE",
        "PROC",
        "FUNCTION",
        "TRIGGER",
        "MERGE",
        "USING",
        "TRANSFER",
        "REFERENCES",
        "SYNONYM",
        "EXEC",
        "EXECUTE",
        "INSERT",
        "DELETE",
        "FOR",
    ]
)
_SKIP_AFTER_KEYWORD = frozenset({"INTO", "FROM", "TABLE", "IF", "EXISTS", "AS", "OBJECT"})
REMOTE_FUNCTIONS = frozenset({"OPENQUERY", "OPENROWSET", "OPENDATASOURCE"})
_PSEUDO_TABLES = frozenset({"inserted", "deleted"})
_STRINGS = (TokenType.STRING, TokenType.NATIONAL_STRING)


@dataclass(frozen=True)
class Problem:
    code: str
    start: int
    message: str
    suggestion: str = ""


@dataclass
class Located:
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Hints:
    """What the tree says about a statement: start offsets of object names, and local names."""

    objects: frozenset[int] | None
    local: frozenset[str]


def locate(tokens: list[Token], segments: list[Segment], known: frozenset[str]) -> Located:
    """All references and problems of one batch; ``known`` are lower-cased schema names."""
    found = Located()
    for segment in segments:
        if segment.structural:
            continue
        hints = (
            _tree_hints(segment.node) if segment.node is not None else _token_hints(tokens, segment)
        )
        _scan_names(tokens, segment, hints, known, found)
        found.references.extend(string_references(tokens, segment))
        _scan_problems(tokens, segment, found)
    return found


def _tree_hints(node: exp.Expr) -> _Hints:
    local: set[str] = set()
    objects: set[int] = set()
    for child in node.walk():
        if isinstance(child, exp.CTE):
            local.add(child.alias.lower())
        elif isinstance(child, exp.TableAlias) and child.name:
            local.add(child.name.lower())
        elif isinstance(child, exp.Table):
            parent = child.parent
            kind = parent.args.get("kind") if isinstance(parent, exp.Create | exp.Drop) else None
            if kind == "SCHEMA" or (kind == "INDEX" and isinstance(parent, exp.Drop)):
                continue
            name = child.this
            while isinstance(name, exp.Dot):
                name = name.expression
            if isinstance(name, exp.Identifier) and "start" in name.meta:
                objects.add(int(name.meta["start"]))
    return _Hints(frozenset(objects), frozenset(local))


def _token_hints(tokens: list[Token], segment: Segment) -> _Hints:
    """Local names read from tokens: CTE names (``x AS (``) and aliases after object names."""
    local: set[str] = set()
    for j in range(segment.first, segment.stop - 2):
        if (
            tokens[j + 1].token_type == TokenType.ALIAS
            and tokens[j + 2].token_type == TokenType.L_PAREN
        ):
            local.add(tokens[j].text.lower())
        if tokens[j].token_type == TokenType.ALIAS and _is_name(tokens[j + 1]):
            local.add(tokens[j + 1].text.lower())
    return _Hints(None, frozenset(local))


def _is_name(token: Token) -> bool:
    if token.token_type in (TokenType.IDENTIFIER, TokenType.VAR):
        return True
    return token.text.replace("_", "a").isalnum() and not token.text[:1].isdigit()


def _prev_word(tokens: list[Token], j: int, first: int) -> tuple[str, int]:
    """The keyword before ``j`` (stepping over IF EXISTS), and its index."""
    k = j - 1
    while k >= first and word(tokens[k]) in ("IF", "EXISTS"):
        k -= 1
    if k < first:
        return "", k
    token = tokens[k]
    return (word(token) if token.token_type != TokenType.IDENTIFIER else ""), k


def _adjacent(tokens: list[Token], k: int, kind: TokenType) -> bool:
    return k > 0 and tokens[k - 1].token_type == kind and tokens[k - 1].end + 1 == tokens[k].start


def _chain(tokens: list[Token], j: int, stop: int) -> tuple[list[Token | None], int]:
    """The parts of the dotted name starting at ``j`` (None for an empty part) and its end."""
    parts: list[Token | None] = [tokens[j]]
    k = j + 1
    while k < stop and tokens[k].token_type == TokenType.DOT:
        if k + 1 < stop and tokens[k + 1].token_type == TokenType.DOT:
            parts.append(None)
            k += 1
        elif k + 1 < stop and _is_name(tokens[k + 1]):
            parts.append(tokens[k + 1])
            k += 2
        else:
            break
    return parts, k


def _scan_names(
    tokens: list[Token], segment: Segment, hints: _Hints, known: frozenset[str], found: Located
) -> None:
    first_word = word(tokens[segment.first])
    permissions = first_word in ("GRANT", "DENY", "REVOKE")
    ddl = first_word in ("CREATE", "ALTER", "DROP") or permissions
    j = segment.first
    while j < segment.stop:
        token = tokens[j]
        starts_chain = (
            _is_name(token)
            and not (j > segment.first and tokens[j - 1].token_type == TokenType.DOT)
            and not _adjacent(tokens, j, TokenType.PARAMETER)
            and not _adjacent(tokens, j, TokenType.HASH)
        )
        if not starts_chain:
            j += 1
            continue
        parts, end = _chain(tokens, j, segment.stop)
        before, k = _prev_word(tokens, j, segment.first)
        if k >= segment.first and tokens[k].token_type == TokenType.DCOLON:
            before = word(tokens[k - 1]) if k > segment.first else ""
        if len(parts) == 1 and before == "SCHEMA" and token.token_type != TokenType.SCHEMA:
            found.references.append(Reference(SCHEMA, token.start, token.end + 1, token.text))
        elif before == "AUTHORIZATION" or (
            len(parts) == 1 and before == "AS" and _is_exec_as(tokens, k)
        ):
            pass
        else:
            context = _object_context(before, ddl, permissions)
            _classify(tokens, parts, end, segment, hints, context, known, found)
        j = max(end, j + 1)


def _is_exec_as(tokens: list[Token], k: int) -> bool:
    return k > 0 and word(tokens[k - 1]) in ("EXEC", "EXECUTE")


def _object_context(before: str, ddl: bool, permissions: bool) -> bool:
    if permissions:
        return before == "ON"
    return before in OBJECT_KEYWORDS or (ddl and before == "ON")


def _classify(
    tokens: list[Token],
    parts: list[Token | None],
    end: int,
    segment: Segment,
    hints: _Hints,
    context: bool,
    known: frozenset[str],
    found: Located,
) -> None:
    last = parts[-1]
    if last is None:
        return
    called = end < len(tokens) and tokens[end].token_type == TokenType.L_PAREN
    if hints.objects is not None:
        is_object = last.start in hints.objects
    else:
        is_object = context and (len(parts) > 1 or _plain_name(last))
    n = len(parts)
    head = parts[0]
    if n == 1:
        if is_object and not _exempt(last.text, hints):
            found.references.append(Reference(UNQUALIFIED, last.start, last.start, last.text))
        return
    if is_object or called:
        schema = parts[n - 2]
        if n >= 4:
            _remote(found, head, "linked-server", "four-part name reaches another server")
        elif n == 3:
            _other_database(found, head)
        elif schema is not None:
            found.references.append(Reference(SCHEMA, schema.start, schema.end + 1, schema.text))
        return
    if n == 2:
        if (
            head is not None
            and _bare(head).lower() in known
            and head.text.lower() not in hints.local
        ):
            found.references.append(Reference(SCHEMA, head.start, head.end + 1, head.text))
    elif n == 3 and head is not None:
        found.references.append(Reference(SCHEMA, head.start, head.end + 1, head.text))
    elif n >= 4:
        _other_database(found, head)


def _plain_name(token: Token) -> bool:
    return token.token_type in (TokenType.VAR, TokenType.IDENTIFIER) and (
        token.token_type == TokenType.IDENTIFIER or token.text.upper() not in _SKIP_AFTER_KEYWORD
    )


def _bare(token: Token) -> str:
    return token.text.rstrip()


def _exempt(name: str, hints: _Hints) -> bool:
    lower = name.lower()
    return (
        lower in hints.local
        or lower in _PSEUDO_TABLES
        or lower.startswith(("sp_", "xp_", "#", "@"))
    )


def _other_database(found: Located, head: Token | None) -> None:
    if head is not None and head.text.lower() == "tempdb":
        return
    start = head.start if head is not None else 0
    name = head.text if head is not None else ""
    found.problems.append(
        Problem(
            "other-database",
            start,
            f"three-part name reaches database {name!r}, outside the sandbox",
            "drop the database part, or allow-list it with a pragma and a reason",
        )
    )


def _remote(found: Located, head: Token | None, code: str, message: str) -> None:
    start = head.start if head is not None else 0
    found.problems.append(
        Problem(code, start, message, "linked servers cannot be sandboxed; remove the call")
    )


def _scan_problems(tokens: list[Token], segment: Segment, found: Located) -> None:
    first = segment.first
    if word(tokens[first]) == "USE":
        found.problems.append(
            Problem(
                "use-database",
                tokens[first].start,
                "USE switches the database; names after it are outside the sandbox",
                "remove USE and let etlcheck pick the database",
            )
        )
    for j in range(first, segment.stop):
        token = tokens[j]
        upper = word(token)
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if upper == "SYNONYM" and j > first and word(tokens[j - 1]) in ("CREATE", "ALTER"):
            found.problems.append(
                Problem(
                    "synonym",
                    token.start,
                    "a synonym redirects a name at run time, so it cannot be proven",
                    "reference the object by its schema-qualified name",
                )
            )
        elif upper in REMOTE_FUNCTIONS and nxt is not None and nxt.token_type == TokenType.L_PAREN:
            _remote(found, token, "linked-server", f"{upper} reads from another server")
        elif upper in ("EXEC", "EXECUTE") and nxt is not None:
            _exec_problems(tokens, j, found)
        elif upper == "SP_EXECUTESQL" and nxt is not None and nxt.token_type not in _STRINGS:
            _dynamic(found, token, "sp_executesql runs SQL held in a variable or expression")


def _exec_problems(tokens: list[Token], j: int, found: Located) -> None:
    nxt = tokens[j + 1]
    if nxt.token_type == TokenType.L_PAREN:
        close = _closing(tokens, j + 1)
        inside = tokens[j + 2 : close]
        if not (len(inside) == 1 and inside[0].token_type in _STRINGS):
            _dynamic(found, tokens[j], "EXEC runs SQL text built at run time")
        if close + 1 < len(tokens) and word(tokens[close + 1]) == "AT":
            _remote(
                found, tokens[close + 1], "linked-server", "EXEC ... AT runs on a linked server"
            )
    elif nxt.token_type == TokenType.PARAMETER:
        after = tokens[j + 3] if j + 3 < len(tokens) else None
        if after is None or after.token_type != TokenType.EQ:
            _dynamic(found, tokens[j], "EXEC calls a procedure whose name is in a variable")


def _closing(tokens: list[Token], k: int) -> int:
    depth = 0
    for m in range(k, len(tokens)):
        if tokens[m].token_type == TokenType.L_PAREN:
            depth += 1
        elif tokens[m].token_type == TokenType.R_PAREN:
            depth -= 1
            if depth == 0:
                return m
    return len(tokens) - 1


def _dynamic(found: Located, token: Token, message: str) -> None:
    found.problems.append(
        Problem(
            "dynamic-sql",
            token.start,
            message,
            "use constant SQL text, or allow it with a pragma and a reason",
        )
    )
