"""What a run did: each step's status, time, rows, messages and error, each phase's time
against its budget, and the run as a whole. Below the runner and the state tables it writes
into, and the reports that show it; pytest-xdist workers receive these pickled, so this module
imports no more than their fields need."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

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


@dataclass(frozen=True)
class PhaseTiming:
    name: str
    title: str
    scripts: int
    completed: int
    seconds: float
    budget_seconds: float

    @property
    def within_budget(self) -> bool:
        return self.seconds <= self.budget_seconds

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "title": self.title,
            "scripts": self.scripts,
            "completed": self.completed,
            "seconds": round(self.seconds, 4),
            "budget_seconds": self.budget_seconds,
            "within_budget": self.within_budget,
        }


@dataclass(frozen=True)
class RunResult:
    run_id: str
    started_at: datetime
    finished_at: datetime
    steps_total: int
    results: tuple[StepResult, ...]
    phases: tuple[PhaseTiming, ...] = field(default=())
    resumes: str | None = None
    """The run this one continues (``--resume``, ``--from``), if any."""

    @property
    def completed(self) -> int:
        return sum(1 for r in self.results if r.status == "ok")

    @property
    def failed(self) -> StepResult | None:
        return next((r for r in self.results if r.status == "failed"), None)

    @property
    def ok(self) -> bool:
        return self.failed is None

    @property
    def seconds(self) -> float:
        return sum(r.seconds for r in self.results)

    def to_dict(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "resumes": self.resumes,
            "steps_total": self.steps_total,
            "steps_completed": self.completed,
            "seconds": round(self.seconds, 4),
            "phases": [p.to_dict() for p in self.phases],
            "steps": [r.to_dict() for r in self.results],
        }
