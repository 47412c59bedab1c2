"""Run the steps of a pipeline in manifest order, recording state rows and timings.

State goes into the pipeline's own tables ``etl_run_state`` (one row a run) and
``etl_step_state`` (one row a step), created by the pipeline's first script in the
state schema (mapped into the sandbox when the run is isolated). A failing step
stops the run and records its error with file:line.

Each step runs in one transaction where the engine allows it (DuckDB, PostgreSQL)
unless the script manages its own transactions: a step that fails or is interrupted
leaves nothing behind, so ``--resume`` starts it again from a clean slate.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from etlcheck import workcache
from etlcheck.engines.base import Engine, ScriptResult
from etlcheck.errors import EtlcheckError
from etlcheck.interrupts import RunInterrupted, StepTimedOut, StopSignals
from etlcheck.pipeline import Pipeline, Step
from etlcheck.script_scan import is_empty, manages_transactions
from etlcheck.seeding.discarded import leading_drops
from etlcheck.seeding.owed_rows import OwedRows, OwedTable
from etlcheck.state import RunFacts, RunStateStore
from etlcheck.step_result import PhaseTiming, RunResult, StepResult

ScriptRewriter = Callable[[str, Step], str]
"""Turns a step's script text into the text that runs (the sandbox remap)."""


ProgressCallback = Callable[[Step, StepResult | None], None]
"""Called with ``(step, None)`` before a step and ``(step, result)`` after it."""


def _succeeded(
    step: Step, outcome: ScriptResult, notes: tuple[str, ...], seconds: float
) -> StepResult:
    return StepResult(
        step,
        "ok",
        seconds,
        rows_affected=outcome.rows_affected,
        statements=outcome.statements,
        messages=(*outcome.messages, *notes),
    )


