"""Validate in a second process that imported Great Expectations while the run went on.

Importing GX costs two seconds or more of pure Python. In a thread of the run it competes
for the GIL with seeding, whose DuckDB inserts of DataFrames take and give back the GIL
all the time: seeding the seed scale took 2.7 s alone and 6.7 s beside the importing
thread (2 cores, load about 4), more than the import it hid. A child process imports GX
on the other core instead. When the run is done, the engine copies
the tables the suites read into a DuckDB file of their own (inside DuckDB, without the
GIL), and the child validates that copy. An engine that cannot export tables, or a child
that failed for any reason, leaves the validation to the run's own process, which then
imports GX itself.

The child reads a pickled ``Job`` on stdin and writes a pickled ``Result`` on stdout.
"""

from __future__ import annotations

import atexit
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.heap import uncollected

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.expectations.model import SuiteFile
    from etlcheck.expectations.outcomes import SuiteOutcome
    from etlcheck.expectations.sqlbuild import Resolver

WAIT_SECONDS = 3600.0
CHILD = "from etlcheck.expectations.worker import main; main()"
"""The child's program (not ``-m``: what it pickles must belong to this module's name)."""


@dataclass(frozen=True)
class Job:
    database: Path
    suites: tuple[SuiteFile, ...]
    tables: tuple[tuple[str, str], ...]
    """Each production ``schema.table`` the suites read, with its name in ``database``."""
    counted: tuple[tuple[str, int | None], ...] = ()
    """Row counts of the tables the suites only count (None: no such table)."""


@dataclass(frozen=True)
class Result:
    outcomes: tuple[SuiteOutcome, ...] | None
    import_seconds: float
    validate_seconds: float
    error: str = ""


@dataclass
class Timings:
    import_seconds: float = 0.0
    waited_seconds: float = 0.0
    export_seconds: float = 0.0
    validate_seconds: float = 0.0
    used: bool = False


class Worker:
    """The child process; ``validate`` hands it a job, ``stop`` ends it unused."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.timings = Timings()

    def validate(
        self, engine: Engine, suites: list[SuiteFile], resolve: Resolver
    ) -> list[SuiteOutcome] | None:
        """The outcomes, validated by the child on a copy of the tables; None when the
        child could not (the caller validates in its own process)."""
        folder = Path(tempfile.mkdtemp(prefix="etlcheck-validate-"))
        try:
            began = time.perf_counter()
            tables = {name: resolve(name) for suite in suites for name in suite.tables()}
            engine.export_tables(sorted(set(tables.values())), folder / "tables.duckdb")
            tables |= {n: resolve(n) for suite in suites for n in suite.counted_tables()}
            counted = _counts(engine, suites, resolve)
            self.timings.export_seconds = time.perf_counter() - began
            job = Job(
                folder / "tables.duckdb",
                tuple(suites),
                tuple(sorted(tables.items())),
                tuple(counted),
            )
            sent = time.perf_counter()
            out, _ = self.process.communicate(pickle.dumps(job), timeout=WAIT_SECONDS)
            result: Result = pickle.loads(out)
        except Exception:  # the child died, timed out or answered nonsense: do it here
            self.stop()
            return None
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        waited = time.perf_counter() - sent - result.validate_seconds
        self.timings = Timings(
            result.import_seconds,
            max(0.0, waited),
            self.timings.export_seconds,
            result.validate_seconds,
        )
        if result.outcomes is None:
            return None
        self.timings.used = True
        global last_timings
        last_timings = self.timings
        return list(result.outcomes)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _counts(
    engine: Engine, suites: list[SuiteFile], resolve: Resolver
) -> list[tuple[str, int | None]]:
    """Row counts of the tables the suites only count, keyed by their resolved names."""
    from etlcheck.expectations.engine_checks import table_facts
    from etlcheck.expectations.validate import count_rows

    counted = []
    for name in sorted({resolve(t) for suite in suites for t in suite.counted_tables()}):
        facts = table_facts(engine, name)
        counted.append((name, None if facts is None else count_rows(engine, facts.table)))
    return counted


_worker: Worker | None = None
last_timings: Timings | None = None
"""The timings of the last validation a worker did (for benchmarks)."""


def start_worker() -> None:
    """Start the child (once); it imports GX at once and waits for its job."""
    global _worker
    if _worker is not None:
        return
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_same_etlcheck(),
    )
    _worker = Worker(process)
    atexit.register(_worker.stop)


def _same_etlcheck() -> dict[str, str]:
    """The environment with this process's etlcheck first on the path: the child must
    unpickle the job with the very classes that pickled it."""
    import etlcheck

    here = str(Path(etlcheck.__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, path) if p)}


def take_worker() -> Worker | None:
    """The started child, handed over once (the next validation starts none)."""
    global _worker
    worker, _worker = _worker, None
    return worker


def main() -> None:
    """The child: import GX, then validate the job read from stdin."""
    answer = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever GX prints must not mix with the pickled answer
    began = time.perf_counter()
    failure = ""
    try:
        with uncollected():  # GX's import allocates what lives until exit
            _warm_up()
    except Exception as error:
        failure = f"cannot import Great Expectations: {error}"
    imported = time.perf_counter() - began
    try:
        job: Job = pickle.load(sys.stdin.buffer)
    except EOFError:  # the run ended without validating
        return
    began = time.perf_counter()
    outcomes = None if failure else _validate(job)
    answer.write(pickle.dumps(Result(outcomes, imported, time.perf_counter() - began, failure)))
    answer.close()
    # The run waits for this process to end: skip the interpreter's teardown of GX,
    # pandas and DuckDB (half a second); everything the child opened is closed.
    os._exit(0)


def _warm_up() -> None:
    """Import GX and run it once on a tiny DataFrame, so the job finds it warm."""
    from etlcheck.engines.registry import EXPORT_ENGINE, get_engine_class
    from etlcheck.expectations.gx_run import GreatExpectations

    with get_engine_class(EXPORT_ENGINE)(None) as engine:
        GreatExpectations(engine).warm_up()


def _validate(job: Job) -> tuple[SuiteOutcome, ...] | None:
    from etlcheck.engines.registry import EXPORT_ENGINE, get_engine_class
    from etlcheck.expectations.validate import validate_here

    names = dict(job.tables)
    try:
        with get_engine_class(EXPORT_ENGINE)(str(job.database)) as engine:
            resolve = names.get
            return tuple(
                validate_here(engine, list(job.suites), lambda t: resolve(t, t), dict(job.counted))
            )
    except Exception:  # the run's own process validates and reports the error
        return None
