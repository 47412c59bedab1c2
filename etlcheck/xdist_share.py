"""pytest-xdist: the pipeline runs once per session, and every worker shares the result.

The first worker whose tests need the run (any of :data:`SHARED`, or ``etl_engine``)
becomes the *producer*: it seeds, runs the pipeline, fingerprints and validates, exactly
as without xdist, then publishes every value to the session's share folder. Other
workers are *consumers*: their fixtures wait for that and return the producer's values,
so each test sees the same run whichever worker it lands on. A consumer that asks for
the database itself (``etl_engine``) gets a copy of the producer's DuckDB file, or a
connection to the producer's throwaway PostgreSQL server, which the producer keeps until
every consumer is done with it. Only the producer writes the run's report, into the
session's one report folder.

The producer may publish in two stages: everything but the validated expectations
first (the xdist controller does, so the workers run the other tests while Great
Expectations validates), then the whole run. A consumer waits only for the stage that
holds the value it asks for.

Waiting uses locks on files (``flock``), so a producer that dies releases the consumers:
they fail with one line instead of waiting for ever.

Consumers get every value as the producer has it, except the per-row hashes of the
before-snapshot (``etl_before``): they serve the producer's diff, which consumers get whole
in ``etl_after``, and leaving them out spares each worker importing numpy to unpickle them.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from etlcheck.isolation.snapshots import Snapshot

SHARED = (
    "etl_seed",
    "etl_before",
    "etl_lint",
    "etl_run",
    "etl_after",
    "etl_pipeline_tables",
    "etl_expectations",
)
"""Fixtures whose values the producer publishes, in the order they compute (``etl_engine`` is
shared as a database)."""
CONTROLLER = "controller"
"""The producer's name when the xdist controller makes the run (else a worker id)."""
Role = Literal["producer", "consumer"]


@dataclass(frozen=True)
class Outcome:
    """One fixture's result on the producer: a value, or why it failed or was skipped."""

    value: Any = None
    failed: str | None = None
    skipped: str | None = None


@dataclass(frozen=True)
class SharedRun:
    """Everything the producer publishes."""

    producer: str
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    database_file: Path | None = None
    """A copy of the producer's DuckDB file, for consumers that open the database."""
    database_url: str | None = None
    """How consumers reach the producer's throwaway server (no password: its socket)."""
    expectations_folder: Path | None = None
    """The suites the producer validated (``etl_expectations``)."""
    complete: bool = True
    """False for the first of two stages: more outcomes follow."""


def _for_consumers(outcome: Outcome) -> Outcome:
    if isinstance(outcome.value, Snapshot):
        return replace(outcome, value=outcome.value.without_row_hashes())
    return outcome


class Gate:
    """A file the producer holds locked until it opens the gate; waiters block on it
    (without polling) and pass when it opens, or when the producer dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._held: int | None = None

    def close(self) -> None:
        """The producer: nobody passes until :meth:`open`."""
        self._held = os.open(self.path, os.O_RDWR | os.O_CREAT)
        fcntl.flock(self._held, fcntl.LOCK_EX)

    def open(self) -> None:
        if self._held is not None:
            fcntl.flock(self._held, fcntl.LOCK_UN)
            os.close(self._held)
            self._held = None

    def wait(self) -> None:
        waiting = os.open(self.path, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(waiting, fcntl.LOCK_SH)
        finally:
            os.close(waiting)


class RunShare:
    """One worker's side of the share folder (``folder`` is the same for all workers)."""

    def __init__(self, folder: Path, worker: str) -> None:
        self.folder = folder
        self.worker = worker
        self._role: Role | None = None
        self._first_stage = Gate(folder / "result.lock")
        self._last_stage = Gate(folder / "complete.lock")
        self._published: SharedRun | None = None
        self._users: int | None = None
        """A shared lock on ``database-users`` while this consumer uses the database."""

    @property
    def result_file(self) -> Path:
        return self.folder / "result.pickle"

    def role(self) -> Role:
        """Producer or consumer, decided once, by the first process to ask (the xdist
        controller claims it before the workers start, when it runs the pipeline)."""
        if self._role is None:
            from filelock import FileLock

            with FileLock(self.folder / "election.lock"):
                producer = self.folder / "producer"
                if producer.exists():
                    self._role = "consumer"
                    self.use_database()
                else:
                    self._first_stage.close()
                    self._last_stage.close()
                    producer.write_text(self.worker, "utf-8")
                    self._role = "producer"
        return self._role

    @property
    def producer(self) -> str | None:
        """Who makes the run: ``controller``, a worker id, or None (nobody yet)."""
        try:
            return (self.folder / "producer").read_text("utf-8").strip()
        except OSError:
            return None

    @property
    def producing(self) -> bool:
        return self.role() == "producer"

    @property
    def published(self) -> bool:
        return self.result_file.exists()

    def publish(self, run: SharedRun) -> None:
        """Write the producer's values and let the consumers go (those waiting for the
        last stage only when ``run`` is complete)."""
        temporary = self.folder / f".result.{os.getpid()}"
        outcomes = {name: _for_consumers(outcome) for name, outcome in run.outcomes.items()}
        temporary.write_bytes(pickle.dumps(replace(run, outcomes=outcomes)))
        temporary.replace(self.result_file)
        self._first_stage.open()
        if run.complete:
            self._last_stage.open()

    def copy_database(self, source: Path) -> Path:
        """Put a copy of the producer's database file where consumers find it."""
        target = self.folder / "pipeline.duckdb"
        shutil.copyfile(source, target)
        return target

    def result(self, name: str | None = None) -> SharedRun:
        """The producer's values (a consumer waits for them); with ``name``, values that
        hold that fixture's outcome, unless the producer published none for it."""
        if self._published is None:
            self._first_stage.wait()
            self._published = self._read()
        missing = name is not None and name not in self._published.outcomes
        if missing and not self._published.complete:
            self._last_stage.wait()
            self._published = self._read()
            if not self._published.complete:  # the gate opened: the producer died
                raise RuntimeError(
                    f"the worker that ran the pipeline ({self.producer}) ended before it "
                    "finished the run"
                )
        return self._published

    def _read(self) -> SharedRun:
        if not self.result_file.exists():
            raise RuntimeError(
                f"the worker that ran the pipeline ({self.producer}) ended without a result"
            )
        run: SharedRun = pickle.loads(self.result_file.read_bytes())
        return run

    # -- the producer's server outlives every consumer that uses it ----------------------
    def use_database(self) -> None:
        """A consumer may use the producer's server until its session ends: a shared lock
        from the moment it knows it is a consumer, so the producer cannot stop the server
        in between."""
        if self._users is None:
            self._users = os.open(self.folder / "database-users", os.O_RDWR | os.O_CREAT)
            fcntl.flock(self._users, fcntl.LOCK_SH)

    def release_database(self) -> None:
        if self._users is not None:
            fcntl.flock(self._users, fcntl.LOCK_UN)
            os.close(self._users)
            self._users = None

    @contextlib.contextmanager
    def consumers_done(self) -> Iterator[None]:
        """The producer, before it stops its server: wait until no consumer uses it."""
        users = os.open(self.folder / "database-users", os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(users, fcntl.LOCK_EX)
            yield
        finally:
            os.close(users)
