"""POWER and SQUARE on the embedded engines: POWER has its first argument's type when the
statement shows it, stops the run where SQL Server's value is not documented, and is a
compat finding for a column; SQUARE is a float (``emulation.powers``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed
from etlcheck.tsql.emulation.powers import FLOAT, PowerType, power_type
from etlcheck.tsql.parsing import parse_tsql
from tests.tsql.tsql_scripts import printed

TYPED = [
    # the type of the first argument is the result's (int, decimal(38, s), float, money)
    ("POWER(2, -2)", "0"),
    ("POWER(CAST(2 AS BIGINT), 40)", "1099511627776"),
    ("POWER(CAST(2 AS DECIMAL(18, 3)), -3)", "0.125"),
    ("POWER(-0.5, 3)", "-0.1"),
    ("POWER(CAST(10 AS MONEY), -2)", "0.01"),
    ("CAST(POWER(CAST(2.0 AS FLOAT), -2) * 100 AS INT)", "25"),
    ("CAST(POWER(N'3', 2) AS INT)", "9"),
    ("ISNULL(POWER(CAST(NULL AS INT), 2), -1)", "-1"),
    ("POWER(-2, 31)", "-2147483648"),
    ("CAST(SQUARE(3) * 10 AS INT) + CAST(SQUARE(0.5) * 100 AS INT)", "115"),
]
"""A POWER and what PRINT shows on SQL Server, by the documented result types; where a
result has more digits than its scale keeps, rounding and truncation agree."""

UNDOCUMENTED = [
    ("PRINT POWER(2.0, -2)", "whether SQL Server rounds or truncates"),
    ("PRINT POWER(2, 31)", "does not fit in int"),
    ("PRINT POWER(-8.0, 0.5)", "negative number to a fractional power"),
    ("PRINT POWER(CAST(0 AS FLOAT), -1)", "0 to a negative power"),
    ("PRINT POWER(CAST(3 AS BIGINT), 33)", "more than 15 digits"),
]
"""POWERs whose value SQL Server's documentation leaves open: the run stops, naming it."""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2", PowerType("INT", 0, -2147483648, 2147483647)),
        ("2.50", PowerType("DECIMAL(38, 2)", 2, "-" + "9" * 36 + ".99", "9" * 36 + ".99")),
        ("3000000000", PowerType("DECIMAL(38, 0)", 0, "-" + "9" * 38, "9" * 38)),
        ("2E0", FLOAT),
        ("CAST(x AS SMALLINT)", PowerType("INT", 0, -2147483648, 2147483647)),
        ("CONVERT(REAL, x)", FLOAT),
        ("N'2'", FLOAT),
        (
            "-(CAST(x AS DECIMAL(9, 4)))",
            PowerType("DECIMAL(38, 4)", 4, "-" + "9" * 34 + ".9999", "9" * 34 + ".9999"),
        ),
    ],
)
def test_the_type_of_power_follows_its_first_argument(written: str, expected: PowerType) -> None:
    (select,) = parse_tsql(f"SELECT {written}").expressions
    assert power_type(select) == expected


def test_power_of_a_column_is_a_finding_that_says_to_cast_it() -> None:
    script = "SELECT SQUARE(v), POWER(CAST(v AS FLOAT), 2), POWER(v, 2) FROM dbo.t"
    (finding,) = check_script(script, "p.sql", "postgres")
    assert (finding.location.line, finding.location.column) == (1, 47)
    assert finding.message.startswith("POWER(): SQL Server's POWER returns the type of its first")
    assert "CAST the first argument" in finding.message


@pytest.mark.duckdb
@pytest.mark.parametrize(("expression", "expected"), TYPED)
def test_power_on_duckdb(expression: str, expected: str) -> None:
    with DuckDBEngine(None) as engine:
        assert printed(engine, expression) == expected


@pytest.mark.postgres
@pytest.mark.parametrize(("expression", "expected"), TYPED)
def test_power_on_postgres(postgres: Engine, expression: str, expected: str) -> None:
    assert printed(postgres, expression) == expected


@pytest.mark.duckdb
@pytest.mark.parametrize(("script", "words"), UNDOCUMENTED)
def test_an_undocumented_power_stops_duckdb(script: str, words: str) -> None:
    with DuckDBEngine(None) as engine, pytest.raises(StatementFailed) as failed:
        engine.run_script(script, Path("p.sql"))
    assert words in str(failed.value)
    assert "run it on --engine mssql" in str(failed.value)


@pytest.mark.postgres
@pytest.mark.parametrize(("script", "words"), UNDOCUMENTED)
def test_an_undocumented_power_stops_postgres(postgres: Engine, script: str, words: str) -> None:
    with pytest.raises(StatementFailed) as failed:
        postgres.run_script(script, Path("p.sql"))
    assert words in str(failed.value)
    assert "run it on --engine mssql" in str(failed.value)
