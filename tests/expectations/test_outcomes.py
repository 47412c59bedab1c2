"""How an outcome reads: failing values with their counts (most frequent first, numbers in
numeric order), the rule in the sentence, and JSON-friendly values from drivers."""

from __future__ import annotations

import datetime as dt
import decimal

import numpy as np
import pandas as pd

from etlcheck.expectations.outcomes import (
    ExpectationOutcome,
    RuleItem,
    examples_from_counts,
    plain,
)


def test_examples_are_most_frequent_first_then_in_value_order() -> None:
    counted = [(1038.59, 1), (907.74, 1), (47311.18, 2), (None, 1), ("X", 1)]
    assert [e.text() for e in examples_from_counts(counted)] == [
        "47311.18 ×2",
        "907.74",
        "1038.59",
        "X",
        "NULL",
    ]


def test_a_failed_bound_names_what_was_expected() -> None:
    outcome = ExpectationOutcome(
        expectation="expect_table_row_count_to_be_between",
        column=None,
        success=False,
        observed=8,
        rule=(RuleItem("min_value", 1, "raw_half: ..."), RuleItem("max_value", 5)),
    )
    assert outcome.sentence("poc_etl.t") == (
        "poc_etl.t: expect_table_row_count_to_be_between failed: observed 8, "
        "expected min_value = 1, max_value = 5"
    )


def test_values_from_drivers_become_json() -> None:
    assert plain(decimal.Decimal("12.50")) == 12.5
    assert plain(decimal.Decimal("3")) == 3
    assert plain(np.int64(7)) == 7
    assert plain(float("nan")) is None
    assert plain(dt.date(2024, 1, 2)) == "2024-01-02"
    assert plain(pd.Timestamp("2024-01-02 03:04")) == "2024-01-02T03:04:00"
    assert plain((np.float64(1.5), "a")) == [1.5, "a"]
    assert plain(pd.NA) is None and plain(pd.NaT) is None
