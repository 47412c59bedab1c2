"""The pipeline model: phases of steps, each step one SQL script, in manifest order."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etlcheck.config import Config, Phase
from etlcheck.errors import ConfigError, ScriptError, SourceLocation, UsageError
from etlcheck.script_text import read_script_file


@dataclass(frozen=True)
class Step:
    """One script of the pipeline; ``number`` is its 1-based position in the whole run."""

    number: int
    phase: str
    name: str
    path: Path

    def read(self) -> str:
        """The script text (see :mod:`etlcheck.script_text`); a missing file is a clear
        error."""
        if not self.path.exists():
            raise ScriptError(
                f"script {self.name!r} of phase {self.phase!r} does not exist",
                SourceLocation(self.path),
                "fix the path in etlcheck.toml or add the file",
            )
        return read_script_file(self.path)


@dataclass(frozen=True)
class Pipeline:
    """All steps of a configuration, and the selection helpers the CLI needs."""

    phases: tuple[Phase, ...]
    steps: tuple[Step, ...]

    @classmethod
    def from_config(cls, config: Config) -> Pipeline:
        steps: list[Step] = []
        for phase in config.phases:
            for script in phase.scripts:
                steps.append(Step(len(steps) + 1, phase.name, script, config.sql_dir / script))
        return cls(config.phases, tuple(steps))

    def check_files(self) -> None:
        """Fail before anything runs when a listed script is missing."""
        for step in self.steps:
            if not step.path.is_file():
                step.read()

    def find(self, key: str) -> Step:
        """A step by number, file name or file name without ``.sql``."""
        for step in self.steps:
            if key in (str(step.number), step.name, step.name.removesuffix(".sql")):
                return step
        raise UsageError(
            f"no step {key!r} in the pipeline",
            hint="give a step number or a script name from etlcheck.toml",
        )

    def select(
        self,
        start: str | None = None,
        until: str | None = None,
        phase: str | None = None,
    ) -> tuple[Step, ...]:
        """The steps between ``start`` and ``until`` (inclusive), optionally within one phase."""
        steps = self.steps
        if phase is not None:
            if phase not in {p.name for p in self.phases}:
                known = ", ".join(p.name for p in self.phases)
                raise ConfigError(f"unknown phase {phase!r}", hint=f"phases are: {known}")
            steps = tuple(s for s in steps if s.phase == phase)
        first = self.find(start).number if start else 1
        last = self.find(until).number if until else len(self.steps)
        if first > last:
            raise UsageError(f"--from {start} comes after --until {until}")
        return tuple(s for s in steps if first <= s.number <= last)
