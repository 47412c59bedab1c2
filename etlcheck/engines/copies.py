"""Copies of one seeded database, one per benchmark run: seeding happens once.

An engine that can copy a database returns a :class:`DatabaseCopies` from
``Engine.database_copies``; the benchmark seeds ``seeded`` and runs on ``fresh()``
copies of it.
"""

from __future__ import annotations

import shutil
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from etlcheck.processes import process_alive


@dataclass(frozen=True)
class CopyTarget:
    """A database to run on: ``--db`` as the user would give it."""

    db: str
    own: bool = False
    """True when etlcheck made the server it is on (a throwaway cluster), so etlcheck may
    seed and drop it whatever its name."""


class DatabaseCopies(ABC):
    """The seeded database and the copies made of it."""

    seeded: CopyTarget

    @abstractmethod
    def fresh(self, label: str) -> CopyTarget:
        """A new copy of the seeded database (seeded and checkpointed by then)."""

    @abstractmethod
    def discard(self, copy: CopyTarget) -> None:
        """Remove a copy ``fresh`` made."""

    @abstractmethod
    def close(self) -> None:
        """Remove the seeded database, its copies and whatever was started for them."""


OWNER = "owner.pid"
"""In a benchmark's folder of copies: the pid of the process that uses it."""
UNOWNED_AGE_SECONDS = 3600
"""A folder without a readable owner, older than this, is a leftover."""


def remove_leftovers(work: Path) -> list[Path]:
    """Remove the folders of copies whose benchmark is gone (killed, say); return them."""
    removed = []
    for folder in work.glob("bench-*"):
        if folder.is_dir() and not _in_use(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _in_use(folder: Path) -> bool:
    try:
        pid = int((folder / OWNER).read_text("utf-8").strip())
    except (OSError, ValueError):
        try:
            return time.time() - folder.stat().st_mtime < UNOWNED_AGE_SECONDS
        except OSError:
            return False
    return process_alive(pid)
