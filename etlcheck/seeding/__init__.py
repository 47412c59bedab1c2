"""Seed sources: what production and the raw data hold before step 1, and the sandbox that
starts as production does. :class:`Seeder` is the API a custom ``etl_seed`` fixture uses."""

from __future__ import annotations

from etlcheck.seeding.seeder import Seeder, seed_declared
from etlcheck.seeding.summary import ClonedTable, SeededFile, SeededTable, SeedSummary, SourceRecord

__all__ = [
    "ClonedTable",
    "SeedSummary",
    "SeededFile",
    "SeededTable",
    "Seeder",
    "SourceRecord",
    "seed_declared",
]
