"""A fixed reference workload, timed before every measured run: how fast the machine was
at that moment.

A baseline saved at one moment and a result measured at another differ by the machine as
well as by the scripts. On a shared 2-core machine the other work changes from minute to
minute: in one sitting, unchanged reruns a minute or two after the baseline had 4 "slower"
rows in 5 reruns (every run of the row slower than every run of the baseline, which the
Mann-Whitney U test rightly finds significant). The workload below (about 20 ms on a quiet
machine: a DuckDB aggregate, a Python loop, some string work, the mix a pipeline run has)
slows down with the machine: 0.020 s quiet, 0.056 s beside two busy processes. The ratio
of its medians tells the verdict how much of a change the machine alone explains
(``verdict.compare_samples``).
"""

from __future__ import annotations

import time

import duckdb

ROWS = 1_500_000
LOOP = 150_000
WARM_UP = 2


class ReferenceWorkload:
    """The workload on its own in-memory DuckDB connection; ``seconds()`` times it once."""

    def __init__(self) -> None:
        self._connection = duckdb.connect()
        for _ in range(WARM_UP):
            self.seconds()

    def seconds(self) -> float:
        began = time.perf_counter()
        self._connection.execute(
            f"SELECT sum(i % 7), count(DISTINCT i % 1000) FROM range({ROWS}) AS t(i)"
        ).fetchall()
        total = 0
        for number in range(LOOP):
            total += (number * 31) % 17
        ",".join(str(number) for number in range(20_000)).split(",")
        return time.perf_counter() - began

    def close(self) -> None:
        self._connection.close()
