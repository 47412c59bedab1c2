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


def copy_billing(tmp_path: Path) -> Path:
    project = tmp_path / "billing"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("reports", ".etlcheck"))
    return project


def run_suite(project: Path, workers: tuple[str, ...]) -> tuple[int, str]:
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
    return done.returncode, done.stdout + done.stderr


def assert_one_line_and_no_run(project: Path, code: int, output: str, line: str) -> None:
    assert code == pytest.ExitCode.USAGE_ERROR, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR: etlcheck: ")]
    assert errors == [line], output
    assert "Traceback" not in output and "INTERNALERROR" not in output, output
    assert " passed" not in output and " failed" not in output, output
    # The pipeline did not run for a session that could not list its cases: no run report.
    assert not list((project / "reports").glob("*/report.html")), output


@pytest.mark.parametrize(
    "workers", [(), ("-n", "2", "--etl-workers", "keep")], ids=["one-process", "xdist"]
)
def test_a_broken_expectation_suite_is_one_line_and_no_test_runs(
    tmp_path: Path, workers: tuple[str, ...]
) -> None:
    project = copy_billing(tmp_path)
    broken = project / "suites" / "billing" / "expectations" / "customers.json"
    broken.write_text('{"name": "customers", "expectations": [\n  {"type": }\n]}\n')
    code, output = run_suite(project, workers)
    assert_one_line_and_no_run(
        project,
        code,
        output,
        "ERROR: etlcheck: suites/billing/expectations/customers.json:2:12: "
        "expectation suite is not valid JSON: Expecting value: line 2 column 12 (char 51)",
    )


@pytest.mark.parametrize(
    "workers", [(), ("-n", "2", "--etl-workers", "keep")], ids=["one-process", "xdist"]
)
def test_a_missing_script_is_one_line_and_no_test_runs(
    tmp_path: Path, workers: tuple[str, ...]
) -> None:
    project = copy_billing(tmp_path)
    missing = project / "sql" / "20-compute-consumption.sql"
    missing.unlink()
    code, output = run_suite(project, workers)
    assert_one_line_and_no_run(
        project,
        code,
        output,
        f"ERROR: etlcheck: {missing}: script '20-compute-consumption.sql' of phase "
        "'compute' does not exist (fix the path in etlcheck.toml or add the file)",
    )


def test_a_script_no_phase_lists_is_named_at_the_end_of_the_session(tmp_path: Path) -> None:
    project = copy_billing(tmp_path)
    (project / "sql" / "99-scratch.sql").write_text("DROP TABLE billing.Invoice;\n")
    code, output = run_suite(project, ())
    assert code == 0, output
    assert (
        "etlcheck: note: 1 script is in no phase of etlcheck.toml, so neither linted nor run: "
        "sql/99-scratch.sql (list it in a phase, or move it out of sql/)"
    ) in output.splitlines()
