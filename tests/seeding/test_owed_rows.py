"""A table the steps drop before anything reads it is cloned without its rows, on DuckDB
and PostgreSQL; the rows are owed until the dropping step commits, and paid from
production whenever that may not happen. Whatever happens, the run sees and reports the
sandbox a full clone gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck import stages
from etlcheck.engines.base import Engine
from etlcheck.seeding.owed_rows import OwedRows
from etlcheck.seeding.seeder import Seeder
from etlcheck.seeding.summary import SeedSummary, clone_words
from etlcheck.step_result import RunResult
from tests.seeding.seed_helpers import options_for, rows

STAGED = """
CREATE TABLE inv.Staged (
    sku      NVARCHAR(20) NOT NULL,
    quantity INT          NOT NULL,
    CONSTRAINT PK_Staged PRIMARY KEY (sku)
);
GO
INSERT INTO inv.Staged (sku, quantity) VALUES (N'OLD-1', 1), (N'OLD-2', 2), (N'SKU-1', 7);
GO
"""
REBUILD = """/* 00-rebuild.sql: rebuild the staging table from the feed. */
SET NOCOUNT ON;
IF OBJECT_ID(N'inv.Staged', N'U') IS NOT NULL DROP TABLE inv.Staged;
CREATE TABLE inv.Staged (
    sku      NVARCHAR(20) NOT NULL,
    quantity INT          NOT NULL,
    CONSTRAINT PK_Staged PRIMARY KEY (sku)
);
INSERT INTO inv.Staged (sku, quantity)
SELECT sku, SUM(quantity) FROM feed.receipts
WHERE quantity IS NOT NULL AND sku IS NOT NULL GROUP BY sku;
"""
PREPARE = """/* 00-prepare.sql: the working schema (reads no row). */
SET NOCOUNT ON;
IF SCHEMA_ID(N'work') IS NULL EXEC(N'CREATE SCHEMA work');
"""
READS = """/* 05-count.sql: reads the staging table. */
IF SCHEMA_ID(N'work') IS NULL EXEC(N'CREATE SCHEMA work');
GO
SELECT COUNT(*) AS staged INTO work.counted FROM inv.Staged;
"""


@pytest.fixture
def staged(project: Path) -> Path:
    """The inventory project with a staging table in production that step 2 rebuilds
    (step 1 reads no row) and step 3 reads."""
    with (project / "db" / "production.sql").open("a", encoding="utf-8") as ddl:
        ddl.write(STAGED)
    (project / "sql" / "00-prepare.sql").write_text(PREPARE, "utf-8")
    (project / "sql" / "00-rebuild.sql").write_text(REBUILD, "utf-8")
    (project / "sql" / "05-count.sql").write_text(READS, "utf-8")
    toml = project / "etlcheck.toml"
    first = '"00-prepare.sql", "00-rebuild.sql", "05-count.sql", "00-stage.sql",'
    toml.write_text(toml.read_text("utf-8").replace('"00-stage.sql",', first), "utf-8")
    return project


def seed(project: Path, engine: Engine, **options: object) -> SeedSummary:
    seeder = Seeder(engine, options_for(project, engine, **options))
    seeder.ddl("db")
    seeder.files("data")
    return seeder.finish()


def run(project: Path, engine: Engine, start: str | None = None) -> tuple[RunResult, list[str]]:
    """Run the steps (from ``start``); the sandbox diff's sentences."""
    options = options_for(project, engine)
    before = stages.snapshot(engine, options)
    runner = stages.make_runner(engine, options)
    runner.cache_dir = None
    result = runner.run(runner.pipeline.select(start, None, None))
    comparison = stages.compare(before, stages.snapshot(engine, options))
    return result, sorted(comparison.sandbox.sentences)


def staged_rows(engine: Engine) -> list[tuple[object, ...]]:
    return sorted(rows(engine, 'SELECT sku, quantity FROM sbx_inv."Staged"'))


def test_a_table_dropped_before_anything_reads_it_is_cloned_without_rows(
    staged: Path, engine: Engine
) -> None:
    summary = seed(staged, engine)
    clone = {c.qualified_name: c for c in summary.clones}
    assert (clone["inv.Staged"].rows, clone["inv.Staged"].dropped_by) == (3, 2)
    assert clone["inv.Items"].dropped_by is None
    assert staged_rows(engine) == []
    assert rows(engine, 'SELECT COUNT(*) FROM sbx_inv."Items"') == [(3,)]
    assert [(o.schema, o.table, o.step) for o in OwedRows(engine).owed()] == [("inv", "Staged", 2)]
    assert clone_words(summary.clones) == (
        "3 production tables, 6 rows copied; 3 rows of 1 table not copied: "
        "step 2 drops them before anything reads them"
    )


