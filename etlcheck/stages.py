"""The stages of one run, in order: check the inputs, seed (and clone), snapshot, run the
steps, snapshot again, compare, validate. ``etlcheck run`` (:func:`etlcheck.verify.verify`)
and the pytest fixtures (:mod:`etlcheck.fixtures`) both call these; nothing else assembles
a run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from etlcheck import workcache
from etlcheck.compatibility import require_compatible
from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.interrupts import StopSignals
from etlcheck.isolation.snapshots import Comparison, Snapshot
from etlcheck.options import RunOptions
from etlcheck.pipeline import Pipeline, Step
from etlcheck.runner import ProgressCallback, Runner, new_run_id
from etlcheck.seeding.summary import SeedSummary
from etlcheck.step_result import RunResult
from etlcheck.syntax import check_pipeline_syntax

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.expectations import SuiteFile, SuiteOutcome
    from etlcheck.isolation.lint_report import LintReport

Rewrite = dict[str, str]
"""One patch of the remap, as run.json shows it: location, before, after."""


# -- 1. inputs ------------------------------------------------------------------------------
def check_scripts(options: RunOptions) -> Pipeline:
    """Every listed script exists, parses, and runs faithfully on the run's engine (the
    compatibility pass); raises before anything runs. What an earlier run proved of the
    same scripts comes from the work cache."""
    pipeline = Pipeline.from_config(options.config)
    pipeline.check_files()
    workcache.load(workcache.project_cache(options.config.root))
    check_pipeline_syntax(pipeline)
    require_compatible(options.config, options.engine, options.rewrite)
    return pipeline


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


def pipeline_tables(options: RunOptions) -> list[tuple[str, str]]:
    """(schema, table) of every permanent table the pipeline's scripts create, found by
    the parser (or the work cache), the default schema filled in."""
    from etlcheck.script_facts import read_script_facts

    cache = workcache.project_cache(options.config.root)
    workcache.load(cache)
    found: dict[tuple[str, str], tuple[str, str]] = {}
    default = options.config.sandbox.default_schema
    for step in Pipeline.from_config(options.config).steps:
        for table in read_script_facts(step.read(), step.path).tables:
            pair = (table.schema or default, table.table)
            found.setdefault((pair[0].lower(), pair[1].lower()), pair)
    workcache.save(cache)
    return list(found.values())


def lint_for(options: RunOptions) -> LintReport | None:
    """The static proof for the run's rewrite mode (none without a sandbox); the remap
    it needs comes from the work cache when an earlier run left it there."""
    from etlcheck.isolation.lint import lint_pipeline

    if not options.sandboxed:
        return None
    workcache.load(workcache.project_cache(options.config.root))
    return lint_pipeline(options.config, rewrite=options.rewrite)


# -- 2. seed and clone ----------------------------------------------------------------------
def seed(engine: Engine, options: RunOptions) -> SeedSummary:
    """The declared seed sources, then production cloned into the sandbox."""
    from etlcheck.seeding.seeder import seed_declared

    return seed_declared(engine, options)


prepare_database = seed
"""The name benchmarks and older tests know ``seed`` by."""


# -- 3. snapshots ---------------------------------------------------------------------------
def snapshot(engine: Engine, options: RunOptions) -> Snapshot:
    """Fingerprints of the protected schemas and the sandbox schemas as they are now; a
    copy still owed its rows shows production's (``seeding.owed_rows``)."""
    from etlcheck.isolation.fingerprint import fingerprint_schemas
    from etlcheck.seeding.owed_rows import OwedRows, as_cloned

    sandbox = options.config.sandbox
    production = fingerprint_schemas(engine, list(sandbox.protected))
    owed_rows = OwedRows(engine)
    owed = owed_rows.owed()
    copies, unshown = as_cloned(
        fingerprint_schemas(engine, list(sandbox.schema_map.values())), production, owed
    )
    if unshown:
        owed_rows.pay(unshown)
        copies, _ = as_cloned(
            fingerprint_schemas(engine, list(sandbox.schema_map.values())),
            production,
            [o for o in owed if o not in unshown],
        )
    return Snapshot(production, copies)


def compare(before: Snapshot, after: Snapshot) -> Comparison:
    from etlcheck.isolation.diff import diff_fingerprints

    return Comparison(
        diff_fingerprints(before.production, after.production),
        diff_fingerprints(before.sandbox, after.sandbox),
    )


# -- 4. steps -------------------------------------------------------------------------------
def shown_path(options: RunOptions, step: Step) -> str:
    """A step's script as findings and rewrites name it: relative to the project."""
    root = options.config.root
    return str(step.path.relative_to(root) if step.path.is_relative_to(root) else step.path)


def make_rewriter(
    options: RunOptions, collected: list[Rewrite] | None = None
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


def make_runner(
    engine: Engine,
    options: RunOptions,
    progress: ProgressCallback | None = None,
    collected: list[Rewrite] | None = None,
    stop: StopSignals | None = None,
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
        scale=str(options.scale),
        cache_dir=workcache.project_cache(config.root),
        stop=stop,
        step_timeout=options.step_timeout,
    )


def run_steps(
    runner: Runner,
    options: RunOptions,
    run_id: str | None = None,
    first: Step | None = None,
    resumes: str | None = None,
) -> RunResult:
    """Run the selected steps: ``--from``/``--until``/``--phase``, or from ``first`` (where
    a resumed run continues) to ``--until``."""
    pipeline = runner.pipeline
    start = str(first.number) if first is not None else options.start
    steps = pipeline.select(start, options.until, None if first is not None else options.phase)
    return runner.run(steps, run_id=run_id or new_run_id(), resumes=resumes)


# -- 5. validate ----------------------------------------------------------------------------
def table_resolver(options: RunOptions) -> Callable[[str], str]:
    """Maps a production ``schema.table`` to where the run put it (its sandbox twin)."""
    sandbox = options.config.sandbox

    def resolve(table: str) -> str:
        schema, _, name = table.partition(".")
        mapped = sandbox.sandbox_of(schema) if options.sandboxed else None
        return f"{mapped or schema}.{name}"

    return resolve


def validate(
    engine: Engine, suites: list[SuiteFile], options: RunOptions
) -> tuple[SuiteOutcome, ...]:
    from etlcheck.expectations import validate_suites

    return tuple(validate_suites(engine, suites, table_resolver(options)))


def engine_facts(engine: Engine) -> dict[str, Any]:
    return {
        "name": engine.info.name,
        "version": engine.info.version,
        "target": engine.info.target,
        "started_in_seconds": round(engine.info.started_in_seconds, 4),
        **engine.info.extra,
    }
