"""One whole verification, as ``etlcheck run`` does it: the stages of
:mod:`etlcheck.stages` in order, and the verdict over what they found.

The pytest plugin calls the same stages as fixtures, so each can be asserted on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from etlcheck import prewarm, stages
from etlcheck.continuation import Continuation, RunBook, continuation_for
from etlcheck.engines import Engine
from etlcheck.interrupts import RunInterrupted, StopSignals
from etlcheck.ledger import Ledger
from etlcheck.options import RunOptions
from etlcheck.pipeline import Step
from etlcheck.privilege import is_permission_failure, least_privilege
from etlcheck.runner import ProgressCallback, new_run_id
from etlcheck.seeding.summary import ClonedTable, SeedSummary
from etlcheck.snapshot_store import rebase_object_ids
from etlcheck.step_result import RunResult, StepResult
from etlcheck.targets import locked_database, open_engine
from etlcheck.trace import Trace
from etlcheck.tsql.property_store import KIND as PROPERTY
from etlcheck.wording import counted

if TYPE_CHECKING:
    from etlcheck.expectations import SuiteFile, SuiteOutcome
    from etlcheck.isolation.diff import FingerprintDiff, TableDiff
    from etlcheck.isolation.lint_report import LintReport

__all__ = ["RunOptions", "Verification", "verify"]


@dataclass(frozen=True)
class Verification:
    """Everything one run found, ready for the terminal summary and the report."""

    options: RunOptions
    run: RunResult
    lint: LintReport | None
    production: FingerprintDiff | None
    sandbox: FingerprintDiff | None
    seed: SeedSummary | None = None
    engine_info: dict[str, Any] = field(default_factory=dict)
    expectations: tuple[SuiteOutcome, ...] | None = None
    rewrites: tuple[dict[str, str], ...] = ()
    origin: str | None = None
    """For a run that continues another (``--resume``, ``--from``): the run that seeded the
    database, whose before-snapshot this run was judged by."""

    @property
    def findings(self) -> list[str]:
        """Every reason the run is not verified, one sentence each, the gravest first."""
        found: list[str] = []
        if self.production is not None:
            found += [f"production changed: {line}" for line in _gravest_first(self.production)]
        failed = self.run.failed
        if failed is not None and is_permission_failure(failed.error):
            found.append(
                f"isolation: the database stopped step {failed.step.number} {failed.step.name} "
                f"from reaching outside the sandbox: {failed.error}"
            )
        elif failed is not None:
            found.append(f"step {failed.step.number} {failed.step.name} failed: {failed.error}")
        for suite in self.expectations or ():
            found += [f"expectation: {o.sentence(suite.table)}" for o in suite.failures]
        for phase in self.run.phases:
            if not phase.within_budget:
                found.append(
                    f"phase {phase.name} took {phase.seconds:.1f}s, over its "
                    f"{phase.budget_seconds:g}s budget"
                )
        if self.lint is not None:
            found += [f"lint: {f}" for f in self.lint.unsilenced]
        return found

    @property
    def verified(self) -> bool:
        return not self.findings

    def landed(self) -> list[TableDiff]:
        """Sandbox tables the run changed, other than the copies of production."""
        copies = {pair[1].qualified_name.lower() for pair in self.production_preview()}
        changed = self.sandbox.changed_tables if self.sandbox is not None else ()
        return [table for table in changed if table.qualified_name.lower() not in copies]

    def production_preview(self) -> list[tuple[ClonedTable, TableDiff]]:
        """Each copy of a production table with what the run did to it: the diff the team
        would see in production."""
        if self.seed is None or self.sandbox is None:
            return []
        found = []
        for clone in self.seed.clones:
            table = self.sandbox.table(clone.sandbox_schema, clone.name)
            if table is not None:
                found.append((clone, table))
        found.sort(key=lambda pair: (pair[1].status == "unchanged", -_moved(pair[1])))
        return found + self._property_preview()

    def _property_preview(self) -> list[tuple[ClonedTable, TableDiff]]:
        """Extended properties the run changed on a copy of production (on the table, one
        of its columns, or the sandbox schema of a protected one), named as in production."""
        assert self.seed is not None and self.sandbox is not None
        owners = {(c.sandbox_schema.lower(), c.name.lower()): c for c in self.seed.clones}
        schemas = {c.sandbox_schema.lower(): c.schema for c in self.seed.clones}
        found = []
        for change in self.sandbox.changed_tables:
            if change.kind != PROPERTY or change.name.startswith("(database)"):
                continue
            owner = change.name.split(" [", 1)[0].split(".", 1)[0]
            clone = owners.get((change.schema.lower(), owner.lower())) if owner else None
            schema = clone.schema if clone else schemas.get(change.schema.lower())
            if schema is not None and (clone is not None or not owner):
                found.append((ClonedTable(schema, change.name, change.schema, 0), change))
        return found


def _moved(table: TableDiff) -> int:
    return table.rows_added + table.rows_changed + table.rows_removed


def preview_sentence(clone: ClonedTable, table: TableDiff) -> str:
    """What the run did to a copy of production, said of the production table (or of the
    production table's extended property)."""
    if table.kind == PROPERTY:
        done = {"created": "would be added", "dropped": "would be dropped"}
        return (
            f"{clone.qualified_name} ({PROPERTY}) {done.get(table.status, 'would get a new value')}"
        )
    if table.status == "unchanged":
        return f"{clone.qualified_name} would be unchanged ({table.rows_after:,} rows)"
    if table.status == "dropped":
        return f"{clone.qualified_name} would be dropped ({table.rows_before:,} rows)"
    if table.status == "altered":
        return f"{clone.qualified_name}: {table.sentence.split(' ', 1)[1]}"
    parts = [
        f"{count:,} {'row' if count == 1 else 'rows'} {what}"
        for count, what in (
            (table.rows_added, "added"),
            (table.rows_changed, "changed"),
            (table.rows_removed, "removed"),
        )
        if count
    ]
    what = "would be dropped and re-created with" if table.recreated else "would get"
    return (
        f"{clone.qualified_name} {what} {', '.join(parts) or 'no row changes'} "
        f"({table.rows_before:,} -> {table.rows_after:,} rows)"
    )


def _gravest_first(diff: FingerprintDiff) -> list[str]:
    """Schema events, then tables whose existing rows changed (most rows first), then tables
    the run created."""
    lines = [f"schema {name} was created" for name in diff.schemas_created]
    lines += [f"schema {name} was dropped" for name in diff.schemas_dropped]
    tables = sorted(
        diff.changed_tables,
        key=lambda t: (
            t.status == "created",
            -(t.rows_added + t.rows_removed + t.rows_changed),
            t.schema,
            t.name,
        ),
    )
    return lines + [table.sentence for table in tables]


def verify(
    options: RunOptions,
    progress: ProgressCallback | None = None,
    stage: Callable[[str], None] | None = None,
    stop: StopSignals | None = None,
    waiting: Callable[[str], None] | None = None,
    validating: Callable[[], None] | None = None,
) -> Verification:
    """Run the whole verification and return what it found (nothing is printed here;
    ``stage`` hears what is about to happen between the steps, for a status line,
    ``waiting`` that the run waits for another one to release its database, and
    ``validating`` that the expectation suites are about to be validated, which the run
    only waits for when GX's process validates them).

    The run holds the lock of its database throughout and keeps its record in the
    ledger; SIGINT/SIGTERM (handled by ``stop``) end it with RunInterrupted."""
    announce = stage or (lambda _: None)
    suites = stages.expectation_suites(options)
    pipeline = stages.check_scripts(options)
    pipeline.select(options.start, options.until, options.phase)  # bad steps: exit 2 now
    lint = stages.lint_for(options)
    with locked_database(options, options.wait, waiting or announce) as database:
        ledger = Ledger(options.config.root)
        continuation = continuation_for(options, database, ledger, pipeline)
        if suites and _whole(options):
            from etlcheck.expectations import start_import

            start_import(options.engine)  # GX imports in a worker process meanwhile
        book = RunBook(ledger, database, options, continuation, new_run_id(), pipeline)
        stop = stop or StopSignals()
        try:
            verification = _verify(
                options,
                _Inputs(suites, lint),
                continuation,
                book,
                progress,
                announce,
                stop,
                validating,
            )
        except RunInterrupted as stopped:
            book.interrupted(stopped)
            raise
        except Exception:
            if not stop.requested:
                book.ended_by_error()
                raise
            # a stage that turns the interrupted statement into its own error (a seed
            # source's "cannot load"): the run was interrupted, whatever the stage says
            interrupted = stop.stopped()
            book.interrupted(interrupted)
            raise interrupted from None
        except BaseException:
            book.ended_by_error()
            raise
        book.finished(verification.run)
        return verification


class _Inputs(NamedTuple):
    """What was read and checked before the database was touched."""

    suites: list[SuiteFile] | None
    lint: LintReport | None


def _whole(options: RunOptions) -> bool:
    return options.until is None and options.phase is None


def _verify(
    options: RunOptions,
    inputs: _Inputs,
    continuation: Continuation | None,
    book: RunBook,
    progress: ProgressCallback | None,
    announce: Callable[[str], None],
    stop: StopSignals,
    validating: Callable[[], None] | None,
) -> Verification:
    continuing = options.resume or options.start is not None
    warming = None if continuing else prewarm.start(options)
    trace = Trace.from_environment()
    engine: Engine | None = None
    rewrites: list[stages.Rewrite] = []
    try:
        engine = open_engine(options, fresh=not continuing)
        book.start()
        stop.take_over()
        stop.watch(engine)
        if trace is not None:
            trace.attach(engine)
        seed = continuation.seed if continuation is not None else None
        if not continuing:
            announce(_seeding(options, engine))
            seed = stages.seed(engine, options)
        if continuation is not None:
            before = continuation.before
            if not engine.object_ids_last:
                before = rebase_object_ids(before, stages.snapshot(engine, options))
        else:
            announce("fingerprinting production and the sandbox")
            before = stages.snapshot(engine, options)
            book.seeded(before, seed)
        if warming is not None:
            warming.wait()
        shown = _shown_progress(progress, trace)
        with least_privilege(engine, options.config, options.sandboxed):
            runner = stages.make_runner(engine, options, book.progress(shown), rewrites, stop)
            if continuation is not None:
                with stop.critical():
                    runner.state.mark_interrupted(continuation.previous.run_id)
            run = stages.run_steps(
                runner,
                options,
                book.run_id,
                first=continuation.first if continuation is not None else None,
                resumes=continuation.previous.run_id if continuation is not None else None,
            )
        announce("fingerprinting production and the sandbox again")
        comparison = stages.compare(before, stages.snapshot(engine, options))
        expectations = None
        suites = inputs.suites
        if suites is not None and run.ok and _whole(options):
            announce(
                f"validating {counted(len(suites), 'expectation suite')} with Great Expectations"
            )
            if validating is not None:
                validating()
            expectations = stages.validate(engine, suites, options)
        info = stages.engine_facts(engine)
        announce("closing the database")
    finally:
        if warming is not None:  # done by now, unless the run failed before its steps
            warming.stop()
        if engine is not None:
            engine.close()
        if trace is not None:
            trace.close()
    return Verification(
        options,
        run,
        inputs.lint,
        comparison.production,
        comparison.sandbox,
        seed,
        info,
        expectations=expectations,
        rewrites=tuple(rewrites),
        origin=continuation.origin if continuation is not None else None,
    )


def _shown_progress(
    progress: ProgressCallback | None, trace: Trace | None
) -> ProgressCallback | None:
    if trace is None:
        return progress

    def both(step: Step, result: StepResult | None) -> None:
        trace.step(step, result)
        if progress is not None:
            progress(step, result)

    return both


def _seeding(options: RunOptions, engine: Engine) -> str:
    from etlcheck.seeding.template import SeedTemplate

    template = SeedTemplate.for_run(engine, options)
    if template is not None and template.exists:
        shown = template.database.parent.relative_to(options.config.root)
        return f"copying the database an earlier run seeded alike (from {shown}/)"
    kinds = [spec.kind for spec in options.seed_sources]
    if not kinds:
        return "creating the sandbox schemas (no seed sources declared)"
    if kinds == ["sample"]:
        return f"generating and loading the sample data (scale {options.scale})"
    return f"seeding from {counted(len(kinds), 'source')} and cloning production into the sandbox"
