"""The verdict rule on synthetic samples: equal, shifted, noisy, tiny changes under the
floor, ties, and the arithmetic of how few runs can say "slower" at all."""

from __future__ import annotations

import math

import pytest

from etlcheck.bench.verdict import (
    Thresholds,
    Verdict,
    compare_samples,
    p_value,
    require_power,
    smallest_p_value,
    spread,
)
from etlcheck.errors import UsageError

DEFAULT = Thresholds()
BASE = [0.500, 0.505, 0.498, 0.510, 0.502]


def test_equal_samples_are_the_same() -> None:
    compared = compare_samples(BASE, list(BASE), DEFAULT)
    assert compared.verdict is Verdict.SAME
    assert compared.p_value == pytest.approx(1.0)
    assert compared.ratio == pytest.approx(1.0)


def test_identical_values_everywhere_are_the_same() -> None:
    compared = compare_samples([0.2] * 5, [0.2] * 5, DEFAULT)
    assert (compared.verdict, compared.p_value) == (Verdict.SAME, 1.0)


def test_a_clear_slowdown_is_slower_at_five_runs_a_side() -> None:
    head = [1.90, 1.93, 1.88, 1.95, 1.91]
    compared = compare_samples(BASE, head, DEFAULT)
    assert compared.verdict is Verdict.SLOWER
    assert compared.p_value == pytest.approx(2 / math.comb(10, 5))  # 0.0079: full separation
    assert compared.ratio == pytest.approx(1.91 / 0.502)
    assert compared.change == pytest.approx(1.91 - 0.502)


def test_a_clear_speedup_is_faster() -> None:
    head = [0.20, 0.21, 0.19, 0.205, 0.198]
    assert compare_samples(BASE, head, DEFAULT).verdict is Verdict.FASTER


def test_one_overlap_in_five_cannot_reach_p_below_one_percent() -> None:
    head = [0.509, 0.90, 0.91, 0.92, 0.93]  # one pair of 25 out of order (0.509 < 0.510)
    compared = compare_samples(BASE, head, DEFAULT)
    assert compared.p_value == pytest.approx(4 / math.comb(10, 5))  # 0.016
    assert compared.verdict is Verdict.NOISY  # a change that counts, not confirmed


def test_seven_runs_a_side_tolerate_an_outlier() -> None:
    base = [0.500, 0.505, 0.498, 0.510, 0.502, 0.499, 0.507]
    head = [0.501, 0.90, 0.91, 0.92, 0.93, 0.95, 0.94]  # 0.501 below four baseline runs
    compared = compare_samples(base, head, DEFAULT)
    assert compared.p_value < 0.01
    assert compared.verdict is Verdict.SLOWER


def test_a_significant_change_under_the_factor_is_the_same() -> None:
    head = [0.530, 0.531, 0.532, 0.533, 0.534]  # every run slower, by about 6%
    compared = compare_samples(BASE, head, DEFAULT)
    assert compared.p_value < 0.01
    assert compared.ratio < DEFAULT.factor
    assert compared.verdict is Verdict.SAME


def test_a_doubling_under_the_floor_is_the_same() -> None:
    base = [0.004, 0.0041, 0.0039, 0.0042, 0.0040]
    head = [0.008, 0.0081, 0.0079, 0.0082, 0.0080]  # twice as slow, but 4 ms
    compared = compare_samples(base, head, DEFAULT)
    assert compared.p_value < 0.01 and compared.ratio > 1.9
    assert compared.verdict is Verdict.SAME


def test_a_tiny_floor_lets_a_small_absolute_change_count() -> None:
    base = [0.004, 0.0041, 0.0039, 0.0042, 0.0040]
    head = [0.008, 0.0081, 0.0079, 0.0082, 0.0080]
    tiny = Thresholds(floor_seconds=0.001)
    assert compare_samples(base, head, tiny).verdict is Verdict.SLOWER
    assert compare_samples(head, base, tiny).verdict is Verdict.FASTER


def test_a_zero_floor_still_needs_the_factor() -> None:
    head = [0.0051, 0.0052, 0.0053, 0.0054, 0.0055]
    base = [0.0050, 0.00501, 0.00502, 0.00503, 0.00504]
    compared = compare_samples(base, head, Thresholds(floor_seconds=0.0))
    assert compared.p_value < 0.01
    assert compared.verdict is Verdict.SAME  # about 5% slower: under the 10% factor


def test_noise_wider_than_the_change_that_counts_is_noisy() -> None:
    base = [0.50, 0.80, 0.45, 0.95, 0.60]
    head = [0.55, 0.70, 0.90, 0.48, 1.00]
    compared = compare_samples(base, head, DEFAULT)
    assert compared.p_value > 0.01
    assert max(compared.baseline_spread, compared.head_spread) > DEFAULT.smallest_change(0.6)
    assert compared.verdict is Verdict.NOISY


