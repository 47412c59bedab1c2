"""Named DEFAULT constraints on DuckDB and PostgreSQL, as SSDT and hand-written migrations
use them: the name is known after CREATE TABLE and ALTER TABLE (OBJECT_ID(..., 'D')),
DROP CONSTRAINT takes the column's default away, DROP COLUMN of a column with a default
is refused (4922), a name in use is refused (2714), ROLLBACK restores the name, a
sandboxed run changes the sandbox copy only; ``sys.default_constraints`` finds the name
SQL Server generates for an unnamed default, as scripts look it up before DROP COLUMN."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed
from etlcheck.isolation.remap import remap_script
from tests.engine_params import BOTH_ENGINES

FEED = """
CREATE TABLE stage.CustomerFeed (
    Code NVARCHAR(20) NOT NULL,
    FeedDate DATE NOT NULL CONSTRAINT DF_CustomerFeed_FeedDate DEFAULT ('2024-02-01'),
    Region NVARCHAR(10) NULL DEFAULT (N'north'),
    CONSTRAINT PK_CustomerFeed PRIMARY KEY (Code));
"""
HAS = "PRINT IIF(OBJECT_ID(N'stage.{0}', N'D') IS NULL, 'none', 'has');"
CAUGHT = "BEGIN TRY\n{0}\nEND TRY\nBEGIN CATCH\nPRINT ERROR_NUMBER();\nEND CATCH;"


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database with an empty ``stage`` (PostgreSQL's is emptied after each test)."""
    if request.param == "duckdb":
        with DuckDBEngine() as started:
            started.create_schema("stage")
            yield started
        return
    shared: Engine = request.getfixturevalue("postgres_engine")
    shared.create_schema("stage")
    try:
        yield shared
    finally:
        for schema in ("stage", "poc_stage"):
            shared.drop_schema(schema)
        shared.catalog_epoch += 1


def run(engine: Engine, script: str) -> tuple[str, ...]:
    return engine.run_script(script, Path("t.sql")).messages


def test_the_migration_drops_the_default_by_name(engine: Engine) -> None:
    run(engine, FEED)
    messages = run(
        engine,
        "INSERT INTO stage.CustomerFeed (Code) VALUES (N'a');\n"
        + HAS.format("DF_CustomerFeed_FeedDate")
        + "\nIF OBJECT_ID(N'stage.DF_CustomerFeed_FeedDate', N'D') IS NOT NULL\n"
        "    ALTER TABLE stage.CustomerFeed DROP CONSTRAINT DF_CustomerFeed_FeedDate;\n"
        + HAS.format("DF_CustomerFeed_FeedDate")
        + CAUGHT.format("INSERT INTO stage.CustomerFeed (Code) VALUES (N'b');")
        + "INSERT INTO stage.CustomerFeed (Code, FeedDate) VALUES (N'c', '2024-05-01');\n"
        "PRINT (SELECT STRING_AGG(CONCAT(Code, ':', FeedDate), ',') "
        "WITHIN GROUP (ORDER BY Code) FROM stage.CustomerFeed);",
    )
    assert messages == ("has", "none", "515", "a:2024-02-01,c:2024-05-01")


def test_a_name_that_is_no_constraint_fails_with_3728_unless_if_exists(engine: Engine) -> None:
    run(engine, FEED)
    assert run(engine, HAS.format("DF_CustomerFeed_FeedDate")) == ("has",)
    drop = "ALTER TABLE stage.CustomerFeed DROP CONSTRAINT DF_Nothing;"
    assert run(engine, CAUGHT.format(drop)) == ("3728",)
    run(engine, "ALTER TABLE stage.CustomerFeed DROP CONSTRAINT IF EXISTS DF_Nothing;")
    run(
        engine, "ALTER TABLE stage.CustomerFeed DROP CONSTRAINT IF EXISTS DF_CustomerFeed_FeedDate;"
    )
    assert run(engine, HAS.format("DF_CustomerFeed_FeedDate")) == ("none",)
    with pytest.raises(StatementFailed, match="'DF_CustomerFeed_FeedDate' is not a constraint"):
        run(engine, "ALTER TABLE stage.CustomerFeed DROP CONSTRAINT DF_CustomerFeed_FeedDate;")


