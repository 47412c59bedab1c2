"""The corpus's golden files: what the remap and the lint must give for each script.

Every ``<family>/<name>.sql`` has ``<name>.findings`` (one line per lint finding:
``line:col code message``, `` [allowed: reason]`` when a pragma silences it; empty when
there is none) and, when the remap changes the script, ``<name>.remapped.sql``. Regenerate
them with ``python -m tests.isolation.corpus.regen`` and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

from etlcheck.config import SandboxConfig
from etlcheck.isolation.findings import Finding
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.remap import RemapResult, remap_script

CORPUS = Path(__file__).resolve().parent
SANDBOX = SandboxConfig(
    schema_map={
        "dbo": "sbx_dbo",
        "etl": "sbx_etl",
        "stage": "sbx_stage",
        "dw": "sbx_dw",
        "audit": "sbx_audit",
        "log": "sbx_log",
        "raw_data": "sbx_raw_data",
    },
    protected=("dbo", "etl", "stage", "dw", "audit", "log", "raw_data"),
    read_only=("ref",),
)
"""A warehouse's schemas: every one mapped into the sandbox, ``ref`` read-only."""


def scripts(family: str | None = None) -> list[Path]:
    """The corpus scripts (of one family), in name order."""
    root = CORPUS / family if family else CORPUS
    return sorted(path for path in root.rglob("*.sql") if not path.name.endswith(".remapped.sql"))


def remapped_path(script: Path) -> Path:
    return script.with_name(script.stem + ".remapped.sql")


def findings_path(script: Path) -> Path:
    return script.with_suffix(".findings")


def remap(script: Path) -> RemapResult:
    return remap_script(script.read_text(encoding="utf-8"), script.name, SANDBOX)


def lint(script: Path) -> tuple[Finding, ...]:
    return lint_script(script.read_text(encoding="utf-8"), script.name, SANDBOX)


def finding_line(finding: Finding) -> str:
    location = finding.location
    line = f"{location.line}:{location.column} {finding.code} {finding.message}"
    return line + (f" [allowed: {finding.allowed}]" if finding.allowed is not None else "")


def findings_text(script: Path) -> str:
    return "".join(f"{finding_line(finding)}\n" for finding in lint(script))
