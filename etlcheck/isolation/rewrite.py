"""One entry point for the runner: rewrite a script with the chosen mode."""

from __future__ import annotations

from pathlib import Path

from etlcheck import workcache
from etlcheck.config import SandboxConfig
from etlcheck.errors import UsageError
from etlcheck.isolation.regex import regex_rewrite
from etlcheck.isolation.remap import RemapResult, analyse_batch, remap_script
from etlcheck.isolation.statements import parse, read_statements
from etlcheck.tsql.statements import read_batch

REWRITE_MODES = ("ast", "regex", "none")
_REWRITTEN: dict[tuple[str, str, str, str], RemapResult] = {}
workcache.register("isolation.rewritten", _REWRITTEN)


def rewrite_script(text: str, path: Path | str, sandbox: SandboxConfig, mode: str) -> RemapResult:
    """``ast`` (the default remap), ``regex`` (the incident's substitution) or ``none``;
    remembered by text, path, sandbox and mode (``etlcheck.workcache``)."""
    key = (mode, str(path), repr(sandbox), text)
    found = _REWRITTEN.get(key)
    if found is None:
        found = _rewrite(text, path, sandbox, mode)
        _REWRITTEN[key] = found
    return found


def _rewrite(text: str, path: Path | str, sandbox: SandboxConfig, mode: str) -> RemapResult:
    if mode == "ast":
        return remap_script(text, path, sandbox)
    if mode == "regex":
        return regex_rewrite(text, path, sandbox)
    if mode == "none":
        return RemapResult(text)
    raise UsageError(
        f"unknown rewrite mode {mode!r}", hint=f"use one of: {', '.join(REWRITE_MODES)}"
    )


def clear_caches() -> None:
    """Forget every remembered reading, parse and rewrite, so that the next lint works
    cold (benchmarks time that)."""
    _REWRITTEN.clear()
    analyse_batch.cache_clear()
    read_batch.cache_clear()
    parse.cache_clear()
    read_statements.cache_clear()
