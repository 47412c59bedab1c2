"""The compatibility pass of a pipeline for an engine, as ``etlcheck run`` and
``etlcheck lint --engine`` call it: each script rewritten as the run rewrites it, then
classified by the engine's T-SQL emulation (``tsql.compat``); what it refuses becomes a
``compat`` finding at file:line:col. An engine that runs T-SQL itself refuses nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import workcache
from etlcheck.config import Config
from etlcheck.engines.registry import get_engine_class
from etlcheck.errors import UnsupportedConstruct
from etlcheck.isolation.findings import Finding
from etlcheck.isolation.step_schemas import premade_schema_findings
from etlcheck.tsql.batches import script_location
from etlcheck.tsql.compat import CODE, classify
from etlcheck.tsql.frames import HINT

if TYPE_CHECKING:
    from etlcheck.isolation.lint_report import LintReport
    from etlcheck.tsql.emulation import Emulation


def check_pipeline(
    config: Config,
    engine: str,
    rewrite: str | None = None,
    paths: Iterable[Path] = (),
    keep: bool = False,
) -> tuple[Finding, ...]:
    """``compat`` findings for ``engine`` over the pipeline's scripts (or ``paths``), each
    classified as it will run: rewritten into the sandbox by ``rewrite`` (the
    configuration's mode by default). With ``keep``, what the pass compiled is saved in
    the project's work cache when it found nothing (the run that follows compiles the same
    statements, and the compile child then has nothing left to do)."""
    from etlcheck.isolation.lint import read_script
    from etlcheck.pipeline import Pipeline

    engine_class = get_engine_class(engine)
    emulation = engine_class.tsql_emulation()
    if emulation is None and engine_class.principal_creates_schemas:
        return ()
    mode = rewrite or config.run.rewrite
    files = list(_files(paths))
    texts = [(read_script(path), path) for path in files] or [
        (step.read(), step.path) for step in Pipeline.from_config(config).steps
    ]
    cache = workcache.project_cache(config.root)
    workcache.load(cache)
    findings: list[Finding] = []
    for text, path in texts:
        shown = _shown(path, config.root)
        if not engine_class.principal_creates_schemas:
            findings += premade_schema_findings(text, shown, config)
        if emulation is not None:
            findings += check_rewritten(text, shown, emulation, engine, config, mode)
    if keep and not findings:
        workcache.save(cache)
    return tuple(findings)


def check_rewritten(
    text: str, path: Path | str, emulation: Emulation, engine: str, config: Config, mode: str
) -> list[Finding]:
    """Findings for ``text`` rewritten as the run rewrites it, placed in ``text``."""
    from etlcheck.isolation.rewrite import rewrite_script

    result = rewrite_script(text, path, config.sandbox, mode)
    refused = classify(result.text, path, emulation)
    return [
        _finding(text, path, result.original_offset(item.offset), item.message, engine)
        for item in refused
    ]


def check_script(text: str, path: Path | str, engine: str) -> tuple[Finding, ...]:
    """``compat`` findings for one script as written (no sandbox rewrite)."""
    emulation = get_engine_class(engine).tsql_emulation()
    if emulation is None:
        return ()
    refused = classify(text, path, emulation)
    return tuple(_finding(text, path, item.offset, item.message, engine) for item in refused)


def require_compatible(config: Config, engine: str, rewrite: str | None = None) -> None:
    """Raise UnsupportedConstruct (exit 2) at the first ``compat`` finding of the pipeline;
    what ``etlcheck run`` calls before step 1."""
    findings = check_pipeline(config, engine, rewrite, keep=True)
    if not findings:
        return
    first = findings[0]
    more = len(findings) - 1
    hint = f"{more} more: etlcheck lint --engine {engine}" if more else None
    raise UnsupportedConstruct(f"{CODE}: {first.message}", first.location, hint)


def with_compatibility(
    report: LintReport, config: Config, engine: str, paths: Iterable[Path] = ()
) -> LintReport:
    """``report`` (``etlcheck lint``'s) with the ``compat`` findings for ``engine`` added;
    what ``etlcheck lint --engine`` calls. A pragma does not silence them: allowing a
    construct does not make the engine run it."""
    found = check_pipeline(config, engine, report.rewrite, paths)
    if not found:
        return report
    order = {name: index for index, name in enumerate(report.scripts)}
    findings = sorted(
        (*report.findings, *found),
        key=lambda f: (
            order.get(str(f.location.path), len(order)),
            f.location.line,
            f.location.column,
        ),
    )
    return dataclasses.replace(report, findings=tuple(findings))


def _finding(text: str, path: Path | str, offset: int, message: str, engine: str) -> Finding:
    return Finding(
        script_location(path, text, offset),
        CODE,
        f"{message}; {engine} cannot run it faithfully: {HINT}",
        HINT,
    )


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        yield from (sorted(path.rglob("*.sql")) if path.is_dir() else [path])


def _shown(path: Path, root: Path) -> Path:
    for base in (root, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve())
        except ValueError:
            continue
    return path
