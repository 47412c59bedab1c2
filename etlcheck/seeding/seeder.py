"""The seed API: build production and the raw data in a disposable database, then the sandbox.

``etlcheck run`` and the pytest fixture ``etl_seed`` both use :class:`Seeder` on the
declared sources (``[[seed.sources]]`` or ``--seed-from``); a project's own ``etl_seed``
fixture can call the same methods:

    seeder = Seeder(etl_engine, etl_options)
    seeder.ddl("db/production.sql")        # production as it stands, run as written
    seeder.files("data")                    # <schema>.<table>.csv | .parquet
    seeder.frame("raw_data", "orders", df)  # any DataFrame
    summary = seeder.finish()               # clone production into the sandbox, create the rest
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.config_values import DatabaseSource, DdlSource, FilesSource, SampleSource, SeedSource
from etlcheck.errors import RefusalError
from etlcheck.seeding.occupied import refuse_occupied
from etlcheck.seeding.summary import ClonedTable, SeedSummary, SourceRecord
from etlcheck.targets import is_external
from etlcheck.values import RewriteMode

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.base import Engine
    from etlcheck.options import RunOptions
    from etlcheck.seeding.summary import SeededTable


class Seeder:
    """Seeds one disposable database for one run; ``finish`` prepares the sandbox."""

    def __init__(self, engine: Engine, options: RunOptions) -> None:
        from etlcheck.isolation.sandbox import check_mapping

        self.engine = engine
        self.options = options
        self.config = options.config
        self.records: list[SourceRecord] = []
        self.expected_staging: tuple[tuple[str, int], ...] = ()
        self.sample_scale: str | None = None
        if options.sandboxed:
            check_mapping(self.config.sandbox)
        if is_external(engine) and not options.allow_external_target:
            raise RefusalError(
                f"refusing to seed production schemas in {engine.info.target}: etlcheck did "
                "not create that database (rule: external-target)",
                hint="let etlcheck start a throwaway server, or pass --allow-external-target",
            )
        if is_external(engine):
            refuse_occupied(engine, self.config)

    # -- sources -------------------------------------------------------------------
    def ddl(self, path: Path | str) -> SourceRecord:
        """Run T-SQL scripts that create production as it stands (a file, or a folder's
        ``.sql`` files in name order), as written."""
        from etlcheck.seeding.ddl import run_ddl

        return self._keep(run_ddl(self.engine, self.config, self._path(path)))

    def files(self, folder: Path | str) -> SourceRecord:
        """Load every ``<schema>.<table>.csv`` and ``.parquet`` file of ``folder``."""
        from etlcheck.seeding.files import load_folder

        return self._keep(load_folder(self.engine, self.config, self._path(folder)))

    def file(self, path: Path | str, table: str | None = None) -> SourceRecord:
        """Load one data file into ``table`` (``schema.table``; default: from its name)."""
        from etlcheck.seeding.files import load_files

        return self._keep(load_files(self.engine, self.config, [(self._path(path), table)]))

    def frame(
        self, schema: str, table: str, frame: pd.DataFrame, source: str = "DataFrame"
    ) -> SeededTable:
        """Load a DataFrame into ``schema.table`` (its DDL's types when the table exists)."""
        from etlcheck.seeding.files import load_dataframe

        began = time.perf_counter()
        seeded = load_dataframe(self.engine, self.config, schema, table, frame, source)
        self._keep(SourceRecord("frame", source, (), (seeded,), time.perf_counter() - began))
        return seeded

    def sample(self) -> SourceRecord:
        """The sample insurance generator at the run's scale (``sample:insurance``)."""
        from etlcheck.seeding.sample import seed_sample

        copy_raw = self.options.sandboxed and self.options.clone_production is False
        record, expected = seed_sample(self.engine, self.options, copy_raw=copy_raw)
        self.expected_staging = expected
        self.sample_scale = str(self.options.scale)
        return self._keep(record)

    def snapshot(self, source: DatabaseSource) -> SourceRecord:
        """DDL and rows from a live database, read with SELECTs only."""
        from etlcheck.seeding.snapshot import take_snapshot

        return self._keep(take_snapshot(self.engine, self.options, source))

    def declared(self, sources: tuple[SeedSource, ...] | None = None) -> None:
        """Seed every declared source, in order (DDL before the data it types)."""
        for spec in self.options.seed_sources if sources is None else sources:
            if isinstance(spec, DdlSource):
                self.ddl(spec.path)
            elif isinstance(spec, FilesSource):
                self.files(spec.path)
            elif isinstance(spec, SampleSource):
                self.sample()
            else:
                self.snapshot(spec)

    # -- the sandbox ---------------------------------------------------------------
    def production_tables_seeded(self) -> bool:
        """Whether seeding made a protected table, with rows or only its DDL: the steps
        find it in the sandbox as they would in production."""
        sandbox = self.config.sandbox
        return any(
            sandbox.is_protected(table.schema) for record in self.records for table in record.tables
        )

    def finish(self) -> SeedSummary:
        """Clone production into the sandbox (``clone_production``), create the remaining
        sandbox schemas (but those a step creates, :mod:`etlcheck.isolation.step_schemas`),
        and settle the database file before the run."""
        from etlcheck.isolation.sandbox import setup_sandbox
        from etlcheck.isolation.step_schemas import schemas_left_to_steps
        from etlcheck.seeding.clone import clone_production

        clone = self.options.clone_production
        if clone is None:
            clone = self.production_tables_seeded()
        clones: tuple[ClonedTable, ...] = ()
        began = time.perf_counter()
        if self.options.sandboxed and clone:
            owe = self.options.rewrite is RewriteMode.AST
            clones = clone_production(self.engine, self.config, owe=owe)
        clone_seconds = time.perf_counter() - began
        if self.options.sandboxed:
            left = schemas_left_to_steps(self.engine, self.config)
            setup_sandbox(self.engine, self.config.sandbox, leave=left)
        # Seeding's writes are persisted by seeding, so the run starts from a settled
        # file and its timings are its own.
        self.engine.checkpoint()
        return SeedSummary(
            sources=tuple(self.records),
            clones=clones,
            clone_seconds=clone_seconds,
            cloned=bool(self.options.sandboxed and clone),
            expected_staging=self.expected_staging,
            scale=self.sample_scale,
        )

    # -- helpers -------------------------------------------------------------------
    def _path(self, path: Path | str) -> Path:
        return (self.config.root / path).resolve()

    def _keep(self, record: SourceRecord) -> SourceRecord:
        self.records.append(record)
        return record


def seed_declared(engine: Engine, options: RunOptions) -> SeedSummary:
    """Seed the run's declared sources and prepare the sandbox: what ``etlcheck run`` and
    the default ``etl_seed`` fixture do. A database an earlier run seeded from the same
    inputs is copied instead, where one was kept (:mod:`etlcheck.seeding.template`)."""
    from etlcheck.seeding.template import SeedTemplate

    seeder = Seeder(engine, options)
    template = SeedTemplate.for_run(engine, options)
    if template is not None:
        restored = template.restore(engine)
        if restored is not None:
            return restored
    seeder.declared()
    summary = seeder.finish()
    if template is not None:
        template.keep(engine, summary)
    return summary
