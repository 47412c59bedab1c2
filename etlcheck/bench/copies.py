"""One seeded database and a fresh copy of it for every run: seeding happens once.

The engine says how its databases are copied (``Engine.database_copies``): DuckDB copies
the file, PostgreSQL has the server copy a template database.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from etlcheck import stages
from etlcheck.engines import get_engine_class
from etlcheck.errors import UsageError
from etlcheck.targets import open_engine

if TYPE_CHECKING:
    from etlcheck.engines.copies import CopyTarget, DatabaseCopies
    from etlcheck.interrupts import StopSignals
    from etlcheck.options import RunOptions
    from etlcheck.seeding.summary import SeedSummary


class SeededCopies:
    """A database seeded once; ``fresh()`` gives options that point at a new copy."""

    def __init__(self, copies: DatabaseCopies, options: RunOptions, seed: SeedSummary) -> None:
        self.copies = copies
        self.seed = seed
        self._allowed = options.allow_external_target

    def fresh(self, options: RunOptions, label: str) -> RunOptions:
        """``options`` with their database a new copy of the seeded one."""
        return self._pointed(options, self.copies.fresh(label))

    def discard(self, copy: RunOptions) -> None:
        """Remove a copy ``fresh`` made."""
        self.copies.discard(self._target(copy))

    def close(self) -> None:
        """Remove the seeded database and whatever else was started for it."""
        self.copies.close()

    def _pointed(self, options: RunOptions, target: CopyTarget) -> RunOptions:
        # A database on a server etlcheck started for the benchmark: etlcheck made it.
        return replace(options, db=target.db, allow_external_target=target.own or self._allowed)

    def _target(self, copy: RunOptions) -> CopyTarget:
        return replace(self.copies.seeded, db=str(copy.db))


def seed_once(options: RunOptions, stop: StopSignals | None = None) -> SeededCopies:
    """Seed the options' declared sources once, in a database that can be copied (a
    signal stops the seeding at its next statement)."""
    copies = get_engine_class(options.engine).database_copies(
        options.db, options.config.root / ".etlcheck"
    )
    if copies is None:
        raise UsageError(
            f"etlcheck bench cannot copy a seeded {options.engine} database for each run",
            hint="benchmark on an engine that can (duckdb, postgres)",
        )
    try:
        seeded = replace(
            options,
            db=copies.seeded.db,
            allow_external_target=copies.seeded.own or options.allow_external_target,
        )
        return SeededCopies(copies, options, _seed(seeded, stop))
    except BaseException:
        copies.close()
        raise


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
