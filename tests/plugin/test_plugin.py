"""The pytest plugin as users meet it: the poc_isolation suite run by pytester in a
subprocess, as `pytest suites/poc_isolation` would run it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from etlcheck.cores import available_cores

REPO = Path(__file__).resolve().parents[2]
SUITE = REPO / "suites" / "poc_isolation"
KEEP = ("--etl-workers", "keep")
"""xdist's workers even where only a suite is given (the sharing is under test)."""

pytestmark = pytest.mark.slow

CORRUPT = """
import pytest


@pytest.fixture(scope="session")
def etl_run(etl_run, etl_engine):
    etl_engine.execute(
        "UPDATE poc_etl.stg_policies SET broker_code = 'BRK-GHOST' "
        "WHERE policy_number = (SELECT MIN(policy_number) FROM poc_etl.stg_policies)"
    )
    return etl_run
"""


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
    (suite / "conftest_corrupt.py").write_text(CORRUPT)
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


def test_xdist_runs_the_pipeline_once_and_writes_one_report_folder(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = pytester.runpytest_subprocess(str(suite), "-p", "no:cacheprovider", "-n", "2", *KEEP)
    assert result.ret == 0, result.stdout.str()
    reports = pytester.path / "reports"
    [document] = run_documents(reports)
    assert document["verdict"] == "verified" and document["run"]["steps_completed"] == 41
    folders = [p for p in reports.iterdir() if p.is_dir() and not p.is_symlink()]
    assert len(folders) == 1
    latest = (reports / "latest").resolve()
    assert latest == folders[0].resolve()
    assert {"pytest.html", "junit.xml", "report.html", "run.json"} <= {
        p.name for p in latest.iterdir()
    }
    result.stdout.fnmatch_lines([f"*etlcheck report: {latest / 'report.html'}*"])
    assert 'href="report.html"' in (latest / "pytest.html").read_text()


def test_xdist_given_only_a_suite_runs_it_without_workers_and_says_so(
    pytester: pytest.Pytester, suite: Path
) -> None:
    """Every test of a suite reads the one run: workers would only add their start-up."""
    (suite / "test_which_process.py").write_text(
        "def test_no_worker(worker_id):\n    assert worker_id == 'master'\n"
    )
    result = pytester.runpytest_subprocess(str(suite), "-p", "no:cacheprovider", "-n", "2")
    assert result.ret == 0, result.stdout.str()
    result.stdout.fnmatch_lines(["etlcheck: running without xdist's 2 workers: every path*"])
    assert "created: 2/2 workers" not in result.stdout.str()
    [document] = run_documents(pytester.path / "reports")
    assert document["verdict"] == "verified"


def test_xdist_keeps_its_workers_when_a_path_lies_outside_every_suite(
    pytester: pytest.Pytester, suite: Path
) -> None:
    other = pytester.path / "other_tests"
    other.mkdir()
    (other / "test_elsewhere.py").write_text(
        "def test_on_a_worker(worker_id):\n    assert worker_id.startswith('gw')\n"
    )
    result = pytester.runpytest_subprocess(
        str(suite / "test_phase_timings.py"), str(other), "-p", "no:cacheprovider", "-n", "2"
    )
    assert result.ret == 0, result.stdout.str()
    assert "running without xdist" not in result.stdout.str()
    assert len(run_documents(pytester.path / "reports")) == 1


def test_an_unknown_etl_workers_value_is_a_usage_error(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = pytester.runpytest_subprocess(
        str(suite), "-p", "no:cacheprovider", "-n", "2", "--etl-workers", "sometimes"
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: etlcheck: unknown --etl-workers value 'sometimes' (choose auto or keep)"]
    )


def test_xdist_with_an_overriding_conftest_shares_the_overridden_run(
    pytester: pytest.Pytester, suite: Path
) -> None:
    """A suite that overrides a fixture of the run: a worker makes the run through the
    fixtures (overrides and all) and shares it; every worker sees the corrupted row."""
    (suite / "conftest_corrupt.py").write_text(CORRUPT)
    conftest = suite / "conftest.py"
    conftest.write_text(conftest.read_text() + "\nfrom conftest_corrupt import etl_run  # noqa\n")
    result = pytester.runpytest_subprocess(
        str(suite), "-p", "no:cacheprovider", "--rootdir", str(suite), "-n", "2", *KEEP
    )
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] == 1, result.stdout.str()
    result.stdout.fnmatch_lines(["*broker_code: expect_column_values_to_be_in_set failed*"])
    documents = run_documents(pytester.path / "reports")
    assert len(documents) == 1


def test_an_engine_asked_for_is_required(pytester: pytest.Pytester, suite: Path) -> None:
    """``--etl-engine mssql`` with no server is a failure with the reason, never a pass
    with 39 skips; the URL's password appears nowhere."""
    password = "Wombat-Quill-7731"
    args = [str(suite / "test_runtime_isolation.py"), "-p", "no:cacheprovider", "-rA"]
    url = f"mssql://sa:{password}@127.0.0.1:1/etlcheck_x"
    result = pytester.runpytest_subprocess(*args, "--etl-engine", "mssql", "--etl-mssql-url", url)
    assert result.ret == 1
    outcomes = result.parseoutcomes()
    assert outcomes.get("errors", 0) + outcomes.get("failed", 0) == 3
    assert "skipped" not in outcomes
    result.stdout.fnmatch_lines(
        ["*engine mssql (asked for with --etl-engine) is not available here*"]
    )
    assert password not in result.stdout.str() + result.stderr.str()
    assert "mssql://sa:***@127.0.0.1:1/etlcheck_x" in result.stdout.str()


def test_bad_option_is_one_clear_error(pytester: pytest.Pytester, suite: Path) -> None:
    result = pytester.runpytest_subprocess(str(suite), "--etl-scale", "huge")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: etlcheck: scale 'huge' is neither 'poc', 'seed' nor *"])
    assert "Traceback" not in result.stderr.str()
    engine = pytester.runpytest_subprocess(str(suite), "--etl-engine", "oracle")
    assert engine.ret == pytest.ExitCode.USAGE_ERROR
    engine.stderr.fnmatch_lines(["ERROR: etlcheck: unknown engine 'oracle'*"])


QUERY_TESTS = """
import pytest


@pytest.mark.parametrize("attempt", range(6))
def test_the_sandbox_can_be_queried_on_any_worker(attempt, etl_engine, etl_after):
    _, sandbox = etl_after
    table = sandbox.table("poc_etl", "stg_brokers")
    rows = etl_engine.query("SELECT COUNT(*) FROM poc_etl.stg_brokers").scalar()
    assert rows == table.rows_after > 0


def test_what_the_suite_imported_is_out_of_the_collectors_reach():
    import gc

    assert gc.get_freeze_count() > 0
"""


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_every_xdist_worker_can_query_the_one_database(
    pytester: pytest.Pytester, suite: Path, engine: str
) -> None:
    if engine == "postgres":
        from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
        from etlcheck.testing import skip_unless_available

        skip_unless_available("postgres", postgres_unavailable_reason())
    (suite / "test_query_the_sandbox.py").write_text(QUERY_TESTS)
    result = pytester.runpytest_subprocess(
        str(suite / "test_query_the_sandbox.py"),
        "-p",
        "no:cacheprovider",
        "-n",
        "2",
        *KEEP,
        "--etl-engine",
        engine,
    )
    assert result.ret == 0, result.stdout.str()
    result.assert_outcomes(passed=7)
    assert len(run_documents(pytester.path / "reports")) == 1


GX_PROCESS = """
from etlcheck.expectations import worker


def test_great_expectations_process_at_session_start():
    started = worker.take_worker()
    if started is not None:
        started.stop()
    assert (started is not None) == {expected}
"""


@pytest.mark.parametrize("suites", [True, False], ids=["suites", "no-suites"])
def test_the_suite_starts_great_expectations_with_the_session_only_for_suites(
    pytester: pytest.Pytester, suite: Path, suites: bool
) -> None:
    """Without workers, the process that imports GX starts with the session, before any
    test is collected; a run whose expectations folder holds no suite starts none."""
    (suite / "test_gx_process.py").write_text(GX_PROCESS.format(expected=suites))
    empty = pytester.mkdir("no-suites")
    folder = [] if suites else ["--etl-expectations", str(empty)]
    result = pytester.runpytest_subprocess(
        str(suite / "test_gx_process.py"), "-p", "no:cacheprovider", *folder
    )
    result.assert_outcomes(passed=1)


HELD_WORKERS = """
import os
from pathlib import Path

import pytest

import etlcheck.session_run

PUBLISHED = pytest.StashKey[bool]()
STARTED_ON = pytest.StashKey[frozenset]()
if hasattr(os, "sched_getaffinity") and "HELD_CORES" not in os.environ:  # the controller
    os.environ["HELD_CORES"] = " ".join(map(str, os.sched_getaffinity(0)))
CONTROLLER_CORES = frozenset(map(int, os.environ.get("HELD_CORES", "").split()))


def pytest_configure(config):
    if hasattr(config, "workerinput"):
        share = Path(config.workerinput["etl_share_dir"])
        config.stash[PUBLISHED] = (share / "result.pickle").exists()
        if CONTROLLER_CORES:
            config.stash[STARTED_ON] = frozenset(os.sched_getaffinity(0))
    else:
        etlcheck.session_run.available_cores = lambda: 1


@pytest.fixture
def published_when_the_worker_started(request):
    return request.config.stash[PUBLISHED]


@pytest.fixture
def cores(request):
    if len(CONTROLLER_CORES) < 2:
        pytest.skip("needs CPU affinity (Linux) and 2 cores or more")
    return request.config.stash[STARTED_ON], frozenset(os.sched_getaffinity(0))
"""
HELD_TEST = """
from conftest import CONTROLLER_CORES


def test_the_worker_started_after_the_run_was_published(published_when_the_worker_started):
    assert published_when_the_worker_started


def test_the_worker_started_off_one_core_and_runs_its_tests_on_all(cores):
    started_on, testing_on = cores
    assert started_on == CONTROLLER_CORES - {max(CONTROLLER_CORES)}
    assert testing_on == CONTROLLER_CORES
"""


def test_on_a_machine_with_few_cores_xdist_workers_start_once_the_run_is_published(
    pytester: pytest.Pytester, suite: Path
) -> None:
    """Workers started alongside the run and Great Expectations' import slow that import
    (the session's critical path) when the cores are fewer than the processes: they start
    once the run is published, and off the core GX's process imports on, which they get
    back for their tests."""
    held = suite / "held"
    held.mkdir()
    (held / "conftest.py").write_text(HELD_WORKERS)
    (held / "test_held.py").write_text(HELD_TEST)
    result = pytester.runpytest_subprocess(str(held), "-p", "no:cacheprovider", "-n", "2", *KEEP)
    if hasattr(os, "sched_setaffinity") and available_cores() >= 2:
        result.assert_outcomes(passed=2)
    else:
        result.assert_outcomes(passed=1, skipped=1)


LIGHT_WORKER = """
import sys

import pytest

from etlcheck.plugin import etl_session_of

HEAVY = ("duckdb", "great_expectations", "numpy", "pandas", "pydantic", "sqlglot")


@pytest.mark.parametrize("attempt", range(4))
def test_a_worker_takes_the_run_without_what_made_it(
    request, attempt, etl_options, etl_seed, etl_before, etl_lint, etl_run, etl_after,
    etl_pipeline_tables, etl_expectations,
):
    assert etl_run.completed == etl_run.steps_total and etl_pipeline_tables
    share = etl_session_of(request.config).share
    heavy = [name for name in HEAVY if name in sys.modules]
    assert heavy == [], f"{share.worker} took the run {share.producer} made"
"""


def test_xdist_workers_take_the_controllers_run_without_importing_what_made_it(
    pytester: pytest.Pytester, suite: Path
) -> None:
    """A worker only unpickles the run the controller made and collects the cases the
    controller handed over: it imports neither the engines' drivers, nor numpy, nor the
    SQL parser, nor Great Expectations, nor pydantic, which checks the configuration the
    controller has already checked (each costs the worker its start-up time again)."""
    (suite / "test_light_worker.py").write_text(LIGHT_WORKER)
    result = pytester.runpytest_subprocess(
        str(suite / "test_light_worker.py"),
        str(suite / "test_production_unchanged.py"),
        str(suite / "test_phase_timings.py"),
        "--etl-expectations",
        str(suite / "expectations"),
        "-p",
        "no:cacheprovider",
        "-n",
        "2",
        *KEEP,
    )
    assert result.ret == 0, result.stdout.str()
    result.assert_outcomes(passed=36)
