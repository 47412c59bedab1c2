"""Benchmarks in pytest: one case per step and phase, skipped unless asked for; a slower
step is a failing test carrying the command's sentence, in JUnit XML too. The measured
runs are synthetic (in-process pytester), so no verdict depends on this machine's speed."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import duckdb  # noqa: F401 - imported once here: pytester's in-process runs unload
import pytest  # modules they imported, and a C extension cannot be imported twice
import scipy.stats  # noqa: F401

from etlcheck.scaffold import suite_template
from tests.bench.conftest import Synthetic

SLOW = [1.90, 1.93, 1.88, 1.95, 1.91]


@pytest.fixture
def suite(pytester: pytest.Pytester, orders_project: Path) -> Path:
    """The generic suite's benchmark file and conftest, pointed at the order warehouse."""
    project = pytester.path / "orders"
    shutil.copytree(orders_project, project)
    folder = project / "suites" / "orders"
    folder.mkdir(parents=True)
    for name in ("conftest.py", "test_benchmark.py"):
        (folder / name).write_text(suite_template(name), "utf-8")
    return folder


def _run(pytester: pytest.Pytester, suite: Path, *arguments: str) -> pytest.RunResult:
    return pytester.runpytest_inprocess(str(suite), "-p", "no:cacheprovider", *arguments)


def test_without_the_option_one_case_skips_and_says_how(
    pytester: pytest.Pytester, suite: Path
) -> None:
    result = _run(pytester, suite, "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*benchmarks not requested: pass --etl-bench-runs N*"])


def test_a_slow_step_is_a_failing_test_with_the_sentence(
    pytester: pytest.Pytester, suite: Path, synthetic: Synthetic
) -> None:
    first = _run(pytester, suite, "--etl-bench-runs", "5", "--etl-bench-save", "before", "-rs")
    first.assert_outcomes(skipped=5)  # 2 phases + 3 steps, nothing to compare with yet
    first.stdout.fnmatch_lines(["*no baseline: measured and stored as 0001 (before)*"])

    synthetic.seconds["20-merge-customers.sql"] = SLOW
    junit = pytester.path / "junit.xml"
    second = _run(
        pytester,
        suite,
        "--etl-bench-runs=5",
        "--etl-bench-baseline=before",
        f"--junitxml={junit}",
    )
    second.assert_outcomes(passed=3, failed=2)
    failed = {
        case.get("name"): case.find("failure")
        for case in ElementTree.parse(junit).getroot().iter("testcase")
        if case.find("failure") is not None
    }
    assert set(failed) == {
        "test_not_slower_than_the_baseline[20-merge-customers.sql]",
        "test_not_slower_than_the_baseline[phase:publish]",
    }
    step = failed["test_not_slower_than_the_baseline[20-merge-customers.sql]"]
    assert step is not None
    assert step.get("message", "").startswith(
        "Failed: 20-merge-customers.sql is slower: median 1.910s against 0.021s in the baseline"
    )


def test_the_ini_keys_work_as_the_flags(
    pytester: pytest.Pytester, suite: Path, synthetic: Synthetic
) -> None:
    pytester.makeini("[pytest]\netl_bench_runs = 5\netl_bench_save = ini-named\n")
    result = _run(pytester, suite, "-rs")
    result.assert_outcomes(skipped=5)
    result.stdout.fnmatch_lines(["*stored as 0001 (ini-named)*"])
    assert len(synthetic.calls) == 6  # one warm-up and five runs, once for the session


@pytest.mark.parametrize("runs", ["0", "five"])
def test_a_bad_run_count_is_a_usage_error(
    pytester: pytest.Pytester, suite: Path, runs: str
) -> None:
    result = _run(pytester, suite, "--etl-bench-runs", runs)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*--etl-bench-runs '{runs}' is not a whole number >= 1*"])


def test_a_refused_baseline_fails_each_case_with_one_line(
    pytester: pytest.Pytester, suite: Path, synthetic: Synthetic
) -> None:
    _run(pytester, suite, "--etl-bench-runs", "5", "--etl-bench-save", "ast")
    result = _run(
        pytester,
        suite,
        "--etl-bench-runs",
        "5",
        "--etl-bench-baseline",
        "ast",
        "--etl-rewrite",
        "none",
    )
    result.assert_outcomes(errors=5)
    result.stdout.no_fnmatch_line("*During handling of the above exception*")
    result.stdout.fnmatch_lines(
        [
            "*etlcheck could not benchmark the pipeline: refusing to compare with baseline "
            "0001 (ast)*its rewrite mode is ast, this run's is none*"
        ]
    )


def test_a_benchmark_asked_of_a_suite_without_the_test_is_refused(
    pytester: pytest.Pytester, suite: Path
) -> None:
    (suite / "test_benchmark.py").unlink()
    (suite / "test_other.py").write_text("def test_one():\n    assert 1 + 1 == 2\n", "utf-8")
    result = _run(pytester, suite, "--etl-bench-runs", "5")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*no collected test uses etl_bench_subject*"])
