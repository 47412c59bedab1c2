"""``sample:insurance``: the deterministic generator as one seed source among the others."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from etlcheck.sampledata import seed_database
from etlcheck.seeding.summary import SeededTable, SourceRecord

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.options import RunOptions


def seed_sample(
    engine: Engine, options: RunOptions, *, copy_raw: bool
) -> tuple[SourceRecord, tuple[tuple[str, int], ...]]:
    """Seed production (``dbo``, ``raw_data``, an earlier run's ``etl``) from the generator;
    ``copy_raw`` also copies the raw sample into its sandbox (when nothing is cloned)."""
    began = time.perf_counter()
    seeded = seed_database(engine, options.config, options.scale, sandboxed=copy_raw)
    description = f"sample:insurance (scale {seeded.scale}, seed {seeded.seed})"
    tables = tuple(
        SeededTable(schema, name, rows=rows, source=description)
        for qualified, rows in seeded.tables
        for schema, name in [qualified.split(".", 1)]
    )
    record = SourceRecord(
        "sample",
        description,
        tables=tables,
        seconds=time.perf_counter() - began,
    )
    return record, seeded.expected_staging
