"""One whole verification: disposable database, seed, lint, fingerprint, run, diff.

The CLI's ``etlcheck run`` calls :func:`verify`; the pytest plugin builds the same
pieces as fixtures so each can be asserted on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck import prewarm, workcache
from etlcheck.config import Config, parse_scale
from etlcheck.engines import Engine, engine_names
from etlcheck.errors import ConfigError, EngineError, SourceLocation, UsageError
from etlcheck.pipeline import Pipeline, Step
from etlcheck.privilege import is_permission_failure, least_privilege
from etlcheck.runner import ProgressCallback, Runner, RunResult, new_run_id
from etlcheck.syntax import check_pipeline_syntax
from etlcheck.targets import open_engine, refuse_external_seed

if TYPE_CHECKING:
    from etlcheck.expectations import SuiteFile, SuiteOutcome
    from etlcheck.isolation.diff import FingerprintDiff, TableDiff
    from etlcheck.isolation.fingerprint import Fingerprint
    from etlcheck.isolation.lint import LintReport

REWRITE_MODES = ("ast", "regex", "none")


@dataclass(frozen=True)
class RunOptions:
    """What the user asked for; defaults come from etlcheck.toml."""

    config: Config
    engine: str = "duckdb"
    scale: str = "poc"
    db: str | None = None
    rewrite: str = "ast"
    start: str | None = None
    until: str | None = None
    phase: str | None = None
    resume: bool = False
    report_dir: Path | None = None
    allow_external_target: bool = False

    @property
    def sandboxed(self) -> bool:
        return self.rewrite != "none"

    @classmethod
    def from_config(cls, config: Config, **overrides: Any) -> RunOptions:
        values: dict[str, Any] = {
            "engine": config.run.engine,
            "scale": config.sample.scale,
            "rewrite": config.run.rewrite,
            "report_dir": config.root / config.run.report_dir,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        options = cls(config=config, **values)
        parse_scale(options.scale)
        if options.engine.lower() not in engine_names():
            raise EngineError(
                f"unknown engine {options.engine!r}",
                hint=f"choose one of: {', '.join(engine_names())}",
            )
        if options.rewrite not in REWRITE_MODES:
            raise UsageError(
                f"unknown rewrite mode {options.rewrite!r}",
                hint=f"choose one of: {', '.join(REWRITE_MODES)}",
            )
        return options


@dataclass(frozen=True)
class Verification:
    """Everything one run found, ready for the terminal summary and the report."""

    options: RunOptions
    run: RunResult
    lint: LintReport | None
    production: FingerprintDiff | None
    sandbox: FingerprintDiff | None
    seed: Any = None
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
        return list(self.sandbox.changed_tables) if self.sandbox is not None else []


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


def shown_path(options: RunOptions, step: Step) -> Path:
    """A step's script as findings and rewrites name it: relative to the project."""
    root = options.config.root
    return step.path.relative_to(root) if step.path.is_relative_to(root) else step.path


def make_rewriter(
    options: RunOptions, collected: list[dict[str, str]] | None = None
) -> Callable[[str, Step], str]:
    """The step text rewriter for the options' mode; every change goes into ``collected``."""
    from etlcheck.isolation.rewrite import rewrite_script

    sandbox = options.config.sandbox

    def rewrite(text: str, step: Step) -> str:
        result = rewrite_script(text, shown_path(options, step), sandbox, options.rewrite)
        if collected is not None:
            collected.extend(
                {"location": str(c.location), "before": c.before, "after": c.after}
                for c in result.changes
            )
        return result.text

    return rewrite


def protected_schemas(config: Config) -> list[str]:
    return list(config.sandbox.protected)


def sandbox_schemas(config: Config) -> list[str]:
    return list(config.sandbox.schema_map.values())


def prepare_database(engine: Engine, options: RunOptions) -> Any:
    """Seed production and the raw sample, then create the sandbox schemas."""
    from etlcheck.isolation.sandbox import check_mapping, setup_sandbox
    from etlcheck.sampledata import seed_database

    if options.sandboxed:
        check_mapping(options.config.sandbox)
    refuse_external_seed(engine, options)
    seed = seed_database(engine, options.config, options.scale, sandboxed=options.sandboxed)
    if options.sandboxed:
        setup_sandbox(engine, options.config.sandbox)
    # Seeding's writes are persisted by seeding, so the run starts from a settled file
    # and its timings are its own.
    engine.checkpoint()
    return seed


def fingerprint_pair(engine: Engine, config: Config) -> tuple[Fingerprint, Fingerprint]:
    """Fingerprints of (the protected schemas, the sandbox schemas) as they are now."""
    from etlcheck.isolation.fingerprint import fingerprint_schemas

    return (
        fingerprint_schemas(engine, protected_schemas(config)),
        fingerprint_schemas(engine, sandbox_schemas(config)),
    )


