"""examples/inventory, a pipeline that is a chain of stored procedures: procedures calling
procedures, #temp tables, a cursor, sp_executesql with parameters, OUTPUT parameters and
TRY/CATCH with THROW. It runs to the figures its data implies on DuckDB and PostgreSQL,
its procedure bodies are remapped into the sandbox, and a leak inside a procedure fails
the run."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from etlcheck.config import load_config
from etlcheck.isolation.lint import lint_pipeline
from etlcheck.isolation.rewrite import rewrite_script
from etlcheck.options import RunOptions
from etlcheck.pipeline import Pipeline
from etlcheck.terminal import Terminal
from etlcheck.verify import Verification, verify

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "inventory"
ENGINES = [
    pytest.param("duckdb", marks=pytest.mark.duckdb),
    pytest.param("postgres", marks=pytest.mark.postgres),
]


def _verify(root: Path, engine: str, tmp_path: Path) -> Verification:
    if engine == "postgres":
        from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
        from etlcheck.testing import skip_unless_available

        skip_unless_available("postgres", postgres_unavailable_reason())
    options = RunOptions.from_config(
        load_config(root / "etlcheck.toml"),
        engine=engine,
        db=str(tmp_path / "inventory.duckdb") if engine == "duckdb" else None,
        report_dir=tmp_path / "reports",
    )
    return verify(options)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_procedures_change_exactly_what_the_data_implies(engine: str, tmp_path: Path) -> None:
    verification = _verify(EXAMPLE, engine, tmp_path)
    assert verification.verified, verification.findings
    figures = {
        clone.qualified_name: (t.rows_before, t.rows_added, t.rows_changed, t.rows_removed)
        for clone, t in verification.production_preview()
    }
    # 2024-06-03: 31 receipts of the day, 5 rejected (a closed store, an unknown store and
    # product, two quantities not positive), so 23 (store, product) sales. With the day's
    # deliveries, 24 stock levels of the 3 open stores move; 10 of them end below their
    # reorder point (North Street 3, Harbour Road 5, Station Square 2) and are ordered.
    assert figures == {
        "inv.Stores": (4, 0, 0, 0),
        "inv.Products": (8, 0, 0, 0),
        "inv.StockLevels": (32, 0, 24, 0),
        "inv.ReorderRequests": (4, 10, 0, 0),
        "feed.Sales": (36, 0, 0, 0),
        "feed.Deliveries": (7, 0, 0, 0),
    }
    load = verification.run.results[4]
    assert load.step.is_call and load.status == "ok"
    assert load.messages == (
        "store North Street: 8 products moved",
        "store Harbour Road: 8 products moved",
        "store Station Square: 8 products moved",
        "staged 23, rejected 5, moved 24, planned 10",
    )
    assert verification.expectations is not None
    assert {suite.suite for suite in verification.expectations} >= {"RunLog", "stg_reorders"}
    if engine == "duckdb":
        console = Console(file=io.StringIO(), width=200)
        Terminal(console).summary(verification, None)
        shown = console.file.getvalue()  # type: ignore[attr-defined]
        assert "Phase 1: Set up (4 scripts)" in shown
        assert "Phase 2: Load the day (1 step)" in shown


@pytest.mark.duckdb
def test_the_run_log_shows_every_call_and_the_caught_warning(tmp_path: Path) -> None:
    import duckdb

    assert _verify(EXAMPLE, "duckdb", tmp_path).verified
    with duckdb.connect(str(tmp_path / "inventory.duckdb"), read_only=True) as connection:
        log = connection.execute(
            'SELECT "Step", "RowsAffected", "Depth" FROM inventory.poc_etl."RunLog" '
            'ORDER BY "LogId"'
        ).fetchall()
        requests = connection.execute(
            'SELECT MIN("RequestId"), MAX("RequestId"), SUM("EstimatedCost") '
            'FROM inventory.poc_inv."ReorderRequests" WHERE "BusinessDate" = DATE \'2024-06-03\''
        ).fetchone()
    assert log == [
        ("load started", None, 1),
        (
            "warning 50010 from poc_etl.usp_check_feed: the sales feed holds 2 receipts dated "
            "after 2024-06-03",
            None,
            2,
        ),
        ("stage sales", 23, 2),
        ("apply movements", 24, 2),
        ("plan reorders", 10, 2),
        ("load finished", 10, 1),
        ("export reorders", 10, 1),
        ("export stock levels", 24, 1),
    ]
    # The identity goes on from production's last request (5003); the orders cost
    # 20*2.20 + 16*1.90 + 30*3.40, then 24*1.10 + 20*2.20 + 30*3.40 + 8*6.75 + 24*1.50,
    # then 40*2.00 + 8*6.75.
    assert requests is not None and requests[:2] == (5004, 5013)
    assert float(requests[2]) == 176.4 + 262.4 + 134.0


def test_the_procedure_bodies_are_remapped_and_proven() -> None:
    config = load_config(EXAMPLE / "etlcheck.toml")
    assert lint_pipeline(config).findings == ()
    procedures = EXAMPLE / "sql" / "03-procedures.sql"
    remapped = rewrite_script(procedures.read_text(), procedures.name, config.sandbox, "ast").text
    assert "CREATE OR ALTER PROCEDURE poc_etl.usp_load_all" in remapped
    assert "INSERT INTO poc_etl.stg_movements" in remapped  # inside sp_executesql's string
    assert "INSERT INTO poc_inv.ReorderRequests" in remapped
    calls = [step for step in Pipeline.from_config(config).steps if step.is_call]
    assert [step.name for step in calls] == [
        "EXEC etl.usp_load_all @business_date = '2024-06-03'",
        "EXEC etl.usp_export_reorders @business_date = '2024-06-03'",
    ]
    for step in calls:
        text = rewrite_script(step.read(), step.path, config.sandbox, "ast").text
        assert "EXEC poc_etl.usp_" in text


LEAK = """
    DECLARE @archive NVARCHAR(100) = CONCAT(N'in', N'v.ReorderRequests');
    -- etlcheck: allow the archive table's name comes from the run's settings
    EXEC(N'DELETE FROM ' + @archive + N' WHERE BusinessDate < ''2024-06-03''');
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_leak_inside_a_procedure_fails_the_run(engine: str, tmp_path: Path) -> None:
    """usp_log, called at every step, also deletes old requests from production through
    a name built at run time (its lint finding silenced): the runtime guard catches it."""
    root = tmp_path / "inventory"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports", ".etlcheck"))
    procedures = root / "sql" / "03-procedures.sql"
    text = procedures.read_text()
    anchor = "VALUES (@step, @rows, @@NESTLEVEL - 1);\n"
    assert anchor in text
    procedures.write_text(text.replace(anchor, anchor + LEAK, 1))
    verification = _verify(root, engine, tmp_path)
    assert not verification.verified
    assert not [f for f in verification.findings if f.startswith("lint:")]
    if engine == "duckdb":
        assert "production changed: inv.ReorderRequests lost 4 rows" in verification.findings
    else:  # the pipeline's role may write only in the sandbox
        (finding,) = [f for f in verification.findings if f.startswith("isolation:")]
        assert "03-procedures.sql:" in finding and "permission denied" in finding


@pytest.mark.duckdb
def test_the_caller_hears_when_validation_starts_and_only_then(tmp_path: Path) -> None:
    """``etlcheck run`` readies its report writer then (``verify(validating=…)``): the run
    only waits while GX's process validates."""
    heard: list[str] = []
    config = load_config(EXAMPLE / "etlcheck.toml")

    def options(name: str, **chosen: str) -> RunOptions:
        return RunOptions.from_config(
            config,
            engine="duckdb",
            db=str(tmp_path / f"{name}.duckdb"),
            report_dir=tmp_path / "reports",
            **chosen,
        )

    def told() -> None:
        heard.append("!")

    whole = verify(options("whole"), stage=heard.append, validating=told)
    assert whole.verified and whole.expectations is not None
    at = heard.index("!")
    assert heard[at - 1].startswith("validating ") and heard.count("!") == 1
    assert heard[at + 1] == "closing the database"
    heard.clear()
    part = verify(options("part", until="1"), stage=heard.append, validating=told)
    assert part.expectations is None and "!" not in heard and heard
