"""``--resume`` and ``--from``: which earlier run a run continues, the step it starts at,
and the before-snapshot it is judged by (the one the database's seeding run took).

A resumed run never fingerprints production afresh: damage done by the steps of the
earlier run would then look like the starting point, and the run would say VERIFIED.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from etlcheck.errors import UsageError
from etlcheck.ledger import Ledger, RunRecord, new_record
from etlcheck.snapshot_store import read_snapshot, write_snapshot
from etlcheck.targets import MEMORY_CANNOT_CONTINUE, MEMORY_HINT, MEMORY_KEY

if TYPE_CHECKING:
    from etlcheck.interrupts import RunInterrupted
    from etlcheck.isolation.snapshots import Snapshot
    from etlcheck.options import RunOptions
    from etlcheck.pipeline import Pipeline, Step
    from etlcheck.runner import ProgressCallback
    from etlcheck.seeding.summary import SeedSummary
    from etlcheck.step_result import RunResult, StepResult
    from etlcheck.targets import DatabaseIdentity

RERUN = "run again without --resume"


@dataclass(frozen=True)
class Continuation:
    """An earlier run this one continues in the same database."""

    previous: RunRecord
    before: Snapshot
    """The before-snapshot of ``previous.origin``, the run that seeded the database."""
    seed: SeedSummary | None
    first: Step | None
    """Where ``--resume`` starts (None for ``--from``, which names its own step)."""

    @property
    def origin(self) -> str:
        return self.previous.origin


def continuation_for(
    options: RunOptions, database: DatabaseIdentity, ledger: Ledger, pipeline: Pipeline
) -> Continuation | None:
    """The run ``--resume`` or ``--from`` continues; None for a fresh run (or ``--from``
    in a database no recorded run seeded: it is judged from where it starts)."""
    if not (options.resume or options.start):
        return None
    if database.key == MEMORY_KEY:
        raise UsageError(MEMORY_CANNOT_CONTINUE, hint=MEMORY_HINT)
    previous = ledger.latest(database.key)
    if options.resume:
        first = _resume_step(previous, database, pipeline)
    elif previous is None or not previous.lasting:
        return None
    else:
        first = None
    assert previous is not None
    before = read_snapshot(ledger.run_folder(previous.origin))
    return Continuation(previous, before, ledger.load_seed(previous.origin), first)


def _resume_step(
    previous: RunRecord | None, database: DatabaseIdentity, pipeline: Pipeline
) -> Step:
    """The step a resumed run starts at, or one clear reason why there is none."""
    if previous is None:
        raise UsageError(
            f"--resume found no earlier run on {database.shown}",
            hint=f"{RERUN}, or pass the --db of the run to continue",
        )
    if not previous.lasting:
        raise UsageError(
            f"run {previous.run_id} ran on {previous.database_shown}, which was removed when "
            "that run ended: there is nothing to resume",
            hint=RERUN,
        )
    if previous.status == "completed":
        raise UsageError(
            f"the last run on {database.shown}, {previous.run_id}, completed: there is "
            "nothing to resume",
            hint="run without --resume",
        )
    if previous.after_last_step:
        raise UsageError(
            f"run {previous.run_id} was interrupted after its last step, before it was "
            "verified: there is no step to resume",
            hint=RERUN,
        )
    if previous.next_step is None:
        raise UsageError(
            f"run {previous.run_id} stopped before its first step ({previous.shown_status}): "
            "there is nothing to resume",
            hint=RERUN,
        )
    try:
        return pipeline.find(previous.next_step)
    except UsageError:
        raise UsageError(
            f"run {previous.run_id} stopped at {previous.next_step}, which is no longer a "
            "step of the pipeline",
            hint=f"{RERUN}, or continue with --from STEP",
        ) from None


class RunBook:
    """Keeps the ledger's record of the run in progress up to date: written when the run
    starts, as each step starts and ends, and when the run ends however it ends."""

    def __init__(
        self,
        ledger: Ledger,
        database: DatabaseIdentity,
        options: RunOptions,
        continuation: Continuation | None,
        run_id: str,
        pipeline: Pipeline,
    ) -> None:
        self.ledger = ledger
        self.pipeline = pipeline
        self.fresh = not (options.resume or options.start)
        self.database = database.key
        self.started = False
        self.lasting = database.lasting
        self.record = new_record(
            run_id,
            options.engine,
            database.key,
            database.shown,
            database.lasting,
            origin=continuation.origin if continuation else None,
            resumes=continuation.previous.run_id if continuation else None,
        )

    def start(self) -> None:
        """The database is open: from now on the run is on record (a run that could not
        even open its database leaves no trace). A fresh run replaced the database, so
        the runs on the old one are forgotten."""
        if self.fresh:
            self.ledger.forget_database(self.database)
        self.started = True
        self.ledger.save(self.record)

    @property
    def run_id(self) -> str:
        return self.record.run_id

    def _update(self, **changes: object) -> None:
        self.record = self.record.with_changes(**changes)
        if self.started:
            self.ledger.save(self.record)

    def seeded(self, before: Snapshot, seed: SeedSummary | None) -> None:
        """Keep the before-snapshot (and the seed, for the report) of a fresh run."""
        if self.fresh and self.lasting:
            write_snapshot(self.ledger.run_folder(self.run_id), before)
            self.ledger.save_seed(self.run_id, seed)

    def progress(self, also: ProgressCallback | None) -> ProgressCallback:
        """A progress callback that records each step, then calls ``also``."""

        def on_step(step: Step, result: StepResult | None) -> None:
            if result is None:
                self._update(next_step=step.name, next_number=step.number)
            elif result.status == "ok":
                following = self._following(step)
                self._update(
                    steps_done=self.record.steps_done + 1,
                    next_step=following.name if following else None,
                    next_number=following.number if following else None,
                    after_last_step=following is None,
                )
            if also is not None:
                also(step, result)

        return on_step

    def _following(self, step: Step) -> Step | None:
        return next((s for s in self.pipeline.steps if s.number == step.number + 1), None)

    def finished(self, run: RunResult, report: str | None = None) -> None:
        failed = run.failed
        self._update(
            status="failed" if failed else "completed",
            next_step=failed.step.name if failed else None,
            next_number=failed.step.number if failed else None,
            finished_at=_now(),
            report=report,
        )

    def interrupted(self, stopped: RunInterrupted) -> None:
        self._update(status="interrupted", stopped_by=stopped.name, finished_at=_now())

    def ended_by_error(self) -> None:
        self._update(status="failed", finished_at=_now())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
