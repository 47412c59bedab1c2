"""Render clean entities as the dirty raw extracts the pipeline reads.

Each raw table holds the clean rows (codes in mixed case and padded, statuses in the
source systems' spellings), older duplicate copies of some of them, and reject rows
that each carry exactly one fault. Rows are shuffled and numbered ``source_row_id``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from etlcheck.sampledata import vocabulary
from etlcheck.sampledata.plans import EntityPlan
from etlcheck.sampledata.truth import DAY, codes, pick, text

Render = Callable[[pd.DataFrame, np.random.Generator], pd.DataFrame]
Fault = Callable[[pd.DataFrame, np.random.Generator], None]


def _objects(values: pd.Series | np.ndarray) -> np.ndarray:
    array = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else values
    return np.array(array, dtype=object)


def _present(values: np.ndarray) -> np.ndarray:
    present: np.ndarray = ~pd.isna(values)
    return present


def _lower(values: np.ndarray) -> np.ndarray:
    # Three times faster than np.strings.lower over a fixed-width copy, for short codes.
    return np.array([value.lower() for value in values], dtype=object)


def _upper(values: np.ndarray) -> np.ndarray:
    return np.array([value.upper() for value in values], dtype=object)


def _present_among(values: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """The positions in ``chosen`` whose value is not missing (testing only those)."""
    return chosen[_present(values[chosen])]


def messy_code(values: pd.Series | np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Codes as extracts deliver them: some lower-case, some padded with blanks."""
    out = _objects(values)
    draw = rng.random(len(out))
    lower = _present_among(out, np.flatnonzero(draw < 0.12))
    padded = _present_among(out, np.flatnonzero(draw > 0.92))
    out[lower] = _lower(out[lower])
    out[padded] = "  " + out[padded] + " "
    return out


def messy_text(values: pd.Series | np.ndarray, rng: np.random.Generator) -> np.ndarray:
    out = _objects(values)
    padded = _present_among(out, np.flatnonzero(rng.random(len(out)) < 0.10))
    out[padded] = " " + out[padded] + "   "
    return out


def spelled(
    targets: pd.Series, table: Mapping[str, tuple[float, tuple[str, ...]]], rng: np.random.Generator
) -> np.ndarray:
    """A source spelling for each target code, chosen at random among the mapped ones."""
    target = _objects(targets)
    out = np.empty(len(target), dtype=object)
    for code, (_, spellings) in table.items():
        mask = target == code
        out[mask] = np.array(spellings, dtype=object)[rng.integers(0, len(spellings), mask.sum())]
    return messy_code(out, rng)


def _fixed_point(units: np.ndarray, decimals: int) -> np.ndarray:
    """Right-aligned fixed-width text of ``units / 10**decimals``, as mainframes write it."""
    unique, inverse = np.unique(units, return_inverse=True)
    scale = 10**decimals
    whole = np.strings.rjust((unique // scale).astype("U14"), 9)
    fraction = np.strings.zfill((unique % scale).astype("U6"), decimals)
    return np.strings.add(np.strings.add(whole, "."), fraction).astype(object)[inverse]


def amount_text(amounts: pd.Series | np.ndarray) -> np.ndarray:
    """Decimal amounts as the text the extracts carry, e.g. '  1234.50'."""
    return _fixed_point(np.round(np.asarray(amounts, dtype=np.float64) * 100).astype(np.int64), 2)


def rate_text(rates: pd.Series | np.ndarray) -> np.ndarray:
    units = np.round(np.asarray(rates, dtype=np.float64) * 10_000).astype(np.int64)
    return np.strings.lstrip(_fixed_point(units, 4).astype("U")).astype(object)


def flag_text(flags: pd.Series | np.ndarray, rng: np.random.Generator) -> np.ndarray:
    flag = np.asarray(flags, dtype=bool)
    return np.where(
        flag,
        pick(rng, vocabulary.TRUE_FLAGS, len(flag)),
        pick(rng, vocabulary.FALSE_FLAGS, len(flag)),
    )


def messy_email(values: pd.Series, rng: np.random.Generator) -> np.ndarray:
    out = _objects(values)
    upper = _present_among(out, np.flatnonzero(rng.random(len(out)) < 0.15))
    out[upper] = _upper(out[upper])
    return out


def set_column(frame: pd.DataFrame, column: str, values: np.ndarray) -> None:
    frame[column] = pd.Series(values, index=frame.index, dtype=object)


@dataclass(frozen=True)
class EntitySpec:
    """How one entity is rendered raw: its key, how keys look, the renderer and its faults."""

    key: str | None
    key_prefix: str
    key_width: int
    render: Render
    faults: dict[str, Fault]


@dataclass(frozen=True)
class RawTable:
    """A raw table and, for each clean row in order, the ``source_row_id`` it got."""

    frame: pd.DataFrame
    clean_row_ids: np.ndarray


def compose(
    truth: pd.DataFrame, plan: EntityPlan, spec: EntitySpec, rng: np.random.Generator
) -> RawTable:
    clean = len(truth)
    duplicates = truth.iloc[rng.choice(clean, plan.duplicates, replace=False)].copy()
    older = rng.integers(1, 30 * 24, plan.duplicates).astype("timedelta64[h]")
    duplicates["loaded_at"] = duplicates["loaded_at"].to_numpy() - older
    parts = [spec.render(truth, rng), spec.render(duplicates, rng)]
    next_key = clean + 1
    for code, count in plan.rejects:
        base = truth.iloc[rng.integers(0, clean, count)].copy()
        if spec.key is not None:
            keys = codes(spec.key_prefix, next_key, count, spec.key_width)
            base[spec.key] = pd.Series(keys, index=base.index, dtype=object)
            next_key += count
        rendered = spec.render(base, rng)
        spec.faults[code](rendered, rng)
        parts.append(rendered)
    raw = pd.concat(parts, ignore_index=True)
    order = rng.permutation(len(raw))
    position = np.empty(len(raw), dtype=np.int64)
    position[order] = np.arange(1, len(raw) + 1)
    raw = raw.iloc[order].reset_index(drop=True)
    raw.insert(0, "source_row_id", np.arange(1, len(raw) + 1, dtype=np.int64))
    return RawTable(raw, position[:clean])


# --- faults: each sets exactly one column of a rendered reject row -------------------


def missing(column: str) -> Fault:
    def fault(frame: pd.DataFrame, rng: np.random.Generator) -> None:
        blank = np.array([None, "   "], dtype=object)
        set_column(frame, column, blank[rng.integers(0, 2, len(frame))])

    return fault


def bad_code(column: str) -> Fault:
    def fault(frame: pd.DataFrame, rng: np.random.Generator) -> None:
        set_column(frame, column, pick(rng, vocabulary.BAD_CODES, len(frame)))

    return fault


def bad_number(column: str) -> Fault:
    def fault(frame: pd.DataFrame, rng: np.random.Generator) -> None:
        negative = "-" + text(rng.integers(1, 900, len(frame))) + ".00"
        choice = np.where(
            rng.random(len(frame)) < 0.3, negative, pick(rng, vocabulary.BAD_NUMBERS, len(frame))
        )
        set_column(frame, column, choice)

    return fault


def unknown_reference(column: str, prefix: str) -> Fault:
    def fault(frame: pd.DataFrame, rng: np.random.Generator) -> None:
        set_column(frame, column, codes(prefix, 1, len(frame)))

    return fault


def end_before_start(frame: pd.DataFrame, rng: np.random.Generator) -> None:
    frame["end_date"] = frame["start_date"].to_numpy() - 30 * DAY
