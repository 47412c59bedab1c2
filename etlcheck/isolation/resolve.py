"""Turn located references into patches (remap) or findings (check): each schema name goes
to its sandbox schema, quoted in the style it was written in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlglot.tokens import TokenType

from etlcheck.config import SandboxConfig
from etlcheck.isolation.literals import leading_schema, names_production
from etlcheck.isolation.located import (
    DYNAMIC_LITERAL,
    MAYBE_SCHEMA_LITERAL,
    OBJECT_LITERAL,
    PREFIX_LITERAL,
    SCHEMA,
    SCHEMA_LITERAL,
    SYSTEM_SCHEMAS,
    UNQUALIFIED,
    UNQUALIFIED_DBCC,
    Names,
    Reference,
    bare,
)
from etlcheck.isolation.quoting import identifier_like, string_content
from etlcheck.tsql.tokens import SplitError, tokenize


@dataclass(frozen=True)
class Patch:
    """Characters ``[start, end)`` replaced by ``text`` (``start == end`` inserts)."""

    start: int
    end: int
    text: str


@dataclass
class Walk:
    """Raw results of one walk over a text, offsets relative to that text."""

    patches: list[Patch] = field(default_factory=list)
    changes: list[tuple[int, str, str]] = field(default_factory=list)
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)


Nested = Callable[[str, SandboxConfig, bool], Walk]
"""The walk of a whole script, for the SQL inside a dynamic SQL string."""


def _allowed(name: str, sandbox: SandboxConfig) -> bool:
    lower = bare(name).lower()
    allowed = {n.lower() for n in (*sandbox.schema_map.values(), *sandbox.read_only)}
    return lower in allowed or lower in SYSTEM_SCHEMAS


def resolve(
    text: str,
    offset: int,
    ref: Reference,
    sandbox: SandboxConfig,
    patch: bool,
    walk: Walk,
    nested: Nested,
) -> None:
    raw = text[ref.start : ref.end]
    start, end = offset + ref.start, offset + ref.end
    target = sandbox.sandbox_of(bare(ref.name))
    if ref.kind == SCHEMA:
        if target is not None:
            _change(walk, patch, start, end, raw, identifier_like(raw, target), ref.name)
        elif not _allowed(ref.name, sandbox):
            _unmapped(walk, start, ref.name)
    elif ref.kind in (UNQUALIFIED, UNQUALIFIED_DBCC):
        _unqualified(raw, start, sandbox, patch, walk, as_string=ref.kind == UNQUALIFIED_DBCC)
    elif ref.kind in (SCHEMA_LITERAL, MAYBE_SCHEMA_LITERAL):
        if target is not None:
            new = raw[: raw.index("'") + 1] + string_content(target) + "'"
            _change(walk, patch, start, end, raw, new, ref.name)
        elif ref.kind == SCHEMA_LITERAL and ref.name.strip() and not _allowed(ref.name, sandbox):
            _unmapped(walk, start, ref.name)
    elif ref.kind == OBJECT_LITERAL:
        _object_literal(raw, start, ref, sandbox, patch, walk)
    elif ref.kind == PREFIX_LITERAL:
        _prefix_literal(raw, start, ref, sandbox, patch, walk)
    elif ref.kind == DYNAMIC_LITERAL:
        _dynamic_literal(raw, start, ref, sandbox, patch, walk, nested)


def _change(
    walk: Walk, patch: bool, start: int, end: int, before: str, after: str, name: str
) -> None:
    if patch:
        walk.patches.append(Patch(start, end, after))
        walk.changes.append((start, before, after))
    else:
        walk.problems.append(
            (
                start,
                "production-schema",
                f"{before} names production schema {name.strip()!r}, outside the sandbox",
                f"write {after}, or run with the AST remap",
            )
        )


def _unmapped(walk: Walk, start: int, name: str) -> None:
    walk.problems.append(
        (
            start,
            "unmapped-schema",
            f"schema {name!r} is neither in the sandbox map nor read-only",
            "add it to [sandbox] schemas or read_only in etlcheck.toml",
        )
    )


def _unqualified(
    raw: str, start: int, sandbox: SandboxConfig, patch: bool, walk: Walk, as_string: bool
) -> None:
    """Qualify ``raw`` with the default schema's sandbox; ``as_string``: the qualified name
    replaces it as a string (``t`` becomes ``N'poc_dbo.t'``)."""
    target = sandbox.sandbox_of(sandbox.default_schema)
    if target is None:
        walk.problems.append(
            (
                start,
                "unqualified-name",
                f"{raw} resolves through the default schema {sandbox.default_schema!r}",
                "qualify it with its schema",
            )
        )
        return
    qualifier = identifier_like(raw, target) + "."
    if as_string:
        named = "N'" + string_content(qualifier + raw) + "'"
        _change(walk, patch, start, start + len(raw), raw, named, sandbox.default_schema)
    elif patch:
        walk.patches.append(Patch(start, start, qualifier))
        walk.changes.append((start, raw, qualifier + raw))
    else:
        _change(walk, patch, start, start, raw, qualifier + raw, sandbox.default_schema)


def _name_parts(value: str) -> list[tuple[str, int, int]] | None:
    """The dot-separated parts of an object name held in a string (name, start, end), or
    None when the string is not a plain dotted name."""
    try:
        tokens = [t for t in tokenize(value) if t.token_type != TokenType.SEMICOLON]
    except SplitError:
        return None
    parts: list[tuple[str, int, int]] = []
    for index, token in enumerate(tokens):
        if index % 2 == 1:
            if token.token_type != TokenType.DOT:
                return None
            continue
        if token.token_type == TokenType.DOT:
            return None
        parts.append((token.text, token.start, token.end + 1))
    return parts if tokens and len(tokens) % 2 == 1 else None


def _object_literal(
    raw: str, start: int, ref: Reference, sandbox: SandboxConfig, patch: bool, walk: Walk
) -> None:
    value = ref.name
    if value.lstrip().startswith("#") or value.lower().startswith("tempdb."):
        return
    parts = _name_parts(value)
    if parts is None:
        if names_production(value, _names(sandbox)):
            _unreadable(walk, start, raw)
        return
    object_parts = len(parts) - ref.sub_parts
    if object_parts >= 3 or object_parts < 1:
        if object_parts >= 3 and parts[0][0].lower() != "tempdb":
            walk.problems.append(
                (
                    start,
                    "other-database",
                    f"{raw} names an object in another database",
                    "drop the database part",
                )
            )
        return
    prefix = raw[: raw.index("'") + 1]
    if object_parts == 1:
        target = sandbox.sandbox_of(sandbox.default_schema)
        if target is not None:
            new_value = identifier_like(value[parts[0][1] : parts[0][2]], target) + "." + value
            new = prefix + string_content(new_value) + "'"
            _change(walk, patch, start, start + len(raw), raw, new, sandbox.default_schema)
        return
    schema, first, last = parts[0]
    target = sandbox.sandbox_of(bare(schema))
    if target is None:
        if not _allowed(schema, sandbox):
            _unmapped(walk, start, schema)
        return
    new_value = value[:first] + identifier_like(value[first:last], target) + value[last:]
    new = prefix + string_content(new_value) + "'"
    _change(walk, patch, start, start + len(raw), raw, new, schema)


def _prefix_literal(
    raw: str, start: int, ref: Reference, sandbox: SandboxConfig, patch: bool, walk: Walk
) -> None:
    """``'etl.' + @t``: the schema written at the start of a name built at run time."""
    leading = leading_schema(ref.name)
    if leading is None or leading[2] >= len(ref.name.rstrip()):
        return  # no schema part: the name is built entirely at run time
    schema, first, last = leading
    target = sandbox.sandbox_of(bare(schema))
    if target is None:
        if not _allowed(schema, sandbox):
            _unmapped(walk, start, schema)
        return
    value = ref.name
    new_value = value[:first] + identifier_like(value[first:last], target) + value[last:]
    new = raw[: raw.index("'") + 1] + string_content(new_value) + "'"
    _change(walk, patch, start, start + len(raw), raw, new, schema)


def _dynamic_literal(
    raw: str,
    start: int,
    ref: Reference,
    sandbox: SandboxConfig,
    patch: bool,
    walk: Walk,
    nested: Nested,
) -> None:
    content_start = raw.index("'") + 1
    inner = ref.name
    found = nested(inner, sandbox, patch)

    def outer(offset: int) -> int:
        return start + content_start + offset + inner.count("'", 0, offset)

    for offset, before, after in found.changes:
        walk.changes.append((outer(offset), before, after))
    for offset, code, message, suggestion in found.problems:
        walk.problems.append((outer(offset), code, message, suggestion))
    if patch and found.patches:
        new_inner = inner
        for item in sorted({(p.start, p.end, p.text) for p in found.patches}, reverse=True):
            new_inner = new_inner[: item[0]] + item[2] + new_inner[item[1] :]
        walk.patches.append(
            Patch(start, start + len(raw), raw[:content_start] + string_content(new_inner) + "'")
        )


def _unreadable(walk: Walk, start: int, raw: str) -> None:
    walk.problems.append(
        (
            start,
            "schema-in-string",
            f"{raw} names a production schema but is no name etlcheck can read",
            "write it as schema.object, or allow it with a pragma and a reason",
        )
    )


def _names(sandbox: SandboxConfig) -> Names:
    return Names.of(sandbox)
