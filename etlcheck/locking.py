"""One etlcheck run at a time on one database.

Two runs in one project used to share the DuckDB file: the second deleted it while the
first was running, and both reported VERIFIED. Every command that opens a database that
outlives it (a DuckDB file, a server URL) now holds a lock on that database first; a
second one gets one line naming the holder's pid, or waits for it with ``--wait``.

The lock is a ``filelock`` lock file (released by the operating system if the holder
dies); beside it, ``<lock>.owner`` says who holds it. Lock files stay in the temp folder
after their runs (removing one safely would need a second lock).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from etlcheck.errors import RefusalError

LOCKS_FOLDER = "etlcheck-locks"
"""In the system's temp folder: one lock file per database (a resolved DuckDB path or a
server URL without its password), shared by every project on this machine and never
written beside the user's files."""


def lock_file_for(database: str) -> Path:
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / LOCKS_FOLDER / f"{digest}.lock"


def owner_of(lock_file: Path) -> dict[str, object]:
    try:
        found = json.loads(lock_file.with_name(lock_file.name + ".owner").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def is_locked(lock_file: Path) -> bool:
    """True while some process holds the lock (a test that takes and gives it back)."""
    lock = FileLock(lock_file)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    lock.release()
    return False


@contextmanager
def holding(
    lock_file: Path,
    shown: str,
    wait: bool = False,
    waiting: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the lock of one database for the block; refuse (exit 2) or wait if it is held."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_file)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = _holder(owner_of(lock_file))
        if not wait:
            raise RefusalError(
                f"another etlcheck run ({holder}) holds {shown}",
                hint="wait for it to finish, pass --wait, or give this run another --db",
            ) from None
        if waiting is not None:
            waiting(f"waiting for another etlcheck run ({holder}) to release {shown}")
        lock.acquire()
    owner = lock_file.with_name(lock_file.name + ".owner")
    owner.write_text(
        json.dumps({"pid": os.getpid(), "since": datetime.now().isoformat(timespec="seconds")}),
        "utf-8",
    )
    try:
        yield
    finally:
        owner.unlink(missing_ok=True)
        lock.release()


def _holder(owner: dict[str, object]) -> str:
    pid = owner.get("pid")
    since = str(owner.get("since", ""))
    text = f"pid {pid}" if pid else "pid unknown"
    return f"{text}, since {since.replace('T', ' ')}" if since else text