def test_add_constraint_default_for_leaves_the_rows_there_as_they_are(engine: Engine) -> None:
    messages = run(
        engine,
        "CREATE TABLE stage.Feed (Code INT NOT NULL, Batch INT NULL);\n"
        "INSERT INTO stage.Feed (Code) VALUES (1);\n"
        "ALTER TABLE stage.Feed ADD CONSTRAINT DF_Feed_Batch DEFAULT (7) FOR Batch WITH VALUES;\n"
        "INSERT INTO stage.Feed (Code) VALUES (2);\n"
        "PRINT (SELECT STRING_AGG(CONCAT(Code, ':', ISNULL(Batch, -1)), ',') "
        "WITHIN GROUP (ORDER BY Code) FROM stage.Feed);\n"
        + HAS.format("DF_Feed_Batch")
        + CAUGHT.format("ALTER TABLE stage.Feed ADD CONSTRAINT DF_Other DEFAULT (8) FOR Batch;"),
    )
    assert messages == ("1:-1,2:7", "has", "1781")


def test_a_column_with_a_default_cannot_be_dropped(engine: Engine) -> None:
    run(engine, FEED)
    with pytest.raises(StatementFailed) as failed:
        run(engine, "ALTER TABLE stage.CustomerFeed DROP COLUMN FeedDate;")
    assert "The object 'DF_CustomerFeed_FeedDate' is dependent on column 'FeedDate'" in str(
        failed.value
    )
    assert "ALTER TABLE DROP COLUMN FeedDate failed" in str(failed.value)
    # An unnamed default blocks it too: SQL Server names it DF__CustomerF__Regio__<hex>.
    assert run(engine, CAUGHT.format("ALTER TABLE stage.CustomerFeed DROP COLUMN Region;")) == (
        "4922",
    )
    run(
        engine,
        "ALTER TABLE stage.CustomerFeed DROP CONSTRAINT DF_CustomerFeed_FeedDate;\n"
        "ALTER TABLE stage.CustomerFeed DROP COLUMN FeedDate;",
    )
    gone = "PRINT IIF(COL_LENGTH(N'stage.CustomerFeed', N'FeedDate') IS NULL, 'gone', 'there');"
    assert run(engine, gone) == ("gone",)


def test_a_default_name_is_unique_in_its_schema(engine: Engine) -> None:
    run(engine, FEED)
    create = "CREATE TABLE stage.Other (id INT CONSTRAINT DF_CustomerFeed_FeedDate DEFAULT 1);"
    add = "ALTER TABLE stage.CustomerFeed ADD n INT NULL CONSTRAINT PK_CustomerFeed DEFAULT 1;"
    add_for = "ALTER TABLE stage.CustomerFeed ADD CONSTRAINT CustomerFeed DEFAULT 1 FOR Code;"
    messages = run(engine, CAUGHT.format(create) + CAUGHT.format(add) + CAUGHT.format(add_for))
    assert messages == ("2714", "2714", "2714")
    assert run(engine, "PRINT IIF(OBJECT_ID(N'stage.Other') IS NULL, 'none', 'has');") == ("none",)


def test_rollback_restores_the_default_and_its_name(engine: Engine) -> None:
    run(engine, FEED)
    messages = run(
        engine,
        "ALTER TABLE stage.CustomerFeed ADD Batch INT NULL CONSTRAINT DF_Batch DEFAULT 5;\n"
        "BEGIN TRANSACTION;\n"
        "ALTER TABLE stage.CustomerFeed DROP CONSTRAINT DF_Batch;\n"
        + HAS.format("DF_Batch")
        + "\nROLLBACK;\n"
        + HAS.format("DF_Batch")
        + "\nINSERT INTO stage.CustomerFeed (Code) VALUES (N'r');\n"
        "PRINT (SELECT Batch FROM stage.CustomerFeed WHERE Code = N'r');\n"
        + CAUGHT.format("ALTER TABLE stage.CustomerFeed DROP COLUMN Batch;"),
    )
    assert messages == ("none", "has", "5", "4922")


