"""One whole verification, as ``etlcheck run`` does it: the stages of
:mod:`etlcheck.stages` in order, and the verdict over what they found.

The pytest plugin calls the same stages as fixtures, so each can be asserted on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from etlcheck import prewarm, stages
from etlcheck.engines import Engine
from etlcheck.options import RunOptions
from etlcheck.privilege import is_permission_failure, least_privilege
from etlcheck.runner import ProgressCallback, RunResult
from etlcheck.seeding.summary import ClonedTable, SeedSummary
from etlcheck.targets import open_engine

if TYPE_CHECKING:
    from etlcheck.expectations import SuiteOutcome
    from etlcheck.isolation.diff import FingerprintDiff, TableDiff
    from etlcheck.isolation.lint import LintReport

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
                f"from writing outside the sandbox: {failed.error}"
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
        return sorted(found, key=lambda pair: (pair[1].status == "unchanged", -_moved(pair[1])))


def _moved(table: TableDiff) -> int:
    return table.rows_added + table.rows_changed + table.rows_removed


def preview_sentence(clone: ClonedTable, table: TableDiff) -> str:
    """What the run did to a copy of production, said of the production table."""
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
) -> Verification:
    """Run the whole verification and return what it found (nothing is printed here;
    ``stage`` hears what is about to happen between the steps, for a status line)."""
    announce = stage or (lambda _: None)

    suites = stages.expectation_suites(options)
    stages.check_scripts(options)
    if suites and options.until is None and options.phase is None:
        from etlcheck.expectations import start_import

        start_import(options.engine)  # GX imports in a worker process while the run goes on
    lint = stages.lint_for(options)
    continuing = options.resume or options.start is not None
    warming = None if continuing else prewarm.start(options)
    engine: Engine | None = None
    rewrites: list[stages.Rewrite] = []
    try:
        engine = open_engine(options, fresh=not continuing)
        seed = None
        if not continuing:
            announce(_seeding(options))
            seed = stages.seed(engine, options)
        announce("fingerprinting production and the sandbox")
        before = stages.snapshot(engine, options)
        if warming is not None:
            warming.wait()
        with least_privilege(engine, options.config.sandbox, options.sandboxed):
            runner = stages.make_runner(engine, options, progress, rewrites)
            run = stages.run_steps(runner, options)
        announce("fingerprinting production and the sandbox again")
        comparison = stages.compare(before, stages.snapshot(engine, options))
        expectations = None
        whole = run.ok and options.until is None and options.phase is None
        if suites is not None and whole:
            announce(f"validating {len(suites)} expectation suite(s) with Great Expectations")
            expectations = stages.validate(engine, suites, options)
        info = stages.engine_facts(engine)
        announce("closing the database")
    finally:
        if warming is not None:  # done by now, unless the run failed before its steps
            warming.stop()
        if engine is not None:
            engine.close()
    return Verification(
        options,
        run,
        lint,
        comparison.production,
        comparison.sandbox,
        seed,
        info,
        expectations=expectations,
        rewrites=tuple(rewrites),
    )


def _seeding(options: RunOptions) -> str:
    kinds = [spec.kind for spec in options.seed_sources]
    if not kinds:
        return "creating the sandbox schemas (no seed sources declared)"
    if kinds == ["sample"]:
        return f"generating and loading the sample data (scale {options.scale})"
    return f"seeding from {len(kinds)} source(s) and cloning production into the sandbox"
