"""etlcheck.toml is checked against its schema when it loads: each mistake is one line at
the file:line:col of the key or value at fault, exit 2, and nothing runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.config import load_config

BASE = """\
[project]
name = "demo"

[sandbox]
schemas = { etl = "poc_etl" }
protected = ["etl"]

[sample]
seed = 7

[[phases]]
name = "one"
budget_seconds = 5
scripts = ["a.sql"]

[[phases]]
name = "two"
budget_seconds = 5
scripts = ["b.sql"]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "sql").mkdir()
    for name in ("a.sql", "b.sql"):
        (tmp_path / "sql" / name).write_text("SELECT 1;\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def error_line(project: Path, text: str | bytes, capsys: pytest.CaptureFixture[str]) -> str:
    path = project / "etlcheck.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    assert main(["run", "--db", ":memory:"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in captured.err and captured.out == ""
    assert not (project / "reports").exists() and not (project / ".etlcheck").exists()
    return lines[0].removeprefix("etlcheck: error: ")


def test_the_base_configuration_loads(project: Path) -> None:
    (project / "etlcheck.toml").write_text(BASE, encoding="utf-8")
    config = load_config()
    assert config.sandbox.protected == ("etl",)
    assert [p.budget_seconds for p in config.phases] == [5.0, 5.0]


def test_protected_as_a_string_is_refused(project: Path, capsys) -> None:
    line = error_line(project, BASE.replace('protected = ["etl"]', 'protected = "etl"'), capsys)
    assert line.startswith(f"{project / 'etlcheck.toml'}:6:13: [sandbox] protected must be a list")


def test_seed_not_a_number(project: Path, capsys) -> None:
    line = error_line(project, BASE.replace("seed = 7", 'seed = "abc"'), capsys)
    assert line.startswith(f"{project / 'etlcheck.toml'}:9:8: [sample] seed must be a whole number")


def test_schemas_as_a_string(project: Path, capsys) -> None:
    text = BASE.replace('schemas = { etl = "poc_etl" }', 'schemas = "poc"')
    line = error_line(project, text, capsys)
    assert line.startswith(f"{project / 'etlcheck.toml'}:5:11: [sandbox] schemas must be a table")


@pytest.mark.parametrize("key", ["sql_dir", "report_dir"])
def test_a_folder_key_naming_a_file(project: Path, key: str, capsys) -> None:
    (project / "notes.txt").write_text("x", encoding="utf-8")
    section = "[project]\n" if key == "sql_dir" else "[run]\n"
    text = BASE.replace('name = "demo"\n', 'name = "demo"\n', 1)
    text = (
        text.replace(section, f'{section}{key} = "notes.txt"\n', 1)
        if key == "sql_dir"
        else (text + f'\n[run]\n{key} = "notes.txt"\n')
    )
    line = error_line(project, text, capsys)
    where = "2:11" if key == "sql_dir" else "22:14"
    assert f"etlcheck.toml:{where}" in line and "is a file, not a folder" in line, line


def test_a_latin1_configuration(project: Path, capsys) -> None:
    line = error_line(project, BASE.replace('"demo"', '"d\xe9mo"').encode("latin-1"), capsys)
    assert line == (
        f"{project / 'etlcheck.toml'}:2:10: not UTF-8: byte 0xe9 cannot be read "
        "(save the file as UTF-8)"
    )


def test_a_type_error_in_the_second_phase_is_reported_at_its_line(project: Path, capsys) -> None:
    text = BASE.replace('name = "two"\nbudget_seconds = 5', 'name = "two"\nbudget_seconds = "x"')
    line = error_line(project, text, capsys)
    assert line.startswith(
        f"{project / 'etlcheck.toml'}:18:18: [[phases]] 2 budget_seconds must be a number"
    )


def test_a_sandbox_name_that_is_not_a_plain_identifier(project: Path, capsys) -> None:
    text = BASE.replace('{ etl = "poc_etl" }', '{ etl = "x]; DROP TABLE dbo.Brokers; --" }')
    line = error_line(project, text, capsys)
    assert line.startswith(f"{project / 'etlcheck.toml'}:5:19: [sandbox] schemas.etl: ")
    assert "is not a plain identifier" in line


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('protected = ["etl"]', 'protected = ["etl", "e-tl"]', "6:21"),
        ('protected = ["etl"]', 'protected = ["etl"]\nread_only = ["ref;x"]', "7:14"),
        ('protected = ["etl"]', 'protected = ["etl"]\nstate_schema = "a b"', "7:16"),
        ('{ etl = "poc_etl" }', '{ "e]tl" = "poc_etl" }', "5:13"),
    ],
)
def test_protected_and_read_only_names_must_be_plain(
    project: Path, old: str, new: str, where: str, capsys
) -> None:
    line = error_line(project, BASE.replace(old, new), capsys)
    assert f"etlcheck.toml:{where}: " in line and "is not a plain identifier" in line, line


def test_an_unknown_key_in_the_second_phase(project: Path, capsys) -> None:
    text = BASE.replace('name = "two"', 'name = "two"\nbudget = 3')
    line = error_line(project, text, capsys)
    assert line.startswith(
        f"{project / 'etlcheck.toml'}:18:1: unknown key 'budget' in [[phases]] 2"
    )
    assert "allowed keys: budget_seconds, name, scripts, steps, title" in line


def test_an_unknown_key_in_a_seed_source_lists_the_keys_of_its_kind(project: Path, capsys) -> None:
    text = BASE + '\n[[seed.sources]]\nkind = "ddl"\npath = "sql"\nrows = 5\n'
    line = error_line(project, text, capsys)
    assert line.startswith(
        f"{project / 'etlcheck.toml'}:24:1: unknown key 'rows' in [[seed.sources]] 1"
    ), line
    assert line.endswith("(allowed keys: kind, path)"), line


def test_a_seed_source_of_an_unknown_kind(project: Path, capsys) -> None:
    text = BASE + '\n[[seed.sources]]\nkind = "excel"\npath = "x"\n'
    line = error_line(project, text, capsys)
    assert line.startswith(
        f"{project / 'etlcheck.toml'}:22:8: [[seed.sources]] 1 kind 'excel' is none of"
    )
    assert "'ddl', 'files', 'sample', 'database'" in line


def test_a_seed_source_whose_path_is_missing(project: Path, capsys) -> None:
    text = BASE + '\n[seed]\nsources = [{ kind = "files", path = "data" }]\n'
    line = error_line(project, text, capsys)
    assert line.startswith(f"{project / 'etlcheck.toml'}:22:37: seed source 1 (files): data does")


def test_max_rows_must_be_positive(project: Path, capsys) -> None:
    line = error_line(project, BASE + "\n[seed]\nmax_rows = 0\n", capsys)
    assert line.startswith(f"{project / 'etlcheck.toml'}:22:12: [seed] max_rows must be greater")
