"""The command line: help, and one clear line with exit code 2 for each kind of bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etlcheck.cli import main

MINI = Path(__file__).parent / "runner" / "mini"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(MINI, tmp_path / "mini")
    monkeypatch.chdir(tmp_path / "mini")
    return tmp_path / "mini"


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    return err[0]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "lint", "remap", "setup", "reset"):
        assert command in out


@pytest.mark.parametrize("command", ["run", "lint", "remap", "setup", "reset"])
def test_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "--config" in out and "usage: etlcheck" in out


def test_run_help_names_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = capsys.readouterr().out
    for option in ("--engine", "--scale", "--db", "--from", "--until", "--phase", "--resume"):
        assert option in out


def test_unknown_config_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "etlcheck.toml"
    config.write_text(config.read_text().replace("[sandbox]", "[sandbox]\nschemaz = 1"))
    assert main(["run"]) == 2
    line = one_error_line(capsys)
    assert f"{config}:5:1: unknown key 'schemaz' in [sandbox]" in line


def test_unknown_engine(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--engine", "oracle"]) == 2
    line = one_error_line(capsys)
    assert "unknown engine 'oracle'" in line and "duckdb" in line


def test_scale_not_a_number(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--scale", "lots"]) == 2
    assert "scale 'lots' is neither" in one_error_line(capsys)


def test_missing_script(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "sql" / "10-load.sql").unlink()
    assert main(["run"]) == 2
    line = one_error_line(capsys)
    assert "10-load.sql" in line and "does not exist" in line


def test_missing_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["run"]) == 2
    assert "no etlcheck.toml found" in one_error_line(capsys)


def test_usage_error_exit_code() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "etlcheck.cli", "run", "--rewrite", "sed"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "invalid choice: 'sed'" in done.stderr


def test_sqlglot_warnings_do_not_reach_the_terminal(tmp_path: Path) -> None:
    """Statements sqlglot reads as a Command, or with hints it drops, used to print its
    warnings on stderr between etlcheck's own lines."""
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "01-load.sql").write_text(
        "CREATE TABLE dbo.t (a INT);\nALTER INDEX ALL ON dbo.t REBUILD;\n"
        "SELECT a FROM dbo.t OPTION (RECOMPILE);\nALTER INDEX ix ON dbo.t DISABLE;\n",
        "utf-8",
    )
    (tmp_path / "etlcheck.toml").write_text(
        '[project]\nname = "quiet"\n[sandbox]\nschemas = { dbo = "sbx_dbo" }\n'
        '[[phases]]\nname = "load"\nscripts = ["01-load.sql"]\n',
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "etlcheck.cli", "lint", "--engine", "duckdb"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ALTER INDEX … DISABLE" in done.stdout
    assert "Falling back" not in done.stderr and "Unsupported query option" not in done.stderr
