"""What the static proof found over a set of scripts. pytest-xdist workers receive it
pickled, so it lives apart from the proof (the rewrite, the parser)."""

from __future__ import annotations

from dataclasses import dataclass

from etlcheck.isolation.findings import Finding, finding_dict


@dataclass(frozen=True)
class LintReport:
    """Findings over a set of scripts, in script order."""

    findings: tuple[Finding, ...]
    scripts: tuple[str, ...]
    rewrite: str = "ast"

    @property
    def unsilenced(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.allowed is None)

    @property
    def exit_code(self) -> int:
        return 1 if self.unsilenced else 0

    def to_dict(self) -> dict[str, object]:
        return {
            "rewrite": self.rewrite,
            "scripts": list(self.scripts),
            "unsilenced": len(self.unsilenced),
            "findings": [finding_dict(f) for f in self.findings],
        }
