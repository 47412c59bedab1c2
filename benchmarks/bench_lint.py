"""Time `etlcheck lint` (remap, static proof, fail-closed scan) over the sample pipeline,
and over one procedure script of about 50 KB (target: <= 0.3 s).

Run from the repository root: ``python benchmarks/bench_lint.py [--config etlcheck.toml]``.
Every run starts cold (no remembered parse or rewrite); prints the median and the best of
``--repeat`` runs. Figures, never assertions: the machine may be shared.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from etlcheck.config import load_config
from etlcheck.isolation.lint import lint_files, lint_pipeline, lint_script
from etlcheck.isolation.rewrite import clear_caches
from etlcheck.pipeline import Pipeline

PIPELINE_TARGET = 0.5
PROCEDURE_TARGET = 0.3
TABLES = re.compile(
    r"\b(Brokers|Policies|Claims|Regions|Customers|Watermark|LoadLog|ErrorLog|DimBroker"
    r"|FactPremium|Products|Queue|ClaimsArchive|DimDate)\b"
)
"""Table names made distinct in each copy, so that no statement repeats another."""
PROCEDURES = Path(__file__).resolve().parent.parent / "tests" / "isolation" / "corpus" / "procs"


def procedure_script(size: int = 50 * 1024) -> str:
    """One ``CREATE PROCEDURE`` of about ``size`` characters, its body made of the bodies of
    the corpus's procedures (TRY/CATCH, MERGE, logging calls, PRINT, cursors)."""
    bodies = []
    for path in sorted(PROCEDURES.glob("*.sql")):
        if path.name.endswith(".remapped.sql"):
            continue
        text = path.read_text(encoding="utf-8").split("\nGO")[0]
        marker = text.upper().find("\nAS\n")
        if marker >= 0:
            bodies.append(text[marker + 4 :])
    body = ""
    copy = 0
    while len(body) < size:
        for part in bodies:
            if len(body) >= size:
                break
            distinct = TABLES.sub(lambda match, n=copy: f"{match.group(0)}_{n}", part)
            body += f"\n-- part {copy}\n" + distinct
            copy += 1
    return "CREATE PROCEDURE etl.usp_Everything\nAS\nBEGIN\n" + body + "\nEND\nGO\n"


def timed(work: Callable[[], int], repeat: int) -> tuple[float, float, float, int]:
    """(median wall time, best wall time, median CPU time, findings) of ``repeat`` cold runs.
    On a shared machine the CPU time of this process says more than the wall time."""
    times = []
    cpu = []
    findings = 0
    for _ in range(repeat):
        clear_caches()
        start, start_cpu = time.perf_counter(), time.process_time()
        findings = work()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), min(times), statistics.median(cpu), findings


def report(
    label: str, figures: tuple[float, float, float, int], target: float, repeat: int
) -> None:
    median, best, cpu, findings = figures
    verdict = "within" if median <= target else "OVER"
    print(
        f"{label}: median {median * 1000:6.1f} ms (CPU {cpu * 1000:6.1f} ms), "
        f"best {best * 1000:6.1f} ms of {repeat}, {findings} findings "
        f"({verdict} the {target:.1f} s target)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, default=Path("etlcheck.toml"))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    config = load_config(args.config)
    steps = Pipeline.from_config(config).steps
    present = [s.path for s in steps if s.path.is_file()]
    complete = len(present) == len(steps)
    size = sum(p.stat().st_size for p in present)
    print(f"sample pipeline: {len(present)}/{len(steps)} scripts, {size / 1024:.1f} KiB of T-SQL")
    for mode in ("ast", "regex"):

        def pipeline(mode: str = mode) -> int:
            if complete:
                return len(lint_pipeline(config, mode).findings)
            return len(lint_files(present, config.sandbox, mode).findings)

        figures = timed(pipeline, args.repeat)
        report(f"lint --rewrite {mode:5}", figures, PIPELINE_TARGET, args.repeat)
    script = procedure_script()
    print(f"one procedure: {len(script) / 1024:.1f} KiB, {script.count(chr(10))} lines")

    def procedure() -> int:
        return len(lint_script(script, "usp_Everything.sql", config.sandbox))

    report("lint of the procedure ", timed(procedure, args.repeat), PROCEDURE_TARGET, args.repeat)


if __name__ == "__main__":
    main()