def new_run_id(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{secrets.token_hex(2)}"


EMPTY_SCRIPT = (
    "the script is empty: no statement ran (an empty step is never a success: restore the "
    "script, or remove it from etlcheck.toml)"
)
OWN_TRANSACTIONS = (
    "etlcheck: this step manages its own transactions, so it ran without a step "
    "transaction: a failure or an interruption may leave part of it behind"
)
STILL_OPEN = (
    "etlcheck: an earlier step left a transaction open, so this step ran inside it, "
    "without a step transaction of its own"
)
NOT_ATOMIC = (
    "etlcheck: the step caught an error that {engine} cannot undo on its own, so it ran "
    "again without a step transaction"
)


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
        stop: StopSignals | None = None,
        step_timeout: float | None = None,
    ) -> None:
        self.engine = engine
        self.step_timeout = step_timeout
        """Seconds a step may run before it is stopped and fails (None or 0: no limit)."""
        self.cache_dir = cache_dir
        """Where compiled statements and rewrites persist between runs (None: nowhere)."""
        self.pipeline = pipeline
        self.rewrite = rewrite or (lambda text, step: text)
        self.progress = progress
        self.state = RunStateStore(engine, state_schema)
        self.scale = scale
        self.stop = stop or StopSignals()
        """SIGINT/SIGTERM: the step is rolled back, the run recorded as interrupted."""
        self._recorded: set[int] = set()
        """Steps whose state row was written inside their own transaction."""
        self.owed_rows = OwedRows(engine)
        self._owed: list[OwedTable] = []
        """Sandbox copies cloned without their rows, and the step whose drops end that."""

    def run(
        self,
        steps: Sequence[Step] | None = None,
        run_id: str | None = None,
        resumes: str | None = None,
    ) -> RunResult:
        """Run ``steps`` (all by default); raises RunInterrupted after recording it."""
        selected = tuple(steps if steps is not None else self.pipeline.steps)
        run_id = run_id or new_run_id()
        started_at = datetime.now(UTC)
        results: list[StepResult] = []
        facts = RunFacts(run_id, started_at, len(self.pipeline.steps), self.scale)
        self._recorded.clear()
        workcache.load(self.cache_dir)
        self._owed = self.owed_rows.owed()
        for step in selected:
            began = time.perf_counter()
            try:
                self.stop.check()
                if self.progress:
                    self.progress(step, None)
                with self.stop.time_limit(self.step_timeout):
                    result = self._run_step(step, facts)
            except StepTimedOut as timed_out:
                result = self._timed_out(step, timed_out, time.perf_counter() - began)
            except RunInterrupted:
                self._record_interruption(facts, step, results, time.perf_counter() - began)
                atomic = self._atomic(step)
                raise self.stop.stopped(f"{step.number} ({step.name})", atomic) from None
            results.append(result)
            if step.number not in self._recorded:
                with self.stop.critical():
                    self.state.record(facts, result)
            if self.progress:
                self.progress(step, result)
            if result.status == "failed":
                break
        self._pay(self._owed)  # the step that would have dropped them did not commit
        finished_at = datetime.now(UTC)
        workcache.save(self.cache_dir)
        with self.stop.critical():
            self.state.finish(run_id, finished_at, results)
        return RunResult(
            run_id=run_id,
            started_at=started_at,
            finished_at=finished_at,
            steps_total=len(selected),
            results=tuple(results),
            phases=self._phase_timings(selected, results),
            resumes=resumes,
        )

    def _record_interruption(
        self, facts: RunFacts, step: Step, results: list[StepResult], seconds: float
    ) -> None:
        interrupted = StepResult(
            step, "interrupted", seconds, error=f"interrupted by {self.stop_name}"
        )
        with self.stop.critical():
            self.state.record(facts, interrupted)
            self.state.finish(facts.run_id, datetime.now(UTC), [*results, interrupted])
        if self.progress:
            self.progress(step, interrupted)

    def _timed_out(self, step: Step, timed_out: StepTimedOut, seconds: float) -> StepResult:
        """The failure of a step stopped by the step timeout (its transaction, if it ran
        in one of etlcheck's, is rolled back by then)."""
        kept = (
            "it was rolled back"
            if self._atomic(step)
            else "what it wrote before is kept (it manages its own transactions, "
            "or the engine cannot roll a step back)"
        )
        error = (
            f"{timed_out.location or step.path}: stopped after {timed_out.seconds:g} s, "
            f"the step timeout; {kept} "
            "(a loop that never ends? raise [run] step_timeout_seconds in etlcheck.toml, "
            "or pass --step-timeout, if the step needs longer)"
        )
        return StepResult(step, "failed", seconds, error=error)

    @property
    def stop_name(self) -> str:
        return RunInterrupted(self.stop.signum).name if self.stop.signum else "a signal"

    def _run_step(self, step: Step, facts: RunFacts) -> StepResult:
        began = time.perf_counter()

        def record(outcome: ScriptResult) -> None:
            """The step's state row, written in the step's own transaction just before it
            commits: one commit instead of two, and the row and the work stand or fall
            together."""
            self.state.record(facts, _succeeded(step, outcome, (), time.perf_counter() - began))
            self._recorded.add(step.number)

        try:
            text = self.rewrite(step.read(), step)
            self._pay(self._owed_before(step, text))
            if is_empty(text):
                return StepResult(step, "failed", time.perf_counter() - began, error=EMPTY_SCRIPT)
            outcome, notes = self._execute(step, text, record)
        except Exception as error:
            if self.stop.requested:  # the statement failed because it was interrupted
                stopping = self.stop.stopping()
                if isinstance(stopping, StepTimedOut) and isinstance(error, EtlcheckError):
                    stopping.location = error.location
                raise stopping from None
            if not isinstance(error, EtlcheckError):
                raise
            return StepResult(step, "failed", time.perf_counter() - began, error=str(error))
        return _succeeded(step, outcome, notes, time.perf_counter() - began)

    def _execute(
        self, step: Step, text: str, before_commit: Callable[[ScriptResult], None]
    ) -> tuple[ScriptResult, tuple[str, ...]]:
        """Run the script, in one transaction when the engine allows it and the script
        does not manage its own (``before_commit`` then runs inside it, last)."""
        engine = self.engine
        if not engine.supports_step_transactions:
            return engine.run_script(text, step.path), ()
        if manages_transactions(text):
            return self._plain(step, text), (OWN_TRANSACTIONS,)
        if engine.open_transactions():  # an earlier step left its own transaction open
            return self._plain(step, text), (STILL_OPEN,)
        with self.stop.critical():
            engine.begin_step()
        try:
            outcome = engine.run_script(text, step.path)
        except BaseException as error:
            with self.stop.critical():
                lost = engine.step_transaction_aborted() and engine.failed_after_abort(error)
                engine.rollback_step()
            if lost and not self.stop.requested:
                return self._plain(step, text), (self._not_atomic(),)
            raise
        with self.stop.critical():
            if self.stop.requested or engine.step_transaction_aborted():
                engine.rollback_step()
                if self.stop.requested:
                    raise self.stop.stopping()
                return self._plain(step, text), (self._not_atomic(),)
            forgiven = [owed for owed in self._owed if owed.step == step.number]
            try:
                if forgiven:
                    self.owed_rows.forgive(step.number)
                before_commit(outcome)
            except BaseException:
                engine.rollback_step()
                self._recorded.discard(step.number)
                raise
            engine.commit_step()
            self._owed = [owed for owed in self._owed if owed not in forgiven]
        return outcome, ()

    def _plain(self, step: Step, text: str) -> ScriptResult:
        """Run the script outside a transaction of etlcheck's: the copies it would drop
        get their rows first, since its drops may stand without the rest of it."""
        self._pay([owed for owed in self._owed if owed.step == step.number])
        return self.engine.run_script(text, step.path)

    def _owed_before(self, step: Step, text: str) -> list[OwedTable]:
        """What must be paid before ``step`` runs: the debts of earlier steps (those did
        not commit), and every later one unless the step cannot read a row (seeding
        proved that of the steps before a dropping one; the script may have changed)."""
        later = [owed for owed in self._owed if owed.step > step.number]
        if later and (step.is_call or not leading_drops(text)[1]):
            return [owed for owed in self._owed if owed.step != step.number]
        return [owed for owed in self._owed if owed.step < step.number]

    def _pay(self, owed: Sequence[OwedTable]) -> None:
        if owed:
            with self.stop.critical():
                self.owed_rows.pay(owed)
            self._owed = [item for item in self._owed if item not in owed]

    def _atomic(self, step: Step) -> bool:
        """Whether ``step`` runs in one transaction of etlcheck's."""
        if not self.engine.supports_step_transactions:
            return False
        try:
            return not manages_transactions(self.rewrite(step.read(), step))
        except EtlcheckError:
            return True

    def _not_atomic(self) -> str:
        return NOT_ATOMIC.format(engine=self.engine.name)

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
