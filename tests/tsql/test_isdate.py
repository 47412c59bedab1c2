"""ISDATE: the texts it decides, and the loud refusal of those it cannot (the conformance
scripts ``isdate`` and ``isdate-refused`` run the answers whole on both engines)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed
from etlcheck.tsql.emulation.isdate import SHAPES


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ("2024-02-28", True),
        ("2024-2-8 09:05", True),
        ("2024-02-28T10:00:00.123", True),
        ("20240228 10:00:00", True),
        ("02/28/24", True),
        ("2/8/2024 23:59:59", True),
        ("2024-02-28T10:00", False),
        ("2024-02-28 24:00", False),
        ("10:00", False),
        ("2024", False),
        ("Feb 28 2024", False),
        ("28.02.2024", False),
    ],
)
def test_the_forms_isdate_decides(text: str, decided: bool) -> None:
    assert (re.fullmatch(SHAPES, text) is not None) is decided


@pytest.mark.parametrize(
    ("script", "words"),
    [
        ("PRINT ISDATE(N'Feb 28 2024')", "ISDATE: cannot tell whether 'Feb 28 2024'"),
        ("PRINT ISDATE(GETDATE())", "ISDATE: an argument of type datetime is not emulated"),
        ("PRINT ISDATE(N'a', N'b')", "ISDATE: takes one argument"),
    ],
)
def test_what_isdate_cannot_decide_in_the_statement_is_a_finding(script: str, words: str) -> None:
    for engine in ("duckdb", "postgres"):
        (finding,) = check_script(script, "t.sql", engine)
        assert (finding.location.line, finding.location.column) == (1, 7)
        assert finding.message.startswith(words)


_COLUMNS = """DROP TABLE IF EXISTS dbo.raw_dates
CREATE TABLE dbo.raw_dates (id INT, txt NVARCHAR(30))
INSERT INTO dbo.raw_dates VALUES (1, N'2024-02-28'), (2, N'Feb 28 2024')
"""

_CASES = [
    ("SELECT COUNT(*) FROM dbo.raw_dates WHERE ISDATE(txt) = 1", "'Feb 28 2024' is a date"),
    ("SELECT MAX(ISDATE(id)) FROM dbo.raw_dates", "an argument of type"),
]


def _fails_loudly(engine: Engine, query: str, words: str) -> None:
    engine.run_script(_COLUMNS, Path("setup.sql"))
    assert check_script(query, "t.sql", engine.name) == ()
    with pytest.raises(StatementFailed) as failed:
        engine.run_script(query, Path("t.sql"))
    assert words in str(failed.value)
    assert "run it on --engine mssql" in str(failed.value)


@pytest.mark.duckdb
@pytest.mark.parametrize(("query", "words"), _CASES)
def test_a_column_isdate_cannot_decide_fails_on_duckdb(query: str, words: str) -> None:
    with DuckDBEngine(None) as engine:
        engine.create_schema("dbo")
        _fails_loudly(engine, query, words)


@pytest.mark.parametrize(("query", "words"), _CASES)
def test_a_column_isdate_cannot_decide_fails_on_postgres(
    postgres: Engine, query: str, words: str
) -> None:
    _fails_loudly(postgres, query, words)
