"""On DuckDB a step that catches an error runs twice (its transaction is aborted at the
error, rolled back, and the step run again without one). The identity and sequence values
the first attempt drew are given back, so the rows get the keys and numbers SQL Server
gives them, running the step once."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import Phase
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.pipeline import Pipeline, Step
from etlcheck.runner import Runner

pytestmark = pytest.mark.duckdb

SETUP = """
CREATE SCHEMA etl;
GO
CREATE TABLE etl.Customer (CustomerKey INT IDENTITY(1, 1) PRIMARY KEY, Code VARCHAR(10) NOT NULL);
CREATE TABLE etl.Audit (AuditId INT IDENTITY(100, 10) PRIMARY KEY, Note VARCHAR(40) NOT NULL);
CREATE TABLE etl.Fresh (FreshId INT IDENTITY(5, 1) PRIMARY KEY, Note VARCHAR(40) NOT NULL);
INSERT INTO etl.Customer (Code) VALUES ('C000');
CREATE SEQUENCE etl.Batch AS BIGINT START WITH 1000 INCREMENT BY 1;
CREATE TABLE etl.Tagged (
    TagId BIGINT NOT NULL DEFAULT (NEXT VALUE FOR etl.Batch), Note VARCHAR(10));
"""

CAUGHT = """
SET NOCOUNT ON;
PRINT CONCAT('batch ', NEXT VALUE FOR etl.Batch);
INSERT INTO etl.Tagged (Note) VALUES ('tagged');
INSERT INTO etl.Customer (Code) VALUES ('C001'), ('C002'), ('C003');
PRINT CONCAT('last customer ', SCOPE_IDENTITY());
INSERT INTO etl.Fresh (Note) VALUES ('first row of an empty table');
BEGIN TRY
    INSERT INTO etl.Customer (CustomerKey, Code) VALUES (1, 'duplicate');
END TRY
BEGIN CATCH
    INSERT INTO etl.Audit (Note) VALUES (CONCAT('caught ', ERROR_NUMBER()));
    PRINT CONCAT('audit ', SCOPE_IDENTITY());
END CATCH;
"""


def run_one_step(engine: DuckDBEngine, folder: Path, text: str) -> tuple[str, ...]:
    path = folder / "10-load.sql"
    path.write_text(text, encoding="utf-8")
    step = Step(1, "load", path.name, path)
    phase = Phase("load", "Load", (path.name,), 60.0)
    result = Runner(engine, Pipeline((phase,), (step,)), "etl").run()
    [outcome] = result.results
    assert outcome.status == "ok", outcome.error
    return outcome.messages


def test_a_step_run_again_keeps_the_keys_sql_server_gives(tmp_path: Path) -> None:
    with DuckDBEngine(None) as engine:
        engine.run_script(SETUP, Path("setup.sql"))
        messages = run_one_step(engine, tmp_path, CAUGHT)
        customers = engine.query("SELECT CustomerKey, Code FROM etl.Customer ORDER BY 1").rows
        audits = engine.query("SELECT AuditId, Note FROM etl.Audit").rows
        fresh = engine.query("SELECT FreshId FROM etl.Fresh").rows
        tagged = engine.query("SELECT TagId, Note FROM etl.Tagged").rows
        following = engine.query("SELECT nextval('etl.Batch')").scalar()

    assert any("ran again without a step transaction" in m for m in messages), messages
    assert messages[:3] == ("batch 1000", "last customer 4", "audit 100")
    assert tagged == [(1001, "tagged")] and following == 1002
    assert customers == [(1, "C000"), (2, "C001"), (3, "C002"), (4, "C003")]
    assert audits == [(100, "caught 2627")]
    assert fresh == [(5,)]


def test_a_failed_step_gives_its_keys_back_and_the_next_run_goes_on(tmp_path: Path) -> None:
    with DuckDBEngine(None) as engine:
        engine.run_script(SETUP, Path("setup.sql"))
        path = tmp_path / "10-load.sql"
        path.write_text(
            "INSERT INTO etl.Customer (Code) VALUES ('C001');\nSELECT 1 / 0;\n", encoding="utf-8"
        )
        step = Step(1, "load", path.name, path)
        phase = Phase("load", "Load", (path.name,), 60.0)
        failed = Runner(engine, Pipeline((phase,), (step,)), "etl").run()
        assert [r.status for r in failed.results] == ["failed"]
        run_one_step(engine, tmp_path, "INSERT INTO etl.Customer (Code) VALUES ('C001');")
        rows = engine.query("SELECT CustomerKey, Code FROM etl.Customer ORDER BY 1").rows

    assert rows == [(1, "C000"), (2, "C001")]
