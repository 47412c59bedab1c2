"""Deterministic sample data for the sample insurance pipeline in ``sql/``."""

from __future__ import annotations

from etlcheck.sampledata.generate import SampleData, generate
from etlcheck.sampledata.plans import EntityPlan, SamplePlan, plan_for
from etlcheck.sampledata.seed import SampleSeed, load_table, seed_database

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
