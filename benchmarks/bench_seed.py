"""Seeding figures (issue 10's targets), printed, never asserted.

1. ``etlcheck init`` on the sample pipeline (41 scripts): in process, and as a command.
   Target: <= 1 s.
2. Seeding 150,000 rows from Parquet into a DuckDB file (a ``files`` seed source, typed by
   a ``ddl`` source). Target: <= 1 s.
3. Cloning seed-scale production into the sandbox, against the pipeline's own time on the
   same database. Target: the clone costs <= 15 % of the pipeline. Printed twice: the
   whole clone, and what cloning adds to a run (seeding without a clone copies the raw
   sample into the sandbox as well).

    python benchmarks/bench_seed.py [RUNS]   (default 5; medians are printed)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb

from etlcheck.config import load_config
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.options import RunOptions
from etlcheck.scaffold import init_project
from etlcheck.seeding.clone import clone_production
from etlcheck.seeding.seeder import Seeder
from etlcheck.stages import make_runner

ROOT = Path(__file__).resolve().parents[1]
ROWS = 150_000
DDL = """
IF SCHEMA_ID(N'raw') IS NULL EXEC(N'CREATE SCHEMA raw');
GO
CREATE TABLE raw.readings (
    reading_id  BIGINT         NOT NULL,
    meter_id    NVARCHAR(12)   NOT NULL,
    read_on     DATE           NOT NULL,
    kwh         DECIMAL(12, 3) NOT NULL,
    source      NVARCHAR(20)   NULL,
    CONSTRAINT PK_readings PRIMARY KEY (reading_id)
);
"""


def median(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.3f} s (min {min(values):.3f}, max {max(values):.3f})"
    )


def bench_init(runs: int, work: Path) -> None:
    inside, command = [], []
    for index in range(runs):
        folder = work / f"init-{index}"
        shutil.copytree(ROOT / "sql", folder / "sql")
        began = time.perf_counter()
        init_project(folder)
        inside.append(time.perf_counter() - began)
        again = work / f"init-cli-{index}"
        shutil.copytree(ROOT / "sql", again / "sql")
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "etlcheck.cli", "init", str(again)],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        command.append(time.perf_counter() - began)
    print(f"etlcheck init on the sample (41 scripts), in process: {median(inside)}")
    print(f"etlcheck init on the sample, as a command (Python start included): {median(command)}")


def bench_parquet(runs: int, work: Path) -> None:
    project = work / "parquet"
    (project / "db").mkdir(parents=True)
    (project / "data").mkdir()
    (project / "sql").mkdir()
    (project / "sql" / "noop.sql").write_text("SELECT 1;\n", "utf-8")
    (project / "db" / "raw.sql").write_text(DDL, "utf-8")
    (project / "etlcheck.toml").write_text(
        '[sandbox]\nschemas = { raw = "poc_raw" }\n'
        '[[phases]]\nname = "p"\nscripts = ["noop.sql"]\n',
        "utf-8",
    )
    with duckdb.connect() as connection:
        connection.execute(
            f"COPY (SELECT i AS reading_id, 'M-' || (i % 5000) AS meter_id, "
            "DATE '2024-01-01' + CAST(i % 365 AS INTEGER) AS read_on, "
            "CAST(i % 9973 AS DECIMAL(12, 3)) / 7 AS kwh, "
            f"CASE WHEN i % 3 = 0 THEN NULL ELSE 'smart' END AS source FROM range({ROWS}) t(i)) "
            f"TO '{project / 'data' / 'raw.readings.parquet'}' (FORMAT parquet)"
        )
    options = RunOptions.from_config(load_config(project / "etlcheck.toml"))
    typed, inferred = [], []
    for index in range(runs):
        with DuckDBEngine(str(work / f"parquet-{index}.duckdb")) as engine:
            seeder = Seeder(engine, options)
            seeder.ddl("db")
            began = time.perf_counter()
            record = seeder.files("data")
            engine.checkpoint()
            typed.append(time.perf_counter() - began)
            assert record.tables[0].rows == ROWS
        with DuckDBEngine(str(work / f"parquet-inferred-{index}.duckdb")) as engine:
            began = time.perf_counter()
            Seeder(engine, options).files("data")
            engine.checkpoint()
            inferred.append(time.perf_counter() - began)
    print(f"seeding {ROWS:,} rows from Parquet, typed by DDL: {median(typed)}")
    print(f"seeding {ROWS:,} rows from Parquet, types from the file: {median(inferred)}")


def bench_clone(runs: int, work: Path) -> None:
    """The clone against the pipeline on the same database. Seeding with
    ``clone_production = false`` already copies the raw sample into ``poc_raw_data`` (the
    pipeline's input has to be in the sandbox either way), so what cloning adds to a run
    is the clone less that copy; both figures are printed."""
    config = load_config(ROOT / "etlcheck.toml")
    options = RunOptions.from_config(config, scale="seed", clone_production=False)
    clones, pipelines, added, copies = [], [], [], ()
    by_schema: dict[str, list[float]] = defaultdict(list)
    for index in range(runs):
        with DuckDBEngine(str(work / f"clone-{index}.duckdb")) as engine:
            seeder = Seeder(engine, options)
            seeder.sample()
            engine.checkpoint()
            copying: dict[str, float] = defaultdict(float)
            execute = engine.execute

            def timed(sql: str, execute: Any = execute, copying: Any = copying) -> int:
                began = time.perf_counter()
                try:
                    return int(execute(sql))
                finally:
                    if sql.startswith('INSERT INTO "'):
                        copying[sql.split('"')[1]] += time.perf_counter() - began

            engine.execute = timed  # type: ignore[method-assign]
            began = time.perf_counter()
            copies = clone_production(engine, config)
            engine.checkpoint()
            clones.append(time.perf_counter() - began)
            engine.execute = execute  # type: ignore[method-assign]
            for schema, spent in copying.items():
                by_schema[schema].append(spent)
            added.append(clones[-1] - copying.get("poc_raw_data", 0.0))
            seeder.finish()
            runner = make_runner(engine, options)
            runner.cache_dir = None
            began = time.perf_counter()
            result = runner.run()
            pipelines.append(time.perf_counter() - began)
            assert result.ok, result.failed
    pipeline = statistics.median(pipelines)
    copied = sum(c.rows for c in copies if c.dropped_by is None)
    owed = sum(c.rows for c in copies if c.dropped_by is not None)
    print(
        f"cloning seed-scale production ({len(copies)} tables; {copied:,} rows copied, "
        f"{owed:,} rows of the tables the steps drop first owed, not copied): {median(clones)}"
    )
    print(f"the pipeline on the same database: {median(pipelines)}")
    print(f"clone / pipeline: {statistics.median(clones) / pipeline:.1%}")
    print(
        "what cloning adds to a run (the clone less the raw sample's copy into poc_raw_data, "
        f"which seeding makes without a clone too): {median(added)}; "
        f"/ pipeline: {statistics.median(added) / pipeline:.1%} (target <= 15 %)"
    )
    for schema, times in sorted(by_schema.items()):
        if schema not in {c.sandbox_schema for c in copies}:
            continue  # the record of owed rows, not a copy
        count = sum(c.rows for c in copies if c.sandbox_schema == schema and c.dropped_by is None)
        print(
            f"  copying into {schema} ({count:,} rows): median {statistics.median(times):.3f} s, "
            f"{statistics.median(times) / pipeline:.1%} of the pipeline"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("runs", nargs="?", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="etlcheck-bench-seed-") as folder:
        work = Path(folder)
        bench_init(runs, work)
        bench_parquet(runs, work)
        bench_clone(runs, work)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
