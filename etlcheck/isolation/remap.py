"""Remap a script into the sandbox by patching the original text where names were located.

The script keeps its exact form: only the located spans change, T-SQL is never regenerated.
The same walk, run without patching, is the static check: every reference that would still
need a patch is a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlglot.errors import TokenError
from sqlglot.tokens import TokenType

from etlcheck.config import SandboxConfig
from etlcheck.errors import location_of_offset
from etlcheck.isolation import locate as loc
from etlcheck.isolation.batching import script_batches
from etlcheck.isolation.findings import Finding, Rewrite
from etlcheck.isolation.statements import segments, tokenize

SYSTEM_SCHEMAS = frozenset({"sys", "information_schema"})


@dataclass(frozen=True)
class Patch:
    """Characters ``[start, end)`` of the original replaced by ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RemapResult:
    """The script exactly as it will run, every change made, and what could not be proven."""

    text: str
    changes: tuple[Rewrite, ...] = ()
    findings: tuple[Finding, ...] = ()
    patches: tuple[Patch, ...] = field(default=(), repr=False, compare=False)

    def original_offset(self, offset: int) -> int:
        """Map an offset of ``text`` back to the script it was made from."""
        shift = 0
        for patch in self.patches:
            new_start = patch.start + shift
            new_end = new_start + len(patch.text)
            if offset < new_start:
                break
            if offset < new_end:
                return patch.start
            shift += len(patch.text) - (patch.end - patch.start)
        return offset - shift


@dataclass
class _Walk:
    """Raw results of one walk over a text, offsets relative to that text."""

    patches: list[Patch] = field(default_factory=list)
    changes: list[tuple[int, str, str]] = field(default_factory=list)
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)


def remap_script(text: str, path: Path | str, sandbox: SandboxConfig) -> RemapResult:
    """Rewrite every located schema reference into its sandbox schema."""
    walk = _walk(text, sandbox, patch=True)
    return _result(text, path, walk)


def check_script(text: str, path: Path | str, sandbox: SandboxConfig) -> tuple[Finding, ...]:
    """Findings for a script as it will run: references outside the sandbox and the unprovable."""
    walk = _walk(text, sandbox, patch=False)
    return _result(text, path, walk).findings


def check_offsets(text: str, sandbox: SandboxConfig) -> list[tuple[int, str, str, str]]:
    """``check_script`` as raw (offset, code, message, suggestion) tuples, for callers that map
    offsets of a rewritten script back to the original."""
    return sorted(set(_walk(text, sandbox, patch=False).problems))


def _result(text: str, path: Path | str, walk: _Walk) -> RemapResult:
    patches = sorted({(p.start, p.end, p.text) for p in walk.patches})
    new_text = text
    for start, end, replacement in reversed(patches):
        new_text = new_text[:start] + replacement + new_text[end:]
    changes = tuple(
        Rewrite(location_of_offset(path, text, offset), before, after)
        for offset, before, after in sorted(set(walk.changes))
    )
    findings = tuple(
        Finding(location_of_offset(path, text, offset), code, message, suggestion)
        for offset, code, message, suggestion in sorted(set(walk.problems))
    )
    return RemapResult(new_text, changes, findings, tuple(Patch(*p) for p in patches))


def _known(sandbox: SandboxConfig) -> frozenset[str]:
    names = {
        *sandbox.schema_map,
        *sandbox.schema_map.values(),
        *sandbox.read_only,
        *sandbox.protected,
    }
    return frozenset(name.lower() for name in names)


def _allowed(sandbox: SandboxConfig) -> frozenset[str]:
    names = {*sandbox.schema_map.values(), *sandbox.read_only}
    return frozenset(name.lower() for name in names) | SYSTEM_SCHEMAS


def _walk(text: str, sandbox: SandboxConfig, patch: bool) -> _Walk:
    walk = _Walk()
    known = _known(sandbox)
    for batch in script_batches(text):
        references, problems = analyse_batch(batch.text, known)
        for start, code, message, suggestion in problems:
            walk.problems.append((batch.offset + start, code, message, suggestion))
        for reference in references:
            _resolve(batch.text, batch.offset, reference, sandbox, patch, walk)
    return walk


@lru_cache(maxsize=2048)
def analyse_batch(
    text: str, known: frozenset[str]
) -> tuple[tuple[loc.Reference, ...], tuple[tuple[int, str, str, str], ...]]:
    """References and problems of one batch (offsets within it). Cached: the proof re-reads
    the rewritten script, whose batches without patches are the ones already read."""
    try:
        tokens = tokenize(text)
    except TokenError as error:
        return (), ((0, "unparsed-batch", f"batch cannot be tokenized: {error}", "fix the SQL"),)
    found_segments = segments(text, tokens)
    located = loc.locate(tokens, found_segments, known)
    problems = [
        (
            tokens[segment.first].start,
            "unparsed-statement",
            "statement could not be parsed; its names were located by tokens only",
            "check `etlcheck remap --changes`; allow it with a pragma and a reason",
        )
        for segment in found_segments
        if segment.failed
    ]
    problems.extend((p.start, p.code, p.message, p.suggestion) for p in located.problems)
    return tuple(located.references), tuple(problems)


def _sandbox_name(name: str, sandbox: SandboxConfig) -> str | None:
    return sandbox.sandbox_of(name.rstrip())


