"""A script in sql/ that no phase lists is neither linted nor run: lint and run say so in
one note, and count nothing that seeds the database or that etlcheck writes."""

from __future__ import annotations

from pathlib import Path

from etlcheck.config import load_config
from etlcheck.unlisted import unlisted_note, unlisted_scripts
from tests.gate.conftest import run_etlcheck

DROP_PRODUCTION = "DROP TABLE dbo.Brokers;\n"
"""What a forgotten script could hold: nothing about it would be checked."""


def test_every_script_listed_gives_no_note(brokerage: Path) -> None:
    config = load_config(brokerage / "etlcheck.toml")
    assert unlisted_scripts(config) == []
    assert unlisted_note(config) is None


def test_forgotten_scripts_are_named_and_the_rest_left_out(brokerage: Path) -> None:
    sql = brokerage / "sql"
    (sql / "99-cleanup.sql").write_text(DROP_PRODUCTION, "utf-8")
    (sql / "archive").mkdir()
    (sql / "archive" / "old-load.SQL").write_text("SELECT 1;\n", "utf-8")
    for ignored in (".git", ".venv", "node_modules"):
        (sql / ignored).mkdir()
        (sql / ignored / "x.sql").write_text("SELECT 1;\n", "utf-8")
    config = load_config(brokerage / "etlcheck.toml")

    assert unlisted_scripts(config) == [sql / "99-cleanup.sql", sql / "archive" / "old-load.SQL"]
    assert unlisted_note(config) == (
        "note: 2 scripts are in no phase of etlcheck.toml, so neither linted nor run: "
        "sql/99-cleanup.sql, sql/archive/old-load.SQL (list them in a phase, or move them "
        "out of sql/)"
    )


def test_seed_ddl_and_reports_under_the_script_folder_are_not_scripts(brokerage: Path) -> None:
    config_file = brokerage / "etlcheck.toml"
    text = config_file.read_text("utf-8")
    text = text.replace('sql_dir = "sql"', 'sql_dir = "."')
    text = text.replace('"00-state-tables.sql"', '"sql/00-state-tables.sql"')
    for name in ("01-staging-tables", "10-stage-brokers", "11-stage-regions"):
        text = text.replace(f'"{name}.sql"', f'"sql/{name}.sql"')
    for name in ("20-export-brokers", "21-export-region-totals"):
        text = text.replace(f'"{name}.sql"', f'"sql/{name}.sql"')
    config_file.write_text(text, "utf-8")
    (brokerage / "reports" / "old").mkdir(parents=True)
    (brokerage / "reports" / "old" / "x.sql").write_text("SELECT 1;\n", "utf-8")
    config = load_config(config_file)

    assert (brokerage / "db" / "production.sql").exists()
    assert unlisted_scripts(config) == []


def test_many_forgotten_scripts_are_counted_past_the_first_five(brokerage: Path) -> None:
    for number in range(90, 97):
        (brokerage / "sql" / f"{number}-extra.sql").write_text("SELECT 1;\n", "utf-8")
    note = unlisted_note(load_config(brokerage / "etlcheck.toml"))
    assert note is not None
    assert note.startswith("note: 7 scripts are in no phase")
    assert "sql/94-extra.sql and 2 more (list them" in note
    assert "95-extra" not in note


def test_lint_and_run_print_the_note_and_keep_their_exit_codes(brokerage: Path) -> None:
    (brokerage / "sql" / "99-cleanup.sql").write_text(DROP_PRODUCTION, "utf-8")
    note = (
        "note: 1 script is in no phase of etlcheck.toml, so neither linted nor run: "
        "sql/99-cleanup.sql (list it in a phase, or move it out of sql/)"
    )

    linted = run_etlcheck(brokerage, "lint")
    assert linted.code == 0, linted.out + linted.err
    assert linted.err.strip() == f"etlcheck: {note}"
    assert linted.out.strip().endswith("6 scripts, 0 findings (rewrite: ast)")

    ran = run_etlcheck(brokerage, "run")
    assert ran.code == 0, ran.out + ran.err
    assert ran.out.splitlines()[1].strip() == note
