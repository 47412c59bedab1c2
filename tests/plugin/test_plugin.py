"""The pytest plugin as users meet it: the poc_isolation suite run by pytester in a
subprocess, as `pytest suites/poc_isolation` would run it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO / "suites" / "poc_isolation"

pytestmark = pytest.mark.slow


@pytest.fixture
def suite(pytester: pytest.Pytester) -> Path:
    """A copy of the suite in a fresh folder, pointed at the sample pipeline."""
    target = pytester.path / "poc_isolation"
    shutil.copytree(SUITE, target, ignore=shutil.ignore_patterns("__pycache__"))
    pytester.makeini(
        f"""
        [pytest]
        etl_config = {REPO / "etlcheck.toml"}
        etl_report_dir = {pytester.path / "reports"}
        """
    )
    return target


def run_documents(reports: Path) -> list[dict]:
    folders = [p for p in sorted(reports.iterdir()) if p.is_dir() and not p.is_symlink()]
    return [json.loads((f / "run.json").read_text()) for f in folders if (f / "run.json").exists()]


def test_suite_passes_and_writes_reports(pytester: pytest.Pytester, suite: Path) -> None:
    collected = pytester.runpytest_subprocess(str(suite), "-p", "no:cacheprovider", "--co", "-q")
    expected = len([line for line in collected.outlines if "::" in line])
    assert expected >= 40
    result = pytester.runpytest_subprocess(str(suite), "-p", "no:cacheprovider")
    result.assert_outcomes(passed=expected - 1, skipped=1)  # the benchmark: not asked for
    assert result.ret == 0
    reports = pytester.path / "reports"
    [document] = run_documents(reports)
    assert document["verdict"] == "verified"
    assert document["run"]["steps_completed"] == 41
    assert {suite["suite"] for suite in document["expectations"]} == {
        "stg_brokers",
        "stg_groups",
        "stg_policies",
        "stg_proposals",
    }
    latest = reports / "latest"
    assert latest.is_symlink() and (latest / "report.html").is_file()
    folder = latest.resolve()
    assert (folder / "junit.xml").is_file() and (folder / "pytest.html").is_file()
    assert "VERIFIED" in (folder / "report.html").read_text()


def test_regex_rewrite_fails_naming_the_leaked_tables(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = pytester.runpytest_subprocess(
        str(suite), "-p", "no:cacheprovider", "--etl-rewrite", "regex"
    )
    assert result.ret == 1
    output = result.stdout.str()
    for table in ("stg_brokers", "stg_policies", "stg_groups", "stg_proposals"):
        assert f"they belong in poc_etl.{table}" in output, table
    result.stdout.re_match_lines(
        [r".*etl\.stg_brokers was dropped and re-created: \d+ rows added.*"]
    )
    result.stdout.re_match_lines(
        [r".*dbo\.Brokers gained \d+ rows; they belong in poc_dbo\.Brokers"]
    )
    result.stdout.re_match_lines([r".*could not be proven to stay in the sandbox.*"])
    [document] = run_documents(pytester.path / "reports")
    assert document["verdict"] == "not verified"


def test_corrupted_staging_row_fails_exactly_its_expectation(
    pytester: pytest.Pytester, suite: Path
) -> None:
    (suite / "conftest_corrupt.py").write_text(
        """
import pytest


@pytest.fixture(scope="session")
def etl_run(etl_run, etl_engine):
    etl_engine.execute(
        "UPDATE poc_etl.stg_policies SET broker_code = 'BRK-GHOST' "
        "WHERE policy_number = (SELECT MIN(policy_number) FROM poc_etl.stg_policies)"
    )
    return etl_run
"""
    )
    conftest = suite / "conftest.py"
    conftest.write_text(conftest.read_text() + "\nfrom conftest_corrupt import etl_run  # noqa\n")
    result = pytester.runpytest_subprocess(
        str(suite), "-p", "no:cacheprovider", "--rootdir", str(suite)
    )
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] == 1, result.stdout.str()
    result.stdout.fnmatch_lines(["*test_staging_table_meets_its_expectations?stg_policies?*"])
    result.stdout.fnmatch_lines(
        ["*broker_code: expect_column_values_to_be_in_set failed*BRK-GHOST*"]
    )
    [document] = run_documents(pytester.path / "reports")
    failing = [
        (suite["suite"], e["expectation"], e["column"], e["examples"])
        for suite in document["expectations"]
        for e in suite["expectations"]
        if not e["success"]
    ]
    assert failing == [
        (
            "stg_policies",
            "expect_column_values_to_be_in_set",
            "broker_code",
            [{"value": "BRK-GHOST", "count": 1}],
        )
    ]
    html = (pytester.path / "reports" / "latest" / "report.html").read_text()
    assert "BRK-GHOST" in html


def test_each_xdist_worker_runs_its_own_database(pytester: pytest.Pytester, suite: Path) -> None:
    result = pytester.runpytest_subprocess(str(suite), "-p", "no:cacheprovider", "-n", "2")
    assert result.ret == 0, result.stdout.str()
    documents = run_documents(pytester.path / "reports")
    assert len(documents) == 2
    targets = {document["engine"]["target"] for document in documents}
    assert len(targets) == 2
    assert all(document["verdict"] == "verified" for document in documents)


def test_missing_engine_skips_with_reason_or_fails_when_required(
    pytester: pytest.Pytester, suite: Path
) -> None:
    args = [str(suite / "test_runtime_isolation.py"), "-p", "no:cacheprovider", "-rs"]
    skipped = pytester.runpytest_subprocess(
        *args, "--etl-engine", "mssql", "--etl-mssql-url", "mssql://sa:x@127.0.0.1:1/etlcheck_x"
    )
    skipped.assert_outcomes(skipped=3)
    skipped.stdout.fnmatch_lines(["*engine mssql is not available here*"])
    failed = pytester.runpytest_subprocess(
        *args,
        "--etl-engine",
        "mssql",
        "--etl-mssql-url",
        "mssql://sa:x@127.0.0.1:1/etlcheck_x",
        "--etl-require-engine",
        "mssql",
    )
    assert failed.ret == 1
    failed.stdout.fnmatch_lines(["*engine mssql was required but is not available*"])


def test_bad_option_is_one_clear_error(pytester: pytest.Pytester, suite: Path) -> None:
    result = pytester.runpytest_subprocess(str(suite), "--etl-scale", "huge")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: etlcheck: scale 'huge' is neither 'poc', 'seed' nor *"])
    assert "Traceback" not in result.stderr.str()
    engine = pytester.runpytest_subprocess(str(suite), "--etl-engine", "oracle")
    assert engine.ret == pytest.ExitCode.USAGE_ERROR
    engine.stderr.fnmatch_lines(["ERROR: etlcheck: unknown engine 'oracle'*"])
