"""Benchmarks in pytest: ``--etl-bench-runs N``, ``--etl-bench-baseline NAME|PATH|latest``
and ``--etl-bench-save NAME`` (ini keys ``etl_bench_runs``, ``etl_bench_baseline``,
``etl_bench_save``), loaded by the etlcheck plugin.

The ``etl_bench`` fixture runs ``etlcheck bench``'s measurement once per session: seed
once, a warm-up, N runs on copies, stored like the command's; under pytest-xdist one
worker measures while the others wait for its result. ``etl_bench_subject`` makes one
test case per step and per phase, so a regression is a failing test per slow step with
the command's sentence, and JUnit XML carries it.

Like the etlcheck plugin, it imports the benchmark's machinery only when a benchmark is
asked for: every pytest process loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from etlcheck.errors import EtlcheckError

if TYPE_CHECKING:
    from etlcheck.bench.compare import BenchComparison, Row
    from etlcheck.bench.results import BenchResult, HandedBench

OPTIONS = (
    ("etl_bench_runs", "benchmark the pipeline: N measured runs on copies of one seeded database"),
    ("etl_bench_baseline", "compare the benchmark with a saved name, number, file, or 'latest'"),
    ("etl_bench_save", "name the stored benchmark result, to use as a baseline later"),
)
PHASE_PREFIX = "phase:"
NOT_REQUESTED = (
    "benchmarks not requested: pass --etl-bench-runs N (or set the etl_bench_runs ini key), "
    "with --etl-bench-baseline NAME|latest to compare"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("etlcheck", "etlcheck: verify a SQL-script ETL pipeline")
    for name, help_text in OPTIONS:
        flag = "--" + name.replace("_", "-")
        group.addoption(flag, action="store", dest=name, default=None, help=help_text)
        parser.addini(name, help_text, default=None)


def _option(config: pytest.Config, name: str) -> str | None:
    from etlcheck.plugin import get_option

    return get_option(config, name)


def bench_runs(config: pytest.Config) -> int | None:
    """``--etl-bench-runs`` as a whole number of at least 1, or None when not given."""
    text = _option(config, "etl_bench_runs")
    if text is None:
        return None
    if not text.strip().isdigit() or int(text) < 1:
        raise pytest.UsageError(f"etlcheck: --etl-bench-runs {text!r} is not a whole number >= 1")
    return int(text)


def pytest_configure(config: pytest.Config) -> None:
    bench_runs(config)
    saved = _option(config, "etl_bench_save")
    if saved:
        from etlcheck.bench.storage import check_name

        try:
            check_name(saved)
        except EtlcheckError as error:
            raise pytest.UsageError(f"etlcheck: {error}") from None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One case per step and per phase (one skipped case when no benchmark is asked for)."""
    if "etl_bench_subject" not in metafunc.fixturenames:
        return
    if bench_runs(metafunc.config) is None:
        case = pytest.param(None, marks=pytest.mark.skip(reason=NOT_REQUESTED))
        metafunc.parametrize("etl_bench_subject", [case], ids=["not-requested"])
        return
    from etlcheck.config import load_config
    from etlcheck.pipeline import Pipeline

    try:
        config = load_config(_option(metafunc.config, "etl_config"))
    except EtlcheckError as error:
        raise pytest.UsageError(f"etlcheck: {error}") from None
    subjects = [PHASE_PREFIX + phase.name for phase in config.phases]
    subjects += [step.name for step in Pipeline.from_config(config).steps]
    metafunc.parametrize("etl_bench_subject", subjects, ids=subjects)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A benchmark asked for and no test to report it is refused, not silently dropped."""
    if bench_runs(config) is None or not items:
        return
    if not any("etl_bench_subject" in getattr(item, "fixturenames", ()) for item in items):
        raise pytest.UsageError(
            "etlcheck: --etl-bench-runs is given but no collected test uses "
            "etl_bench_subject: add test_benchmark.py to the suite (etlcheck init writes it; "
            "a copy is in etlcheck/scaffold/suite/test_benchmark.py.tmpl)"
        )


@dataclass(frozen=True)
class EtlBench:
    """The session's benchmark: the result, and each step and phase against the baseline."""

    head: BenchResult
    comparison: BenchComparison | None
    report: str

    def compared(self, subject: str) -> Row:
        """The row of a step (script) or phase (``phase:<name>``); skips the test when
        there is nothing to compare it with."""
        if self.comparison is None:
            pytest.skip(
                f"no baseline: measured and stored as {self.head.label}; pass "
                "--etl-bench-baseline latest (or NAME) to compare the next run with it"
            )
        kind, name = ("phase", subject[len(PHASE_PREFIX) :])
        if not subject.startswith(PHASE_PREFIX):
            kind, name = "step", subject
        row = next((r for r in self.comparison.rows if (r.kind, r.name) == (kind, name)), None)
        if row is None or row.comparison is None:
            pytest.skip(f"{subject} has no samples on both sides: nothing to compare")
        return row

    def is_slower(self, subject: str) -> bool:
        from etlcheck.bench.verdict import Verdict

        return self.compared(subject).verdict is Verdict.SLOWER


def _measure(request: pytest.FixtureRequest, runs: int) -> HandedBench:
    from etlcheck.bench.command import bench, write_report
    from etlcheck.bench.compare import FailOn
    from etlcheck.bench.keys import CacheState
    from etlcheck.bench.request import BenchRequest
    from etlcheck.bench.results import HandedBench
    from etlcheck.bench.verdict import Thresholds

    options = request.getfixturevalue("etl_options")
    saved = _option(request.config, "etl_bench_save")
    bench_request = BenchRequest(
        runs=runs,
        warmup=1,
        cache=CacheState.WARM,
        save=saved,
        store=True,
        baseline=_option(request.config, "etl_bench_baseline"),
        compare_ref=None,
        fail_on=FailOn.STEP,
        thresholds=Thresholds(),
    )
    outcome = bench(options, bench_request, say=lambda line: None)
    report = write_report(options, outcome)
    return HandedBench(head=outcome.head, baseline=outcome.baseline, report=str(report))


@pytest.fixture(scope="session")
def etl_bench(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> EtlBench:
    """The benchmark of ``--etl-bench-runs`` runs, measured once for the whole session."""
    from filelock import FileLock

    from etlcheck.bench.compare import compare_results
    from etlcheck.bench.results import HandedBench
    from etlcheck.bench.table import describe
    from etlcheck.bench.verdict import Thresholds

    runs = bench_runs(request.config)
    if runs is None:
        pytest.skip(NOT_REQUESTED)
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if hasattr(request.config, "workerinput") else base
    handed = Path(shared) / "etl-bench-result.json"
    failure = ""
    with FileLock(str(handed) + ".lock"):
        if handed.exists():
            result = HandedBench.model_validate_json(handed.read_bytes())
        else:
            try:
                result = _measure(request, runs)
            except EtlcheckError as error:
                failure = str(error)
            else:
                handed.write_text(result.model_dump_json(), "utf-8")
    if failure:
        pytest.fail(f"etlcheck could not benchmark the pipeline: {failure}", pytrace=False)
    comparison = None
    if result.baseline is not None:
        what = describe(result.baseline)
        comparison = compare_results(result.baseline, result.head, Thresholds(), what)
    return EtlBench(result.head, comparison, result.report)
