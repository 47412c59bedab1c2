"""The isolation suite: run the pipeline once in its sandbox and prove four things.

1. every script provably stays in the sandbox (test_static_isolation);
2. production is unchanged and nothing leaked (test_production_unchanged,
   test_runtime_isolation);
3. each phase kept to its budget (test_phase_timings);
4. the staging tables meet their expectation suites (test_staging_expectations).

With ``--etl-bench-runs N`` it also benchmarks the pipeline: no step and no phase may be
slower than the baseline ``--etl-bench-baseline`` names (test_benchmark).

Everything comes from etlcheck.toml (two folders up) and the run; the etlcheck plugin
(installed with etlcheck) provides the fixtures. Options: ``--etl-engine``,
``--etl-scale``, ``--etl-rewrite``, ``--etl-seed-from``, ``--etl-config``,
``--etl-report-dir`` (or the same names as ini keys). ``etlcheck init`` writes this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.plugin import enable_pytest_reports, use_config

SUITE = Path(__file__).resolve().parent
CONFIG = SUITE.parents[1] / "etlcheck.toml"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    use_config(config, CONFIG)
    enable_pytest_reports(config)


@pytest.fixture(scope="session")
def etl_expectations_dir() -> Path:
    return SUITE / "expectations"
