"""The pipeline model: phases of steps in manifest order. A step is a SQL script, or a
procedure call (``steps = ["EXEC etl.usp_load_all"]``), as teams whose pipeline is a
chain of stored procedures run it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etlcheck.config import Config, Phase, is_call
from etlcheck.errors import ConfigError, ScriptError, SourceLocation, UsageError
from etlcheck.script_text import read_script_file


@dataclass(frozen=True)
class Step:
    """One step of the pipeline; ``number`` is its 1-based position in the whole run.

    A procedure call has ``call`` set (its T-SQL) and ``location``, where it stands in the
    configuration file, which is then its ``path``.
    """

    number: int
    phase: str
    name: str
    path: Path
    call: str | None = None
    location: SourceLocation | None = None

    @property
    def is_call(self) -> bool:
        return self.call is not None

    def read(self) -> str:
        """The script text (see :mod:`etlcheck.script_text`); a missing file is a clear
        error.

        A call is its T-SQL at the line and column it has in the configuration file (the
        lines before it left empty), so every place reported in it is that file's."""
        if self.call is not None:
            line, column = (self.location.line, self.location.column) if self.location else (1, 1)
            return "\n" * max(line - 1, 0) + " " * max(column - 1, 0) + self.call
        if not self.path.exists():
            raise ScriptError(
                f"script {self.name!r} of phase {self.phase!r} does not exist",
                SourceLocation(self.path),
                "fix the path in etlcheck.toml or add the file",
            )
        return read_script_file(self.path)


def _call_step(number: int, phase: Phase, entry: str, location: SourceLocation) -> Step:
    """A procedure-call step; ConfigError (at the entry) unless it is one EXEC of a
    procedure."""
    from etlcheck.tsql.calls import read_call
    from etlcheck.tsql.dynamic import read_execute
    from etlcheck.tsql.nodes import Command
    from etlcheck.tsql.statements import SplitError, split_statements

    try:
        body = split_statements(entry).body
        command = body[0] if len(body) == 1 else None
        if isinstance(command, Command) and read_execute(command) is None:
            call = read_call(command)
            if not call.by_variable:
                column = location.column + 1 if location.column else 0
                shown = SourceLocation(location.path, location.line, column)
                return Step(number, phase.name, entry.strip(), Path(location.path), entry, shown)
    except SplitError:
        pass
    raise ConfigError(
        f"step {entry!r} of phase {phase.name!r} is not a procedure call",
        location,
        "write one call, e.g. \"EXEC etl.usp_load_all @mode = N'full'\", or a script path",
    )


@dataclass(frozen=True)
class Pipeline:
    """All steps of a configuration, and the selection helpers the CLI needs."""

    phases: tuple[Phase, ...]
    steps: tuple[Step, ...]

    @classmethod
    def from_config(cls, config: Config) -> Pipeline:
        steps: list[Step] = []
        for phase in config.phases:
            locations = phase.locations or tuple(
                SourceLocation(config.source) for _ in phase.scripts
            )
            for entry, location in zip(phase.scripts, locations, strict=True):
                number = len(steps) + 1
                if is_call(entry):
                    steps.append(_call_step(number, phase, entry, location))
                else:
                    steps.append(Step(number, phase.name, entry, config.sql_dir / entry))
        return cls(config.phases, tuple(steps))

    @property
    def scripts(self) -> tuple[Step, ...]:
        """The steps that are script files (not procedure calls)."""
        return tuple(step for step in self.steps if not step.is_call)

    def check_files(self) -> None:
        """Fail before anything runs when a listed script is missing."""
        for step in self.scripts:
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
