"""``etlcheck bench`` against its acceptance figures, on a scratch copy of the sample
pipeline (a git repository in a temporary folder; nothing here touches the worktree):

1. cost: ``etlcheck bench --runs 5`` against one ``etlcheck run`` (each several times);
2. unchanged reruns against a saved baseline: no step or phase may be "slower"; how often
   "noisy" appears;
3. a heavy cross join added to ``23-stage-policies.sql``: exit 1 naming it, every try,
   against a saved baseline and with ``--compare-ref``.

    python benchmarks/bench_regression.py [--tries 5] [--cost 3]

Prints every figure with the machine's load average; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STEP = "23-stage-policies.sql"
CROSS_JOIN = """
    -- a heavy cross join (the regression under test)
    DECLARE @spread BIGINT;
    SELECT @spread = SUM(CAST(LEN(a.policy_number + d.client_code) AS BIGINT)
                         * LEN(b.broker_code + c.product_code))
    FROM [etl].[in_policies] AS a
    CROSS JOIN [etl].[in_policies] AS b
    CROSS JOIN [etl].[in_policies] AS c
    CROSS JOIN [etl].[in_policies] AS d
    WHERE a.source_row_id <= 5 AND a.policy_number <> b.policy_number;
"""
SUMMARY = re.compile(r"^(\d+) slower, (\d+) faster, (\d+) same, (\d+) noisy", re.MULTILINE)


def load() -> str:
    return "/".join(f"{v:.2f}" for v in os.getloadavg())


def etlcheck(folder: Path, *arguments: str) -> tuple[int, str, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "etlcheck.cli", *arguments],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - began


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def scratch() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="etlcheck-bench-"))
    for name in ("etlcheck.toml", "sql", "suites"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "the sample pipeline")
    return folder


def add_cross_join(folder: Path) -> None:
    script = folder / "sql" / STEP
    text = script.read_text("utf-8")
    marker = "\n    INSERT INTO [etl].[load_errors]"
    script.write_text(text.replace(marker, CROSS_JOIN + marker, 1), "utf-8")


def counts(output: str) -> tuple[int, int, int, int]:
    found = SUMMARY.search(output)
    if found is None:
        raise SystemExit(f"no summary line in:\n{output}")
    slower, faster, same, noisy = (int(g) for g in found.groups())
    return slower, faster, same, noisy


def cost(folder: Path, times: int) -> None:
    print(f"\n1. cost, {times} times each (load {load()})")
    runs, benches = [], []
    for _ in range(times):
        code, output, seconds = etlcheck(folder, "run")
        assert code == 0, output
        runs.append(seconds)
        code, output, seconds = etlcheck(folder, "bench", "--runs", "5", "--no-save")
        assert code == 0, output
        benches.append(seconds)
    run, bench = statistics.median(runs), statistics.median(benches)
    for name, seconds in (("etlcheck run", runs), ("etlcheck bench --runs 5", benches)):
        shown = ", ".join(f"{s:.1f}" for s in seconds)
        print(f"   {name + ':':<25} {shown} s, median {statistics.median(seconds):.1f}")
    print(f"   ratio of medians: {bench / run:.2f} (load {load()})")


def unchanged(folder: Path, tries: int) -> None:
    print(f"\n2. unchanged reruns against a saved baseline (load {load()})")
    code, output, _ = etlcheck(folder, "bench", "--save", "unchanged-base")
    assert code == 0, output
    noisy_total = slower_total = rows = 0
    for attempt in range(1, tries + 1):
        code, output, seconds = etlcheck(folder, "bench", "--baseline", "unchanged-base")
        slower, faster, same, noisy = counts(output)
        slower_total += slower
        noisy_total += noisy
        rows += slower + faster + same + noisy
        noisy_names = [x[2:46].strip() for x in output.splitlines() if x.endswith("  noisy")]
        slower_lines = [x[2:] for x in output.splitlines() if x.startswith("✗ ") and " is " in x]
        print(
            f"   try {attempt}: exit {code}, {slower} slower, {faster} faster, {same} same, "
            f"{noisy} noisy {noisy_names} ({seconds:.1f} s, load {load()})"
        )
        for line in slower_lines + [x for x in output.splitlines() if "the machine ran" in x]:
            print(f"      {line}")
    print(f"   slower in {tries} tries: {slower_total}; noisy: {noisy_total} of {rows} rows")


def cross_join(folder: Path, tries: int) -> None:
    print(f"\n3. the cross join in {STEP} (load {load()})")
    code, output, _ = etlcheck(folder, "bench", "--save", "before-cross-join")
    assert code == 0, output
    add_cross_join(folder)
    for how in (["--baseline", "before-cross-join"], ["--compare-ref", "main"]):
        named = 0
        for attempt in range(1, tries + 1):
            code, output, seconds = etlcheck(folder, "bench", *how)
            says = f"✗ {STEP} is slower" in output
            named += code == 1 and says
            line = next((x for x in output.splitlines() if x.startswith(f"✗ {STEP} is")), "")
            print(f"   {' '.join(how)} try {attempt}: exit {code} ({seconds:.1f} s) {line}")
        print(f"   {' '.join(how)}: exit 1 naming {STEP} in {named} of {tries} tries")
    git(folder, "checkout", "-q", "--", f"sql/{STEP}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tries", type=int, default=5)
    parser.add_argument("--cost", type=int, default=3)
    args = parser.parse_args()
    folder = scratch()
    print(f"scratch copy: {folder}; {os.cpu_count()} CPUs; load {load()}")
    try:
        cost(folder, args.cost)
        unchanged(folder, args.tries)
        cross_join(folder, args.tries)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
