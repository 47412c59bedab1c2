"""Every function the allow-list says runs faithfully (``emulation.support.FUNCTIONS``),
called once on each embedded engine with the result SQL Server gives. A function added to
the list without a case here fails ``test_every_listed_function_has_a_case``."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.tsql.emulation.support import FUNCTIONS

CASES: dict[str, list[tuple[str, str]]] = {
    "LEN": [("LEN(N'ab  ')", "2")],
    "LEFT / RIGHT": [("LEFT(N'abcdef', 2) + RIGHT(N'abcdef', 2)", "abef")],
    "SUBSTRING": [
        ("SUBSTRING(N'abcdef', 2, 3)", "bcd"),
        # a start below 1 counts positions before the first character
        (
            "CONCAT(SUBSTRING(N'Hello', -1, 4), N'|', SUBSTRING(N'Hello', 0, 3), N'|', "
            "SUBSTRING(N'Hello', -5, 2), N'|')",
            "He|He||",
        ),
    ],
    "UPPER / LOWER": [("UPPER(N'ab') + LOWER(N'CD')", "ABcd")],
    "LTRIM / RTRIM / TRIM": [
        ("N'[' + LTRIM(N'  a ') + RTRIM(N' b  ') + TRIM(N' c ') + N']'", "[a  bc]")
    ],
    "REPLACE": [("REPLACE(N'abcabc', N'b', N'X')", "aXcaXc")],
    "CONCAT / CONCAT_WS": [("CONCAT(N'a', NULL, 1) + CONCAT_WS(N'-', N'x', NULL, N'y')", "a1x-y")],
    "CHARINDEX": [("CHARINDEX(N'b', N'abcb', 3)", "4")],
    "REPLICATE": [("REPLICATE(N'ab', 3)", "ababab")],
    "REVERSE": [("REVERSE(N'abc')", "cba")],
    "STUFF": [("STUFF(N'abcdef', 2, 3, N'X')", "aXef")],
    "SPACE": [("N'[' + SPACE(2) + N']'", "[  ]")],
    "CHAR / NCHAR / ASCII / UNICODE": [
        ("CONCAT(CHAR(65), NCHAR(66), ASCII('C'), UNICODE(N'D'))", "AB6768")
    ],
    "QUOTENAME": [("QUOTENAME(N'a]b')", "[a]]b]")],
    "STRING_AGG": [("(SELECT STRING_AGG(v, N',') FROM (VALUES (N'x'), (N'y')) AS t(v))", "x,y")],
    "STRING_SPLIT": [("(SELECT COUNT(*) FROM STRING_SPLIT(N'a,b,,c', N','))", "4")],
    "fn_listextendedproperty": [
        (
            "(SELECT COUNT(*) FROM fn_listextendedproperty(N'no such property', N'SCHEMA', "
            "N'dbo', DEFAULT, DEFAULT, DEFAULT, DEFAULT))",
            "0",
        )
    ],
    "FORMAT (exact patterns)": [("FORMAT(1234.5, 'N2')", "1,234.50")],
    "STR (numbers whose rounding is certain)": [
        ("N'[' + STR(123.45, 6, 1) + STR(123.45, 2, 2) + STR(12) + N']'", "[ 123.5**        12]")
    ],
    "ISNULL / COALESCE / NULLIF": [
        ("CONCAT(ISNULL(NULL, 1), COALESCE(NULL, NULL, 2), ISNULL(NULLIF(3, 3), 4))", "124")
    ],
    "IIF / CASE": [("IIF(1 > 2, N'a', CASE WHEN 2 > 1 THEN N'b' END)", "b")],
    "CHOOSE": [("CHOOSE(2, N'x', N'y', N'z')", "y")],
    "ABS / CEILING / FLOOR / SIGN": [
        ("CONCAT(ABS(-3), CEILING(1.2), FLOOR(-1.5), SIGN(-7))", "32-2-1")
    ],
    "ROUND (its truncating form too)": [
        ("IIF(ROUND(2.345, 2) = 2.35 AND ROUND(-2.5, 0) = -3, N'ok', N'no')", "ok"),
        ("IIF(ROUND(2.349, 2, 1) = 2.34 AND ROUND(-2.5, 0, 1) = -2, N'ok', N'no')", "ok"),
    ],
    "STDEV / STDEVP / VAR / VARP": [
        # NULL left out; sample over n - 1, population over n
        (
            "(SELECT IIF(ROUND(STDEV(v), 6) = 2.138090 AND STDEVP(v) = 2 AND "
            "ROUND(VAR(v), 6) = 4.571429 AND VARP(v) = 4, N'ok', N'no') "
            "FROM (VALUES (2), (4), (4), (4), (5), (5), (7), (9), (NULL)) AS t(v))",
            "ok",
        ),
        # one value: no sample spread, no population spread
        (
            "(SELECT CONCAT(ISNULL(CAST(STDEV(v) AS NVARCHAR(10)), N'null'), N' ', "
            "IIF(STDEVP(v) = 0, N'0', N'?'), N' ', ISNULL(CAST(VAR(v) AS NVARCHAR(10)), N'null'), "
            "N' ', IIF(VARP(v) = 0, N'0', N'?')) FROM (VALUES (3)) AS t(v))",
            "null 0 null 0",
        ),
        # DISTINCT, a decimal argument, a window
        (
            "(SELECT IIF(ROUND(VAR(DISTINCT v), 6) = 7.3 AND "
            "ROUND(STDEV(DISTINCT CAST(v AS DECIMAL(5, 2))), 4) = 2.7019, N'ok', N'no') "
            "FROM (VALUES (2), (4), (4), (5), (7), (9)) AS t(v))",
            "ok",
        ),
        (
            "(SELECT STRING_AGG(CONCAT(g, N':', IIF(p = 1, N'1', IIF(p = 0, N'0', N'?'))), N' ') "
            "WITHIN GROUP (ORDER BY g) FROM (SELECT DISTINCT g, VARP(v) OVER (PARTITION BY g) "
            "AS p FROM (VALUES (1, 1), (1, 3), (2, 5)) AS t(g, v)) AS w)",
            "1:1 2:0",
        ),
    ],
    "GROUPING / GROUPING_ID": [
        (
            "(SELECT STRING_AGG(CONCAT(g, gid), N' ') WITHIN GROUP (ORDER BY gid) FROM (SELECT "
            "GROUPING(a) AS g, GROUPING_ID(a, b) AS gid FROM (VALUES (1, 2)) AS t(a, b) "
            "GROUP BY ROLLUP (a, b)) AS r)",
            "00 01 13",
        )
    ],
    "TRANSLATE (literal characters of one length)": [
        ("TRANSLATE(N'[a]{b}', N'[]{}', N'()()')", "(a)(b)"),
    ],
    "POWER (of a type the statement shows) / SQUARE": [
        ("CONCAT(POWER(2, -2), N' ', POWER(2.0, -100.0), N' ', POWER(2.0, 3))", "0 0.0 8.0"),
        ("CAST(SQUARE(3) AS INT) + CAST(POWER(CAST(2.5 AS FLOAT), 2) * 100 AS INT)", "634"),
    ],
    "GREATEST / LEAST (of types the statement shows)": [
        ("CONCAT(GREATEST('6.62', 3.1415, N'7'), N' ', LEAST(N'b', N'A'))", "7.0000 A")
    ],
    "SQRT / EXP / LOG / LOG10 / PI": [
        (
            "IIF(SQRT(16.0) = 4 AND ROUND(EXP(1.0), 4) = 2.7183 AND ROUND(LOG(10.0), 4) = 2.3026"
            " AND LOG10(1000.0) = 3 AND ROUND(LOG(8.0, 2), 6) = 3 AND ROUND(PI(), 4) = 3.1416,"
            " N'ok', N'no')",
            "ok",
        )
    ],
    "GETDATE / SYSDATETIME / CURRENT_TIMESTAMP": [
        (
            "IIF(DATEDIFF(minute, GETDATE(), SYSDATETIME()) = 0 AND YEAR(CURRENT_TIMESTAMP) > "
            "2000, N'ok', N'no')",
            "ok",
        ),
        # as text: datetime in style 0 (Dec  2 2026  9:22AM), datetime2 in style 121
        (
            "CONCAT(LEN(CAST(GETDATE() AS NVARCHAR(30))), N' ', "
            "LEN(CAST(SYSDATETIME() AS NVARCHAR(30))))",
            "19 27",
        ),
    ],
    "GETUTCDATE / SYSUTCDATETIME": [
        ("IIF(ABS(DATEDIFF(second, GETUTCDATE(), SYSUTCDATETIME())) < 5, N'ok', N'no')", "ok")
    ],
    "SYSDATETIMEOFFSET": [
        (
            "IIF(ABS(DATEDIFF(second, SYSDATETIME(), CAST(SYSDATETIMEOFFSET() AS DATETIME2))) < 5"
            " AND LEN(CAST(SYSDATETIMEOFFSET() AS NVARCHAR(40))) = 34, N'ok', N'no')",
            "ok",
        )
    ],
    "DATEADD / DATEDIFF": [
        ("CONCAT(DATEDIFF(day, '2024-01-01', DATEADD(month, 1, '2024-01-31')), N'')", "59")
    ],
    "YEAR / MONTH / DAY": [
        ("CONCAT(YEAR('2024-03-05'), MONTH('2024-03-05'), DAY('2024-03-05'))", "202435")
    ],
    "EOMONTH": [("CONVERT(VARCHAR(10), EOMONTH('2024-02-10'), 120)", "2024-02-29")],
    "DATEFROMPARTS": [("CONVERT(VARCHAR(10), DATEFROMPARTS(2024, 2, 29), 103)", "29/02/2024")],
    "DATEPART / DATENAME (year, quarter, month, dayofyear, day, week, weekday, iso_week, hour, "
    "minute, second)": [
        (
            "CONCAT(DATEPART(dw, '2024-06-08'), DATEPART(wk, '2024-06-08'), "
            "DATENAME(month, '2024-06-08'), DATENAME(w, '2024-06-08'))",
            "723JuneSaturday",
        ),
        (
            "CONCAT(DATEPART(iso_week, '2024-06-08'), '/', DATEPART(isowk, '2024-12-30'), '/', "
            "DATENAME(isoww, '2021-01-03'))",
            "23/1/53",
        ),
    ],
    "ISDATE (yyyy-mm-dd, yyyymmdd, mm/dd/yyyy)": [
        (
            "CONCAT(ISDATE(N'2024-02-28'), ISDATE(N'2024-02-30'), ISDATE('20240228'), "
            "ISDATE(N'02/28/2024'), ISDATE(N'abc'), ISDATE(N''), ISDATE(NULL), "
            "ISDATE(N'1752-12-31'), ISDATE(N'2024-02-28 10:00:00.123'), "
            "ISDATE(N'2024-02-28 10:00:00.1234'))",
            "1011000010",
        ),
        (
            "(SELECT STRING_AGG(CONCAT(ISDATE(v), ''), '') FROM (VALUES (N' 02/29/24 '), "
            "(N'2023-02-29'), (N'2024-02-28T23:59:59.997'), (N'   '), (NULL)) AS t(v))",
            "10100",
        ),
    ],
    "ISNUMERIC": [
        ("CONCAT(ISNUMERIC('1e5'), ISNUMERIC('$'), ISNUMERIC(''), ISNUMERIC('x1'))", "1100"),
        (
            "CONCAT(ISNUMERIC(N' 1 '), ISNUMERIC(N'-$5'), ISNUMERIC(N'$-5'), ISNUMERIC(N'£3'), "
            "ISNUMERIC(N'2.5d3'), ISNUMERIC(N','), ISNUMERIC(CHAR(9)), "
            "ISNUMERIC(CHAR(13) + CHAR(10)), ISNUMERIC(N' '), ISNUMERIC(N'1e'), ISNUMERIC(N'1-'), "
            "ISNUMERIC(N'--1'), ISNUMERIC(N'0x1A'), ISNUMERIC(N'1 000'))",
            "11111111000000",
        ),
    ],
    "PATINDEX": [("PATINDEX(N'%[0-9]%', N'INV-042')", "5")],
    "JSON_VALUE (lax paths) / ISJSON": [
        ("CONCAT(JSON_VALUE(N'{\"a\":[1.50]}', '$.a[0]'), ISJSON(N'[]'), ISJSON(N'x'))", "1.5010")
    ],
    "OPENJSON (lax paths, WITH)": [
        (
            "(SELECT STRING_AGG(CONCAT([key], value, [type]), N',') FROM OPENJSON(N'[\"a\",2]'))",
            "0a1,122",
        )
    ],
    "CAST / CONVERT (listed styles)": [
        (
            "CONCAT(CAST(10.6 AS INT), CONVERT(VARCHAR(8), CAST('2024-01-02' AS DATE), 112))",
            "1020240102",
        ),
        # NULL cast to an integer type: a typed NULL (PostgreSQL could not type it)
        ("CONCAT(N'x', CAST(NULL AS INT), CONVERT(BIGINT, NULL), N'y')", "xy"),
    ],
    "TRY_CAST / TRY_CONVERT": [
        ("CONCAT(ISNULL(TRY_CAST(N'1.5' AS INT), -1), TRY_CONVERT(INT, N' 7 '))", "-17")
    ],
    "COUNT / COUNT_BIG / SUM / MIN / MAX": [
        (
            "(SELECT CONCAT(COUNT(*), COUNT_BIG(v), SUM(v), MIN(v), MAX(v)) FROM (VALUES (1), "
            "(NULL), (3)) AS t(v))",
            "32413",
        )
    ],
    "AVG (of integers: a truncated integer)": [
        (
            "(SELECT CONCAT(AVG(v), N' ', AVG(w), N' ', AVG(DISTINCT v)) FROM (VALUES (1, 1.5E0), "
            "(NULL, NULL), (2, 2E0), (-8, NULL), (2, NULL)) AS t(v, w))",
            "0 1.75 -1",
        )
    ],
    "ROW_NUMBER / RANK / DENSE_RANK / NTILE": [
        (
            "(SELECT STRING_AGG(r, N' ') WITHIN GROUP (ORDER BY r) FROM (SELECT CONCAT("
            "ROW_NUMBER() OVER (ORDER BY v), RANK() OVER (ORDER BY v), DENSE_RANK() OVER "
            "(ORDER BY v), NTILE(2) OVER (ORDER BY v)) AS r FROM (VALUES (1), (1), (2)) AS "
            "t(v)) AS w)",
            "1111 2111 3322",
        )
    ],
    "PERCENT_RANK / CUME_DIST": [
        (
            # float(53): written as SQL Server writes a float (0, not 0.0)
            "(SELECT STRING_AGG(r, N' ') WITHIN GROUP (ORDER BY v) FROM (SELECT v, CONCAT("
            "PERCENT_RANK() OVER (ORDER BY v), N'/', CUME_DIST() OVER (ORDER BY v)) AS r "
            "FROM (VALUES (1), (1), (2), (3), (4)) AS t(v)) AS w)",
            "0/0.4 0/0.4 0.5/0.6 0.75/0.8 1/1",
        )
    ],
    "LAG / LEAD / FIRST_VALUE / LAST_VALUE": [
        (
            "(SELECT STRING_AGG(r, N' ') WITHIN GROUP (ORDER BY r) FROM (SELECT CONCAT("
            "ISNULL(LAG(v) OVER (ORDER BY v), 0), ISNULL(LEAD(v) OVER (ORDER BY v), 0), "
            "FIRST_VALUE(v) OVER (ORDER BY v), LAST_VALUE(v) OVER (ORDER BY v ROWS BETWEEN "
            "UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AS r FROM (VALUES (1), (2)) AS "
            "t(v)) AS w)",
            "0212 1012",
        )
    ],
    "NEWID": [("LEN(CAST(NEWID() AS NVARCHAR(36)))", "36")],
    "NEXT VALUE FOR (a sequence)": [],
    "EXISTS": [("IIF(EXISTS (SELECT 1), N'yes', N'no')", "yes")],
    "OBJECT_ID / SCHEMA_ID / SCHEMA_NAME / OBJECT_NAME / OBJECT_SCHEMA_NAME / DB_NAME": [
        (
            "CONCAT(ISNULL(OBJECT_ID('dbo.nothing_here'), 0), IIF(SCHEMA_ID('dbo') > 0, N'y', "
            "N'n'), SCHEMA_NAME(), IIF(LEN(DB_NAME()) > 0, N'y', N'n'))",
            "0ydboy",
        )
    ],
    "TYPE_ID / TYPE_NAME (of user-defined types)": [
        # NULL for a name that is no type, or an id that is none (tests/tsql/test_user_types.py)
        ("CONCAT(ISNULL(TYPE_ID('dbo.no_such_type'), 0), ISNULL(TYPE_NAME(999999), N'-'))", "0-")
    ],
    "ERROR_MESSAGE / ERROR_NUMBER / ERROR_LINE / ERROR_SEVERITY / ERROR_STATE": [],
    "HASHBYTES (of a type the statement shows)": [
        (
            "IIF(HASHBYTES('MD5', CAST(N'a' AS NVARCHAR(5))) = HASHBYTES('MD5', CAST(N'A' AS "
            "NVARCHAR(5))), N'same', N'different')",
            "different",
        ),
        ("CONVERT(VARCHAR(34), HASHBYTES('MD5', 'abc'), 2)", "900150983CD24FB0D6963F7D28E17F72"),
        (  # the hash-diff idiom: an NVARCHAR argument makes CONCAT_WS's result NVARCHAR
            "CONVERT(VARCHAR(34), HASHBYTES('MD5', CONCAT_WS(N'|', 'Ann', 7)), 2)",
            "3AB2D5F0BC4E85141141399CED771549",
        ),
    ],
    "SUSER_SNAME / SUSER_NAME / SYSTEM_USER / ORIGINAL_LOGIN (the session's login)": [
        (
            "IIF(SUSER_SNAME() = SYSTEM_USER AND SUSER_NAME() = ORIGINAL_LOGIN() AND "
            "LEN(SYSTEM_USER) > 0, N'ok', N'no')",
            "ok",
        )
    ],
    "CURRENT_USER / SESSION_USER / USER / USER_NAME (the session's database user)": [
        (
            "IIF(CURRENT_USER = SESSION_USER AND USER = USER_NAME() AND LEN(USER) > 0, N'ok', "
            "N'no')",
            "ok",
        )
    ],
    "HOST_NAME / APP_NAME": [("IIF(LEN(HOST_NAME()) > 0, N'', N'?') + APP_NAME()", "etlcheck")],
    "SCOPE_IDENTITY / @@IDENTITY / IDENT_CURRENT": [
        (
            "ISNULL(CAST(SCOPE_IDENTITY() AS VARCHAR(10)), N'none') + N' '"
            " + ISNULL(CAST(IDENT_CURRENT('dbo.no_such_table') AS VARCHAR(10)), N'none')",
            "none none",
        )
    ],
}
"""T-SQL expressions and what PRINT shows for them on SQL Server (sequences, the error
functions and the identity functions have conformance scripts of their own)."""


def _cases() -> list[object]:
    return [
        pytest.param(expression, expected, id=f"{name.split(' ')[0]}-{index}")
        for name, cases in CASES.items()
        for index, (expression, expected) in enumerate(cases)
    ]


def _printed(engine: Engine, expression: str) -> str:
    script = f"PRINT {expression}"
    assert check_script(script, "f.sql", engine.name) == ()
    (message,) = engine.run_script(script, Path("f.sql")).messages
    return message


@pytest.mark.duckdb
@pytest.mark.parametrize(("expression", "expected"), _cases())
def test_on_duckdb(expression: str, expected: str) -> None:
    with DuckDBEngine(None) as engine:
        assert _printed(engine, expression) == expected


@pytest.mark.postgres
@pytest.mark.parametrize(("expression", "expected"), _cases())
def test_on_postgres(postgres: Engine, expression: str, expected: str) -> None:
    assert _printed(postgres, expression) == expected


def test_every_listed_function_has_a_case() -> None:
    assert sorted(CASES) == sorted(item.name for item in FUNCTIONS)
