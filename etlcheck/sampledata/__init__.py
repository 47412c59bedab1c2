"""Deterministic sample data for the sample insurance pipeline in ``sql/``."""

from __future__ import annotations

from etlcheck.sampledata.generate import SampleData, generate
from etlcheck.sampledata.plans import EntityPlan, SamplePlan, plan_for

__all__ = ["EntityPlan", "SampleData", "SamplePlan", "generate", "plan_for"]
