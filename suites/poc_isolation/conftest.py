"""The POC isolation suite: run the pipeline in its sandbox and prove four things.

The etlcheck plugin (installed with etlcheck) provides the fixtures: ``etl_lint``,
``etl_run``, ``etl_after`` (production and sandbox diffs), ``etl_expectations`` and
``etl_options``. Options: ``--etl-engine``, ``--etl-scale``, ``--etl-rewrite``,
``--etl-config``, ``--etl-report-dir`` (or the same names as ini keys).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.plugin import enable_pytest_reports

EXPECTATIONS = Path(__file__).parent / "expectations"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    enable_pytest_reports(config)


@pytest.fixture(scope="session")
def etl_expectations_dir() -> Path:
    return EXPECTATIONS
