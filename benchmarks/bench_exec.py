"""What an EXEC of a stored procedure costs in the T-SQL interpreter (issue 12's target:
an empty procedure's EXEC in <= 0.5 ms of interpreter time).

A batch of N ``EXEC`` statements runs on an in-memory DuckDB database, once to warm the
caches (the batch's split, the routine's parse), then ``RUNS`` times; the figure is the
median time per EXEC, wall and CPU (the machine is shared: CPU time is the steadier
one). An empty procedure (``AS RETURN``) touches the engine for nothing, so its EXEC is
all interpreter time; a procedure with two arguments and an OUTPUT parameter, and a
plain ``SET`` for scale, are printed beside it. Prints figures; asserts nothing.

    python benchmarks/bench_exec.py [CALLS] [RUNS]   (default 2000 calls, 5 runs)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from etlcheck.engines.duckdb import DuckDBEngine

TARGET_MS = 0.5
SETUP = """
CREATE PROCEDURE dbo.usp_empty AS RETURN
GO
CREATE PROCEDURE dbo.usp_args @a INT, @b NVARCHAR(20) = N'x', @out INT OUTPUT
AS SET @out = @a
"""


def per_statement(engine: DuckDBEngine, script: str, calls: int, runs: int) -> tuple[float, float]:
    """Median milliseconds per statement, wall and CPU."""
    path = Path("bench_exec.sql")
    engine.run_script(script, path)  # warm: split, parse, compile
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        engine.run_script(script, path)
        walls.append((time.perf_counter() - wall) * 1000 / calls)
        cpus.append((time.process_time() - cpu) * 1000 / calls)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    scripts = {
        "EXEC dbo.usp_empty": "EXEC dbo.usp_empty\n" * calls,
        "EXEC dbo.usp_args 1, @out = @v OUTPUT": "DECLARE @v INT\n"
        + "EXEC dbo.usp_args 1, @out = @v OUTPUT\n" * calls,
        "SET @v = 1 (for scale)": "DECLARE @v INT\n" + "SET @v = 1\n" * calls,
    }
    with DuckDBEngine(None) as engine:
        engine.run_script(SETUP, Path("setup.sql"))
        print(f"{calls} statements a batch, median of {runs} runs, per statement:")
        for name, script in scripts.items():
            wall, cpu = per_statement(engine, script, calls, runs)
            print(f"  {name:<40} {wall:6.3f} ms wall  {cpu:6.3f} ms CPU")
            if name == "EXEC dbo.usp_empty":
                verdict = "within" if cpu <= TARGET_MS else "OVER"
                print(f"  -> {cpu / TARGET_MS:.2f} x the {TARGET_MS} ms target ({verdict})")


if __name__ == "__main__":
    main()
