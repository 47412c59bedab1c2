"""Seed sources: what production and the raw data hold before step 1, and the sandbox that
starts as production does. :class:`Seeder` is the API a custom ``etl_seed`` fixture uses.

A name is imported when it is first used: pytest-xdist workers unpickle the seed summary
(``seeding.summary``) and need none of what seeding does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from etlcheck.seeding.seeder import Seeder, seed_declared
    from etlcheck.seeding.summary import (
        ClonedTable,
        SeededFile,
        SeededTable,
        SeedSummary,
        SourceRecord,
    )

HOMES = {
    "ClonedTable": "summary",
    "SeedSummary": "summary",
    "SeededFile": "summary",
    "SeededTable": "summary",
    "Seeder": "seeder",
    "SourceRecord": "summary",
    "seed_declared": "seeder",
}
"""The module of each name above."""


def __getattr__(name: str) -> Any:
    home = HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ClonedTable",
    "SeedSummary",
    "SeededFile",
    "SeededTable",
    "Seeder",
    "SourceRecord",
    "seed_declared",
]
