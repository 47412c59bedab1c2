"""One measured run of the pipeline's steps on a fresh copy of the seeded database.

A warm run happens in this process, where the work cache stays filled from the run
before. A cold run happens in a new process with the work cache off
(``ETLCHECK_CACHE=0``): nothing compiled, nothing memoised, as after a fresh checkout.
Either way the run is the orchestrator's (``stages.make_runner``, ``stages.run_steps``),
under least privilege as ``etlcheck run`` does it, with the steps measured by
:class:`~etlcheck.bench.measure.StepMeter`. SIGINT and SIGTERM stop it as they stop
``etlcheck run``: at the next statement, or by passing the signal on to a cold run's
process.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import stages
from etlcheck.bench.keys import CacheState
from etlcheck.bench.measure import EngineClock, StepMeasure, StepMeter
from etlcheck.errors import EtlcheckError
from etlcheck.interrupts import RunInterrupted, StopSignals
from etlcheck.privilege import least_privilege
from etlcheck.targets import open_engine
from etlcheck.trace import Trace

if TYPE_CHECKING:
    from etlcheck.bench.copies import SeededCopies
    from etlcheck.options import RunOptions
    from etlcheck.pipeline import Step
    from etlcheck.step_result import StepResult

Progress = Callable[["Step", "StepResult | None"], None]
CHILD_TIMEOUT_SECONDS = 3600
CHILD_POLL_SECONDS = 0.1


class BenchRunFailed(EtlcheckError):
    """A step failed during a benchmark run: the pipeline is broken, not slow."""

    exit_code = 1


class BenchInterrupted(RunInterrupted):
    """A signal stopped the benchmark: its copies are removed and nothing is stored."""

    def __init__(self, signum: int, where: str) -> None:
        super().__init__(signum)
        self.where = where

    @property
    def sentence(self) -> str:
        return (
            f"the benchmark was interrupted {self.where}; its database copies were "
            "removed and no result was stored (run it again)"
        )


def measure_once(
    copies: SeededCopies,
    options: RunOptions,
    cache: CacheState,
    label: str,
    stop: StopSignals | None = None,
) -> tuple[StepMeasure, ...]:
    """Run every step once on a new copy of the seeded database; the copy is removed."""
    stop = stop or StopSignals()
    stopped_in(stop, f"before {label}")
    copy = copies.fresh(options, label)
    try:
        cold = cache is CacheState.COLD
        measures = _in_child(copy, stop) if cold else measure_steps(copy, stop=stop)
    except RunInterrupted:
        raise BenchInterrupted(stop.signum or 2, f"during {label}") from None
    finally:
        copies.discard(copy)
    stopped_in(stop, f"during {label}")
    failed = next((m for m in measures if m.status != "ok"), None)
    if failed is not None:
        raise BenchRunFailed(
            f"step {failed.script} failed in benchmark run {label}: {failed.error}",
            hint="etlcheck run shows the failure in full; benchmark a pipeline that runs",
        )
    return measures


def stopped_in(stop: StopSignals, where: str) -> None:
    """Raise :class:`BenchInterrupted` if a signal came."""
    if stop.signum is not None:
        raise BenchInterrupted(stop.signum, where)


def measure_steps(
    options: RunOptions, progress: Progress | None = None, stop: StopSignals | None = None
) -> tuple[StepMeasure, ...]:
    """The steps of ``options`` run and measured in this process, on its database."""
    engine = open_engine(options, fresh=False)
    trace = Trace.from_environment()
    try:
        if stop is not None:
            stop.watch(engine)
        if trace is not None:
            trace.attach(engine)
            progress = _traced(trace, progress)
        with (
            EngineClock().attached(engine) as clock,
            least_privilege(engine, options.config, options.sandboxed),
        ):
            meter = StepMeter(clock, progress)
            runner = stages.make_runner(engine, options, meter, stop=stop)
            stages.run_steps(runner, options)
    finally:
        engine.close()
        if trace is not None:
            trace.close()
    return tuple(meter.measures)


def _traced(trace: Trace, progress: Progress | None) -> Progress:
    def both(step: Step, result: StepResult | None) -> None:
        trace.step(step, result)
        if progress is not None:
            progress(step, result)

    return both


def _in_child(options: RunOptions, stop: StopSignals) -> tuple[StepMeasure, ...]:
    """``measure_steps`` in a new interpreter with the work cache off; a signal this
    process gets is passed on to it."""
    import etlcheck

    here = str(Path(etlcheck.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            [sys.executable, "-m", "etlcheck.bench.runs"],
            stdin=subprocess.PIPE,
            stdout=output,
            stderr=errors,
            env={**os.environ, "PYTHONPATH": path, "ETLCHECK_CACHE": "0"},
        )
        assert child.stdin is not None
        child.stdin.write(pickle.dumps(options))
        child.stdin.close()
        returncode = _wait_for(child, stop)
        output.seek(0)
        errors.seek(0)
        if returncode != 0:
            lines = errors.read().decode(errors="replace").strip().splitlines()
            raise BenchRunFailed(
                "a cold benchmark run failed in its own process: "
                + (lines[-1] if lines else f"exit code {returncode}")
            )
        measures: tuple[StepMeasure, ...] = pickle.loads(output.read())
    return measures


def _wait_for(child: subprocess.Popen[bytes], stop: StopSignals) -> int:
    """The child's exit code; on a signal here, the child gets it too and is waited for."""
    deadline = time.monotonic() + CHILD_TIMEOUT_SECONDS
    while stop.signum is None:
        try:
            return child.wait(CHILD_POLL_SECONDS)
        except subprocess.TimeoutExpired:
            if time.monotonic() > deadline:
                child.kill()
                child.wait()
                raise BenchRunFailed(
                    f"a cold benchmark run took over {CHILD_TIMEOUT_SECONDS} s"
                ) from None
    child.send_signal(stop.signum)
    child.wait()
    raise stop.stopped()


def main() -> None:
    """The cold run's process: options in on stdin, measures out on stdout (pickled); a
    signal stops it at the next statement."""
    options = pickle.load(sys.stdin.buffer)
    with StopSignals().installed() as stop:
        try:
            measures = measure_steps(options, stop=stop)
        except RunInterrupted as stopped:
            sys.exit(stopped.exit_code)
    sys.stdout.buffer.write(pickle.dumps(measures))


if __name__ == "__main__":
    main()
