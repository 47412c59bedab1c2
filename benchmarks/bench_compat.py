"""How long the compatibility pass takes on the sample pipeline (what `etlcheck run` and
`etlcheck lint --engine` pay before anything runs): with an empty work cache (a fresh
checkout, or a change to etlcheck: every statement is compiled) and with the cache the
first pass left (a lookup per script). Each figure is a fresh process, as the CLI.
Prints figures; asserts nothing.

    python benchmarks/bench_compat.py [RUNS]   (default 5)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child(project: Path, engine: str) -> None:
    from etlcheck.compatibility import check_pipeline
    from etlcheck.config import load_config

    config = load_config(project / "etlcheck.toml")
    began = time.perf_counter()
    findings = check_pipeline(config, engine, keep=True)
    print(json.dumps({"seconds": time.perf_counter() - began, "findings": len(findings)}))


def _timed(project: Path, engine: str) -> float:
    command = [sys.executable, __file__, "--child", str(project), "--engine", engine]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.splitlines()[-1])
    assert result["findings"] == 0, result
    return float(result["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args.child, args.engine)
        return
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="etlcheck-bench-compat-") as folder:
            project = Path(folder)
            shutil.copy(ROOT / "etlcheck.toml", project / "etlcheck.toml")
            shutil.copytree(ROOT / "sql", project / "sql")
            expectations = Path("suites/poc_isolation/expectations")  # the config names it
            shutil.copytree(ROOT / expectations, project / expectations)
            cold.append(_timed(project, args.engine))
            warm.append(_timed(project, args.engine))
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"compatibility pass on the sample pipeline ({args.engine}), {args.runs} pair(s)")
    for name, values in (("cold cache", cold), ("warm cache", warm)):
        print(f"  {name}  best {min(values):6.3f} s   median {statistics.median(values):6.3f} s")


if __name__ == "__main__":
    main()
