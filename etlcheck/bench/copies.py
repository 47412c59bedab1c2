"""One seeded database and a fresh copy of it for every run: seeding happens once.

- An engine whose database is one file (``database_copy = "file"``, DuckDB) is seeded
  into a file of its own (``.etlcheck/bench-<random>/``, with the owner's pid), checkpointed
  and closed; each run gets a byte copy. The folder goes when the benchmark ends; one a
  killed benchmark left is removed by the next.
- A server that copies databases itself (``"template"``, PostgreSQL) is seeded into one
  database; each run gets ``CREATE DATABASE <copy> TEMPLATE <seeded>``. Without
  ``--db`` the server is a throwaway cluster the benchmark starts and stops; with
  ``--db URL`` the copies are made beside that database on its server (the login needs
  CREATEDB) and are named after it, so they look as disposable as it does.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from abc import ABC, abstractmethod
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit, urlunsplit

from etlcheck import stages
from etlcheck.errors import UsageError
from etlcheck.targets import MARKER_SUFFIX, open_engine

if TYPE_CHECKING:
    from etlcheck.interrupts import StopSignals
    from etlcheck.options import RunOptions
    from etlcheck.seeding.summary import SeedSummary


class SeededCopies(ABC):
    """A database seeded once; ``fresh()`` gives options that point at a new copy."""

    seed: SeedSummary

    @abstractmethod
    def fresh(self, options: RunOptions, label: str) -> RunOptions:
        """``options`` with their database a new copy of the seeded one."""

    @abstractmethod
    def discard(self, copy: RunOptions) -> None:
        """Remove a copy ``fresh`` made."""

    @abstractmethod
    def close(self) -> None:
        """Remove the seeded database and whatever else was started for it."""


def seed_once(options: RunOptions, stop: StopSignals | None = None) -> SeededCopies:
    """Seed the options' declared sources once, in a database that can be copied (a
    signal stops the seeding at its next statement)."""
    from etlcheck.engines import get_engine_class

    kind = get_engine_class(options.engine).database_copy
    if kind == "file":
        if options.db is not None:
            raise UsageError(
                f"etlcheck bench seeds and copies a {options.engine} file of its own; "
                "--db is for server engines",
                hint="drop --db",
            )
        return FileCopies(options, stop)
    if kind == "template":
        return TemplateCopies(options, stop)
    raise UsageError(
        f"etlcheck bench cannot copy a seeded {options.engine} database for each run",
        hint="benchmark on --engine duckdb or --engine postgres",
    )


def _seed(options: RunOptions, stop: StopSignals | None) -> SeedSummary:
    engine = open_engine(options, fresh=True)
    try:
        if stop is not None:
            stop.take_over()  # after a throwaway cluster installed its own handlers
            stop.watch(engine)
        seed = stages.seed(engine, options)
        engine.checkpoint()
    finally:
        engine.close()
    return seed


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
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class FileCopies(SeededCopies):
    """A seeded database file, copied byte for byte for each run."""

    def __init__(self, options: RunOptions, stop: StopSignals | None = None) -> None:
        work = options.config.root / ".etlcheck"
        work.mkdir(parents=True, exist_ok=True)
        remove_leftovers(work)
        self.folder = Path(tempfile.mkdtemp(prefix="bench-", dir=work))
        (self.folder / OWNER).write_text(f"{os.getpid()}\n", "utf-8")
        self.seeded = self.folder / "seeded.duckdb"
        try:
            self.seed = _seed(replace(options, db=str(self.seeded)), stop)
        except BaseException:
            self.close()
            raise

    def fresh(self, options: RunOptions, label: str) -> RunOptions:
        copy = self.folder / f"{label}.duckdb"
        shutil.copyfile(self.seeded, copy)
        copy.with_name(copy.name + MARKER_SUFFIX).write_text("created by etlcheck bench\n")
        return replace(options, db=str(copy))

    def discard(self, copy: RunOptions) -> None:
        path = Path(str(copy.db))
        for leftover in (path, path.with_name(path.name + ".wal")):
            leftover.unlink(missing_ok=True)
        path.with_name(path.name + MARKER_SUFFIX).unlink(missing_ok=True)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class TemplateCopies(SeededCopies):
    """A seeded server database, copied by the server for each run."""

    def __init__(self, options: RunOptions, stop: StopSignals | None = None) -> None:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        self._cluster: Any = None
        self._created: list[str] = []
        if options.db is None:
            options = self._start_cluster(options)
        server = conninfo_to_dict(str(options.db))
        self.database = str(server.get("dbname") or "")
        self._server: dict[str, Any] = {**server, "dbname": "postgres"}
        self._options = options
        self._psycopg = psycopg
        try:
            self.seed = _seed(options, stop)
        except BaseException:
            self.close()
            raise

    def _start_cluster(self, options: RunOptions) -> RunOptions:
        """A throwaway cluster and an empty database on it that the benchmark owns."""
        import psycopg

        from etlcheck.engines.postgres.cluster import ThrowawayCluster

        self._cluster = ThrowawayCluster()
        address = self._cluster.start()
        database = "etlcheck_bench_seeded"
        with psycopg.connect(
            dbname="postgres",
            autocommit=True,
            host=str(address.socket_dir),
            port=address.port,
            user=address.user,
        ) as admin:
            admin.execute(f"CREATE DATABASE {_quoted(database)}")
        url = (
            f"postgresql://{quote(address.user)}@/{database}"
            f"?host={quote(str(address.socket_dir), safe='')}&port={address.port}"
        )
        # Databases of the benchmark's own cluster: etlcheck made them, it may seed them.
        return replace(options, db=url, allow_external_target=True)

    def _admin(self) -> Any:
        return self._psycopg.connect(autocommit=True, **self._server)

    def fresh(self, options: RunOptions, label: str) -> RunOptions:
        name = f"{self.database}_{label}"[:63]
        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)}")
            admin.execute(f"CREATE DATABASE {_quoted(name)} TEMPLATE {_quoted(self.database)}")
        self._created.append(name)
        parts = urlsplit(str(self._options.db))
        target = urlunsplit(parts._replace(path="/" + quote(name)))
        allowed = self._options.allow_external_target  # the benchmark's own cluster
        return replace(options, db=target, allow_external_target=allowed)

    def discard(self, copy: RunOptions) -> None:
        from psycopg.conninfo import conninfo_to_dict

        name = str(conninfo_to_dict(str(copy.db)).get("dbname"))
        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
        if name in self._created:
            self._created.remove(name)

    def close(self) -> None:
        try:
            if self._cluster is None and self._created:
                with self._admin() as admin:
                    for name in self._created:
                        admin.execute(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
        finally:
            if self._cluster is not None:
                self._cluster.stop()
                self._cluster = None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
