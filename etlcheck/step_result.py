"""What running one step did: its status, time, rows, messages and error. Below the runner
and the state tables it writes into, and the reports that show it."""

from __future__ import annotations

from dataclasses import dataclass

from etlcheck.pipeline import Step


@dataclass(frozen=True)
class StepResult:
    step: Step
    status: str
    """``ok``, ``failed``, ``skipped`` or ``interrupted``."""
    seconds: float = 0.0
    rows_affected: int = 0
    statements: int = 0
    messages: tuple[str, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "number": self.step.number,
            "phase": self.step.phase,
            "script": self.step.name,
            "status": self.status,
            "seconds": round(self.seconds, 4),
            "rows_affected": self.rows_affected,
            "statements": self.statements,
            "messages": list(self.messages),
            "error": self.error,
        }
