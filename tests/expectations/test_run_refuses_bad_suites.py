"""`etlcheck run` reads and checks its suites before anything runs: a misspelled type is
one line on stderr, exit 2, no database and no report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_misspelled_expectation_type_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(REPO / "etlcheck.toml", tmp_path / "etlcheck.toml")
    shutil.copytree(REPO / "sql", tmp_path / "sql")
    folder = tmp_path / "suites" / "poc_isolation" / "expectations"
    shutil.copytree(REPO / "suites" / "poc_isolation" / "expectations", folder)
    suite = json.loads((folder / "stg_groups.json").read_text("utf-8"))
    suite["expectations"][3]["type"] = "expect_column_vals_typo"
    (folder / "stg_groups.json").write_text(json.dumps(suite), "utf-8")
    monkeypatch.chdir(tmp_path)

    assert main(["run"]) == 2

    [line] = capsys.readouterr().err.strip().splitlines()
    assert line == (
        "etlcheck: error: suites/poc_isolation/expectations/stg_groups.json: "
        "$.expectations[3].type: unknown expectation type 'expect_column_vals_typo' "
        "(did you mean 'expect_column_values_to_be_null'?)"
    )
    assert not (tmp_path / "reports").exists()
    assert not (tmp_path / ".etlcheck").exists()
