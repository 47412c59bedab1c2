"""Time `etlcheck lint` over a 300-file corpus (target: <= 60 s on 2 cores).

Each file is made of scripts of the real-world corpus of tests/isolation/corpus, joined by
``GO`` until it holds ``--file-kib`` KiB (10 by default, about what a warehouse project's
script holds); every copy of a script has its table names made distinct, so that no file
repeats a statement another one has. The files are written to a temporary folder and
linted cold, in one process (as ``etlcheck lint FOLDER`` does) and split over two
processes. Prints the median of ``--repeat`` runs.
Run from the repository root: ``python benchmarks/bench_corpus.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from etlcheck.config import SandboxConfig
from etlcheck.isolation.lint import lint_files
from etlcheck.isolation.rewrite import clear_caches

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "isolation" / "corpus"
TARGET_SECONDS = 60.0
SANDBOX = SandboxConfig(
    schema_map={
        "dbo": "sbx_dbo",
        "etl": "sbx_etl",
        "stage": "sbx_stage",
        "dw": "sbx_dw",
        "audit": "sbx_audit",
        "log": "sbx_log",
        "raw_data": "sbx_raw_data",
    },
    protected=("dbo", "etl", "stage", "dw", "audit", "log", "raw_data"),
    read_only=("ref",),
)
NAME = re.compile(r"(?<=[.\[])([A-Z][A-Za-z]+)(?=[\]\s(;,]|$)")
"""A table-like name after a dot or a bracket, made distinct in each copy."""


def _copies() -> Iterator[str]:
    """The corpus's scripts, again and again, each copy with distinct table names."""
    scripts = sorted(p for p in CORPUS.rglob("*.sql") if not p.name.endswith(".remapped.sql"))
    copy = 0
    while True:
        for script in scripts:
            text = script.read_text(encoding="utf-8").rstrip() + "\nGO\n"
            if copy:
                text = NAME.sub(lambda match, n=copy: f"{match.group(1)}_{n}", text)
            yield text
        copy += 1


def write_corpus(folder: Path, count: int, file_kib: float) -> list[Path]:
    written: list[Path] = []
    copies = _copies()
    for number in range(count):
        text = ""
        while len(text) < file_kib * 1024:
            text += next(copies)
        target = folder / f"{number:03d}.sql"
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def lint_cold(files: list[Path]) -> int:
    clear_caches()
    return len(lint_files(files, SANDBOX).findings)


def run(files: list[Path], processes: int) -> tuple[float, int]:
    start = time.perf_counter()
    if processes == 1:
        findings = lint_cold(files)
    else:
        halves = [files[i::processes] for i in range(processes)]
        with ProcessPoolExecutor(processes) as pool:
            findings = sum(pool.map(lint_cold, halves))
    return time.perf_counter() - start, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--file-kib", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = write_corpus(Path(folder), args.files, args.file_kib)
        size = sum(f.stat().st_size for f in files)
        print(f"{len(files)} files, {size / 1024:.0f} KiB of T-SQL, {os.cpu_count()} CPUs")
        for processes in (1, 2):
            times = []
            findings = 0
            for _ in range(args.repeat):
                elapsed, findings = run(files, processes)
                times.append(elapsed)
            median = statistics.median(times)
            verdict = "within" if median <= TARGET_SECONDS else "OVER"
            print(
                f"{processes} process(es): median {median:6.2f} s of {args.repeat}, "
                f"{findings} findings ({verdict} the {TARGET_SECONDS:.0f} s target)"
            )


if __name__ == "__main__":
    main()
