"""Schema references in shapes SQL Server code has that the remap once left pointing at
production, or rewrote into something else, without a finding: each is now remapped the
way SQL Server resolves it, or reported."""

from __future__ import annotations

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.rewrite import rewrite_script

SANDBOX = SandboxConfig(schema_map={"etl": "poc_etl", "dbo": "poc_dbo"}, protected=("etl", "dbo"))


def _codes(script: str) -> list[tuple[str, int]]:
    return [(f.code, f.location.line) for f in lint_script(script, "t.sql", SANDBOX)]


def _remapped(script: str) -> str:
    return rewrite_script(script, "t.sql", SANDBOX, "ast").text


@pytest.mark.parametrize(
    ("written", "remapped"),
    [
        # Schema-scoped objects of kinds the grammar did not know: unqualified, they were
        # created and dropped in production's default schema.
        ("CREATE RULE r AS @x > 0", "CREATE RULE poc_dbo.r AS @x > 0"),
        ("CREATE DEFAULT d AS 0", "CREATE DEFAULT poc_dbo.d AS 0"),
        ("DROP RULE IF EXISTS r", "DROP RULE IF EXISTS poc_dbo.r"),
        ("DROP DEFAULT d", "DROP DEFAULT poc_dbo.d"),
        ("CREATE QUEUE q", "CREATE QUEUE poc_dbo.q"),
        ("CREATE SERVICE [//s] ON QUEUE q", "CREATE SERVICE [//s] ON QUEUE poc_dbo.q"),
        ("DROP SECURITY POLICY IF EXISTS p", "DROP SECURITY POLICY IF EXISTS poc_dbo.p"),
        ("DROP AGGREGATE a", "DROP AGGREGATE poc_dbo.a"),
        ("DROP EXTERNAL TABLE x", "DROP EXTERNAL TABLE poc_dbo.x"),
        (
            "CREATE XML SCHEMA COLLECTION c AS N'<x/>'",
            "CREATE XML SCHEMA COLLECTION poc_dbo.c AS N'<x/>'",
        ),
        # A securable class spelled in words is no object to qualify...
        (
            "GRANT CONTROL ON SYMMETRIC KEY::k TO r",
            "GRANT CONTROL ON SYMMETRIC KEY::k TO r",
        ),
        # ... and an XML schema collection after its class is one.
        (
            "GRANT EXECUTE ON XML SCHEMA COLLECTION::c TO r",
            "GRANT EXECUTE ON XML SCHEMA COLLECTION::poc_dbo.c TO r",
        ),
        # DENY and REVOKE in CREATE SCHEMA name the new schema's objects.
        (
            "CREATE SCHEMA etl CREATE TABLE t (a INT)"
            " DENY SELECT ON t TO r REVOKE UPDATE ON t FROM r",
            "CREATE SCHEMA poc_etl CREATE TABLE t (a INT)"
            " DENY SELECT ON t TO r REVOKE UPDATE ON t FROM r",
        ),
        # The older DROP forms name the table (default schema) and its index or statistics.
        ("DROP INDEX t.ix", "DROP INDEX poc_dbo.t.ix"),
        ("DROP STATISTICS t.s, etl.u.s", "DROP STATISTICS poc_dbo.t.s, poc_etl.u.s"),
        # sp_bindefault's column: a table of the default schema, then the column.
        (
            "EXEC sp_bindefault 'poc_dbo.d', 'Policies.Premium'",
            "EXEC sp_bindefault 'poc_dbo.d', 'poc_dbo.Policies.Premium'",
        ),
    ],
)
def test_the_remap_names_the_sandbox_object(written: str, remapped: str) -> None:
    assert _remapped(written) == remapped
    assert _codes(written) == []


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("DBCC CHECKIDENT ([etl.t], RESEED, 0)", [("procedure-argument", 1)]),
        ("EXEC sp_rename 'Warehouse', 'Old', 'DATABASE'", [("database-ddl", 1)]),
        ("EXEC sp_rename 't', 'x', 'SCHEMA'", [("procedure-argument", 1)]),
        ("EXEC sp_adduser 'reader'", [("database-ddl", 1)]),
        ("EXEC sp_addtype 'phone', 'varchar(20)'", [("database-ddl", 1)]),
        ("EXEC sp_updatestats", [("database-ddl", 1)]),
        ("EXEC sp_bindrule 'poc_dbo.r', 'PolicyNumber'", [("procedure-argument", 1)]),
        (
            "SELECT * FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA LIKE 'et%'",
            [("schema-in-string", 1)],
        ),
        # A column whose name says it holds a schema's name is no table's or column's.
        (
            "SELECT 1 FROM sys.sql_expression_dependencies WHERE referenced_schema_name = 'etl'",
            [("schema-in-string", 1)],
        ),
        (
            "CREATE SCHEMA AUTHORIZATION dbo CREATE TABLE t (a INT)",
            [("unparsed-statement", 1)],
        ),
    ],
)
def test_what_no_remap_can_prove_is_a_finding(script: str, expected: list[tuple[str, int]]) -> None:
    assert _codes(script) == expected


def test_a_delimited_dotted_name_given_to_dbcc_is_left_as_written() -> None:
    script = "DBCC CHECKIDENT ([etl.t])"
    assert _remapped(script) == script


def test_a_like_pattern_on_table_names_is_no_schema() -> None:
    assert _codes("SELECT name FROM sys.tables WHERE name LIKE 'etl%'") == []


@pytest.mark.parametrize(
    ("written", "remapped"),
    [
        (
            "DECLARE @p PhoneType, @t TABLE (a PhoneType)",
            "DECLARE @p poc_dbo.PhoneType, @t TABLE (a poc_dbo.PhoneType)",
        ),
        (
            "CREATE TABLE etl.t (a PhoneType NULL)",
            "CREATE TABLE poc_etl.t (a poc_dbo.PhoneType NULL)",
        ),
        ("PRINT CONVERT(PhoneType, @v)", "PRINT CONVERT(poc_dbo.PhoneType, @v)"),
        (
            "SELECT CAST(@v AS PhoneType) AS PhoneType",
            "SELECT CAST(@v AS poc_dbo.PhoneType) AS PhoneType",
        ),
        (
            "CREATE PROCEDURE etl.p @rows id_list READONLY, @n INT OUTPUT AS SELECT 1",
            "CREATE PROCEDURE poc_etl.p @rows poc_dbo.id_list READONLY, @n INT OUTPUT AS SELECT 1",
        ),
        (
            "CREATE FUNCTION etl.f (@a PhoneType) RETURNS PhoneType AS BEGIN RETURN @a END",
            "CREATE FUNCTION poc_etl.f (@a poc_dbo.PhoneType) RETURNS poc_dbo.PhoneType AS BEGIN"
            " RETURN @a END",
        ),
        ("DECLARE @s sysname, @c CURSOR", "DECLARE @s sysname, @c CURSOR"),
        # A variable read in an expression is not being declared.
        (
            "DECLARE @rows INT = @@ROWCOUNT, @p PhoneType = @q",
            "DECLARE @rows INT = @@ROWCOUNT, @p poc_dbo.PhoneType = @q",
        ),
    ],
)
def test_a_user_type_without_schema_gets_the_sandbox_one(written: str, remapped: str) -> None:
    # SQL Server looks an unqualified type up in the default schema, then dbo.
    assert _remapped(written) == remapped
    assert _codes(written) == []


def test_an_xml_schema_collection_without_schema_is_a_finding() -> None:
    assert _codes("DECLARE @x XML(CONTENT PolicySchema)") == [("unqualified-name", 1)]
