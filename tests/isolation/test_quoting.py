"""Every name etlcheck writes into SQL is quoted by T-SQL's rules, never pasted: a sandbox
name built to inject SQL stays one identifier (or one string) wherever it is written.

The configuration refuses such names when it loads; these tests build ``SandboxConfig``
directly, so that even an unchecked name cannot inject.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.isolation.quoting import bracketed, identifier_like, is_plain
from etlcheck.isolation.regex import regex_rewrite
from etlcheck.isolation.remap import remap_script
from etlcheck.isolation.sandbox import setup_sandbox
from etlcheck.tsql.statements import read_batch
from etlcheck.tsql.tokens import STRINGS, SplitError, tokenize

EVIL = "x]; DROP TABLE dbo.Brokers; --"
QUOTE_EVIL = "x'; DROP TABLE dbo.Brokers; --"
DOUBLE_EVIL = 'x"; DROP TABLE dbo.Brokers; --'


def _sandbox(target: str) -> SandboxConfig:
    return SandboxConfig({"etl": target, "dbo": "poc_dbo"}, ("etl", "dbo"))


def _statement_words(text: str) -> list[str]:
    reading = read_batch(text)
    return [span.word for span in reading.spans]


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("poc_etl", "poc_etl"),
        ("select", "[select]"),
        ("1st", "[1st]"),
        ("has space", "[has space]"),
        (EVIL, "[x]]; DROP TABLE dbo.Brokers; --]"),
    ],
)
def test_a_bare_name_is_bracketed_unless_plain(name: str, written: str) -> None:
    assert identifier_like("etl", name) == written
    assert is_plain(name) == (written == name)


def test_brackets_and_quotes_escape_their_closing_character() -> None:
    assert bracketed(EVIL) == "[x]]; DROP TABLE dbo.Brokers; --]"
    assert identifier_like('"etl"', DOUBLE_EVIL) == '"x""; DROP TABLE dbo.Brokers; --"'
    (token,) = tokenize(identifier_like('"etl"', DOUBLE_EVIL))
    assert token.text == DOUBLE_EVIL


@pytest.mark.parametrize(
    "script",
    [
        "DROP SCHEMA [etl]",
        "DROP SCHEMA etl",
        'DROP SCHEMA "etl"',
        "DROP TABLE etl.t",
        "DROP TABLE [etl].[t]",
        "DROP TABLE IF EXISTS t",
        "EXEC sp_rename N'etl.t', N'u'",
        "EXEC ('DROP TABLE etl.t')",
        "EXEC sp_addextendedproperty N'd', N'v', N'SCHEMA', etl, N'TABLE', N't'",
    ],
)
@pytest.mark.parametrize("target", [EVIL, QUOTE_EVIL, DOUBLE_EVIL])
def test_an_injected_sandbox_name_stays_one_name(script: str, target: str) -> None:
    sandbox = SandboxConfig({"etl": target, "dbo": target + "2"}, ("etl", "dbo"))
    result = remap_script(script, "s.sql", sandbox)
    assert result.text != script
    assert _statement_words(result.text) == _statement_words(script)
    assert {target, target + "2"} & _names_written(result.text)
    assert not any(f.code == "remap-broke-statement" for f in result.findings)


def _names_written(text: str) -> set[str]:
    """Every single token's text, also of the SQL or names held in string literals."""
    found: set[str] = set()
    for token in tokenize(text):
        found.add(token.text)
        if token.token_type in STRINGS:
            try:
                found |= _names_written(token.text)
            except SplitError:
                continue
    return found


def test_a_schema_name_in_a_string_doubles_its_quotes() -> None:
    result = remap_script("SELECT SCHEMA_ID('etl')", "s.sql", _sandbox(QUOTE_EVIL))
    assert result.text == "SELECT SCHEMA_ID('x''; DROP TABLE dbo.Brokers; --')"


def test_an_object_name_in_a_message_is_remapped_but_its_text_is_not() -> None:
    script = "PRINT CONCAT(N'etl.Batch is ', IDENT_CURRENT('etl.Batch'), OBJECT_ID(N'etl.Batch'))"
    result = remap_script(script, "s.sql", _sandbox("poc_etl"))
    assert result.text == (
        "PRINT CONCAT(N'etl.Batch is ', IDENT_CURRENT('poc_etl.Batch'), "
        "OBJECT_ID(N'poc_etl.Batch'))"
    )


def test_the_regex_rewrite_quotes_too() -> None:
    result = regex_rewrite("DELETE FROM etl.t", "s.sql", _sandbox(EVIL))
    assert result.text == "DELETE FROM [x]]; DROP TABLE dbo.Brokers; --].t"


def test_an_injected_name_cannot_drop_a_table_on_duckdb() -> None:
    """The issue's reproduction: the remapped setup script ran the injected DROP TABLE."""
    sandbox = _sandbox(EVIL)
    script = (
        "IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')\n"
        "    DROP SCHEMA [etl];\nGO\nCREATE SCHEMA etl;\nGO\n"
        "CREATE TABLE etl.t (id INT);\nINSERT INTO [etl].t (id) VALUES (1);\n"
        "EXEC ('INSERT INTO etl.t (id) VALUES (2)');\n"
    )
    remapped = remap_script(script, "setup.sql", sandbox)
    with DuckDBEngine(None) as engine:
        engine.execute("CREATE TABLE dbo.Brokers (id INT)")
        engine.execute("INSERT INTO dbo.Brokers VALUES (7)")
        assert setup_sandbox(engine, sandbox) == [EVIL, "poc_dbo"]
        engine.run_script(remapped.text, Path("setup.sql"))
        assert engine.query("SELECT id FROM dbo.Brokers").rows == [(7,)]
        quoted = engine.quote(EVIL)
        assert engine.query(f"SELECT id FROM {quoted}.t ORDER BY id").rows == [(1,), (2,)]
        assert EVIL in engine.schemas()
