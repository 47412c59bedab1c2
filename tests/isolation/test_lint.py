"""Lint: clean scripts stay clean, pragmas silence with a reason, the formats carry findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.errors import SourceLocation
from etlcheck.isolation.findings import Finding, format_json, format_sarif, format_text
from etlcheck.isolation.lint import lint_files, lint_script
from etlcheck.isolation.regex import regex_rewrite
from etlcheck.isolation.rewrite import rewrite_script

CLEAN = Path(__file__).parent / "clean"
SANDBOX = SandboxConfig(
    schema_map={"etl": "poc_etl", "dbo": "poc_dbo", "raw_data": "poc_raw_data"},
    protected=("etl", "dbo", "raw_data"),
)
INCIDENT = """IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')
    DROP SCHEMA [etl];
CREATE SCHEMA [etl];
"""


@pytest.mark.parametrize("script", sorted(CLEAN.glob("*.sql")), ids=lambda p: p.stem)
def test_clean_scripts_have_no_findings(script: Path) -> None:
    assert lint_script(script.read_text(), script.name, SANDBOX) == ()


def test_regex_rewrite_leaves_the_incident_in_place() -> None:
    result = regex_rewrite(INCIDENT, "00-schema-setup.sql", SANDBOX)
    assert result.text == INCIDENT
    assert result.changes == ()


def test_regex_rewrite_substitutes_qualified_bare_names_only() -> None:
    text = "SELECT * FROM ETL.t JOIN [etl].u ON 1 = 1 WHERE SCHEMA_ID('etl') > 0"
    result = regex_rewrite(text, "x.sql", SANDBOX)
    assert result.text == "SELECT * FROM poc_etl.t JOIN [etl].u ON 1 = 1 WHERE SCHEMA_ID('etl') > 0"
    assert [str(c) for c in result.changes] == ["x.sql:1:15: ETL. -> poc_etl."]


def test_lint_with_regex_names_the_incident_lines() -> None:
    findings = lint_script(INCIDENT, "00-schema-setup.sql", SANDBOX, rewrite="regex")
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [
        ("production-schema", 1, 51),
        ("production-schema", 2, 17),
        ("production-schema", 3, 15),
    ]


def test_lint_with_regex_maps_columns_back_to_the_original() -> None:
    text = "SELECT * FROM etl.t JOIN [etl].u ON 1 = 1"
    findings = lint_script(text, "x.sql", SANDBOX, rewrite="regex")
    assert [str(f.location) for f in findings] == ["x.sql:1:26"]


def test_lint_with_ast_remap_is_clean_on_the_incident() -> None:
    assert lint_script(INCIDENT, "00-schema-setup.sql", SANDBOX) == ()


def test_no_rewrite_reports_every_production_reference() -> None:
    result = rewrite_script(INCIDENT, "x.sql", SANDBOX, "none")
    assert result.text == INCIDENT
    findings = lint_script(INCIDENT, "x.sql", SANDBOX, rewrite="none")
    assert {f.code for f in findings} == {"production-schema"}


def test_pragma_needs_a_reason() -> None:
    text = "-- etlcheck: allow\nSELECT * FROM Archive.dbo.t;\n"
    (finding,) = lint_script(text, "x.sql", SANDBOX)
    assert finding.allowed is None


def test_pragma_on_the_same_line() -> None:
    text = "EXEC(@sql); -- etlcheck: allow built from a fixed list of table names\n"
    (finding,) = lint_script(text, "x.sql", SANDBOX)
    assert finding.code == "dynamic-sql"
    assert finding.allowed == "built from a fixed list of table names"


def test_pragma_two_lines_above_does_not_count() -> None:
    text = "-- etlcheck: allow old\n\nEXEC(@sql);\n"
    (finding,) = lint_script(text, "x.sql", SANDBOX)
    assert finding.allowed is None


def test_read_only_schema_is_allowed() -> None:
    sandbox = SandboxConfig(SANDBOX.schema_map, SANDBOX.protected, read_only=("ref",))
    assert lint_script("SELECT * FROM ref.countries;", "x.sql", sandbox) == ()
    assert lint_script("SELECT * FROM ref.countries;", "x.sql", SANDBOX) != ()


def test_unqualified_name_is_reported_when_default_schema_has_no_sandbox() -> None:
    sandbox = SandboxConfig({"etl": "poc_etl"}, ("etl",), default_schema="dbo")
    (finding,) = lint_script("SELECT * FROM Brokers;", "x.sql", sandbox)
    assert (finding.code, str(finding.location)) == ("unqualified-name", "x.sql:1:15")


def test_lint_files_reads_folders(tmp_path: Path) -> None:
    (tmp_path / "a.sql").write_text("SELECT * FROM sales.orders;")
    (tmp_path / "b.sql").write_text("SELECT 1;")
    report = lint_files([tmp_path], SANDBOX)
    assert len(report.scripts) == 2
    assert [f.code for f in report.findings] == ["unmapped-schema"]
    assert report.exit_code == 1


FINDINGS = (
    Finding(SourceLocation("sql/a.sql", 3, 7), "dynamic-sql", "EXEC runs SQL", "use constants"),
    Finding(SourceLocation("sql/b.sql", 1, 1), "use-database", "USE", "", allowed="ok here"),
)


def test_text_format_is_one_line_per_finding() -> None:
    assert format_text(FINDINGS).splitlines() == [
        "sql/a.sql:3:7: dynamic-sql: EXEC runs SQL",
        "sql/b.sql:1:1: use-database: USE (allowed: ok here)",
    ]


def test_json_format() -> None:
    data = json.loads(format_json(FINDINGS))
    assert data["unsilenced"] == 1
    assert data["findings"][0]["line"] == 3
    assert data["findings"][1]["allowed"] == "ok here"


def test_sarif_format() -> None:
    data = json.loads(format_sarif(FINDINGS))
    assert data["version"] == "2.1.0"
    results = data["runs"][0]["results"]
    assert results[0]["ruleId"] == "dynamic-sql"
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 7}
    assert results[1]["suppressions"][0]["justification"] == "ok here"
    rule_ids = {rule["id"] for rule in data["runs"][0]["tool"]["driver"]["rules"]}
    assert {"dynamic-sql", "use-database"} <= rule_ids


def test_lint_results_come_back_from_the_work_cache_for_the_same_inputs_only(
    tmp_path: Path,
) -> None:
    from etlcheck import workcache

    dynamic = "EXEC(N'DELETE FROM ' + @target);\n"
    found = lint_script(dynamic, "a.sql", SANDBOX)
    assert [(f.code, str(f.location), f.allowed) for f in found] == [
        ("dynamic-sql", "a.sql:1:1", None)
    ]
    memo = workcache.registered_tables()["isolation.lint"]
    saved = dict(memo)
    try:
        workcache.save(tmp_path)
        memo.clear()  # a new process
        workcache.load(tmp_path)
        assert lint_script(dynamic, "a.sql", SANDBOX) == found
        allowed = "-- etlcheck: allow built from a constant\n" + dynamic
        assert [f.allowed for f in lint_script(allowed, "a.sql", SANDBOX)] == [
            "built from a constant"
        ]
        elsewhere = lint_script(dynamic, "b.sql", SANDBOX)
        assert [str(f.location) for f in elsewhere] == ["b.sql:1:1"]
        reading = SandboxConfig(
            schema_map={"etl": "poc_etl"}, protected=("etl",), read_only=("dbo",)
        )
        assert lint_script("SELECT * FROM dbo.t;\n", "a.sql", reading) == ()
        unmapped = SandboxConfig(schema_map={"etl": "poc_etl"}, protected=("etl",))
        assert [f.code for f in lint_script("SELECT * FROM dbo.t;\n", "a.sql", unmapped)] == [
            "unmapped-schema"
        ]
    finally:
        memo.clear()
        memo.update(saved)


@pytest.mark.parametrize(
    ("call", "column"),
    [
        ("EXEC [sys].[sp_executesql] @sql;", 12),
        ("EXEC sys.[sp_executeSQL] @stmt = @sql;", 10),
        ("EXEC sp_sqlexec @sql;", 6),
        ("EXEC sp_MSforeachtable 'DELETE FROM ?';", 6),
        ("EXEC [dbo].[sp_MSforeachdb] N'USE ?; PRINT 1';", 12),
        ("EXEC xp_cmdshell 'bcp out';", 6),
        ("EXEC sp_prepexec @handle OUTPUT, NULL, @sql;", 6),
    ],
)
def test_every_procedure_that_runs_sql_text_is_dynamic_sql(call: str, column: int) -> None:
    """Bracketed, they passed as if they ran nothing (a production index was made and a
    foreign key dropped through ``[sys].[sp_executesql]``, and lint said 0 findings). The
    text is built at run time: a variable holding only constants is constant SQL."""
    text = f"DECLARE @sql NVARCHAR(MAX) = CONCAT(N'', @@SPID);\n{call}\n"
    findings = lint_script(text, "x.sql", SANDBOX)
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [
        ("dynamic-sql", 2, column)
    ]


def test_a_constant_statement_through_bracketed_sp_executesql_is_no_finding() -> None:
    assert lint_script("EXEC [sys].[sp_executesql] N'SELECT 1';", "x.sql", SANDBOX) == ()


@pytest.mark.parametrize(
    "hiding",
    [
        "PRINT N'-- etlcheck: allow nothing to see here';\nEXEC (@sql);",
        "/* -- etlcheck: allow nothing to see here */\nEXEC (@sql);",
        "SET @sql = N'SELECT 1 -- etlcheck: allow nothing'; EXEC (@sql);",
    ],
)
def test_a_pragma_counts_only_in_a_comment(hiding: str) -> None:
    """In a string or a block comment it silenced the dynamic-sql finding on the next line."""
    text = f"DECLARE @sql NVARCHAR(MAX) = CONCAT(N'', @@SPID);\n{hiding}\n"
    findings = lint_script(text, "x.sql", SANDBOX)
    assert [(f.code, f.allowed) for f in findings] == [("dynamic-sql", None)]
    allowed = lint_script(
        f"{text}EXEC (@sql); -- etlcheck: allow built from a list\n", "x.sql", SANDBOX
    )
    assert [f.allowed for f in allowed] == [None, "built from a list"]
