"""One whole verification: disposable database, seed, lint, fingerprint, run, diff.

The CLI's ``etlcheck run`` calls :func:`verify`; the pytest plugin builds the same
pieces as fixtures so each can be asserted on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.config import Config, parse_scale
from etlcheck.engines import Engine, get_engine_class
from etlcheck.errors import UsageError
from etlcheck.pipeline import Pipeline, Step
from etlcheck.runner import ProgressCallback, Runner, RunResult, new_run_id

if TYPE_CHECKING:
    from etlcheck.isolation.diff import FingerprintDiff, TableDiff
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

    @property
    def findings(self) -> list[str]:
        """Every reason the run is not verified, one sentence each."""
        found: list[str] = []
        if self.lint is not None:
            found += [f"lint: {f.one_line()}" for f in self.lint.unsilenced]
        failed = self.run.failed
        if failed is not None:
            found.append(f"step {failed.step.number} {failed.step.name} failed: {failed.error}")
        if self.production is not None:
            found += [f"production changed: {d.sentence()}" for d in self.production.changed_tables]
        for phase in self.run.phases:
            if not phase.within_budget:
                found.append(
                    f"phase {phase.name} took {phase.seconds:.1f}s, over its "
                    f"{phase.budget_seconds:g}s budget"
                )
        return found

    @property
    def verified(self) -> bool:
        return not self.findings

    def landed(self) -> list[TableDiff]:
        return list(self.sandbox.changed_tables) if self.sandbox is not None else []


def default_db_path(config: Config) -> Path:
    return config.root / ".etlcheck" / f"{config.name}.duckdb"


def make_rewriter(options: RunOptions) -> Callable[[str, Step], str]:
    from etlcheck.isolation.remap import rewrite_script

    sandbox = options.config.sandbox

    def rewrite(text: str, step: Step) -> str:
        return rewrite_script(text, step.path, sandbox, options.rewrite).text

    return rewrite


def open_engine(options: RunOptions, fresh: bool, must_exist: bool = True) -> Engine:
    """Start the engine the options name; a fresh embedded database replaces an old file."""
    engine_class = get_engine_class(options.engine)
    target = options.db
    if options.engine == "duckdb":
        path = Path(target) if target else default_db_path(options.config)
        if fresh:
            for stale in (path, path.with_name(path.name + ".wal")):
                stale.unlink(missing_ok=True)
        elif must_exist and not path.exists():
            raise UsageError(f"database {path} does not exist", hint="pass the --db of the run")
        target = str(path)
    return engine_class(target).start()


def protected_schemas(config: Config) -> list[str]:
    return list(config.sandbox.protected)


def sandbox_schemas(config: Config) -> list[str]:
    return list(config.sandbox.schema_map.values())


def verify(options: RunOptions, progress: ProgressCallback | None = None) -> Verification:
    """Run the whole verification and return what it found (nothing is printed here)."""
    from etlcheck.isolation.diff import diff_fingerprints
    from etlcheck.isolation.fingerprint import fingerprint_schemas
    from etlcheck.isolation.lint import lint_pipeline
    from etlcheck.isolation.sandbox import check_mapping, setup_sandbox
    from etlcheck.sampledata import seed_database

    config = options.config
    pipeline = Pipeline.from_config(config)
    pipeline.check_files()
    steps = pipeline.select(options.start, options.until, options.phase)
    if options.sandboxed:
        check_mapping(config.sandbox)
    lint = lint_pipeline(config) if options.rewrite == "ast" else None

    engine = open_engine(options, fresh=not options.resume)
    try:
        seed = None
        if not options.resume:
            seed = seed_database(engine, config, options.scale, sandboxed=options.sandboxed)
            if options.sandboxed:
                setup_sandbox(engine, config.sandbox)
        before = fingerprint_schemas(engine, protected_schemas(config))
        sandbox_before = fingerprint_schemas(engine, sandbox_schemas(config))
        state_schema = config.sandbox.state_schema
        if options.sandboxed:
            state_schema = config.sandbox.sandbox_of(state_schema) or state_schema
        runner = Runner(
            engine,
            pipeline,
            state_schema,
            rewrite=make_rewriter(options) if options.sandboxed else None,
            progress=progress,
            scale=options.scale,
        )
        run_id = None
        if options.resume:
            run_id, failed_step = runner.resume_point()
            steps = tuple(s for s in pipeline.steps if s.number >= failed_step.number)
        run = runner.run(steps, run_id=run_id or new_run_id(), resuming=options.resume)
        production = diff_fingerprints(
            before, fingerprint_schemas(engine, protected_schemas(config))
        )
        sandbox = diff_fingerprints(
            sandbox_before, fingerprint_schemas(engine, sandbox_schemas(config))
        )
        info = {
            "name": engine.info.name,
            "version": engine.info.version,
            "target": engine.info.target,
            "started_in_seconds": round(engine.info.started_in_seconds, 4),
            **engine.info.extra,
        }
    finally:
        engine.close()
    return Verification(options, run, lint, production, sandbox, seed, info)
