"""What the remap and the lint report: rewrites made, and findings they could not prove safe."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from etlcheck import __version__
from etlcheck.errors import SourceLocation

TOOL_NAME = "etlcheck"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

RULES: dict[str, str] = {
    "dynamic-sql": "SQL text built at run time cannot be remapped or proven",
    "hidden-statement": "region etlcheck cannot split into statements; a statement may hide in it",
    "unparsed-statement": "statement the T-SQL parser could not read; names located by tokens only",
    "unparsed-batch": "batch that could not be tokenized, or whose blocks do not close",
    "procedure-argument": "schema or object name passed to a procedure that cannot be proven",
    "schema-in-string": "string naming a production schema where etlcheck cannot tell its use",
    "schema-named-alias": "alias with a production schema's name, read as that schema",
    "database-ddl": "statement that changes the database itself, outside any schema",
    "sqlcmd-include": "sqlcmd :r includes a script this run does not read",
    "sqlcmd-connect": "sqlcmd :connect switches to another server",
    "sqlcmd-variable": "sqlcmd $(variable) replaced at deployment, so the name cannot be proven",
    "remap-broke-statement": "remapped statement that no longer parses to what it was",
    "residual-reference": "production schema name left in a schema place after the remap",
    "synonym": "synonyms redirect names at run time",
    "other-database": "three-part name into another database",
    "linked-server": "four-part name, OPENQUERY/OPENROWSET or EXEC AT into another server",
    "use-database": "USE switches the database for the rest of the batch",
    "production-schema": "reference that still names a production schema after the rewrite",
    "unmapped-schema": "schema that is neither in the sandbox map nor read-only",
    "unqualified-name": "name resolved through the caller's default schema",
}


@dataclass(frozen=True)
class Rewrite:
    """One patch made to the script: what stood at ``location`` and what replaced it."""

    location: SourceLocation
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.location}: {self.before} -> {self.after}"


@dataclass(frozen=True)
class Finding:
    """Something the remap could not prove stays in the sandbox.

    ``allowed`` carries the reason of an inline ``-- etlcheck: allow <reason>`` pragma,
    which silences the finding but keeps it in the report.
    """

    location: SourceLocation
    code: str
    message: str
    suggestion: str = ""
    allowed: str | None = None

    @property
    def silenced(self) -> bool:
        return self.allowed is not None

    def __str__(self) -> str:
        text = f"{self.location}: {self.code}: {self.message}"
        if self.allowed is not None:
            text += f" (allowed: {self.allowed})"
        return text


def format_text(findings: Iterable[Finding]) -> str:
    """One line per finding: ``file:line:col: code: message``."""
    return "".join(f"{finding}\n" for finding in findings)


def finding_dict(finding: Finding) -> dict[str, object]:
    return {
        "file": str(finding.location.path),
        "line": finding.location.line,
        "column": finding.location.column,
        "code": finding.code,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "allowed": finding.allowed,
    }


def format_json(findings: Iterable[Finding]) -> str:
    items = [finding_dict(f) for f in findings]
    unsilenced = sum(1 for item in items if item["allowed"] is None)
    return json.dumps({"findings": items, "unsilenced": unsilenced}, indent=2) + "\n"


def format_sarif(findings: Iterable[Finding], root: Path | None = None) -> str:
    """SARIF 2.1.0, for CI code scanning; silenced findings carry an accepted suppression.
    With ``root`` (the project), every file is a URI relative to it (``PROJECTROOT``)."""
    findings = list(findings)
    codes = sorted({f.code for f in findings} | set(RULES))
    results = []
    for finding in findings:
        text = finding.message + (f" ({finding.suggestion})" if finding.suggestion else "")
        result: dict[str, object] = {
            "ruleId": finding.code,
            "level": "error",
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact(finding.location.path, root),
                        "region": {
                            "startLine": max(1, finding.location.line),
                            "startColumn": max(1, finding.location.column),
                        },
                    }
                }
            ],
        }
        if finding.allowed is not None:
            result["suppressions"] = [
                {"kind": "inSource", "status": "accepted", "justification": finding.allowed}
            ]
        results.append(result)
    rules = [{"id": code, "shortDescription": {"text": RULES.get(code, code)}} for code in codes]
    driver = {"name": TOOL_NAME, "version": __version__, "rules": rules}
    run: dict[str, object] = {"tool": {"driver": driver}, "results": results}
    if root is not None:
        run["originalUriBaseIds"] = {ROOT_ID: {"uri": root.resolve().as_uri() + "/"}}
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2) + "\n"


ROOT_ID = "PROJECTROOT"


def _artifact(path: Path | str, root: Path | None) -> dict[str, str]:
    """A file as SARIF names it: relative to the project when there is one."""
    if root is None:
        return {"uri": str(path).replace("\\", "/")}
    absolute = Path(path)
    if not absolute.is_absolute():  # shown relative to the project, else to the cwd
        absolute = root / path if (root / path).exists() else Path.cwd() / path
    try:
        relative = absolute.resolve().relative_to(root.resolve())
    except ValueError:
        return {"uri": absolute.resolve().as_uri()}
    return {"uri": relative.as_posix(), "uriBaseId": ROOT_ID}


FORMATTERS = {"text": format_text, "json": format_json, "sarif": format_sarif}
