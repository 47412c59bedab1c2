"""Every pytest process on a machine with etlcheck installed loads its plugin, so loading it
stays light: a test suite that does not use etlcheck never imports the configuration's
models, the SQL parser, the engines' drivers or Great Expectations."""

from __future__ import annotations

import pytest

HEAVY = (
    "duckdb",
    "etlcheck.config",
    "etlcheck.expectations",
    "etlcheck.stages",
    "filelock",
    "great_expectations",
    "numpy",
    "pandas",
    "pydantic",
    "sqlglot",
)

UNRELATED_SUITE = f"""
import gc
import sys


def test_etlcheck_left_its_machinery_unimported():
    assert gc.get_freeze_count() == 0  # nor left the collector off anything
    assert "etlcheck.plugin" in sys.modules
    assert "etlcheck.bench.pytest_plugin" in sys.modules
    assert [name for name in {HEAVY!r} if name in sys.modules] == []
"""


def test_an_unrelated_suite_does_not_import_what_etlcheck_runs_with(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_unrelated=UNRELATED_SUITE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=1)
