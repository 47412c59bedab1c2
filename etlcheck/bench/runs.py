"""One measured run of the pipeline's steps on a fresh copy of the seeded database.

A warm run happens in this process, where the work cache stays filled from the run
before. A cold run happens in a new process with the work cache off
(``ETLCHECK_CACHE=0``): nothing compiled, nothing memoised, as after a fresh checkout.
Either way the run is the orchestrator's (``stages.make_runner``, ``stages.run_steps``),
under least privilege as ``etlcheck run`` does it, with the steps measured by
:class:`~etlcheck.bench.measure.StepMeter`.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import stages
from etlcheck.bench.keys import CacheState
from etlcheck.bench.measure import EngineClock, StepMeasure, StepMeter
from etlcheck.errors import EtlcheckError
from etlcheck.privilege import least_privilege
from etlcheck.targets import open_engine

if TYPE_CHECKING:
    from etlcheck.bench.copies import SeededCopies
    from etlcheck.options import RunOptions
    from etlcheck.pipeline import Step
    from etlcheck.runner import StepResult

Progress = Callable[["Step", "StepResult | None"], None]
CHILD_TIMEOUT_SECONDS = 3600


class BenchRunFailed(EtlcheckError):
    """A step failed during a benchmark run: the pipeline is broken, not slow."""

    exit_code = 1


def measure_once(
    copies: SeededCopies,
    options: RunOptions,
    cache: CacheState,
    label: str,
    progress: Progress | None = None,
) -> tuple[StepMeasure, ...]:
    """Run every step once on a new copy of the seeded database; the copy is removed."""
    copy = copies.fresh(options, label)
    try:
        cold = cache is CacheState.COLD
        measures = _in_child(copy) if cold else measure_steps(copy, progress)
    finally:
        copies.discard(copy)
    failed = next((m for m in measures if m.status != "ok"), None)
    if failed is not None:
        raise BenchRunFailed(
            f"step {failed.script} failed in benchmark run {label}: {failed.error}",
            hint="etlcheck run shows the failure in full; benchmark a pipeline that runs",
        )
    return measures


def measure_steps(options: RunOptions, progress: Progress | None = None) -> tuple[StepMeasure, ...]:
    """The steps of ``options`` run and measured in this process, on its database."""
    engine = open_engine(options, fresh=False)
    try:
        with (
            EngineClock().attached(engine) as clock,
            least_privilege(engine, options.config.sandbox, options.sandboxed),
        ):
            meter = StepMeter(clock, progress)
            runner = stages.make_runner(engine, options, meter)
            stages.run_steps(runner, options)
    finally:
        engine.close()
    return tuple(meter.measures)


def _in_child(options: RunOptions) -> tuple[StepMeasure, ...]:
    """``measure_steps`` in a new interpreter with the work cache off."""
    import etlcheck

    here = str(Path(etlcheck.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
    completed = subprocess.run(
        [sys.executable, "-m", "etlcheck.bench.runs"],
        input=pickle.dumps(options),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": path, "ETLCHECK_CACHE": "0"},
        timeout=CHILD_TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        lines = completed.stderr.decode(errors="replace").strip().splitlines()
        raise BenchRunFailed(
            "a cold benchmark run failed in its own process: "
            + (lines[-1] if lines else f"exit code {completed.returncode}")
        )
    measures: tuple[StepMeasure, ...] = pickle.loads(completed.stdout)
    return measures


def main() -> None:
    """The cold run's process: options in on stdin, measures out on stdout (pickled)."""
    options = pickle.load(sys.stdin.buffer)
    measures = measure_steps(options)
    sys.stdout.buffer.write(pickle.dumps(measures))


if __name__ == "__main__":
    main()
