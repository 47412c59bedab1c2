"""Deterministic sample data for the sample insurance pipeline in ``sql/``.

The names below are loaded when first used: importing a light module of the package
(``plans``, ``tables``, ``memory``) does not load numpy and pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from etlcheck.sampledata.generator import SampleData, generate
    from etlcheck.sampledata.plans import EntityPlan, SamplePlan, plan_for
    from etlcheck.sampledata.seed import SampleSeed, load_table, seed_database

_WHERE = {
    "SampleData": "generator",
    "generate": "generator",
    "EntityPlan": "plans",
    "SamplePlan": "plans",
    "plan_for": "plans",
    "SampleSeed": "seed",
    "load_table": "seed",
    "seed_database": "seed",
}

__all__ = [
    "EntityPlan",
    "SampleData",
    "SamplePlan",
    "SampleSeed",
    "generate",
    "load_table",
    "plan_for",
    "seed_database",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
