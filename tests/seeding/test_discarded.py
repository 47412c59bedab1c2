"""Which drops come before anything that could read a row: the reading stops at the
first statement it cannot prove blind to rows, and counts only drops that surely run."""

from __future__ import annotations

import pytest

from etlcheck.seeding.discarded import leading_drops

SAMPLE_SETUP = """SET NOCOUNT ON;
GO
IF OBJECT_ID('[etl].[stg_claims]', 'U') IS NOT NULL DROP TABLE [etl].[stg_claims];
IF OBJECT_ID(N'etl.stg_premiums', N'U') IS NOT NULL DROP TABLE etl.stg_premiums;
GO
IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl') DROP SCHEMA etl;
GO
DROP TABLE etl.after_a_query;
"""


def test_the_drops_before_the_first_catalog_query() -> None:
    assert leading_drops(SAMPLE_SETUP) == (
        [("etl", "stg_claims"), ("etl", "stg_premiums")],
        False,
    )


@pytest.mark.parametrize(
    ("script", "dropped"),
    [
        ("DROP TABLE IF EXISTS etl.a, [etl].[b];", [("etl", "a"), ("etl", "b")]),
        ("PRINT N'rebuilding';\nSET XACT_ABORT ON;\nDROP TABLE etl.a", [("etl", "a")]),
        ("EXEC('DROP TABLE etl.a')", [("etl", "a")]),
        ("IF OBJECT_ID('etl.a') IS NOT NULL BEGIN DROP TABLE etl.a END", [("etl", "a")]),
        (
            "IF SCHEMA_ID('etl') IS NULL EXEC('CREATE SCHEMA etl');\n"
            "IF OBJECT_ID('etl.log', 'U') IS NULL CREATE TABLE etl.log (at DATETIME2 "
            "DEFAULT SYSUTCDATETIME());\nDROP TABLE etl.a",
            [("etl", "a")],
        ),
        ("DROP TABLE #work; DROP TABLE a; DROP TABLE etl.a", [("etl", "a")]),
    ],
)
def test_statements_blind_to_rows_let_the_reading_go_on(
    script: str, dropped: list[tuple[str, str]]
) -> None:
    assert leading_drops(script) == (dropped, True)


@pytest.mark.parametrize(
    "script",
    [
        "SELECT COUNT(*) FROM etl.a;\nDROP TABLE etl.a",
        "DECLARE @n INT;\nDROP TABLE etl.a",
        "PRINT @message;\nDROP TABLE etl.a",
        "PRINT CONCAT('rows: ', (SELECT COUNT(*) FROM etl.a));\nDROP TABLE etl.a",
        "EXEC etl.usp_prepare;\nDROP TABLE etl.a",
        "EXEC sp_executesql N'SELECT 1';\nDROP TABLE etl.a",
        "EXEC 'etl.usp_prepare';\nDROP TABLE etl.a",
        "EXEC ('DROP TABLE ' + 'etl.b');\nDROP TABLE etl.a",
        "SET IDENTITY_INSERT etl.a ON;\nDROP TABLE etl.a",
        "CREATE TABLE etl.q (n INT DEFAULT dbo.next_n());\nDROP TABLE etl.a",
        "SELECT * INTO etl.copy FROM etl.a;\nDROP TABLE etl.a",
        "IF (SELECT COUNT(*) FROM etl.a) > 0 PRINT 'x';\nDROP TABLE etl.a",
        "CREATE INDEX ix ON etl.a (n);\nDROP TABLE etl.a",
        "DROP VIEW etl.v;\nDROP TABLE etl.a",
        "DROP TABLE etl.b\nGO 2\nDROP TABLE etl.a",
    ],
)
def test_the_reading_stops_where_a_row_could_be_seen(script: str) -> None:
    dropped, whole = leading_drops(script)
    assert ("etl", "a") not in dropped and not whole


@pytest.mark.parametrize(
    "script",
    [
        "IF OBJECT_ID('etl.b') IS NOT NULL DROP TABLE etl.a",
        "IF OBJECT_ID('etl.a', 'V') IS NOT NULL DROP TABLE etl.a",
        "IF OBJECT_ID('etl.a') IS NULL DROP TABLE etl.a",
        "IF OBJECT_ID('etl.a') IS NOT NULL DROP TABLE etl.a ELSE PRINT 'none'",
        "IF SCHEMA_ID('etl') IS NULL DROP TABLE etl.a",
    ],
)
def test_a_drop_that_may_not_run_is_not_counted(script: str) -> None:
    dropped, _ = leading_drops(script)
    assert dropped == []
