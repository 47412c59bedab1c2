"""How long fingerprinting the seed-scale production takes on DuckDB (target: <= 15 ms).

Builds dbo.Brokers (12,263 rows), dbo.Policies (113,215) and dbo.Proposals (11,891)
with numpy/pandas, loads them through ``DuckDBEngine.load_frame`` and times
``fingerprint_schemas`` with each hash method, plus one diff; beside the wall times, the
process's CPU time (all threads), which the machine's other load moves less. Prints
figures; asserts nothing.

    python benchmarks/bench_fingerprint.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.isolation.diff import diff_fingerprints
from etlcheck.isolation.fingerprint import fingerprint_schemas

SEED_ROWS = {"Brokers": 12_263, "Policies": 113_215, "Proposals": 11_891}
TARGET_MS = 15.0


def seed_frames(seed: int = 20240611) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    brokers = SEED_ROWS["Brokers"]
    policies = SEED_ROWS["Policies"]
    proposals = SEED_ROWS["Proposals"]
    start = np.datetime64("2020-01-01T00:00:00")
    return {
        "Brokers": pd.DataFrame(
            {
                "BrokerId": np.arange(1, brokers + 1, dtype=np.int32),
                "Name": [f"Broker {i:05d}" for i in range(brokers)],
                "Region": rng.choice(
                    np.array(["North", "South", "East", "West", None], dtype=object), brokers
                ),
                "Commission": rng.random(brokers).round(4),
                "CreatedAt": start + rng.integers(0, 10**8, brokers).astype("timedelta64[s]"),
            }
        ),
        "Policies": pd.DataFrame(
            {
                "PolicyId": np.arange(1, policies + 1, dtype=np.int64),
                "BrokerId": rng.integers(1, brokers + 1, policies, dtype=np.int32),
                "GroupId": rng.integers(1, 3_182, policies, dtype=np.int32),
                "Premium": (rng.random(policies) * 5_000).round(2),
                "Status": rng.choice(["active", "lapsed", "cancelled"], policies),
                "StartDate": start + rng.integers(0, 2_000, policies).astype("timedelta64[D]"),
                "Notes": rng.choice(
                    np.array(["", "renewal", "manual review", None], dtype=object), policies
                ),
            }
        ),
        "Proposals": pd.DataFrame(
            {
                "ProposalId": np.arange(1, proposals + 1, dtype=np.int64),
                "BrokerId": rng.integers(1, brokers + 1, proposals, dtype=np.int32),
                "Amount": (rng.random(proposals) * 20_000).round(2),
                "SubmittedAt": start + rng.integers(0, 10**8, proposals).astype("timedelta64[s]"),
            }
        ),
    }


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(best, median) wall time and median CPU time in milliseconds, after one warm-up."""
    action()
    samples, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        samples.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return min(samples), statistics.median(samples), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    engine = DuckDBEngine().start()
    for table, frame in seed_frames().items():
        engine.load_frame("dbo", table, frame)
    total = sum(SEED_ROWS.values())
    schemas = ["dbo", "etl", "raw_data"]
    print(f"seed-scale production: {total:,} rows in {len(SEED_ROWS)} tables (DuckDB, in memory)")

    cases = [
        ("native, per-row hashes (default)", "native", True),
        ("native, counts only", "native", False),
        ("sha256, per-row hashes", "sha256", True),
        ("sha256, counts only", "sha256", False),
    ]
    for label, method, detail in cases:
        best, median, cpu = timed(
            lambda m=method, d=detail: fingerprint_schemas(  # type: ignore[misc]
                engine, schemas, method=m, row_detail=d
            ),
            args.repeat,
        )
        verdict = "ok" if median <= TARGET_MS else f"over the {TARGET_MS:.0f} ms target"
        print(
            f"  fingerprint {label:34s} best {best:6.1f} ms  median {median:6.1f} ms  "
            f"CPU {cpu:6.1f} ms  {total / (median / 1000):>12,.0f} rows/s  {verdict}"
        )

    before = fingerprint_schemas(engine, schemas)
    engine.execute("UPDATE dbo.Policies SET Premium = Premium + 1 WHERE PolicyId % 100 = 0")
    engine.execute(
        "INSERT INTO dbo.Brokers SELECT BrokerId + 100000, Name, Region, Commission, "
        "CreatedAt FROM dbo.Brokers LIMIT 100"
    )
    after = fingerprint_schemas(engine, schemas)
    best, median, _ = timed(lambda: diff_fingerprints(before, after), args.repeat)
    print(f"  diff of two fingerprints                best {best:6.1f} ms  median {median:6.1f} ms")
    for sentence in diff_fingerprints(before, after).sentences:
        print(f"    {sentence}")
    engine.close()
    many_tables(args.repeat)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def many_tables(repeat: int, tables: int = 190, rows: int = 100) -> None:
    """The incident's dbo had 190 tables: per-query overhead dominates there."""
    engine = DuckDBEngine().start()
    frame = pd.DataFrame(
        {
            "Id": np.arange(rows),
            "Amount": np.arange(rows) * 1.5,
            "Code": [f"C{i}" for i in range(rows)],
        }
    )
    for number in range(tables):
        engine.load_frame("dbo", f"T{number:03d}", frame)
    best, median, _ = timed(lambda: fingerprint_schemas(engine, ["dbo"]), repeat)
    print(
        f"{tables} tables x {rows} rows: fingerprint best {best:6.1f} ms  median {median:6.1f} ms  "
        f"({median / tables:.2f} ms a table)"
    )
    engine.close()


if __name__ == "__main__":
    main()
