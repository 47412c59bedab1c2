"""With ``--etl-bench-runs N``: no step and no phase is slower than the baseline
(``--etl-bench-baseline NAME|latest``), by the rule ``etlcheck bench`` applies: the
Mann-Whitney U test rejects equality, the median ratio exceeds 1.10 and the change
exceeds 20 ms. One case per step and per phase; without the option they are skipped."""

from __future__ import annotations

import pytest


def test_not_slower_than_the_baseline(etl_bench_subject, etl_bench) -> None:
    row = etl_bench.compared(etl_bench_subject)  # skips when there is no baseline
    if row.verdict == "slower":
        pytest.fail(row.sentence, pytrace=False)
