"""The compatibility pass: `etlcheck lint --engine` lists what an engine cannot run
faithfully, `etlcheck run` refuses it before it seeds or runs step 1, and the pass and the
interpreter agree on every construct (same place, same words)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.compatibility import check_script
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql import compat

HERE = Path(__file__).parent
PROJECT = HERE / "compat_project"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    target = tmp_path / "orders"
    shutil.copytree(PROJECT, target)
    monkeypatch.chdir(target)
    yield target


def _refusing(project: Path) -> Path:
    script = project / "sql" / "03-report.sql"
    shutil.copy(HERE / "compat_refused.sql", script)
    return script


def test_lint_with_an_engine_adds_compat_findings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refusing(project)
    assert main(["lint", "--engine", "duckdb"]) == 1
    out = capsys.readouterr().out
    assert (
        "sql/03-report.sql:3:43: compat: CHECKSUM(): SQL Server's checksum values, and which "
        "inputs collide, cannot be reproduced; duckdb cannot run it faithfully: run it on --engine "
        "mssql" in out
    )
    assert "sql/03-report.sql:5:9: compat: WAITFOR TIME: only WAITFOR DELAY is supported" in out


def test_lint_without_an_engine_and_for_sql_server_has_no_compat_findings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refusing(project)
    main(["lint"])
    main(["lint", "--engine", "mssql"])
    assert "compat" not in capsys.readouterr().out


def test_run_refuses_a_compat_finding_before_anything_runs(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refusing(project)
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert err[0].startswith("etlcheck: error: sql/03-report.sql:3:43: compat: CHECKSUM()")
    assert "run it on --engine mssql" in err[0]
    assert "(1 more: etlcheck lint --engine duckdb)" in err[0]
    assert not (project / "reports").exists()
    assert not (project / ".etlcheck").exists()


def test_an_unknown_engine_is_bad_input(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--engine", "oracle"]) == 2
    assert "unknown engine 'oracle'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "script",
    [
        "WAITFOR DELAY '00:00:00.010'",
        "DECLARE @s NVARCHAR(50) = N'a]b'\nPRINT QUOTENAME(@s)",
        "CREATE TABLE dbo.t (a INT)\nINSERT INTO dbo.t VALUES (1)\n"
        "SELECT t.a, x.c FROM dbo.t CROSS APPLY (SELECT t.a + 1 AS c) AS x",
        "CREATE TABLE dbo.t2 (a INT)\nINSERT INTO dbo.t2 OUTPUT inserted.* VALUES (1)",
        "CREATE TABLE dbo.t3 (a INT)\nCREATE TABLE dbo.t4 (a INT, at DATETIME2, b NVARCHAR(9))\n"
        "INSERT INTO dbo.t3 OUTPUT inserted.a, SYSDATETIME(), QUOTENAME(N'x') INTO dbo.t4 "
        "VALUES (1)",
    ],
    ids=["waitfor", "quotename", "cross-apply", "output-inserted", "functions-in-output"],
)
def test_the_constructs_that_failed_mid_run_now_run(script: str) -> None:
    assert check_script(script, "t.sql", "duckdb") == ()
    with DuckDBEngine(None) as engine:
        engine.run_script(script, Path("t.sql"))


@pytest.mark.parametrize(
    ("script", "where", "words"),
    [
        ("SELECT CHECKSUM(1)", (1, 8), "CHECKSUM()"),
        ("PRINT 1\nIF DATALENGTH(name) > 0 PRINT 2", (2, 4), "DATALENGTH()"),
        ("DECLARE @t TABLE (a XML)", (1, 21), "data type XML"),
        ("SET DATEFORMAT dmy", (1, 5), "SET DATEFORMAT DMY"),
        ("DECLARE @d INT = 1\nSET DATEFIRST @d", (2, 5), "SET DATEFIRST @D"),
        ("SET DATEFIRST 8", (1, 5), "SET DATEFIRST 8"),
        ("EXEC sp_who @loginame = 'x'", (1, 1), "EXEC sp_who: system procedures"),
        ("RAISERROR(50001, 16, 1)", (1, 1), "RAISERROR msg_id"),
        ("SELECT a FROM dbo.t PIVOT (MAX(b) FOR a IN ([1])) AS p", (1, 21), "PIVOT"),
        (
            "SELECT STUFF((SELECT ',' + name FROM dbo.t FOR XML PATH(''), TYPE), 1, 1, '')",
            (1, 44),
            "FOR XML: query results as XML",
        ),
        (
            "SELECT STUFF((SELECT DISTINCT ',' + name FROM dbo.t FOR XML PATH('')), 1, 1, '')",
            (1, 53),
            "FOR XML",
        ),
        ("SELECT (SELECT ',' + name FROM dbo.t FOR XML PATH('r'))", (1, 38), "FOR XML"),
        ("PRINT DATEPART(month, GETDATE()) + DATEPART(ns, GETDATE())", (1, 36), "DATEPART(ns)"),
        (
            "DECLARE @d DATE = '2024-01-31'\nPRINT DATEDIFF(w, @d, GETDATE())",
            (2, 7),
            "DATEDIFF(W, …) is not emulated",
        ),
        (
            "DECLARE @d DATE = '2024-01-31'\nPRINT CONCAT('at ', DATEADD(hh, 1, @d))",
            (2, 21),
            "DATEADD(HH, …) of a date is not emulated",
        ),
        ("SELECT CAST(1 AS SQL_VARIANT)", (1, 18), "data type SQL_VARIANT"),
        ("PRINT FORMAT(GETDATE(), 'd', 'de-de')", (1, 7), "FORMAT"),
        ("EXEC sp_executesql N'SELECT HASHBYTES(''MD5'', name) FROM dbo.t'", (1, 1), "HASHBYTES()"),
        ("DECLARE c CURSOR SCROLL FOR SELECT 1", (1, 18), "DECLARE CURSOR SCROLL"),
        ("DECLARE c CURSOR FOR SELECT 1 FOR UPDATE", (1, 35), "DECLARE CURSOR ... FOR UPDATE"),
        ("UPDATE dbo.t SET a = 1 WHERE CURRENT OF c", (1, 30), "WHERE CURRENT OF"),
        ("PRINT 1\nGRANT SELECT ON dbo.t TO reporting", (2, 1), "GRANT: the engine has no"),
        ("REVOKE SELECT ON dbo.t FROM reporting", (1, 1), "REVOKE: the engine has no"),
        ("SELECT SQUARE(a), POWER(2, a), POWER(a, 2) FROM dbo.t", (1, 32), "POWER()"),
        ("DENY SELECT ON dbo.t TO reporting", (1, 1), "DENY: permissions that deny"),
        ("DECLARE c CURSOR FOR SELECT 1\nOPEN c\nFETCH PRIOR FROM c", (3, 7), "FETCH PRIOR"),
        (
            "CREATE FUNCTION dbo.f (@ids dbo.IdList READONLY) RETURNS INT AS BEGIN RETURN 1 END",
            (1, 40),
            "@ids READONLY",
        ),
        (
            "CREATE FUNCTION dbo.f() RETURNS INT AS BEGIN DECLARE @a INT = 1 RETURN @a END",
            (1, 1),
            "CREATE FUNCTION dbo.f: only functions",
        ),
    ],
)
def test_the_pass_and_the_interpreter_refuse_at_the_same_place(
    script: str, where: tuple[int, int], words: str
) -> None:
    findings = check_script(script, "t.sql", "duckdb")
    assert [(f.location.line, f.location.column) for f in findings] == [where]
    assert findings[0].message.startswith(words)
    assert findings[0].message.endswith(
        "; duckdb cannot run it faithfully: run it on --engine mssql"
    )
    with DuckDBEngine(None) as engine, pytest.raises(UnsupportedConstruct) as refused:
        engine.run_script(script, Path("t.sql"))
    assert refused.value.location is not None
    assert (refused.value.location.line, refused.value.location.column) == where
    assert str(refused.value).startswith(f"t.sql:{where[0]}:{where[1]}: {words}")


def test_verdicts_are_remembered_by_script_text(monkeypatch: pytest.MonkeyPatch) -> None:
    script = "DECLARE @n INT = 1\nPRINT QUOTENAME(CONCAT(N'x', @n))\n-- remembered"
    first = compat.classify(script, "t.sql", DuckDBEngine.tsql_emulation())

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(compat, "compile_statement", fail)
    assert compat.classify(script, "t.sql", DuckDBEngine.tsql_emulation()) == first == ()


def test_constant_dynamic_sql_is_classified_at_the_exec() -> None:
    script = "PRINT 1\nEXEC sp_executesql N'SELECT BINARY_CHECKSUM(@x)', N'@x INT', @x = 1"
    findings = check_script(script, "t.sql", "postgres")
    assert [(f.location.line, f.location.column) for f in findings] == [(2, 1)]
    assert findings[0].message.startswith("BINARY_CHECKSUM()")
