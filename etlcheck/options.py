"""What the user asked for one run, parsed once into typed values.

The CLI and the pytest plugin both build :class:`RunOptions` through
:meth:`RunOptions.from_config`: text from flags and ini keys is parsed here (scale,
rewrite mode, engine, seed sources) and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etlcheck.config import Config
from etlcheck.config_values import DatabaseSource, SampleSource, SeedSource
from etlcheck.dburl import choose_engine, is_url
from etlcheck.engines.registry import DEFAULT_ENGINE, engine_names
from etlcheck.errors import EngineError, UsageError
from etlcheck.redaction import redact_url, register_url
from etlcheck.seed_specs import parse_seed_spec
from etlcheck.values import POC, RewriteMode, Scale


@dataclass(frozen=True)
class RunOptions:
    """One run's choices; defaults come from etlcheck.toml."""

    config: Config
    engine: str = DEFAULT_ENGINE
    scale: Scale = POC
    """The sample generator's scale: --scale, else the sample source's, else [sample]."""
    db: str | None = field(default=None, repr=False)
    """``--db`` as given: a DuckDB path, ``:memory:`` or a server URL (with its password:
    show :attr:`db_shown` instead)."""
    rewrite: RewriteMode = RewriteMode.AST
    start: str | None = None
    until: str | None = None
    phase: str | None = None
    resume: bool = False
    report_dir: Path | None = None
    allow_external_target: bool = False
    seed_sources: tuple[SeedSource, ...] = ()
    """What seeds the database: ``[seed] sources``, or ``--seed-from`` when given."""
    clone_production: bool | None = None
    """``[seed] clone_production``; None: clone when production tables were seeded."""
    allow_writable_source: bool = False
    """Go on (with a warning) when a live seed database's login could write to it."""
    wait: bool = False
    """Wait for another run that holds the database instead of refusing (``--wait``)."""
    step_timeout: float = 0.0
    """Seconds a step may run before it is stopped and fails (0: no limit):
    ``--step-timeout``, else ``[run] step_timeout_seconds``."""

    @property
    def sandboxed(self) -> bool:
        return self.rewrite != RewriteMode.NONE

    @property
    def db_shown(self) -> str | None:
        """``--db`` fit for output: a URL's password replaced by ``***``."""
        return redact_url(self.db) if self.db else None

    @property
    def sample_sources(self) -> tuple[SampleSource, ...]:
        return tuple(spec for spec in self.seed_sources if isinstance(spec, SampleSource))

    @classmethod
    def from_config(
        cls,
        config: Config,
        *,
        engine: str | None = None,
        scale: str | Scale | None = None,
        db: str | None = None,
        rewrite: str | RewriteMode | None = None,
        start: str | None = None,
        until: str | None = None,
        phase: str | None = None,
        resume: bool = False,
        report_dir: Path | str | None = None,
        allow_external_target: bool = False,
        seed_from: tuple[str, ...] = (),
        clone_production: bool | None = None,
        allow_writable_source: bool = False,
        wait: bool = False,
        step_timeout: float | None = None,
    ) -> RunOptions:
        """The options for ``config``, each flag (text as typed) parsed into its type."""
        if engine and engine.strip().lower() not in engine_names():
            raise EngineError(
                f"unknown engine {engine!r}", hint=f"choose one of: {', '.join(engine_names())}"
            )
        name = choose_engine(engine, config.run.engine, db)
        sources = (
            tuple(parse_seed_spec(spec) for spec in seed_from) if seed_from else config.seed.sources
        )
        _register_secrets(db, sources)
        samples = [spec for spec in sources if isinstance(spec, SampleSource)]
        chosen_scale = Scale.parse(scale) if scale is not None else config.sample.scale
        if scale is None and samples and samples[0].scale is not None:
            chosen_scale = samples[0].scale
        if samples:
            from etlcheck.sampledata.memory import check_sample_fits

            check_sample_fits(chosen_scale)
        if scale is not None and not samples:
            raise UsageError(
                f"--scale {chosen_scale} sizes the sample generator, and no sample seed "
                "source is declared",
                hint='add [[seed.sources]] kind = "sample" to etlcheck.toml, or drop --scale',
            )
        return cls(
            config=config,
            engine=name,
            scale=chosen_scale,
            db=db,
            rewrite=RewriteMode.parse(rewrite) if rewrite is not None else config.run.rewrite,
            start=start,
            until=until,
            phase=phase,
            resume=resume,
            report_dir=Path(report_dir) if report_dir else config.root / config.run.report_dir,
            allow_external_target=allow_external_target,
            seed_sources=sources,
            clone_production=(
                clone_production if clone_production is not None else config.seed.clone_production
            ),
            allow_writable_source=allow_writable_source,
            wait=wait,
            step_timeout=(
                step_timeout if step_timeout is not None else config.run.step_timeout_seconds
            ),
        )

    def register_secrets(self) -> None:
        """Register the passwords of the URLs these options hold for redaction, in a
        process that got the options from another (an xdist worker)."""
        _register_secrets(self.db, self.seed_sources)


def _register_secrets(db: str | None, sources: tuple[SeedSource, ...]) -> None:
    if db and is_url(db):
        register_url(db)
    for spec in sources:
        if isinstance(spec, DatabaseSource):
            register_url(spec.url)