def _requote(raw: str, name: str) -> str:
    if raw.startswith("["):
        return f"[{name}]"
    if raw.startswith('"'):
        return f'"{name}"'
    return name


def _resolve(
    text: str, offset: int, ref: loc.Reference, sandbox: SandboxConfig, patch: bool, walk: _Walk
) -> None:
    raw = text[ref.start : ref.end]
    start = offset + ref.start
    if ref.kind == loc.SCHEMA:
        target = _sandbox_name(ref.name, sandbox)
        if target is not None:
            _change(walk, patch, start, offset + ref.end, raw, _requote(raw, target), ref.name)
        elif ref.name.rstrip().lower() not in _allowed(sandbox):
            _unmapped(walk, start, ref.name)
    elif ref.kind == loc.UNQUALIFIED:
        _unqualified(text, offset, ref, sandbox, patch, walk)
    elif ref.kind in (loc.SCHEMA_LITERAL, loc.MAYBE_SCHEMA_LITERAL):
        target = _sandbox_name(ref.name, sandbox)
        if target is not None:
            new = raw[: raw.index("'") + 1] + target.replace("'", "''") + "'"
            _change(walk, patch, start, offset + ref.end, raw, new, ref.name)
        elif (
            ref.kind == loc.SCHEMA_LITERAL
            and ref.name.strip()
            and ref.name.rstrip().lower() not in _allowed(sandbox)
        ):
            _unmapped(walk, start, ref.name)
    elif ref.kind == loc.OBJECT_LITERAL:
        _object_literal(raw, start, ref, sandbox, patch, walk)
    elif ref.kind == loc.DYNAMIC_LITERAL:
        _dynamic_literal(raw, start, ref, sandbox, patch, walk)


def _change(
    walk: _Walk, patch: bool, start: int, end: int, before: str, after: str, name: str
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


def _unmapped(walk: _Walk, start: int, name: str) -> None:
    walk.problems.append(
        (
            start,
            "unmapped-schema",
            f"schema {name!r} is neither in the sandbox map nor read-only",
            "add it to [sandbox] schemas or read_only in etlcheck.toml",
        )
    )


def _unqualified(
    text: str, offset: int, ref: loc.Reference, sandbox: SandboxConfig, patch: bool, walk: _Walk
) -> None:
    token_end = ref.start + len(ref.name) + (2 if text[ref.start] in '["' else 0)
    raw = text[ref.start : token_end]
    target = sandbox.sandbox_of(sandbox.default_schema)
    if target is None:
        walk.problems.append(
            (
                offset + ref.start,
                "unqualified-name",
                f"{raw} resolves through the default schema {sandbox.default_schema!r}",
                "qualify it with its schema",
            )
        )
        return
    name = target if not raw.startswith("[") else f"[{target}]"
    _change(
        walk,
        patch,
        offset + ref.start,
        offset + token_end,
        raw,
        f"{name}.{raw}",
        sandbox.default_schema,
    )


def _object_literal(
    raw: str, start: int, ref: loc.Reference, sandbox: SandboxConfig, patch: bool, walk: _Walk
) -> None:
    value = ref.name
    if value.lstrip().startswith("#") or value.lower().startswith("tempdb."):
        return
    try:
        tokens = [t for t in tokenize(value) if t.token_type != TokenType.SEMICOLON]
    except TokenError:
        return
    names = [t for t in tokens if t.token_type != TokenType.DOT]
    if not names or len(names) != (len(tokens) + 1) // 2:
        return
    if len(names) >= 3 or len(tokens) != 2 * len(names) - 1:
        walk.problems.append(
            (
                start,
                "other-database",
                f"{raw} names an object in another database",
                "drop the database part",
            )
        )
        return
    if len(names) == 1:
        schema = sandbox.default_schema
        target = sandbox.sandbox_of(schema)
        new_value = f"{target}.{value}" if target else None
    else:
        schema_token = names[0]
        schema = schema_token.text
        target = _sandbox_name(schema, sandbox)
        schema_raw = value[schema_token.start : schema_token.end + 1]
        new_value = (
            value[: schema_token.start]
            + _requote(schema_raw, target)
            + value[schema_token.end + 1 :]
            if target
            else None
        )
        if target is None and schema.rstrip().lower() not in _allowed(sandbox):
            _unmapped(walk, start, schema)
            return
    if new_value is not None:
        prefix = raw[: raw.index("'") + 1]
        _change(
            walk,
            patch,
            start,
            start + len(raw),
            raw,
            prefix + new_value.replace("'", "''") + "'",
            schema,
        )


def _dynamic_literal(
    raw: str, start: int, ref: loc.Reference, sandbox: SandboxConfig, patch: bool, walk: _Walk
) -> None:
    content_start = raw.index("'") + 1
    inner = ref.name
    nested = _walk(inner, sandbox, patch)

    def outer(offset: int) -> int:
        return start + content_start + offset + inner.count("'", 0, offset)

    for offset, before, after in nested.changes:
        walk.changes.append((outer(offset), before, after))
    for offset, code, message, suggestion in nested.problems:
        walk.problems.append((outer(offset), code, message, suggestion))
    if patch and nested.patches:
        new_inner = _result(inner, "", nested).text
        walk.patches.append(
            Patch(start, start + len(raw), raw[:content_start] + new_inner.replace("'", "''") + "'")
        )
