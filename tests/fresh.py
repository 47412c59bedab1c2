"""Run a program in a fresh interpreter, for cases that change process-wide state (CPU
affinity, caches that live for the process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run_fresh(program: str) -> str:
    """The program's standard output, stripped; it must exit 0 and print nothing on stderr."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(program)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    return done.stdout.strip()
