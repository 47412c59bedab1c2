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

Waiting uses lock files (``filelock``), so a producer that dies releases the consumers:
they fail with one line instead of waiting for ever.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock

SHARED = ("etl_seed", "etl_before", "etl_run", "etl_after", "etl_expectations")
"""Fixtures whose values the producer publishes (``etl_engine`` is shared as a database)."""
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


class RunShare:
    """One worker's side of the share folder (``folder`` is the same for all workers)."""

    def __init__(self, folder: Path, worker: str) -> None:
        self.folder = folder
        self.worker = worker
        self._role: Role | None = None
        self._result_lock = FileLock(folder / "result.lock", thread_local=False)
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
            with FileLock(self.folder / "election.lock"):
                producer = self.folder / "producer"
                if producer.exists():
                    self._role = "consumer"
                    self.use_database()
                else:
                    self._result_lock.acquire()
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
        """Write the producer's values and let the consumers go."""
        temporary = self.folder / f".result.{os.getpid()}"
        temporary.write_bytes(pickle.dumps(run))
        temporary.replace(self.result_file)
        self._result_lock.release()

    def copy_database(self, source: Path) -> Path:
        """Put a copy of the producer's database file where consumers find it."""
        target = self.folder / "pipeline.duckdb"
        shutil.copyfile(source, target)
        return target

    def result(self) -> SharedRun:
        """The producer's values (a consumer waits for them)."""
        if self._published is None:
            with self._result_lock:
                if not self.result_file.exists():
                    who = (self.folder / "producer").read_text("utf-8").strip()
                    raise RuntimeError(
                        f"the worker that ran the pipeline ({who}) ended without a result"
                    )
                self._published = pickle.loads(self.result_file.read_bytes())
        assert self._published is not None
        return self._published

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
