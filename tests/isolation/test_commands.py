"""The lint and remap subcommands, driven through their own argparse parsers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from etlcheck.config import Config, SandboxConfig
from etlcheck.errors import ScriptError
from etlcheck.isolation.commands import add_lint_parser, add_remap_parser

SCRIPT = "IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl')\n    DROP SCHEMA [etl];\n"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    sandbox = SandboxConfig({"etl": "poc_etl", "dbo": "poc_dbo"}, ("etl", "dbo"))
    return Config(tmp_path / "etlcheck.toml", "t", tmp_path / "sql", (), sandbox)


def _run(config: Config, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="etlcheck")
    subparsers = parser.add_subparsers()
    add_lint_parser(subparsers)
    add_remap_parser(subparsers)
    args = parser.parse_args(argv)
    return int(args.handler(args, config))


def test_remap_prints_the_script_as_it_will_run(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "00-schema-setup.sql"
    script.write_text(SCRIPT)
    assert _run(config, "remap", str(script)) == 0
    assert capsys.readouterr().out == SCRIPT.replace("'etl'", "'poc_etl'").replace(
        "[etl]", "[poc_etl]"
    )


def test_remap_changes_report(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "s.sql"
    script.write_text(SCRIPT)
    assert _run(config, "remap", str(script), "--changes") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "'etl' -> 'poc_etl'",
        "[etl] -> [poc_etl]",
    ]
    assert lines[0].endswith(":1:51: 'etl' -> 'poc_etl'")


def test_remap_missing_file_is_a_script_error(config: Config, tmp_path: Path) -> None:
    with pytest.raises(ScriptError) as caught:
        _run(config, "remap", str(tmp_path / "nope.sql"))
    assert caught.value.exit_code == 2
    assert "nope.sql" in str(caught.value)


def test_lint_exit_codes(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "s.sql"
    script.write_text(SCRIPT)
    assert _run(config, "lint", str(script)) == 0
    assert _run(config, "lint", str(script), "--rewrite", "regex") == 1
    out = capsys.readouterr().out
    assert "s.sql:2:17: production-schema:" in out


def test_lint_sarif_to_file(config: Config, tmp_path: Path) -> None:
    script = tmp_path / "s.sql"
    script.write_text("EXEC(@sql);\n")
    output = tmp_path / "out" / "lint.sarif"
    assert _run(config, "lint", str(script), "--format", "sarif", "--output", str(output)) == 1
    data = json.loads(output.read_text())
    assert data["runs"][0]["results"][0]["ruleId"] == "dynamic-sql"


def test_lint_summary_counts_findings_by_class(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "s.sql"
    script.write_text("EXEC(@sql);\nEXEC etl.load @schema = N'dbo';\nEXEC(@other);\n")
    assert _run(config, "lint", str(script)) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "1 script, 3 findings (2 dynamic-sql, 1 procedure-argument) (rewrite: ast)"


def test_a_remap_that_breaks_a_statement_is_an_error(
    config: Config,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from etlcheck.errors import SourceLocation
    from etlcheck.isolation import commands
    from etlcheck.isolation.findings import Finding
    from etlcheck.isolation.remap import RemapResult

    def breaking(text: str, path: Path | str, sandbox: SandboxConfig, mode: str) -> RemapResult:
        where = SourceLocation(path, 1, 1)
        return RemapResult(text, (), (Finding(where, "remap-broke-statement", "parses as X"),))

    script = tmp_path / "s.sql"
    script.write_text("SELECT a FROM etl.t\n")
    monkeypatch.setattr(commands, "rewrite_script", breaking)
    assert _run(config, "remap", str(script)) == 1
    captured = capsys.readouterr()
    assert captured.out == "SELECT a FROM etl.t\n"
    assert captured.err == f"error: {script}:1:1: remap-broke-statement: parses as X\n"


def test_shape_problems_name_the_statement_that_parses_differently() -> None:
    from etlcheck.isolation.located import Names
    from etlcheck.isolation.remap import shape_problems

    names = Names.of(SandboxConfig({"etl": "poc_etl"}, ("etl",)))
    old = "SELECT a FROM etl.t;\nDELETE FROM etl.t WHERE a = 1;\n"
    new = "SELECT a FROM poc_etl.t;\nDELETE FROM poc_etl.t WHERE a = 1 OR 2 = 2;\n"
    ((offset, code, message, _),) = shape_problems(old, new, names)
    assert (offset, code) == (old.index("DELETE"), "remap-broke-statement")
    assert message.startswith("the remapped statement parses differently (Delete before")
    assert shape_problems(old, old.replace("etl.", "poc_etl."), names) == []
