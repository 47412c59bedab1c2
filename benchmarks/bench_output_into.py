"""What an ``INSERT ... OUTPUT inserted.* INTO log`` costs in the T-SQL interpreter, the
statement a load writes its audit rows with, now that each one first checks its target
for FOREIGN KEYs and triggers (SQL Server's errors 332 and 331).

A ``WHILE`` loop of N such statements runs once to warm the caches, then ``RUNS`` times,
on an in-memory DuckDB database and on a throwaway PostgreSQL cluster (skipped without
its binaries); the figure is the median time per statement, wall and CPU. Run it with
``PYTHONPATH`` set to two checkouts to compare them. Prints figures; asserts nothing.

    python benchmarks/bench_output_into.py [STATEMENTS] [RUNS]   (default 300, 5)
"""

from __future__ import annotations

import statistics
import sys
import time
from contextlib import AbstractContextManager
from pathlib import Path

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine

SETUP = """CREATE SCHEMA etl;
GO
CREATE TABLE etl.batch (id int IDENTITY(1, 1) PRIMARY KEY, code varchar(20) NOT NULL);
CREATE TABLE etl.batch_log (id int NOT NULL, code varchar(20) NOT NULL);
"""
LOOP = """DECLARE @i int = 0;
WHILE @i < {statements}
BEGIN
  INSERT INTO etl.batch (code) OUTPUT inserted.id, inserted.code INTO etl.batch_log (id, code)
  VALUES (CONCAT('b-', @i));
  SET @i += 1;
END"""


def _engines() -> list[tuple[str, AbstractContextManager[Engine]]]:
    found: list[tuple[str, AbstractContextManager[Engine]]] = [("duckdb", DuckDBEngine(None))]
    from etlcheck.engines.postgres.cluster import postgres_unavailable_reason

    reason = postgres_unavailable_reason()
    if reason is None:
        from etlcheck.engines.postgres import PostgresEngine

        found.append(("postgres", PostgresEngine().start()))
    else:
        print(f"postgres skipped: {reason}")
    return found


def main() -> None:
    statements = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    loop = LOOP.format(statements=statements)
    for name, opened in _engines():
        with opened as engine:
            engine.run_script(SETUP, Path("setup.sql"))
            engine.run_script(loop, Path("warm.sql"))
            wall, cpu = [], []
            for _ in range(runs):
                started, started_cpu = time.perf_counter(), time.process_time()
                engine.run_script(loop, Path("loop.sql"))
                wall.append((time.perf_counter() - started) / statements * 1000)
                cpu.append((time.process_time() - started_cpu) / statements * 1000)
        print(
            f"{name}: INSERT ... OUTPUT INTO, per statement: median {statistics.median(wall):.3f} "
            f"ms wall, {statistics.median(cpu):.3f} ms CPU ({runs} runs of {statements})"
        )


if __name__ == "__main__":
    main()