def test_the_run_reports_what_a_full_clone_reports(staged: Path, engine: Engine) -> None:
    seed(staged, engine)
    result, owed_diff = run(staged, engine)
    assert result.ok, result.failed
    assert OwedRows(engine).owed() == []
    assert staged_rows(engine) == [("SKU-1", 500), ("SKU-4", 20)]

    # The same run with a first statement the reading stops at: every row is copied.
    for schema in ("sbx_inv", "sbx_feed", "sbx_work", "inv", "feed", "work"):
        engine.drop_schema(schema)
    script = staged / "sql" / "00-rebuild.sql"
    script.write_text("DECLARE @unused INT;\n" + script.read_text("utf-8"), "utf-8")
    summary = seed(staged, engine)
    assert all(c.dropped_by is None for c in summary.clones)
    result, full_diff = run(staged, engine)
    assert result.ok, result.failed
    assert owed_diff == full_diff
    assert any("Staged" in sentence and "removed" in sentence for sentence in full_diff)


def test_a_failed_dropping_step_leaves_the_copy_as_production_has_it(
    staged: Path, engine: Engine
) -> None:
    script = staged / "sql" / "00-rebuild.sql"
    script.write_text(script.read_text("utf-8") + "THROW 50000, N'the feed is late', 1;\n")
    seed(staged, engine)
    result, diff = run(staged, engine)
    assert result.failed is not None and "the feed is late" in (result.failed.error or "")
    assert staged_rows(engine) == [("OLD-1", 1), ("OLD-2", 2), ("SKU-1", 7)]
    assert OwedRows(engine).owed() == []
    assert not any("Staged" in sentence for sentence in diff)


def test_a_run_that_starts_after_the_dropping_step_reads_production_rows(
    staged: Path, engine: Engine
) -> None:
    seed(staged, engine)
    result, _ = run(staged, engine, start="3")
    assert result.ok, result.failed
    assert rows(engine, 'SELECT staged FROM sbx_work."counted"') == [(3,)]
    assert OwedRows(engine).owed() == []


def test_nothing_is_owed_when_the_step_is_not_one_transaction(staged: Path, engine: Engine) -> None:
    script = staged / "sql" / "00-rebuild.sql"
    script.write_text(script.read_text("utf-8") + "BEGIN TRANSACTION;\nCOMMIT;\n", "utf-8")
    summary = seed(staged, engine)
    assert all(c.dropped_by is None for c in summary.clones)
    assert staged_rows(engine) == [("OLD-1", 1), ("OLD-2", 2), ("SKU-1", 7)]


def test_nothing_is_owed_under_the_regex_rewrite(staged: Path, engine: Engine) -> None:
    """The incident's rewrite may leave the drop on production's table."""
    summary = seed(staged, engine, rewrite="regex")
    assert all(c.dropped_by is None for c in summary.clones)
    assert OwedRows(engine).owed() == []


def test_a_step_before_the_drop_that_now_reads_the_table_gets_its_rows(
    staged: Path, engine: Engine
) -> None:
    """Seeding proved step 1 blind to rows; a script changed since is read again."""
    seed(staged, engine)
    (staged / "sql" / "00-prepare.sql").write_text(
        PREPARE + "SELECT COUNT(*) AS staged INTO work.early FROM inv.Staged;\n", "utf-8"
    )
    result, _ = run(staged, engine)
    assert result.ok, result.failed
    assert rows(engine, 'SELECT staged FROM sbx_work."early"') == [(3,)]
    assert staged_rows(engine) == [("SKU-1", 500), ("SKU-4", 20)]


def test_a_step_before_the_drop_that_reads_no_row_keeps_the_debt(
    staged: Path, engine: Engine
) -> None:
    seed(staged, engine)
    runner = stages.make_runner(engine, options_for(staged, engine))
    runner.cache_dir = None
    runner._owed = OwedRows(engine).owed()
    assert runner._owed_before(runner.pipeline.steps[0], PREPARE) == []
    assert runner._owed_before(runner.pipeline.steps[2], READS) == runner._owed
    # A run that ends before the dropping step pays what it owes.
    result = runner.run(runner.pipeline.select(None, "1", None))
    assert result.ok, result.failed
    assert staged_rows(engine) == [("OLD-1", 1), ("OLD-2", 2), ("SKU-1", 7)]
    assert OwedRows(engine).owed() == []
