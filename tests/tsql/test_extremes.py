"""GREATEST and LEAST on the embedded engines: every argument converted to the type of
highest precedence, NULLs ignored, text compared without case as under SQL Server's
default collation; an argument whose type the statement does not show is a compat
finding (``emulation.extremes``)."""

from __future__ import annotations

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from tests.tsql.tsql_scripts import printed

RUN = [
    # text compares without case: the engines' own GREATEST puts 'a' after 'B'
    (
        "CONCAT(GREATEST('a', 'B'), LEAST('a', 'B'), GREATEST(N'b', N'A'), LEAST(N'b', N'A'))",
        "BabA",
    ),
    ("IIF(GREATEST(N'abc', N'ABD') = N'abd', N'equal', N'not equal')", "equal"),
    # the scale of the decimal of highest precedence
    ("CONCAT(GREATEST(2, 1.5), N' ', LEAST(2, 1.5), N' ', GREATEST(1, 2.25, 3.5))", "2.0 1.5 3.50"),
    ("GREATEST(CAST(1 AS BIGINT), 2147483647) + 1", "2147483648"),
    (
        "CAST(GREATEST(CAST('2024-01-01' AS DATE), CAST('2023-05-01' AS DATE)) AS VARCHAR(10))",
        "2024-01-01",
    ),
    ("ISNULL(LEAST(CAST(NULL AS INT), 5, CAST(NULL AS INT)), -1)", "5"),
]
"""A GREATEST or LEAST and what PRINT shows on SQL Server."""

REFUSED = [
    ("SELECT GREATEST(a, 1) FROM dbo.t", (1, 8), "GREATEST(): its result has the type"),
    ("PRINT 1 + LEAST(2, 3) + LEAST(NULL, 1)", (1, 25), "LEAST(): a NULL argument's type"),
    ("PRINT GREATEST(CAST('a' AS CHAR(3)), 'b')", (1, 7), "GREATEST(): char and nchar"),
    ("PRINT GREATEST(GETDATE(), '2024-01-01')", (1, 7), "GREATEST(): a date or time compared"),
]
"""Calls SQL Server's documentation does not pin down here: where, and the message."""


@pytest.mark.duckdb
@pytest.mark.parametrize(("expression", "expected"), RUN)
def test_extremes_on_duckdb(expression: str, expected: str) -> None:
    with DuckDBEngine(None) as engine:
        assert printed(engine, expression) == expected


@pytest.mark.postgres
@pytest.mark.parametrize(("expression", "expected"), RUN)
def test_extremes_on_postgres(postgres: Engine, expression: str, expected: str) -> None:
    assert printed(postgres, expression) == expected


@pytest.mark.parametrize(("script", "where", "words"), REFUSED)
@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_what_the_documentation_leaves_open_is_a_finding(
    engine: str, script: str, where: tuple[int, int], words: str
) -> None:
    (finding,) = check_script(script, "e.sql", engine)
    assert (finding.location.line, finding.location.column) == where
    assert finding.message.startswith(words)
