"""DuckDB's copies of a seeded database: the database is one file, complete once
checkpointed and closed, so each run gets a byte copy.

The files live in ``.etlcheck/bench-<random>/`` with the owner's pid; the folder goes
when the benchmark ends, and one a killed benchmark left is removed by the next.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from etlcheck.engines.copies import OWNER, CopyTarget, DatabaseCopies, remove_leftovers
from etlcheck.targets import MARKER_SUFFIX


class FileCopies(DatabaseCopies):
    """A seeded database file, copied byte for byte for each run."""

    def __init__(self, work: Path) -> None:
        work.mkdir(parents=True, exist_ok=True)
        remove_leftovers(work)
        self.folder = Path(tempfile.mkdtemp(prefix="bench-", dir=work))
        (self.folder / OWNER).write_text(f"{os.getpid()}\n", "utf-8")
        self.seeded = CopyTarget(str(self.folder / "seeded.duckdb"))

    def fresh(self, label: str) -> CopyTarget:
        copy = self.folder / f"{label}.duckdb"
        shutil.copyfile(self.seeded.db, copy)
        copy.with_name(copy.name + MARKER_SUFFIX).write_text("created by etlcheck bench\n")
        return CopyTarget(str(copy))

    def discard(self, copy: CopyTarget) -> None:
        path = Path(copy.db)
        for leftover in (path, path.with_name(path.name + ".wal")):
            leftover.unlink(missing_ok=True)
        path.with_name(path.name + MARKER_SUFFIX).unlink(missing_ok=True)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
