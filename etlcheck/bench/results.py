"""One benchmark result as it is stored: the key, the machine, and per step and per phase
one sample of each measure per run.

The stored JSON is read back through these pydantic models, so a hand-edited or foreign
file is refused with one line instead of failing somewhere later.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from etlcheck.bench.keys import BenchKey

FORMAT = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Samples(_Frozen):
    """One value per measured run, in run order."""

    wall: tuple[float, ...] = ()
    """Seconds from the step's start to its end (a phase: the sum of its steps)."""
    engine: tuple[float, ...] = ()
    """Seconds spent inside the engine's calls (the database working)."""
    interpreter: tuple[float, ...] = ()
    """Seconds outside them: the remap, splitting, compiling and the T-SQL interpreter."""
    cpu: tuple[float, ...] = ()
    """CPU seconds of the etlcheck process, every thread (DuckDB's included)."""
    rows: tuple[int, ...] = ()
    peak_rss: tuple[int, ...] = ()
    """Peak resident memory of the etlcheck process during the step, in bytes."""

    @property
    def runs(self) -> int:
        return len(self.wall)


class StepSamples(_Frozen):
    number: int
    script: str
    phase: str
    digest: str
    """The digest of the script's code (``keys.script_digest``)."""
    samples: Samples


class PhaseSamples(_Frozen):
    name: str
    title: str
    samples: Samples


class MachineFacts(_Frozen):
    id: str
    host: str
    system: str
    python: str
    processor: str = ""
    cpus: int = 0


class BenchResult(_Frozen):
    """Everything one ``etlcheck bench`` measured for one pipeline (one side of it)."""

    format: int = FORMAT
    number: int = 0
    """Its place among the machine's results (assigned when it is saved)."""
    name: str | None = None
    """The name ``--save NAME`` gave it."""
    pipeline: str
    created_at: datetime
    machine: MachineFacts
    key: BenchKey
    scripts_digest: str
    source: str = "worktree"
    """Where the scripts came from: ``worktree``, or ``ref <REF> (<commit>)``."""
    runs: int
    warmup: int
    load: tuple[float, ...] = ()
    """The machine's 1-minute load average before and after the runs."""
    reference: tuple[float, ...] = ()
    """Seconds of the reference workload timed before each measured run (how fast the
    machine was then; ``bench.reference``). Empty in results saved before it existed."""
    seconds: float = 0.0
    """Wall time of the whole benchmark, seeding included."""
    steps: tuple[StepSamples, ...] = Field(default=())
    phases: tuple[PhaseSamples, ...] = Field(default=())

    @property
    def label(self) -> str:
        """How a person names it: ``0007 (before-refactor)``, or ``0007``."""
        number = f"{self.number:04d}" if self.number else "unsaved"
        return f"{number} ({self.name})" if self.name else number

    def step(self, script: str) -> StepSamples | None:
        return next((s for s in self.steps if s.script == script), None)

    def phase(self, name: str) -> PhaseSamples | None:
        return next((p for p in self.phases if p.name == name), None)


class HandedBench(BaseModel):
    """A session's benchmark as the pytest worker that measured it hands it to the others
    (``etlcheck.bench.pytest_plugin``)."""

    model_config = ConfigDict(frozen=True)

    head: BenchResult
    baseline: BenchResult | None = None
    report: str = ""
