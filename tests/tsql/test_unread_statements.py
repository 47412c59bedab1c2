"""T-SQL statements sqlglot does not read (DBCC, BULK INSERT, DISABLE TRIGGER…) are
statements the engines do not emulate, reported as such: they were called syntax errors
("fix the script", exit 2), which a valid script is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.syntax import check_script_syntax
from etlcheck.tsql.parsing import CompileError, parse_tsql


@pytest.mark.parametrize(
    ("statement", "construct"),
    [
        ("DBCC CHECKTABLE ('etl.load_log')", "DBCC CHECKTABLE"),
        ("BULK INSERT raw_data.feed FROM '/data/feed.csv' WITH (FIRSTROW = 2)", "BULK INSERT"),
        ("DISABLE TRIGGER ALL ON etl.load_log", "DISABLE TRIGGER"),
    ],
)
def test_a_statement_sqlglot_cannot_read_is_not_emulated(statement: str, construct: str) -> None:
    check_script_syntax(statement + ";\n", Path("load.sql"))  # raised: "syntax error"
    with pytest.raises(CompileError) as raised:
        parse_tsql(statement)
    assert raised.value.message == f"{construct} is not supported"


def test_a_typo_is_still_a_syntax_error() -> None:
    with pytest.raises(CompileError) as raised:
        parse_tsql("INSERT INTO INTO etl.t SELECT 1")
    assert raised.value.message.startswith("cannot parse statement")
