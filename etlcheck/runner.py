"""Run the steps of a pipeline in manifest order, recording state rows and timings.

State goes into the pipeline's own tables ``etl_run_state`` (one row a run) and
``etl_step_state`` (one row a step), created by the pipeline's first script in the
state schema (mapped into the sandbox when the run is isolated). A failing step
stops the run, records its error with file:line, and leaves the database as it is.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from etlcheck import workcache
from etlcheck.engines.base import Engine
from etlcheck.errors import EtlcheckError, UsageError
from etlcheck.pipeline import Pipeline, Step
from etlcheck.state import RunFacts, RunStateStore

ScriptRewriter = Callable[[str, Step], str]
"""Turns a step's script text into the text that runs (the sandbox remap)."""


@dataclass(frozen=True)
class StepResult:
    step: Step
    status: str
    """``ok``, ``failed`` or ``skipped``."""
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
            "steps_total": self.steps_total,
            "steps_completed": self.completed,
            "seconds": round(self.seconds, 4),
            "phases": [p.to_dict() for p in self.phases],
            "steps": [r.to_dict() for r in self.results],
        }


ProgressCallback = Callable[[Step, StepResult | None], None]
"""Called with ``(step, None)`` before a step and ``(step, result)`` after it."""


def new_run_id(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{secrets.token_hex(2)}"


class Runner:
    """Executes steps on one engine; knows nothing about seeding or fingerprints."""

    def __init__(
        self,
        engine: Engine,
        pipeline: Pipeline,
        state_schema: str,
        rewrite: ScriptRewriter | None = None,
        progress: ProgressCallback | None = None,
        scale: str = "",
        cache_dir: Path | None = None,
    ) -> None:
        self.engine = engine
        self.cache_dir = cache_dir
        """Where compiled statements and rewrites persist between runs (None: nowhere)."""
        self.pipeline = pipeline
        self.rewrite = rewrite or (lambda text, step: text)
        self.progress = progress
        self.state = RunStateStore(engine, state_schema)
        self.scale = scale

    def resume_point(self) -> tuple[str, Step]:
        """The failed run to continue and the step it failed at."""
        failed = self.state.last_failed_run()
        if failed is None:
            raise UsageError(
                "--resume found no failed run in this database",
                hint="run without --resume, or pass the --db of the failed run",
            )
        run_id, script = failed
        return run_id, self.pipeline.find(script)

    def run(
        self,
        steps: Sequence[Step] | None = None,
        run_id: str | None = None,
        resuming: bool = False,
    ) -> RunResult:
        selected = tuple(steps if steps is not None else self.pipeline.steps)
        run_id = run_id or new_run_id()
        started_at = datetime.now(UTC)
        results: list[StepResult] = []
        facts = RunFacts(run_id, started_at, len(self.pipeline.steps), self.scale, resuming)
        workcache.load(self.cache_dir)
        for step in selected:
            if self.progress:
                self.progress(step, None)
            result = self._run_step(step)
            results.append(result)
            self.state.record(facts, result)
            if self.progress:
                self.progress(step, result)
            if result.status == "failed":
                break
        finished_at = datetime.now(UTC)
        workcache.save(self.cache_dir)
        self.state.finish(run_id, finished_at, results)
        return RunResult(
            run_id=run_id,
            started_at=started_at,
            finished_at=finished_at,
            steps_total=len(selected),
            results=tuple(results),
            phases=self._phase_timings(selected, results),
        )

    def _run_step(self, step: Step) -> StepResult:
        began = time.perf_counter()
        try:
            text = self.rewrite(step.read(), step)
            outcome = self.engine.run_script(text, step.path)
        except EtlcheckError as error:
            return StepResult(step, "failed", time.perf_counter() - began, error=str(error))
        return StepResult(
            step,
            "ok",
            time.perf_counter() - began,
            rows_affected=outcome.rows_affected,
            statements=outcome.statements,
            messages=outcome.messages,
        )

    def _phase_timings(
        self, selected: Sequence[Step], results: Sequence[StepResult]
    ) -> tuple[PhaseTiming, ...]:
        timings = []
        for phase in self.pipeline.phases:
            in_phase = [s for s in selected if s.phase == phase.name]
            if not in_phase:
                continue
            done = [r for r in results if r.step.phase == phase.name]
            timings.append(
                PhaseTiming(
                    name=phase.name,
                    title=phase.title,
                    scripts=len(in_phase),
                    completed=sum(1 for r in done if r.status == "ok"),
                    seconds=sum(r.seconds for r in done),
                    budget_seconds=phase.budget_seconds,
                )
            )
        return tuple(timings)
