"""The verdict on two sample sets of one step or phase, by the rule asv uses.

- **slower**: the Mann-Whitney U test rejects equality (two-sided, p < ``alpha``), the
  median ratio head/baseline exceeds ``factor``, and the medians differ by more than
  ``floor`` seconds;
- **faster**: the same, the other way (ratio below 1/``factor``);
- **noisy**: neither, and the samples cannot rule out a change of the size that counts:
  the medians differ by such a change but the test cannot confirm it, or either set's
  interquartile range is wider than the smallest change that counts,
  ``max(floor, (factor - 1) x baseline median)``;
- **same**: otherwise.

A change the machine alone explains is **noisy**, not slower (or faster): when the
reference workload timed before each run (``bench.reference``) ran ``drift`` times as long
as it did for the baseline, a "slower" verdict must survive dividing the new samples by
``drift`` (a "faster" one, when the machine got faster, likewise).

The test is exact. A p-value from the normal approximation (what scipy falls back to
when samples tie) cannot go below 0.0122 with 5 runs a side, so "slower" could never be
said; without ties scipy's exact distribution is used, with ties the exact permutation
distribution (every one of the C(n+m, n) arrangements). The exact two-sided p-value of
n runs against m cannot go below 2 / C(n+m, n):

    runs a side    4       5        6        7         10
    smallest p     0.029   0.0079   0.0022   0.00058   0.000011

So at p < 0.01, 5 runs a side is the least that can say "slower", and only when every
head sample is slower than every baseline sample (one of the 25 pairs out of order gives
p = 0.016); with 6 a side two of 36 pairs may be out of order (p = 0.0087), with 7 a side
four of 49 (p = 0.0070). ``smallest_p_value`` and ``require_power``
refuse a comparison that could never reach ``alpha``.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from etlcheck.errors import UsageError

PERMUTATION_LIMIT = 200_000
"""Arrangements enumerated for the exact permutation test with ties; beyond this many
(about 9 runs a side) the normal approximation is used, accurate at that size."""


class Verdict(StrEnum):
    SLOWER = "slower"
    FASTER = "faster"
    SAME = "same"
    NOISY = "noisy"


@dataclass(frozen=True)
class Thresholds:
    """How sure (``alpha``) and how large (``factor``, ``floor_seconds``) a change must be."""

    alpha: float = 0.01
    factor: float = 1.10
    floor_seconds: float = 0.020

    def __post_init__(self) -> None:
        if not 0 < self.alpha < 1:
            raise UsageError(f"--alpha {self.alpha} must lie between 0 and 1")
        if self.factor <= 1:
            raise UsageError(f"--factor {self.factor} must be above 1 (1.10: 10% slower)")
        if self.floor_seconds < 0:
            raise UsageError(f"--floor-ms {self.floor_seconds * 1000:g} must not be negative")

    def smallest_change(self, baseline_median: float) -> float:
        """The smallest change of the median that counts, in seconds."""
        return max(self.floor_seconds, (self.factor - 1) * baseline_median)


@dataclass(frozen=True)
class SampleComparison:
    """Two sample sets of one step or phase, compared."""

    baseline_median: float
    head_median: float
    p_value: float
    verdict: Verdict
    baseline_spread: float
    """Interquartile range of the baseline samples, in seconds."""
    head_spread: float
    drift: float = 1.0
    """How many times as long the reference workload took for the new samples."""
    machine_explains: bool = False
    """The rule alone said slower (faster); the machine's drift explains it, so: noisy."""

    @property
    def ratio(self) -> float:
        """head / baseline median (infinite when the baseline took no time at all)."""
        if self.baseline_median <= 0:
            return math.inf if self.head_median > 0 else 1.0
        return self.head_median / self.baseline_median

    @property
    def change(self) -> float:
        return self.head_median - self.baseline_median


def smallest_p_value(n: int, m: int) -> float:
    """The smallest two-sided p-value the exact Mann-Whitney U test can give n against m."""
    if n < 1 or m < 1:
        return 1.0
    return min(1.0, 2 / math.comb(n + m, n))


def require_power(n: int, m: int, alpha: float) -> None:
    """Refuse a comparison whose test can never reject at ``alpha``."""
    smallest = smallest_p_value(n, m)
    if smallest >= alpha:
        raise UsageError(
            f"with {n} baseline and {m} new samples the Mann-Whitney U test cannot reach "
            f"p < {alpha:g} (its smallest p-value is {smallest:.3g}), so no step could ever "
            "be called slower",
            hint="use --runs 5 or more on both sides (7 or more to tolerate an outlier)",
        )


def p_value(baseline: Sequence[float], head: Sequence[float]) -> float:
    """Two-sided exact Mann-Whitney U p-value (permutation distribution when values tie)."""
    from scipy.stats import PermutationMethod, mannwhitneyu

    if len(set(baseline) | set(head)) == 1:
        return 1.0
    tied = len(set(baseline) | set(head)) < len(baseline) + len(head)
    method: str | PermutationMethod = "exact"
    if tied:
        small = math.comb(len(baseline) + len(head), len(baseline)) <= PERMUTATION_LIMIT
        method = PermutationMethod(n_resamples=PERMUTATION_LIMIT) if small else "asymptotic"
    result = mannwhitneyu(head, baseline, alternative="two-sided", method=method)
    return float(min(1.0, result.pvalue))


def spread(samples: Sequence[float]) -> float:
    """Interquartile range (0 for fewer than two samples)."""
    if len(samples) < 2:
        return 0.0
    quartiles = statistics.quantiles(samples, n=4, method="inclusive")
    return quartiles[2] - quartiles[0]


def compare_samples(
    baseline: Sequence[float],
    head: Sequence[float],
    thresholds: Thresholds,
    drift: float = 1.0,
) -> SampleComparison:
    """The verdict on two sample sets of seconds (see the module docstring for the rule),
    the machine having run ``drift`` times as slow for ``head`` as for ``baseline``."""
    compared = _compared(baseline, head, thresholds)
    verdict = compared.verdict
    if (verdict is Verdict.SLOWER and drift > 1) or (verdict is Verdict.FASTER and drift < 1):
        corrected = _compared(baseline, [seconds / drift for seconds in head], thresholds)
        if corrected.verdict is not verdict:
            return replace(compared, verdict=Verdict.NOISY, drift=drift, machine_explains=True)
    return replace(compared, drift=drift)


def _compared(
    baseline: Sequence[float], head: Sequence[float], thresholds: Thresholds
) -> SampleComparison:
    if not baseline or not head:
        raise ValueError("both sample sets need at least one sample")
    base_median, head_median = statistics.median(baseline), statistics.median(head)
    p = p_value(baseline, head)
    spreads = spread(baseline), spread(head)
    compared = SampleComparison(base_median, head_median, p, Verdict.SAME, *spreads)
    return replace(compared, verdict=_verdict(compared, thresholds))


def _verdict(compared: SampleComparison, thresholds: Thresholds) -> Verdict:
    smallest = thresholds.smallest_change(compared.baseline_median)
    big_enough = abs(compared.change) > thresholds.floor_seconds
    significant = compared.p_value < thresholds.alpha
    if significant and big_enough and compared.ratio > thresholds.factor:
        return Verdict.SLOWER
    if significant and big_enough and compared.ratio < 1 / thresholds.factor:
        return Verdict.FASTER
    if significant:
        return Verdict.SAME  # a real change, smaller than the one that counts
    changed = big_enough and not (1 / thresholds.factor <= compared.ratio <= thresholds.factor)
    if changed or max(compared.baseline_spread, compared.head_spread) > smallest:
        return Verdict.NOISY
    return Verdict.SAME
