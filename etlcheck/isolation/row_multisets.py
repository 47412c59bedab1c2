"""Rows as multisets of 64-bit hashes: which rows of one version are not in the other, and
how many two versions share. The diff imports this (and numpy) only when it has row
hashes to compare."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from etlcheck.isolation.fingerprint_content import HashArray

IndexArray = npt.NDArray[np.int64]


def multiset_difference(old: HashArray, new: HashArray) -> tuple[IndexArray, IndexArray]:
    """Positions of rows in ``old`` not matched in ``new``, and of rows in ``new`` not in ``old``.

    The k-th copy of a value is matched when the other side holds at least k copies, so
    a row that appears twice after and once before leaves exactly one unmatched copy.
    """
    return unmatched(old, new), unmatched(new, old)


def unmatched(values: HashArray, other: HashArray) -> IndexArray:
    """Positions in ``values`` whose copy number exceeds the copies ``other`` holds."""
    count = len(values)
    order = np.argsort(values)
    ordered = values[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if count else order
    occurrence = np.arange(count) - np.repeat(starts, np.diff(np.r_[starts, count]))
    other_sorted = np.sort(other)
    available = np.searchsorted(other_sorted, ordered, side="right") - np.searchsorted(
        other_sorted, ordered, side="left"
    )
    return np.sort(order[occurrence >= available])


def multiset_overlap(left: HashArray, right: HashArray) -> int:
    """How many values the two multisets share, counting repeats."""
    left_values, left_counts = np.unique(left, return_counts=True)
    right_values, right_counts = np.unique(right, return_counts=True)
    _, left_at, right_at = np.intersect1d(
        left_values, right_values, assume_unique=True, return_indices=True
    )
    return int(np.minimum(left_counts[left_at], right_counts[right_at]).sum())
