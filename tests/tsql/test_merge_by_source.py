"""MERGE ... WHEN NOT MATCHED BY SOURCE beyond its conformance script
(``merge-not-matched-by-source.sql``), on both interpreting engines: one statement that
stands or falls whole, a source that reads the target, a key deleted and inserted again,
a transaction rolled back, and the clauses SQL Server refuses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.engines.base import Engine
from etlcheck.errors import UnsupportedConstruct
from tests.engine_params import BOTH_ENGINES, started_engine
from tests.tsql.tsql_scripts import run

TABLES = """
DROP TABLE IF EXISTS dbo.dim;
DROP TABLE IF EXISTS dbo.feed;
CREATE TABLE dbo.dim (code NVARCHAR(5) NOT NULL PRIMARY KEY, hash INT, active INT);
CREATE TABLE dbo.feed (code NVARCHAR(5), hash INT);
INSERT INTO dbo.dim VALUES (N'a', 1, 1), (N'b', 2, 1), (N'c', 3, 1);
"""
SHOW = (
    "PRINT (SELECT STRING_AGG(CONCAT(code, N':', hash, N':', active), N',') "
    "WITHIN GROUP (ORDER BY code) FROM dbo.dim);"
)


@pytest.fixture(params=BOTH_ENGINES, scope="module")
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with started_engine(request.param) as started:
        yield started


def test_a_key_deleted_and_inserted_again_by_one_merge_is_no_violation(engine: Engine) -> None:
    # The row whose hash changed is no match: deleted as not matched by source, and its
    # new version inserted as not matched by target, under the same primary key.
    script = (
        TABLES
        + """
INSERT INTO dbo.feed VALUES (N'a', 1), (N'b', 20);
MERGE dbo.dim AS t USING dbo.feed AS s ON t.code = s.code AND t.hash = s.hash
WHEN NOT MATCHED BY TARGET THEN INSERT (code, hash, active) VALUES (s.code, s.hash, 1)
WHEN NOT MATCHED BY SOURCE THEN DELETE;
PRINT @@ROWCOUNT;
"""
        + SHOW
    )
    assert run(engine, script) == ("3", "a:1:1,b:20:1")


def test_a_merge_that_fails_keeps_the_rows_no_source_row_matched(engine: Engine) -> None:
    script = (
        TABLES
        + """
INSERT INTO dbo.feed VALUES (N'a', 0);
BEGIN TRY
    MERGE dbo.dim AS t USING dbo.feed AS s ON t.code = s.code
    WHEN MATCHED THEN UPDATE SET hash = t.hash / s.hash
    WHEN NOT MATCHED BY SOURCE THEN DELETE;
    PRINT 'merged';
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH;
"""
        + SHOW
    )
    assert run(engine, script) == ("8134", "a:1:1,b:2:1,c:3:1")


def test_a_source_that_reads_the_target_reads_it_as_it_was(engine: Engine) -> None:
    script = (
        TABLES
        + """
MERGE dbo.dim AS t USING (SELECT code FROM dbo.dim WHERE hash > 1) AS s ON t.code = s.code
WHEN MATCHED THEN UPDATE SET hash = (SELECT COUNT(*) FROM dbo.dim)
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET active = 0;
PRINT @@ROWCOUNT;
"""
        + SHOW
    )
    assert run(engine, script) == ("3", "a:1:0,b:3:1,c:3:1")


def test_a_transaction_rolled_back_restores_the_rows(engine: Engine) -> None:
    script = (
        TABLES
        + """
BEGIN TRANSACTION;
MERGE dbo.dim AS t USING dbo.feed AS s ON t.code = s.code
WHEN NOT MATCHED BY SOURCE AND t.code <> N'a' THEN DELETE;
PRINT @@ROWCOUNT;
ROLLBACK;
"""
        + SHOW
    )
    assert run(engine, script) == ("2", "a:1:1,b:2:1,c:3:1")


@pytest.mark.parametrize(
    ("clauses", "message"),
    [
        (
            "WHEN NOT MATCHED BY SOURCE AND t.hash = 1 THEN DELETE "
            "WHEN NOT MATCHED BY SOURCE AND t.hash = 2 THEN UPDATE SET active = 0 "
            "WHEN NOT MATCHED BY SOURCE THEN DELETE",
            "at most two",
        ),
        (
            "WHEN NOT MATCHED BY SOURCE THEN DELETE "
            "WHEN NOT MATCHED BY SOURCE AND t.hash = 2 THEN UPDATE SET active = 0",
            "needs an AND condition",
        ),
        (
            "WHEN NOT MATCHED BY SOURCE AND t.hash = 1 THEN DELETE "
            "WHEN NOT MATCHED BY SOURCE THEN DELETE",
            "one UPDATEs and the other DELETEs",
        ),
        ("WHEN NOT MATCHED BY SOURCE AND s.hash = 1 THEN DELETE", "target's columns only"),
    ],
)
def test_clauses_sql_server_refuses_are_refused(engine: Engine, clauses: str, message: str) -> None:
    script = TABLES + f"MERGE dbo.dim AS t USING dbo.feed AS s ON t.code = s.code {clauses};"
    with pytest.raises(UnsupportedConstruct, match=message):
        run(engine, script)
