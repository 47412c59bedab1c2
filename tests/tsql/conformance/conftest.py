"""Engines for the conformance scripts, and the construct x engine matrix printed at the
end of the run (``pytest tests/tsql/conformance``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from etlcheck.testing import skip_unless_available
from tests.engine_params import throwaway_postgres
from tests.tsql.conformance.conformance_scripts import ENGINES, scripts

_OUTCOMES: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def postgres_engine() -> Iterator[Engine]:
    with throwaway_postgres() as started:
        yield started


@pytest.fixture(scope="module")
def mssql_engine() -> Iterator[Engine]:
    from etlcheck.engines.mssql import SqlServerEngine
    from etlcheck.engines.mssql.container import mssql_unavailable_reason
    from etlcheck.engines.mssql.odbc import discover_driver
    from etlcheck.errors import EngineError

    reason = mssql_unavailable_reason()
    if reason is None:
        try:
            discover_driver()
        except EngineError as error:
            reason = str(error)
    skip_unless_available("mssql", reason)
    started = SqlServerEngine().start()
    try:
        yield started
    finally:
        started.close()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for key, value in report.user_properties:
        if key == "conformance" and report.when == "call":
            construct, engine, cell = value
            _OUTCOMES[(construct, engine)] = cell if report.passed else "FAILED"
    if "test_conformance[" not in report.nodeid or report.passed:
        return
    name, engine = report.nodeid.split("[", 1)[1].rstrip("]").rsplit("-", 1)
    construct = next((s.construct for s in scripts() if s.name == name), name)
    _OUTCOMES[(construct, engine)] = "skipped (no server)" if report.skipped else "FAILED"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _OUTCOMES:
        return
    rows = [s.construct for s in scripts()]
    width = max(len(row) for row in rows) + 2
    terminalreporter.section("T-SQL conformance: construct x engine")
    terminalreporter.write_line(
        "construct".ljust(width) + "".join(engine.ljust(24) for engine in ENGINES)
    )
    for row in rows:
        cells = [_OUTCOMES.get((row, engine), "not run") for engine in ENGINES]
        terminalreporter.write_line(row.ljust(width) + "".join(c.ljust(24) for c in cells))
