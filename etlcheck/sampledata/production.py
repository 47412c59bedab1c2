"""The world before the run: production ``dbo`` and an earlier run's ``etl``.

Production rows are mostly entities the feed already delivered (so the additive export
skips them) plus legacy rows the feed no longer carries. Column names follow the export
scripts' DDL: the staging column in PascalCase, and ``LoadedAt``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np
import pandas as pd

from etlcheck.sampledata import vocabulary
from etlcheck.sampledata.plans import PRODUCTION_SOURCE, SamplePlan
from etlcheck.sampledata.render import SPECS
from etlcheck.sampledata.truth import DAY, LOAD_DAY, codes, pick

OVERLAP = 0.9
"""Share of production rows whose key the feed delivers again."""
EARLIER_RUN_SHARE = 0.97
"""Share of today's staging rows the earlier run had already staged."""


def pascal(column: str) -> str:
    return "".join(part.title() for part in column.split("_"))


def production_tables(
    plan: SamplePlan, clean: Mapping[str, pd.DataFrame], rng: np.random.Generator
) -> Iterator[tuple[str, pd.DataFrame]]:
    """Each ``dbo`` table in turn (a caller may let a table go before asking for the next)."""
    broker_codes: pd.Series | None = None
    for table, rows in plan.production:
        entity = PRODUCTION_SOURCE[table]
        source = clean[entity].drop(columns=["source_row_id", "loaded_at"])
        overlap = min(int(OVERLAP * min(rows, len(source))), rows)
        legacy = source.iloc[rng.integers(0, len(source), rows - overlap)].copy()
        spec = SPECS[entity]
        if spec.key is not None:
            keys = codes(spec.key_prefix + "L", 1, len(legacy), spec.key_width)
            legacy[spec.key] = pd.Series(keys, index=legacy.index, dtype=object)
        frame = pd.concat([source.iloc[:overlap], legacy], ignore_index=True)
        frame.columns = [pascal(c) for c in frame.columns]
        frame["LoadedAt"] = LOAD_DAY - rng.integers(30, 1500, len(frame)) * DAY
        if table == "Brokers":
            broker_codes = frame["BrokerCode"].copy()  # a copy: not a view that keeps the frame
        del source, legacy
        yield table, frame
        del frame  # the caller has loaded it
    if broker_codes is None:
        raise RuntimeError("the sample plan has no Brokers table")
    yield from untouched_production(broker_codes, rng).items()


def untouched_production(
    broker_codes: pd.Series, rng: np.random.Generator
) -> dict[str, pd.DataFrame]:
    """Tables the pipeline never reads or writes; they must come out of the run unchanged."""
    count = len(broker_codes)
    months = np.datetime64("2024-05-01", "M") - rng.integers(0, 12, count)
    events = max(10, count // 10)
    return {
        "Regions": pd.DataFrame(
            {"RegionCode": vocabulary.REGIONS, "RegionName": vocabulary.REGION_NAMES}
        ),
        "Commissions": pd.DataFrame(
            {
                "BrokerCode": pd.Series(broker_codes.to_numpy(), dtype=object),
                "PeriodMonth": months.astype("datetime64[D]").astype("datetime64[s]"),
                "Amount": rng.integers(10_000, 5_000_000, count) / 100,
            }
        ),
        "AuditLog": pd.DataFrame(
            {
                "AuditId": np.arange(1, events + 1, dtype=np.int32),
                "EventAt": LOAD_DAY - rng.integers(1, 10**7, events).astype("timedelta64[s]"),
                "UserName": pick(rng, np.array(["svc_etl", "jdoe", "asmith", "ops"]), events),
                "Action": pick(rng, np.array(["LOGIN", "EXPORT", "REPORT", "ADJUSTMENT"]), events),
            }
        ),
    }


def earlier_run(
    staging: Mapping[str, pd.DataFrame], rng: np.random.Generator
) -> Iterator[tuple[str, pd.DataFrame]]:
    """Each ``etl`` table as yesterday's run left it, in turn: most of today's staging
    rows, a day older."""
    for name, frame in staging.items():
        kept = frame.iloc[: int(EARLIER_RUN_SHARE * len(frame))].copy()
        if "loaded_at" in kept.columns:
            kept["loaded_at"] = kept["loaded_at"].to_numpy() - DAY
        kept = kept.reset_index(drop=True)
        yield name, kept
        del kept
    sources = ["brokers", "products", "clients", "groups", "policies", "proposals", "premiums"]
    sources.append("claims")
    yield (
        "file_watermarks",
        pd.DataFrame(
            {
                "source_name": sources,
                "last_file": [f"{s}_20240609.csv" for s in sources],
                "last_loaded_at": LOAD_DAY
                - DAY
                - rng.integers(0, 3600, len(sources)).astype("timedelta64[s]"),
            }
        ),
    )
