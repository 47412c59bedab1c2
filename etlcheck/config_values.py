"""The values of etlcheck.toml's ``[sample]``, ``[run]`` and ``[seed]`` sections, used as
they are at run time.

They are plain frozen dataclasses, so that a run's options unpickle without pydantic: an
xdist worker gets them from the process that made the run, and importing pydantic there
would cost each worker a tenth of a CPU-second. :mod:`etlcheck.config_schema` checks
them with pydantic all the same: each field's type names its rules (:class:`Rule`), which
become pydantic's only when pydantic builds the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal

from etlcheck.config_checks import pydantic_rules
from etlcheck.engines.registry import DEFAULT_ENGINE
from etlcheck.values import POC, RewriteMode, Scale

DEFAULT_SEED = 20240611
DEFAULT_MAX_ROWS = 1_000_000
DEFAULT_SNAPSHOT_ROWS = 10_000
DEFAULT_STEP_TIMEOUT = 1800.0
"""Seconds a step may run before it is stopped: half an hour, far beyond any phase budget
a sample run needs, and short of the hours a CI job hangs for when a loop never ends."""


@dataclass(frozen=True)
class Rule:
    """``Annotated`` metadata: the pydantic rules named ``name``
    (:func:`etlcheck.config_checks.pydantic_rules`, made when pydantic builds the schema)."""

    name: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return handler.generate_schema(Annotated[source, *pydantic_rules(self.name)])


NonEmpty = Annotated[str, Rule("non-empty")]
Text = Annotated[str, Rule("strict")]
WholeNumber = Annotated[int, Rule("strict")]
Flag = Annotated[bool, Rule("strict")]
PositiveInt = Annotated[int, Rule("positive")]
Seconds = Annotated[float, Rule("seconds")]
TableName = Annotated[str, Rule("table name")]
ScaleValue = Annotated[Scale, Rule("scale")]


class _Strict:
    """Unknown keys are refused (pydantic reads this class attribute of a dataclass)."""

    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}


@dataclass(frozen=True)
class SampleConfig(_Strict):
    """The insurance generator's defaults (``[sample]``); a sample seed source may override."""

    scale: ScaleValue = POC
    seed: WholeNumber = DEFAULT_SEED


@dataclass(frozen=True)
class RunConfig(_Strict):
    engine: Annotated[str, Rule("engine")] = DEFAULT_ENGINE
    report_dir: NonEmpty = "reports"
    rewrite: Annotated[RewriteMode, Rule("rewrite")] = RewriteMode.AST
    disposable_pattern: Annotated[str, Rule("pattern")] = r"^(etlcheck|test|tmp|ci)([_-]|$)"
    """Names of server databases etlcheck may seed and run in without --allow-external-target."""
    expectations: Text = ""
    """Folder of expectation suites that ``etlcheck run`` validates (relative to the config)."""
    step_timeout_seconds: Seconds = DEFAULT_STEP_TIMEOUT
    """A step still running after this many seconds is stopped and fails (0: no limit)."""


@dataclass(frozen=True)
class DdlSource(_Strict):
    """T-SQL scripts that create production as it stands, run as written."""

    kind: Literal["ddl"]
    path: NonEmpty
    """A .sql file, or a folder whose .sql files run in name order."""


@dataclass(frozen=True)
class FilesSource(_Strict):
    """``<schema>.<table>.csv`` and ``.parquet`` files in a folder."""

    kind: Literal["files"]
    path: NonEmpty


@dataclass(frozen=True)
class SampleSource(_Strict):
    """etlcheck's deterministic generator for the sample insurance pipeline."""

    kind: Literal["sample"]
    name: Literal["insurance"] = "insurance"
    scale: ScaleValue | None = None
    seed: WholeNumber | None = None


@dataclass(frozen=True)
class DatabaseSource(_Strict):
    """A read-only snapshot of a live database: DDL and up to ``rows`` rows a table."""

    kind: Literal["database"]
    url: NonEmpty
    tables: tuple[TableName, ...] = ()
    """``schema.table`` or ``schema.*``; default: every table of the protected schemas."""
    rows: PositiveInt = DEFAULT_SNAPSHOT_ROWS
    where: dict[TableName, NonEmpty] = field(default_factory=dict)
    """A WHERE condition per ``schema.table``, in the source's own SQL."""
    allow_writable: Flag = False
    """Go on, with a warning, when the login could write to the source."""


SeedSource = Annotated[
    DdlSource | FilesSource | SampleSource | DatabaseSource, Rule("one kind of source")
]


@dataclass(frozen=True)
class SeedConfig(_Strict):
    """``[seed]``: what production and the raw data hold before step 1."""

    sources: tuple[SeedSource, ...] = ()
    clone_production: Flag | None = None
    """Copy every protected table into its sandbox before step 1; default: when production
    tables were seeded (rows or only DDL)."""
    max_rows: PositiveInt = DEFAULT_MAX_ROWS
    """A clone of a table with more rows is refused."""
