"""The run ledger: what etlcheck knows about each run of a project, kept on disk beside
the database (``.etlcheck/runs/<run-id>/run.json``), apart from the pipeline's own state
tables so that a killed run, a gone server or an edited pipeline cannot lose it.

A record says which database the run used, which run seeded that database (its
``origin``, whose before-snapshot every later run in that database compares with), the
step to continue from, and the run's status: ``running``, ``completed``, ``failed`` or
``interrupted``. A ``running`` run whose process is gone was interrupted.
"""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from etlcheck.seeding.summary import SeedSummary

RUNS_FOLDER = Path(".etlcheck") / "runs"
RECORD = "run.json"
SEED = "seed.json"

Status = Literal["running", "completed", "failed", "interrupted"]


class RunRecord(BaseModel):
    """One run, as the ledger keeps it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    run_id: str
    status: Status
    pid: int
    host: str
    engine: str
    database: str
    """What identifies the database across runs: a resolved file path, a redacted URL."""
    database_shown: str
    lasting: bool
    """The database outlives the run (a file, a server URL); a throwaway cluster or
    ``:memory:`` does not, and leaves nothing to resume."""
    origin: str
    """The run that seeded the database: its before-snapshot is what this run is judged by."""
    resumes: str | None = None
    started_at: str
    finished_at: str | None = None
    next_step: str | None = None
    """The script to continue from: the step that failed, was interrupted or was running."""
    next_number: int | None = None
    steps_done: int = 0
    after_last_step: bool = False
    """Every step of the pipeline ran; the run stopped while verifying."""
    stopped_by: str | None = None
    report: str | None = None

    def with_changes(self, **changes: object) -> RunRecord:
        return self.model_copy(update=changes)

    @property
    def shown_status(self) -> str:
        return "interrupted (its process is gone)" if self.status == "running" else self.status


def new_record(
    run_id: str,
    engine: str,
    database: str,
    database_shown: str,
    lasting: bool,
    origin: str | None = None,
    resumes: str | None = None,
) -> RunRecord:
    return RunRecord(
        run_id=run_id,
        status="running",
        pid=os.getpid(),
        host=socket.gethostname(),
        engine=engine,
        database=database,
        database_shown=database_shown,
        lasting=lasting,
        origin=origin or run_id,
        resumes=resumes,
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


class Ledger:
    """The run records of one project (``<root>/.etlcheck/runs``)."""

    def __init__(self, root: Path) -> None:
        self.folder = root / RUNS_FOLDER

    def run_folder(self, run_id: str) -> Path:
        return self.folder / run_id

    def save(self, record: RunRecord) -> None:
        """Write the record atomically (a reader never sees half of it)."""
        folder = self.run_folder(record.run_id)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{RECORD}.{os.getpid()}"
        temporary.write_text(record.model_dump_json(indent=2), "utf-8")
        temporary.replace(folder / RECORD)

    def records(self) -> list[RunRecord]:
        """Every readable record, oldest first."""
        found = []
        for path in self.folder.glob(f"*/{RECORD}"):
            try:
                found.append(RunRecord.model_validate_json(path.read_text("utf-8")))
            except (OSError, ValidationError):
                continue
        return sorted(found, key=lambda record: (record.started_at, record.run_id))

    def latest(self, database: str) -> RunRecord | None:
        """The newest run on ``database``."""
        runs = [record for record in self.records() if record.database == database]
        return runs[-1] if runs else None

    def forget_database(self, database: str) -> None:
        """A fresh run replaces ``database``: the runs on the old one cannot be continued."""
        import shutil

        for record in self.records():
            if record.database == database:
                shutil.rmtree(self.run_folder(record.run_id), ignore_errors=True)

    def save_seed(self, run_id: str, seed: SeedSummary | None) -> None:
        if seed is None:
            return
        from pydantic import TypeAdapter

        path = self.run_folder(run_id) / SEED
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(TypeAdapter(SeedSummary).dump_json(seed))

    def load_seed(self, run_id: str) -> SeedSummary | None:
        from pydantic import TypeAdapter

        try:
            return TypeAdapter(SeedSummary).validate_json(
                (self.run_folder(run_id) / SEED).read_bytes()
            )
        except (OSError, ValidationError):
            return None
