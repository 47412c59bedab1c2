"""Remap a script into the sandbox by patching the original text where names were located.

The script keeps its exact form: only the located spans change, T-SQL is never regenerated,
and every name written is quoted by T-SQL's rules (``quoting``). The same walk, run without
patching, is the static check: every reference that would still need a patch is a finding.
A remap that changes what a statement parses to is a finding too (``remap-broke-statement``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlglot.tokens import Token

from etlcheck.config import SandboxConfig
from etlcheck.errors import ScriptError, location_of_offset
from etlcheck.isolation.findings import Finding, Rewrite
from etlcheck.isolation.locate import locate
from etlcheck.isolation.located import Names, Problem, Reference
from etlcheck.isolation.resolve import Patch, Walk, resolve
from etlcheck.isolation.statements import read_statements
from etlcheck.tsql.batches import Batch, split_batches
from etlcheck.tsql.nodes import words
from etlcheck.tsql.tokens import SplitError, word_of

Raw = tuple[int, str, str, str]
"""A problem as (offset, code, message, suggestion)."""
_CURSOR_PREFIXES = words("INSENSITIVE SCROLL")


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


@dataclass(frozen=True)
class BatchAnalysis:
    """What the locator found in one batch, and the signature of each statement's parse."""

    references: tuple[Reference, ...]
    problems: tuple[Problem, ...]
    signatures: tuple[tuple[int, str], ...]


def remap_script(text: str, path: Path | str, sandbox: SandboxConfig) -> RemapResult:
    """Rewrite every located schema reference into its sandbox schema."""
    return _result(text, path, checked_walk(text, sandbox, patch=True))


def checked_walk(text: str, sandbox: SandboxConfig, patch: bool) -> Walk:
    """``walk_text``, and when it patches, the check that every statement still parses to
    what it parsed to before."""
    walk = walk_text(text, sandbox, patch)
    if patch:
        patched = patched_text(text, walk)
        if patched != text:
            walk.problems.extend(shape_problems(text, patched, Names.of(sandbox)))
    return walk


def check_script(text: str, path: Path | str, sandbox: SandboxConfig) -> tuple[Finding, ...]:
    """Findings for a script as it will run: references outside the sandbox and the unprovable."""
    walk = walk_text(text, sandbox, patch=False)
    return _result(text, path, walk).findings


def check_offsets(text: str, sandbox: SandboxConfig) -> list[Raw]:
    """``check_script`` as raw (offset, code, message, suggestion) tuples, for callers that map
    offsets of a rewritten script back to the original."""
    return sorted(set(walk_text(text, sandbox, patch=False).problems))


def patched_text(text: str, walk: Walk) -> str:
    patches = sorted({(p.start, p.end, p.text) for p in walk.patches})
    for start, end, replacement in reversed(patches):
        text = text[:start] + replacement + text[end:]
    return text


def _result(text: str, path: Path | str, walk: Walk) -> RemapResult:
    patches = sorted({(p.start, p.end, p.text) for p in walk.patches})
    changes = tuple(
        Rewrite(location_of_offset(path, text, offset), before, after)
        for offset, before, after in sorted(set(walk.changes))
    )
    findings = tuple(
        Finding(location_of_offset(path, text, offset), code, message, suggestion)
        for offset, code, message, suggestion in sorted(set(walk.problems))
    )
    new_text = patched_text(text, walk)
    return RemapResult(new_text, changes, findings, tuple(Patch(*p) for p in patches))


def script_batches(text: str) -> tuple[list[Batch], list[Raw]]:
    """The GO batches of ``text``; a script that cannot be split is one problem."""
    try:
        return split_batches(text, "<script>"), []
    except ScriptError as error:
        location = error.location
        offset = 0
        if location is not None:
            lines = text.split("\n")
            offset = sum(len(line) + 1 for line in lines[: location.line - 1]) + location.column - 1
        return [], [(offset, "unparsed-batch", f"{error.message}: nothing after it is proven", "")]


def walk_text(text: str, sandbox: SandboxConfig, patch: bool) -> Walk:
    walk = Walk()
    names = Names.of(sandbox)
    batches, problems = script_batches(text)
    walk.problems.extend(problems)
    for batch in batches:
        analysis = analyse_batch(batch.text, names)
        for problem in analysis.problems:
            walk.problems.append(
                (batch.offset + problem.start, problem.code, problem.message, problem.suggestion)
            )
        for reference in analysis.references:
            resolve(batch.text, batch.offset, reference, sandbox, patch, walk, checked_walk)
    return walk


@lru_cache(maxsize=2048)
def analyse_batch(text: str, names: Names) -> BatchAnalysis:
    """References and problems of one batch (offsets within it). Cached: the proof re-reads
    the rewritten script, whose batches without patches are the ones already read."""
    try:
        batch = read_statements(text)
    except SplitError as error:
        problem = Problem("unparsed-batch", error.offset, f"batch cannot be read: {error.message}")
        return BatchAnalysis((), (problem,), ())
    located = locate(batch, names, _cursors(batch.tokens))
    problems = list(located.problems)
    for missing in batch.reading.problems:
        problems.append(
            Problem(
                "unparsed-batch",
                missing.offset,
                f"{missing.message}: the batch's blocks do not close",
                "close every BEGIN with END",
            )
        )
    signatures = tuple((batch.tokens[s.first].start, s.signature) for s in batch.statements)
    return BatchAnalysis(tuple(located.references), tuple(problems), signatures)


def _cursors(tokens: tuple[Token, ...]) -> frozenset[str]:
    """Names declared as cursors in the batch (``DECLARE name [SCROLL] CURSOR``)."""
    found: set[str] = set()
    spelled = [word_of(t) for t in tokens]
    for index, word in enumerate(spelled):
        if word != "DECLARE" or index + 2 >= len(spelled):
            continue
        ahead = index + 2
        while ahead < len(spelled) and spelled[ahead] in _CURSOR_PREFIXES:
            ahead += 1
        if ahead < len(spelled) and spelled[ahead] == "CURSOR":
            found.add(tokens[index + 1].text.lower())
    return frozenset(found)


def shape_problems(old: str, new: str, names: Names) -> list[Raw]:
    """A statement whose remapped text parses to something else than the original: never
    silent. Offsets are in ``old``."""
    old_batches, _ = script_batches(old)
    new_batches, _ = script_batches(new)
    if len(old_batches) != len(new_batches):
        return [_broken(0, "the remap changed where the script's batches end")]
    problems: list[Raw] = []
    for before, after in zip(old_batches, new_batches, strict=True):
        if before.text == after.text:
            continue
        old_shapes = statement_signatures(before.text)
        new_shapes = statement_signatures(after.text)
        if len(old_shapes) != len(new_shapes):
            problems.append(_broken(before.offset, "the remap changed where statements end"))
            continue
        for (start, old_shape), (_, new_shape) in zip(old_shapes, new_shapes, strict=True):
            if old_shape != new_shape:
                problems.append(
                    _broken(
                        before.offset + start,
                        "the remapped statement parses "
                        f"differently ({old_shape.split(':')[0]} before, "
                        f"{new_shape.split(':')[0]} after)",
                    )
                )
    return problems


def statement_signatures(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, signature) of every statement of a batch; none when it cannot be read."""
    try:
        batch = read_statements(text)
    except SplitError:
        return ()
    return tuple((batch.tokens[s.first].start, s.signature) for s in batch.statements)


def _broken(offset: int, message: str) -> Raw:
    return (
        offset,
        "remap-broke-statement",
        message,
        "report it; run this script unremapped "
        "on --engine mssql only after checking `etlcheck remap --changes`",
    )
