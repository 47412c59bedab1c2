"""DBCC CHECKIDENT's table in the remap and the lint: a one-part name becomes the sandbox's
name as a string (DBCC reads a two-part name only as one), a qualified name gets the
sandbox schema, and a table named in a variable is a finding, as no remap can prove it."""

from __future__ import annotations

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.rewrite import rewrite_script

SANDBOX = SandboxConfig(schema_map={"x": "poc_x", "dbo": "poc_dbo"}, protected=("x", "dbo"))


def test_a_table_named_in_a_variable_stays_a_finding() -> None:
    script = (
        "DECLARE @t SYSNAME = (SELECT TOP (1) name FROM sys.tables);\n"
        "DBCC CHECKIDENT (@t, RESEED, 0);\n"
    )
    findings = lint_script(script, "t.sql", SANDBOX)
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [
        ("procedure-argument", 2, 18)
    ]


@pytest.mark.parametrize(
    ("written", "remapped"),
    [
        ("DBCC CHECKIDENT ([t])", "DBCC CHECKIDENT (N'[poc_dbo].[t]')"),
        (
            "DBCC CHECKIDENT (Customer, RESEED, 0) WITH NO_INFOMSGS",
            "DBCC CHECKIDENT (N'poc_dbo.Customer', RESEED, 0) WITH NO_INFOMSGS",
        ),
        # The string is patched once, as a string, not also as a name.
        (
            "DBCC CHECKIDENT('t', RESEED, 0);\nDBCC CHECKIDENT(t)",
            "DBCC CHECKIDENT('poc_dbo.t', RESEED, 0);\nDBCC CHECKIDENT(N'poc_dbo.t')",
        ),
        ("DBCC CHECKTABLE (t)", "DBCC CHECKTABLE (N'poc_dbo.t')"),
    ],
)
def test_the_remap_names_the_sandbox_table_in_a_form_dbcc_reads(
    written: str, remapped: str
) -> None:
    # A one-part name becomes a string: DBCC reads a two-part name only as one.
    assert rewrite_script(written, "t.sql", SANDBOX, "ast").text == remapped
    assert lint_script(written, "t.sql", SANDBOX) == ()
