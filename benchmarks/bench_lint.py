"""Time `etlcheck lint` over the whole sample pipeline (target: <= 0.5 s).

Run from the repository root: ``python benchmarks/bench_lint.py [--config etlcheck.toml]``.
Prints the best of several runs for the AST remap and for the regex rewrite.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from etlcheck.config import load_config
from etlcheck.isolation.lint import lint_files, lint_pipeline
from etlcheck.isolation.remap import analyse_batch
from etlcheck.pipeline import Pipeline

TARGET_SECONDS = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, default=Path("etlcheck.toml"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    config = load_config(args.config)
    steps = Pipeline.from_config(config).steps
    present = [s.path for s in steps if s.path.is_file()]
    complete = len(present) == len(steps)
    size = sum(p.stat().st_size for p in present)
    print(f"{len(present)}/{len(steps)} scripts, {size / 1024:.1f} KiB of T-SQL")
    for mode in ("ast", "regex"):
        best = float("inf")
        findings = 0
        for _ in range(args.repeat):
            analyse_batch.cache_clear()
            start = time.perf_counter()
            if complete:
                report = lint_pipeline(config, mode)
            else:
                report = lint_files(present, config.sandbox, mode)
            best = min(best, time.perf_counter() - start)
            findings = len(report.findings)
        verdict = "within" if best <= TARGET_SECONDS else "OVER"
        print(
            f"lint --rewrite {mode:5}: {best * 1000:7.1f} ms best of {args.repeat}, "
            f"{findings} findings ({verdict} the {TARGET_SECONDS:.1f} s target)"
        )


if __name__ == "__main__":
    main()