def test_noise_narrower_than_the_change_that_counts_is_the_same() -> None:
    base = [0.500, 0.512, 0.495, 0.520, 0.505]
    head = [0.508, 0.499, 0.515, 0.502, 0.511]
    assert compare_samples(base, head, DEFAULT).verdict is Verdict.SAME


def test_ties_use_the_exact_permutation_distribution() -> None:
    base = [1.0, 2.0, 3.0, 4.0, 5.0]
    head = [5.0, 6.0, 7.0, 8.0, 9.0]  # one value on both sides
    assert p_value(base, head) == pytest.approx(4 / 252)
    # The normal approximation scipy falls back to with ties cannot reach 0.01 at all:
    from scipy.stats import mannwhitneyu

    separated = mannwhitneyu([6.0, 7, 8, 9, 10], base, method="asymptotic").pvalue
    assert separated > 0.01
    assert p_value(base, [6.0, 7, 8, 9, 10]) == pytest.approx(2 / 252)


@pytest.mark.parametrize(
    ("runs", "expected"),
    [(3, 0.1), (4, 2 / 70), (5, 2 / 252), (6, 2 / 924), (7, 2 / 3432)],
)
def test_smallest_p_value_of_n_runs_a_side(runs: int, expected: float) -> None:
    assert smallest_p_value(runs, runs) == pytest.approx(expected)
    from scipy.stats import mannwhitneyu

    separated = mannwhitneyu(range(runs, 2 * runs), range(runs), method="exact").pvalue
    assert separated == pytest.approx(expected)


def test_too_few_runs_are_refused_with_the_reason() -> None:
    with pytest.raises(UsageError) as refused:
        require_power(4, 4, 0.01)
    assert refused.value.exit_code == 2
    assert "smallest p-value is 0.0286" in str(refused.value)
    assert "--runs 5" in str(refused.value)
    require_power(5, 5, 0.01)
    require_power(4, 4, 0.05)


def test_spread_is_the_interquartile_range() -> None:
    assert spread([1.0, 2.0, 3.0, 4.0, 5.0]) == pytest.approx(2.0)
    assert spread([1.0]) == 0.0


@pytest.mark.parametrize(
    ("alpha", "factor", "floor"), [(0.0, 1.1, 0.02), (0.01, 1.0, 0.02), (0.01, 1.1, -1.0)]
)
def test_thresholds_out_of_range_are_refused(alpha: float, factor: float, floor: float) -> None:
    with pytest.raises(UsageError):
        Thresholds(alpha, factor, floor)


MACHINE_SLOWER = [s * 1.2 for s in BASE]
"""The unchanged step on a machine 20% slower than for the baseline: every run slower."""


def test_a_slowdown_the_machine_explains_is_noisy_not_slower() -> None:
    assert compare_samples(BASE, MACHINE_SLOWER, DEFAULT).verdict is Verdict.SLOWER
    compared = compare_samples(BASE, MACHINE_SLOWER, DEFAULT, drift=1.2)
    assert (compared.verdict, compared.machine_explains) == (Verdict.NOISY, True)
    assert compared.drift == 1.2
    assert compared.ratio == pytest.approx(1.2)  # the medians stay as measured


def test_a_slowdown_beyond_the_machines_drift_is_still_slower() -> None:
    cross_join = [1.90, 1.93, 1.88, 1.95, 1.91]
    compared = compare_samples(BASE, cross_join, DEFAULT, drift=1.3)
    assert (compared.verdict, compared.machine_explains) == (Verdict.SLOWER, False)
    partly = [s * 1.2 * 1.15 for s in BASE]  # 15% slower beyond a 20% slower machine
    assert compare_samples(BASE, partly, DEFAULT, drift=1.2).verdict is Verdict.SLOWER


def test_drift_only_ever_weakens_a_verdict() -> None:
    machine_faster = [s * 0.8 for s in BASE]
    compared = compare_samples(BASE, machine_faster, DEFAULT, drift=0.8)
    assert (compared.verdict, compared.machine_explains) == (Verdict.NOISY, True)
    # a speed-up on a machine that got slower is a speed-up all the more
    assert compare_samples(BASE, machine_faster, DEFAULT, drift=1.2).verdict is Verdict.FASTER
    # a slowdown on a machine that got faster is a slowdown all the more
    assert compare_samples(BASE, MACHINE_SLOWER, DEFAULT, drift=0.8).verdict is Verdict.SLOWER