def make_runner(
    engine: Engine,
    options: RunOptions,
    progress: ProgressCallback | None = None,
    collected: list[dict[str, str]] | None = None,
) -> Runner:
    config = options.config
    state_schema = config.sandbox.state_schema
    if options.sandboxed:
        state_schema = config.sandbox.sandbox_of(state_schema) or state_schema
    return Runner(
        engine,
        Pipeline.from_config(config),
        state_schema,
        rewrite=make_rewriter(options, collected) if options.sandboxed else None,
        progress=progress,
        scale=options.scale,
        cache_dir=workcache.project_cache(config.root),
    )


def run_steps(runner: Runner, options: RunOptions, run_id: str | None = None) -> RunResult:
    """Run the selected steps, or continue the last failed run with ``resume``."""
    pipeline = runner.pipeline
    steps = pipeline.select(options.start, options.until, options.phase)
    if options.resume:
        run_id, failed_step = runner.resume_point()
        steps = tuple(s for s in pipeline.steps if s.number >= failed_step.number)
    return runner.run(steps, run_id=run_id or new_run_id(), resuming=options.resume)


def lint_for(options: RunOptions) -> LintReport | None:
    """The static proof for the run's rewrite mode (none without a sandbox)."""
    from etlcheck.isolation.lint import lint_pipeline

    if not options.sandboxed:
        return None
    return lint_pipeline(options.config, rewrite=options.rewrite)


def table_resolver(options: RunOptions) -> Callable[[str], str]:
    """Maps a production ``schema.table`` to where the run put it (its sandbox twin)."""
    sandbox = options.config.sandbox

    def resolve(table: str) -> str:
        schema, _, name = table.partition(".")
        mapped = sandbox.sandbox_of(schema) if options.sandboxed else None
        return f"{mapped or schema}.{name}"

    return resolve


def expectation_suites(options: RunOptions) -> list[SuiteFile] | None:
    """The suites named by ``[run] expectations``, read and checked before anything runs."""
    if not options.config.run.expectations:
        return None
    from etlcheck.expectations import load_suites

    folder = options.config.root / options.config.run.expectations
    if not folder.is_dir():
        raise ConfigError(
            f"[run] expectations folder {folder} does not exist",
            SourceLocation(options.config.source),
            "fix the path or remove the key",
        )
    return load_suites(folder)


def engine_facts(engine: Engine) -> dict[str, Any]:
    return {
        "name": engine.info.name,
        "version": engine.info.version,
        "target": engine.info.target,
        "started_in_seconds": round(engine.info.started_in_seconds, 4),
        **engine.info.extra,
    }


def verify(
    options: RunOptions,
    progress: ProgressCallback | None = None,
    stage: Callable[[str], None] | None = None,
) -> Verification:
    """Run the whole verification and return what it found (nothing is printed here;
    ``stage`` hears what is about to happen between the steps, for a status line)."""
    from etlcheck.isolation.diff import diff_fingerprints

    announce = stage or (lambda _: None)

    pipeline = Pipeline.from_config(options.config)
    pipeline.check_files()
    check_pipeline_syntax(pipeline)
    suites = expectation_suites(options)
    if suites:
        from etlcheck.expectations import start_import

        start_import(options.engine)  # GX imports in a worker process while the run goes on
    lint = lint_for(options)
    continuing = options.resume or options.start is not None
    warming = None if continuing else prewarm.start(options)
    engine: Engine | None = None
    rewrites: list[dict[str, str]] = []
    try:
        engine = open_engine(options, fresh=not continuing)
        seed = None
        if not continuing:
            announce(f"generating and loading the sample data (scale {options.scale})")
            seed = prepare_database(engine, options)
        announce("fingerprinting production and the sandbox")
        before, sandbox_before = fingerprint_pair(engine, options.config)
        if warming is not None:
            warming.wait()
        with least_privilege(engine, options.config.sandbox, options.sandboxed):
            run = run_steps(make_runner(engine, options, progress, rewrites), options)
        announce("fingerprinting production and the sandbox again")
        after, sandbox_after = fingerprint_pair(engine, options.config)
        expectations = None
        whole = run.ok and options.until is None and options.phase is None
        if suites is not None and whole:
            from etlcheck.expectations import validate_suites

            announce(f"validating {len(suites)} expectation suite(s) with Great Expectations")
            expectations = tuple(validate_suites(engine, suites, table_resolver(options)))
        info = engine_facts(engine)
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
        diff_fingerprints(before, after),
        diff_fingerprints(sandbox_before, sandbox_after),
        seed,
        info,
        expectations=expectations,
        rewrites=tuple(rewrites),
    )


def seeded_production_tables(config: Config) -> list[str]:
    """``schema.table`` of every protected table the seed creates, from an in-memory seed."""
    from etlcheck.engines.duckdb import DuckDBEngine
    from etlcheck.isolation.fingerprint import fingerprint_schemas

    options = RunOptions.from_config(config, engine="duckdb", scale="poc")
    with DuckDBEngine() as engine:
        prepare_database(engine, options)
        fingerprint = fingerprint_schemas(engine, protected_schemas(config))
    return sorted(table.qualified_name for schema in fingerprint.schemas for table in schema.tables)
