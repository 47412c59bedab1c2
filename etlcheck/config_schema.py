"""The schema of etlcheck.toml, checked with pydantic: frozen models, unknown keys refused.

Sections that are used as they are at run time (``[sample]``, ``[run]``, ``[seed]``) are
defined here once; ``[project]``, ``[sandbox]`` and ``[[phases]]`` become the frozen
dataclasses of :mod:`etlcheck.config` once paths are resolved.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from etlcheck.engines.registry import DEFAULT_ENGINE, engine_names
from etlcheck.errors import ConfigError
from etlcheck.values import POC, RewriteMode, Scale, plain_identifier

DEFAULT_SEED = 20240611
DEFAULT_MAX_ROWS = 1_000_000
DEFAULT_SNAPSHOT_ROWS = 10_000


def _scale(value: object) -> Scale:
    if not isinstance(value, str | int | Scale) or isinstance(value, bool):
        raise ValueError(f"must be 'poc', 'seed' or a whole number, not {value!r}")
    try:
        return Scale.parse(value)
    except ConfigError as error:
        raise ValueError(error.message) from None


def _rewrite(value: object) -> RewriteMode:
    if isinstance(value, RewriteMode):
        return value
    if not isinstance(value, str) or value not in {mode.value for mode in RewriteMode}:
        choices = ", ".join(mode.value for mode in RewriteMode)
        raise ValueError(f"rewrite mode {value!r} is none of: {choices}")
    return RewriteMode(value)


def _pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"{value!r} is not a regular expression: {error}") from None
    return value


def _engine(value: str) -> str:
    name = value.strip().lower()
    if name not in engine_names():
        raise ValueError(f"unknown engine {value!r}: choose one of {', '.join(engine_names())}")
    return name


def _table_name(value: str) -> str:
    schema, dot, table = value.partition(".")
    if not dot or not schema or not table:
        raise ValueError(f"{value!r} is not schema.table (or schema.*)")
    plain_identifier(schema)
    return value


Identifier = Annotated[StrictStr, AfterValidator(plain_identifier)]
"""A schema name etlcheck may write into SQL: checked when the configuration loads."""
ScaleValue = Annotated[Scale, PlainValidator(_scale)]
RewriteValue = Annotated[RewriteMode, PlainValidator(_rewrite)]
NonEmpty = Annotated[StrictStr, Field(min_length=1)]
PositiveInt = Annotated[StrictInt, Field(gt=0)]


class Section(BaseModel):
    """Lists may be tuples; every scalar must have the type TOML wrote (no "12" for 12)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ProjectSection(Section):
    name: NonEmpty | None = None
    sql_dir: NonEmpty = "sql"
    script_roots: tuple[NonEmpty, ...] = ()
    """Folders outside the project that scripts may come from (refused otherwise)."""


class SandboxSection(Section):
    schemas: dict[Identifier, Identifier] = Field(default_factory=dict)
    protected: tuple[Identifier, ...] | None = None
    read_only: tuple[Identifier, ...] = ()
    state_schema: Identifier = "etl"
    default_schema: Identifier = "dbo"


class SampleConfig(Section):
    """The insurance generator's defaults (``[sample]``); a sample seed source may override."""

    scale: ScaleValue = POC
    seed: StrictInt = DEFAULT_SEED


class RunConfig(Section):
    engine: Annotated[StrictStr, AfterValidator(_engine)] = DEFAULT_ENGINE
    report_dir: NonEmpty = "reports"
    rewrite: RewriteValue = RewriteMode.AST
    disposable_pattern: Annotated[StrictStr, AfterValidator(_pattern)] = (
        r"^(etlcheck|test|tmp|ci)([_-]|$)"
    )
    """Names of server databases etlcheck may seed and run in without --allow-external-target."""
    expectations: StrictStr = ""
    """Folder of expectation suites that ``etlcheck run`` validates (relative to the config)."""


class PhaseSection(Section):
    """A phase lists its steps under ``steps`` (scripts and procedure calls, such as
    ``"EXEC etl.usp_load_all"``) or ``scripts`` (scripts only), not both."""

    name: NonEmpty
    title: StrictStr | None = None
    scripts: Annotated[tuple[NonEmpty, ...], Field(min_length=1)] | None = None
    steps: Annotated[tuple[NonEmpty, ...], Field(min_length=1)] | None = None
    budget_seconds: Annotated[float, Field(gt=0, strict=True)] = 60.0

    @model_validator(mode="after")
    def _one_list(self) -> PhaseSection:
        if self.scripts is None and self.steps is None:
            raise ValueError("needs steps: a list of scripts and EXEC calls")
        if self.scripts is not None and self.steps is not None:
            raise ValueError("give steps or scripts, not both")
        return self

    @property
    def entries(self) -> tuple[str, ...]:
        """The phase's steps in order, whichever key lists them."""
        return self.steps if self.steps is not None else self.scripts or ()

    @property
    def entries_key(self) -> str:
        return "steps" if self.steps is not None else "scripts"


class DdlSource(Section):
    """T-SQL scripts that create production as it stands, run as written."""

    kind: Literal["ddl"]
    path: NonEmpty
    """A .sql file, or a folder whose .sql files run in name order."""


class FilesSource(Section):
    """``<schema>.<table>.csv`` and ``.parquet`` files in a folder."""

    kind: Literal["files"]
    path: NonEmpty


class SampleSource(Section):
    """etlcheck's deterministic generator for the sample insurance pipeline."""

    kind: Literal["sample"]
    name: Literal["insurance"] = "insurance"
    scale: ScaleValue | None = None
    seed: StrictInt | None = None


class DatabaseSource(Section):
    """A read-only snapshot of a live database: DDL and up to ``rows`` rows a table."""

    kind: Literal["database"]
    url: NonEmpty
    tables: tuple[Annotated[StrictStr, AfterValidator(_table_name)], ...] = ()
    """``schema.table`` or ``schema.*``; default: every table of the protected schemas."""
    rows: PositiveInt = DEFAULT_SNAPSHOT_ROWS
    where: dict[Annotated[StrictStr, AfterValidator(_table_name)], NonEmpty] = Field(
        default_factory=dict
    )
    """A WHERE condition per ``schema.table``, in the source's own SQL."""
    allow_writable: StrictBool = False
    """Go on, with a warning, when the login could write to the source."""


SeedSource = Annotated[
    DdlSource | FilesSource | SampleSource | DatabaseSource, Field(discriminator="kind")
]


class SeedConfig(Section):
    """``[seed]``: what production and the raw data hold before step 1."""

    sources: tuple[SeedSource, ...] = ()
    clone_production: StrictBool | None = None
    """Copy every protected table into its sandbox before step 1; default: when production
    tables were seeded (rows or only DDL)."""
    max_rows: PositiveInt = DEFAULT_MAX_ROWS
    """A clone of a table with more rows is refused."""


class ConfigFile(Section):
    """The whole file (or ``[tool.etlcheck]``), as written."""

    project: ProjectSection = ProjectSection()
    sandbox: SandboxSection = SandboxSection()
    sample: SampleConfig = SampleConfig()
    run: RunConfig = RunConfig()
    seed: SeedConfig = SeedConfig()
    phases: Annotated[tuple[PhaseSection, ...], Field(min_length=1)]
