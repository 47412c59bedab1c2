"""The readers behind ISNUMERIC, JSON_VALUE and ISJSON, and TOP WITH TIES, one input at a
time (the conformance scripts run them whole on both engines)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.engines.duckdb.json_udfs import isjson, json_query, json_value, openjson
from etlcheck.errors import StatementFailed
from etlcheck.tsql.emulation.json_functions import parse_json_path


@pytest.mark.parametrize(
    ("path", "steps"),
    [
        ("$", ()),
        ("$.a.b", ("a", "b")),
        ("lax $.items[2].name", ("items", 2, "name")),
        ('$."first name"', ("first name",)),
        ('$."say \\"hi\\""', ('say "hi"',)),
        ("strict $.a", None),
        ("$.a[*]", None),
        ("a.b", None),
        ("$.", None),
        ("$[x]", None),
    ],
)
def test_json_paths_are_read_or_refused(path: str, steps: tuple[str | int, ...] | None) -> None:
    assert parse_json_path(path) == steps


def test_json_value_keeps_the_documents_number_text() -> None:
    document = '{"a": 1.50, "b": -0.0e+5, "c": [true, null, "x"], "d": {"e": 12345678901234567890}}'
    assert json_value(document, '["a"]') == "1.50"
    assert json_value(document, '["b"]') == "-0.0e+5"
    assert json_value(document, '["c", 0]') == "true"
    assert json_value(document, '["c", 1]') is None
    assert json_value(document, '["c", 2]') == "x"
    assert json_value(document, '["c", 3]') is None
    assert json_value(document, '["d", "e"]') == "12345678901234567890"
    assert json_value(document, '["d"]') is None
    assert json_value(document, '["c", "0"]') is None
    assert json_value('{"long": "' + "x" * 4001 + '"}', '["long"]') is None


@pytest.mark.parametrize("document", ["[1,]", "NaN", '{"a": NaN}', "{'a': 1}", '{"a": 1} x'])
def test_what_sql_server_refuses_is_not_json(document: str) -> None:
    assert isjson(document, "VALUE") == 0
    with pytest.raises(ValueError, match="13609"):
        json_value(document, "[]")


def test_isjson_types() -> None:
    assert [isjson(text, "OBJECT_OR_ARRAY") for text in ("{}", "[]", "1", '"a"', "")] == [
        1,
        1,
        0,
        0,
        0,
    ]
    assert [isjson("1", kind) for kind in ("VALUE", "SCALAR", "ARRAY", "OBJECT")] == [1, 1, 0, 0]
    assert isjson("null", "SCALAR") == 0
    assert isjson("true", "SCALAR") == 0
    assert isjson(None, "VALUE") is None


ISNUMERIC_CASES = {
    "1": 1,
    " 1 ": 1,
    "-1.5": 1,
    "+.5": 1,
    "1.": 1,
    "$12,345.00": 1,
    "-$5": 1,
    "$-5": 1,
    "£3": 1,
    "1e5": 1,
    "1E-5": 1,
    "2.5d3": 1,
    "+": 1,
    "-": 1,
    ".": 1,
    ",": 1,
    "$": 1,
    "\t": 1,
    "\r\n": 1,
    "": 0,
    " ": 0,
    "e5": 0,
    "1e": 0,
    "1.2.3": 0,
    "1-": 0,
    "--1": 0,
    "abc": 0,
    "0x1A": 0,
    "1 000": 0,
}


def _isnumeric_script() -> str:
    inputs = list(ISNUMERIC_CASES)
    values = ", ".join(f"({index}, N'{text}')" for index, text in enumerate(inputs))
    script = (
        "CREATE TABLE dbo.n (id INT, v NVARCHAR(20))\n"
        f"INSERT INTO dbo.n VALUES {values}\n"
        "DECLARE @r NVARCHAR(200)\n"
        "SELECT @r = STRING_AGG(ISNUMERIC(v), '') WITHIN GROUP (ORDER BY id) FROM dbo.n\n"
        "PRINT @r"
    )
    return script


EXPECTED_ISNUMERIC = "".join(str(value) for value in ISNUMERIC_CASES.values())


@pytest.mark.duckdb
def test_isnumeric_reads_as_sql_server_does_on_duckdb() -> None:
    with DuckDBEngine(None) as engine:
        result = engine.run_script(_isnumeric_script(), Path("t.sql"))
    assert list(result.messages) == [EXPECTED_ISNUMERIC]


def test_a_second_refused_call_is_reported_where_it_is() -> None:
    script = "PRINT JSON_VALUE(N'{}', '$.a') + JSON_VALUE(N'{}', 'strict $.a')"
    findings = check_script(script, "t.sql", "duckdb")
    assert [(f.location.line, f.location.column) for f in findings] == [(1, 34)]


def test_distinct_top_with_ties_is_refused_where_qualify_would_change_it() -> None:
    script = "SELECT DISTINCT TOP (2) WITH TIES a FROM dbo.t ORDER BY a"
    refused = check_script(script, "t.sql", "duckdb")
    assert [(f.location.line, f.location.column) for f in refused] == [(1, 30)]
    assert refused[0].message.startswith("TOP ... WITH TIES: with SELECT DISTINCT")
    assert check_script(script, "t.sql", "postgres") == ()


def test_top_with_ties_without_order_by_is_error_1062() -> None:
    script = "CREATE TABLE dbo.t (a INT)\nSELECT TOP (2) WITH TIES a FROM dbo.t"
    with DuckDBEngine(None) as engine, pytest.raises(StatementFailed) as failed:
        engine.run_script(script, Path("t.sql"))
    assert "TOP N WITH TIES clause is not allowed" in str(failed.value)


@pytest.mark.parametrize(
    ("script", "where", "words"),
    [
        ("SELECT * FROM OPENJSON(N'[]', 'strict $.a')", (1, 15), "OPENJSON(): the path"),
        ("SELECT * FROM OPENJSON(N'[]') WITH (a INT '$.a[*]')", (1, 15), "OPENJSON(): the path"),
        ("DECLARE @p NVARCHAR(9) = '$'\nSELECT * FROM OPENJSON(N'[]', @p)", (2, 15), "OPENJSON()"),
    ],
)
def test_openjson_paths_it_cannot_read_are_refused(
    script: str, where: tuple[int, int], words: str
) -> None:
    findings = check_script(script, "t.sql", "duckdb")
    assert [(f.location.line, f.location.column) for f in findings] == [where]
    assert findings[0].message.startswith(words)


def test_openjson_keeps_nested_json_as_written() -> None:
    document = '{"a" : { "b" : [1, 2.50] }, "s": "x\\"y"}'
    assert openjson(document, "[]", False) == [
        {"key": "a", "value": '{ "b" : [1, 2.50] }', "type": 5},
        {"key": "s", "value": 'x"y', "type": 1},
    ]
    assert openjson(document, '["a", "b"]', True) == [
        {"key": "0", "value": "1", "type": 0},
        {"key": "1", "value": "2.50", "type": 0},
    ]
    assert openjson(document, '["zz"]', False) == []
    assert json_query(document, '["a"]') == '{ "b" : [1, 2.50] }'
    assert json_query(document, '["s"]') is None
