"""The fail-closed scan: production schema names left where they act as schemas, found
without the locator, and reported by the lint when nothing else stands on their line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.isolation import remap
from etlcheck.isolation.invariant import QUALIFIER, SCHEMA_DDL, STRING, residuals
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.located import Located, Names
from etlcheck.isolation.rewrite import clear_caches

SANDBOX = SandboxConfig({"etl": "poc_etl", "dbo": "poc_dbo"}, ("etl", "dbo"))
NAMES = Names.of(SANDBOX)


def _places(text: str) -> list[tuple[str, str]]:
    return [(r.name, r.place) for r in residuals(text, NAMES)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT * FROM etl.t", [("etl", QUALIFIER)]),
        ("SELECT * FROM [ETL] . [t]", [("ETL", QUALIFIER)]),
        ('SELECT * FROM "dbo"."t"', [("dbo", QUALIFIER)]),
        ("SELECT * FROM Archive.dbo.t", [("dbo", QUALIFIER)]),
        ("DROP SCHEMA IF EXISTS [etl]", [("etl", SCHEMA_DDL)]),
        ("GRANT SELECT ON SCHEMA::dbo TO r", [("dbo", SCHEMA_DDL)]),
        ("SELECT SCHEMA_ID(N'etl')", [("etl", STRING)]),
        ("SELECT OBJECT_ID('[dbo].[t]')", [("dbo", STRING)]),
        ("EXEC ('DROP SCHEMA [etl]')", [("etl", SCHEMA_DDL)]),
        ("SELECT * FROM poc_etl.t WHERE a = 'etl2'", []),
        ("SELECT * FROM tempdb.dbo.sysobjects", []),
        ("PRINT 'dbo.t loaded'", []),
        ("SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'etl'", []),
        ("-- etl.t and DROP SCHEMA etl\nSELECT @etl, #dbo.x FROM poc_dbo.t", []),
        ("SELECT etl FROM poc_dbo.t AS x WHERE x.dbo = 1", []),
    ],
)
def test_the_scan_finds_production_names_in_schema_places(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _places(text) == expected


def test_an_unterminated_script_is_scanned_word_by_word() -> None:
    assert [r.name for r in residuals("SELECT 'x FROM dbo.t", NAMES)] == ["dbo"]


@pytest.fixture
def blind_locator(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A locator that finds nothing: only the last line of defence is left."""
    clear_caches()
    monkeypatch.setattr(remap, "locate", lambda batch, names, cursors: Located())
    yield
    clear_caches()


@pytest.mark.usefixtures("blind_locator")
def test_lint_reports_what_the_locator_missed() -> None:
    text = (
        "DROP SCHEMA [etl];\n"
        "INSERT INTO dbo.Brokers (id) VALUES (1);\n"
        "SELECT 1;\n"
        "DECLARE @s sysname = 'dbo';\n"
    )
    findings = lint_script(text, "s.sql", SANDBOX)
    assert [(f.location.line, f.location.column, f.code) for f in findings] == [
        (1, 13, "residual-reference"),
        (2, 13, "residual-reference"),
        (4, 22, "residual-reference"),
    ]
    assert "'etl' is still written here as a schema DDL" in findings[0].message


def test_a_residual_on_a_line_with_a_finding_is_covered_by_it() -> None:
    findings = lint_script("SELECT * FROM Archive.dbo.t\n", "s.sql", SANDBOX)
    assert [f.code for f in findings] == ["other-database"]