def test_the_name_goes_with_its_table_through_sp_rename_and_drop(engine: Engine) -> None:
    run(engine, FEED)
    messages = run(
        engine,
        "EXEC sp_rename N'stage.CustomerFeed', N'CustomerFeedOld';\n"
        "ALTER TABLE stage.CustomerFeedOld DROP CONSTRAINT DF_CustomerFeed_FeedDate;\n"
        "ALTER TABLE stage.CustomerFeedOld ADD CONSTRAINT DF_Feed_Date DEFAULT ('2024-01-01') "
        "FOR FeedDate;\n" + HAS.format("DF_Feed_Date") + "\nDROP TABLE stage.CustomerFeedOld;\n"
        "CREATE TABLE stage.Again (d DATE CONSTRAINT DF_Feed_Date DEFAULT ('2024-01-02'));\n"
        + HAS.format("DF_Feed_Date"),
    )
    assert messages[-2:] == ("has", "has")


def test_an_unnamed_default_is_found_in_sys_default_constraints(engine: Engine) -> None:
    run(engine, FEED)
    messages = run(
        engine,
        "DECLARE @name sysname = (SELECT d.name FROM sys.default_constraints AS d\n"
        "    JOIN sys.columns AS c\n"
        "        ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id\n"
        "    WHERE d.parent_object_id = OBJECT_ID(N'stage.CustomerFeed', N'U')\n"
        "        AND c.name = N'Region' AND d.is_system_named = 1);\n"
        "PRINT (SELECT CONCAT(definition, ' ', type_desc, ' ',\n"
        "    IIF(object_id = OBJECT_ID(N'stage.' + name, N'D'), 'same id', 'other id'))\n"
        "    FROM sys.default_constraints WHERE name = @name);\n"
        "DECLARE @sql nvarchar(max) = N'ALTER TABLE stage.CustomerFeed DROP CONSTRAINT '\n"
        "    + QUOTENAME(@name);\n"
        "EXEC sp_executesql @sql;\n"
        "ALTER TABLE stage.CustomerFeed DROP COLUMN Region;\n"
        "PRINT (SELECT STRING_AGG(name, ',') FROM sys.objects WHERE type = 'D'\n"
        "    AND parent_object_id = OBJECT_ID(N'stage.CustomerFeed'));",
    )
    assert messages == ("(N'north') DEFAULT_CONSTRAINT same id", "DF_CustomerFeed_FeedDate")


def test_a_sandboxed_run_drops_the_default_of_the_sandbox_copy_only(engine: Engine) -> None:
    run(engine, FEED)
    engine.create_schema("poc_stage")
    engine.clone_tables([("stage", "CustomerFeed", "poc_stage")])
    engine.catalog_epoch += 1
    sandbox = SandboxConfig({"stage": "poc_stage"}, ("stage",))
    script = (
        "IF OBJECT_ID(N'stage.DF_CustomerFeed_FeedDate', N'D') IS NOT NULL\n"
        "    ALTER TABLE stage.CustomerFeed DROP CONSTRAINT DF_CustomerFeed_FeedDate;\n"
    )
    remapped = remap_script(script, "t.sql", sandbox)
    assert "poc_stage.DF_CustomerFeed_FeedDate" in remapped.text
    run(engine, remapped.text)
    both = HAS.format("DF_CustomerFeed_FeedDate") + HAS.replace("stage.", "poc_stage.").format(
        "DF_CustomerFeed_FeedDate"
    )
    assert run(engine, both) == ("has", "none")
    inserted = run(
        engine,
        "INSERT INTO stage.CustomerFeed (Code) VALUES (N'p');\n"
        "PRINT (SELECT FeedDate FROM stage.CustomerFeed WHERE Code = N'p');\n"
        + CAUGHT.format("INSERT INTO poc_stage.CustomerFeed (Code) VALUES (N's');"),
    )
    assert inserted == ("2024-02-01", "515")
