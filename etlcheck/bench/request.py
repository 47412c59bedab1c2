"""What a benchmark was asked for: the command line's or the pytest options' request."""

from __future__ import annotations

from dataclasses import dataclass

from etlcheck.bench.compare import FailOn
from etlcheck.bench.keys import CacheState
from etlcheck.bench.verdict import Thresholds


@dataclass(frozen=True)
class BenchRequest:
    """What the user asked ``etlcheck bench`` for, parsed."""

    runs: int
    warmup: int
    cache: CacheState
    save: str | None
    store: bool
    baseline: str | None
    compare_ref: str | None
    fail_on: FailOn
    thresholds: Thresholds
    wait: bool = False
    """Wait for another etlcheck run that holds the ``--db`` database, instead of refusing."""
