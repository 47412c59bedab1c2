"""The schema of etlcheck.toml, checked with pydantic: frozen models, unknown keys refused.

Sections that are used as they are at run time (``[sample]``, ``[run]``, ``[seed]``) are
the dataclasses of :mod:`etlcheck.config_values`, checked by the rules their fields name;
``[project]``, ``[sandbox]`` and ``[[phases]]`` are models here, and become the frozen
dataclasses of :mod:`etlcheck.config` once paths are resolved.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictStr,
    model_validator,
)

from etlcheck.config_values import RunConfig, SampleConfig, SeedConfig
from etlcheck.values import plain_identifier

Identifier = Annotated[StrictStr, AfterValidator(plain_identifier)]
"""A schema name etlcheck may write into SQL: checked when the configuration loads."""
NonEmpty = Annotated[StrictStr, Field(min_length=1)]


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


class ConfigFile(Section):
    """The whole file (or ``[tool.etlcheck]``), as written."""

    project: ProjectSection = ProjectSection()
    sandbox: SandboxSection = SandboxSection()
    sample: SampleConfig = SampleConfig()
    run: RunConfig = RunConfig()
    seed: SeedConfig = SeedConfig()
    phases: Annotated[tuple[PhaseSection, ...], Field(min_length=1)]
