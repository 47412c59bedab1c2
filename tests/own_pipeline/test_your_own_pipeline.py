"""The README's route for a pipeline etlcheck has never seen: a folder holding only sql/,
data/ and db/ gets a working setup with `etlcheck init` and `etlcheck run`. The run is
VERIFIED, the sandbox copies show what the scripts do to the rows production already
holds, and a leaky step makes the run exit 1 naming the production table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main

HERE = Path(__file__).parent

pytestmark = pytest.mark.duckdb


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(HERE / "library", folder)
    monkeypatch.chdir(folder)
    return folder


def add_third_step(folder: Path, name: str, text: str) -> None:
    """``sql/<name>`` holding ``text``, run after 02-lend.sql."""
    (folder / "sql" / name).write_text(text, "utf-8")
    config = folder / "etlcheck.toml"
    config.write_text(
        config.read_text().replace('"02-lend.sql",\n', f'"02-lend.sql",\n    "{name}",\n'),
        "utf-8",
    )


def last_run(folder: Path) -> dict:
    return json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))


def test_init_then_run_is_verified_against_existing_rows(library: Path, capsys) -> None:
    assert main(["init"]) == 0
    assert "2 scripts (numbered files) in 1 phase" in capsys.readouterr().out
    assert main(["run"]) == 0
    out = capsys.readouterr().out
    assert "VERIFIED" in out
    assert "lib.Loans would get 2 rows added, 1 row changed (3 -> 5 rows)" in out
    document = last_run(library)
    preview = {row["production"]: row for row in document["production_preview"]}
    loans = preview["lib.Loans"]
    assert (loans["rows_before"], loans["rows_added"], loans["rows_changed"]) == (3, 2, 1)
    assert {k: v["status"] for k, v in preview.items() if k != "lib.Loans"} == {
        "lib.Members": "unchanged",
        "lib.Books": "unchanged",
        "desk.events": "unchanged",
    }
    assert document["production"]["is_clean"]
    kinds = [source["kind"] for source in document["seed"]["sources"]]
    assert kinds == ["ddl", "files"]


def test_a_leaky_step_fails_the_run_naming_the_production_table(library: Path, capsys) -> None:
    assert main(["init"]) == 0
    add_third_step(library, "03-tidy.sql", (HERE / "leak.sql").read_text("utf-8"))
    capsys.readouterr()
    assert main(["run"]) == 1
    out = capsys.readouterr().out
    assert "NOT VERIFIED" in out
    assert "production changed: lib.Loans lost 1 row" in out
    assert "sql/03-tidy.sql:5:" in out  # lint: the name is built at run time
    assert not last_run(library)["production"]["is_clean"]


def test_init_refuses_to_overwrite(library: Path, capsys) -> None:
    assert main(["init"]) == 0
    written = (library / "etlcheck.toml").read_text()
    capsys.readouterr()
    assert main(["init"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"etlcheck: error: {library / 'etlcheck.toml'}: {library / 'etlcheck.toml'} already "
        "exists; etlcheck init writes only new files (move it away, or edit it instead of "
        "running init)"
    ]
    assert (library / "etlcheck.toml").read_text() == written


def test_a_property_the_run_sets_on_a_copy_is_shown_as_production_would_get_it(
    library: Path, capsys
) -> None:
    assert main(["init"]) == 0
    add_third_step(
        library,
        "03-describe.sql",
        "EXEC sp_addextendedproperty N'MS_Description', N'Loans, merged nightly',\n"
        "    N'SCHEMA', N'lib', N'TABLE', N'Loans';\n",
    )
    capsys.readouterr()
    assert main(["run"]) == 0
    out = capsys.readouterr().out
    assert "(1 of 4 copies changed)" in out
    assert "lib.Loans [MS_Description] (extended property) would be added" in out
    assert "Data landed in the sandbox" not in out
    preview = {row["production"]: row for row in last_run(library)["production_preview"]}
    assert preview["lib.Loans [MS_Description]"]["status"] == "created"


def test_scripts_alone_say_nothing_was_seeded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "01-setup.sql").write_text(
        "CREATE SCHEMA stage;\nGO\nCREATE TABLE stage.t (id INT);\n"
        "INSERT INTO stage.t VALUES (1);\n",
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    capsys.readouterr()
    assert main(["run"]) == 0
    assert "Seeded: nothing (no [seed] sources declared)" in capsys.readouterr().out
