"""SqlServerEngine against a real SQL Server: Docker (testcontainers) or ETLCHECK_MSSQL_URL.

Skips with the reason when neither is available or no ODBC driver is installed; fails
instead when ETLCHECK_REQUIRE_ENGINE names mssql. Where Docker runs:

    ETLCHECK_REQUIRE_ENGINE=mssql pytest tests/engines/test_mssql_server.py -m mssql
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest

from etlcheck.engines.mssql import SqlServerEngine
from etlcheck.engines.mssql.container import mssql_unavailable_reason
from etlcheck.engines.mssql.odbc import discover_driver
from etlcheck.errors import EngineError, StatementFailed
from etlcheck.testing import skip_unless_available

pytestmark = pytest.mark.mssql
HERE = Path(__file__).parent


def _unavailable_reason() -> str | None:
    reason = mssql_unavailable_reason()
    if reason is not None:
        return reason
    try:
        discover_driver()
    except EngineError as error:
        return str(error)
    return None


@pytest.fixture(scope="module")
def engine() -> Iterator[SqlServerEngine]:
    skip_unless_available("mssql", _unavailable_reason())
    started = SqlServerEngine().start()
    print(f"\nSQL Server ready in {started.info.started_in_seconds:.1f}s: {started.info.extra}")
    try:
        yield started
    finally:
        started.close()


def test_native_batches_print_and_repeat(engine: SqlServerEngine) -> None:
    engine.execute("IF SCHEMA_ID(N'poc_etl') IS NULL EXEC(N'CREATE SCHEMA [poc_etl]')")
    engine.execute("DROP TABLE IF EXISTS poc_etl.t")
    engine.execute("CREATE TABLE poc_etl.t (id int)")
    result = engine.run_script((HERE / "mssql_batches.sql").read_text(), HERE / "mssql_batches.sql")
    assert result.messages == ("setting up", "inserting", "inserting", "inserting", "done")
    assert engine.query("SELECT COUNT(*) FROM poc_etl.t").scalar() == 6


def test_errors_name_the_script_line(engine: SqlServerEngine) -> None:
    script = (HERE / "mssql_failing.sql").read_text()
    with pytest.raises(StatementFailed) as failed:
        engine.run_script(script, Path("mssql_failing.sql"))
    expected = script.splitlines().index("INSERT INTO etl.missing (id)") + 1
    assert failed.value.location is not None and failed.value.location.line == expected
    assert "208" in str(failed.value)


def test_load_frame_round_trip(engine: SqlServerEngine) -> None:
    frame = pd.DataFrame({"id": [1, 2], "name": ["a", None]})
    engine.load_frame("poc_raw_data", "frame", frame)
    rows = engine.query("SELECT id, name FROM poc_raw_data.frame ORDER BY id").rows
    assert rows == [(1, "a"), (2, None)]


def test_sandbox_user_cannot_write_to_protected_schemas(engine: SqlServerEngine) -> None:
    engine.create_schema("etl")
    engine.execute("DROP TABLE IF EXISTS etl.production")
    engine.execute("CREATE TABLE etl.production (id int)")
    user = engine.create_sandbox_principal(["poc_etl"], [], ["etl", "dbo"])
    with engine.run_as(user):
        engine.execute("CREATE TABLE poc_etl.made_by_run (id int)")
        with pytest.raises(Exception) as denied:
            engine.execute("INSERT INTO etl.production VALUES (1)")
        assert engine.is_permission_error(denied.value)
    assert engine.query("SELECT COUNT(*) FROM etl.production").scalar() == 0


def test_password_stays_out_of_facts(engine: SqlServerEngine) -> None:
    assert engine.address is not None
    facts = json.dumps(asdict(engine.info), default=str) + repr(engine)
    assert engine.address.password not in facts
