"""What one run measures per step, beside the runner's own wall time: time inside the
engine's calls, CPU time of the process, and its peak resident memory.

Engine time is taken by timing the engine's public calls on the running instance
(``execute``, ``query``, ``query_expression``, ``query_frame``, and ``run_script`` where
the engine runs T-SQL natively), so the interpreter, the runner and the engines stay as
they are. A call made from inside another is counted once. Peak memory per step uses
Linux's resettable high-water mark (``/proc/self/clear_refs``); elsewhere it is the
process's peak so far (``ru_maxrss``).
"""

from __future__ import annotations

import functools
import re
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.pipeline import Step
    from etlcheck.step_result import StepResult

TIMED_CALLS = ("execute", "query", "query_expression", "query_frame")
_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")
_HIGH_WATER = re.compile(rb"VmHWM:\s+(\d+)\s+kB")


class EngineClock:
    """Seconds spent inside an engine's calls since it was attached."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._depth = 0

    @contextmanager
    def attached(self, engine: Engine) -> Iterator[EngineClock]:
        """Time ``engine``'s calls while the block runs; its own methods come back after."""
        names = [*TIMED_CALLS, *(() if engine.interprets_tsql else ("run_script",))]
        for name in names:
            setattr(engine, name, self._timed(getattr(engine, name)))
        try:
            yield self
        finally:
            for name in names:
                vars(engine).pop(name, None)

    def _timed(self, call: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(call)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            began = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.seconds += time.perf_counter() - began

        return timed


def cpu_seconds() -> float:
    """User and system CPU time of this process so far, every thread."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def reset_peak_memory() -> bool:
    """Start a new high-water mark of resident memory (Linux); False where it cannot."""
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def peak_memory() -> int:
    """Peak resident memory in bytes since ``reset_peak_memory`` (or since the start)."""
    try:
        found = _HIGH_WATER.search(_STATUS.read_bytes())
    except OSError:
        found = None
    if found is not None:
        return int(found[1]) * 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@dataclass(frozen=True)
class StepMeasure:
    """What one step took in one run."""

    script: str
    phase: str
    status: str
    wall: float
    engine: float
    cpu: float
    rows: int
    peak_rss: int
    error: str | None = None

    @property
    def interpreter(self) -> float:
        return max(0.0, self.wall - self.engine)


class StepMeter:
    """A runner progress callback that measures every step (and passes progress on)."""

    def __init__(
        self,
        clock: EngineClock,
        then: Callable[[Step, StepResult | None], None] | None = None,
    ) -> None:
        self.clock = clock
        self.then = then
        self.measures: list[StepMeasure] = []
        self._engine = 0.0
        self._cpu = 0.0

    def __call__(self, step: Step, result: StepResult | None) -> None:
        if result is None:
            reset_peak_memory()
            self._engine, self._cpu = self.clock.seconds, cpu_seconds()
        else:
            self.measures.append(
                StepMeasure(
                    script=step.name,
                    phase=step.phase,
                    status=result.status,
                    wall=result.seconds,
                    engine=min(self.clock.seconds - self._engine, result.seconds),
                    cpu=cpu_seconds() - self._cpu,
                    rows=result.rows_affected,
                    peak_rss=peak_memory(),
                    error=result.error,
                )
            )
        if self.then is not None:
            self.then(step, result)
