"""Bad input met while pytest lists a suite's cases (an expectation suite that is not
valid JSON) ends the session with one line naming file:line:col, pytest's usage-error
exit code, no traceback and no run, with and without pytest-xdist."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "billing"

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("workers", [(), ("-n", "2")], ids=["one-process", "xdist"])
def test_a_broken_expectation_suite_is_one_line_and_no_test_runs(
    tmp_path: Path, workers: tuple[str, ...]
) -> None:
    project = tmp_path / "billing"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("reports", ".etlcheck"))
    broken = project / "suites" / "billing" / "expectations" / "customers.json"
    broken.write_text('{"name": "customers", "expectations": [\n  {"type": }\n]}\n')
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "suites/billing",
            "-q",
            "-p",
            "no:cacheprovider",
            *workers,
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR: etlcheck: ")]
    assert errors == [
        "ERROR: etlcheck: suites/billing/expectations/customers.json:2:12: "
        "expectation suite is not valid JSON: Expecting value: line 2 column 12 (char 51)"
    ], output
    assert "Traceback" not in output and "INTERNALERROR" not in output, output
    assert " passed" not in output and " failed" not in output, output
    # The pipeline did not run for a session that could not list its cases: no run report.
    assert not list((project / "reports").glob("*/report.html")), output
