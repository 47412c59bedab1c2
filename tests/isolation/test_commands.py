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
