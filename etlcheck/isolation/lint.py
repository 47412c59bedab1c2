"""The static proof: after the rewrite, every reference must resolve inside the sandbox.

A finding can be silenced by ``-- etlcheck: allow <reason>`` on its line or the line above;
it stays in the report with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from etlcheck import workcache
from etlcheck.config import Config, SandboxConfig
from etlcheck.errors import ScriptError, SourceLocation, location_of_offset
from etlcheck.isolation.comments import line_comments
from etlcheck.isolation.findings import Finding
from etlcheck.isolation.invariant import residuals
from etlcheck.isolation.lint_report import LintReport
from etlcheck.isolation.located import Names
from etlcheck.isolation.remap import RemapResult, check_offsets
from etlcheck.isolation.rewrite import rewrite_script
from etlcheck.pipeline import Pipeline, Step

PRAGMA = re.compile(r"--\s*etlcheck:\s*allow\b[ \t]*([^\r\n]*)", re.IGNORECASE)
_LINTED: dict[tuple[str, str, str, str], tuple[Finding, ...]] = {}
workcache.register("isolation.lint", _LINTED)


def lint_script(
    text: str, path: Path | str, sandbox: SandboxConfig, rewrite: str = "ast"
) -> tuple[Finding, ...]:
    """Rewrite ``text`` with ``rewrite``, then report every reference it leaves unproven;
    remembered by text, path, sandbox and mode (``etlcheck.workcache``)."""
    key = (rewrite, str(path), repr(sandbox), text)
    found = _LINTED.get(key)
    if found is None:
        found = _lint(text, path, sandbox, rewrite)
        _LINTED[key] = found
    return found


def _lint(text: str, path: Path | str, sandbox: SandboxConfig, rewrite: str) -> tuple[Finding, ...]:
    result = rewrite_script(text, path, sandbox, rewrite)
    findings: dict[tuple[int, int, str], Finding] = {}
    for finding in result.findings:
        location = finding.location
        findings.setdefault((location.line, location.column, finding.code), finding)
    for offset, code, message, suggestion in check_offsets(result.text, sandbox):
        location = location_of_offset(path, text, result.original_offset(offset))
        key = (location.line, location.column, code)
        findings.setdefault(key, Finding(location, code, message, suggestion))
    for finding in _residual_findings(text, path, result, sandbox, findings.values()):
        location = finding.location
        findings.setdefault((location.line, location.column, finding.code), finding)
    ordered = sorted(findings.values(), key=lambda f: (f.location.line, f.location.column, f.code))
    return tuple(_apply_pragmas(text, ordered))


def _residual_findings(
    text: str,
    path: Path | str,
    result: RemapResult,
    sandbox: SandboxConfig,
    found: Iterable[Finding],
) -> list[Finding]:
    """The fail-closed scan (``invariant``): a production schema name left in a schema place
    of the final text is a finding unless another one already stands on its line."""
    lines = {finding.location.line for finding in found}
    extra: list[Finding] = []
    for residual in residuals(result.text, Names.of(sandbox)):
        location = location_of_offset(path, text, result.original_offset(residual.offset))
        if location.line in lines:
            continue
        lines.add(location.line)
        extra.append(
            Finding(
                location,
                "residual-reference",
                f"production schema {residual.name!r} is still written here as a "
                f"{residual.place} after the remap, and nothing else reported it",
                "this is etlcheck's last line of defence: allow it only with a pragma and a "
                "reason, and report the case",
            )
        )
    return extra


def _apply_pragmas(text: str, findings: Iterable[Finding]) -> list[Finding]:
    reasons: dict[int, str] = {}
    for number, comment in line_comments(text):
        match = PRAGMA.search("--" + comment)
        if match and match.group(1).strip():
            reasons[number] = match.group(1).strip()
    result = []
    for finding in findings:
        line = finding.location.line
        reason = reasons.get(line, reasons.get(line - 1))
        result.append(replace(finding, allowed=reason) if reason else finding)
    return result


def read_script(path: Path) -> str:
    """A script's text (UTF-8 with or without BOM, or UTF-16); a missing file is a ScriptError."""
    if not path.is_file():
        raise ScriptError(
            f"script {str(path)!r} does not exist", SourceLocation(path), "check the path"
        )
    return Step(0, "", path.name, path).read()


def lint_files(paths: Iterable[Path], sandbox: SandboxConfig, rewrite: str = "ast") -> LintReport:
    """Lint the given files and the ``.sql`` files inside the given folders."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.sql")) if path.is_dir() else [path])
    findings: list[Finding] = []
    for file in files:
        findings.extend(lint_script(read_script(file), _shown(file), sandbox, rewrite))
    return LintReport(tuple(findings), tuple(str(_shown(f)) for f in files), rewrite)


def lint_pipeline(config: Config, rewrite: str | None = None) -> LintReport:
    """Lint every step of the configured pipeline, in run order."""
    mode = rewrite or config.run.rewrite
    findings: list[Finding] = []
    names: list[str] = []
    for step in Pipeline.from_config(config).steps:
        shown = _shown(step.path, config.root)
        names.append(str(shown))
        findings.extend(lint_script(step.read(), shown, config.sandbox, mode))
    return LintReport(tuple(findings), tuple(names), mode)


def _shown(path: Path, root: Path | None = None) -> Path:
    """A path as the user wants to read it: relative to ``root`` or the working folder."""
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(base.resolve())
        except ValueError:
            continue
    return path
