"""``etlcheck lint`` and ``etlcheck run`` report bad SQL alike (the same line, a real
line:col, exit 2), and ``lint --output FILE.sarif`` still tells the CI log why it failed,
with a SARIF file that names the tool's version and the files relative to the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etlcheck import __version__
from tests.gate.conftest import SQL, add_step, run_etlcheck

SCRIPT = "sql/10-stage-brokers.sql"


@pytest.mark.parametrize(
    ("old", "new", "message", "place"),
    [
        ("N' rows');", "N' rows);", "unterminated string", "' rows);"),
        ("SET NOCOUNT ON;", "SET NOCOUNT ON;\n/* stage the feed", "unterminated /* comment", "/*"),
        ("INSERT INTO [etl]", "INSERT INTO INTO [etl]", "syntax error: Expected table name "
         "but got INTO", "INTO [etl]"),
    ],
    ids=["unterminated-string", "unterminated-comment", "syntax-error"],
)  # fmt: skip
def test_lint_and_run_report_bad_sql_alike(
    brokerage: Path, old: str, new: str, message: str, place: str
) -> None:
    script = brokerage / SCRIPT
    text = script.read_text("utf-8").replace(old, new, 1)
    script.write_text(text, "utf-8")
    offset = text.index(place, text.index(new))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    lines = []
    for command in ("lint", "run"):
        outcome = run_etlcheck(brokerage, command)
        assert outcome.code == 2, outcome.out + outcome.err
        lines.append(outcome.error_line)
    assert lines[0] == lines[1], lines
    assert f"{SCRIPT}:{line}:{column}: {message}" in lines[0]
    assert "<Token" not in lines[0]


def test_lint_to_a_sarif_file_still_says_why(brokerage: Path) -> None:
    add_step(brokerage, "stage", "12-purge-dormant-brokers.sql", "")
    purge = (SQL / "purge-dormant-brokers.sql").read_text("utf-8")
    (brokerage / "sql" / "12-purge-dormant-brokers.sql").write_text(
        purge.replace("  -- etlcheck: allow reviewed with the broker-maintenance team", ""),
        "utf-8",
    )
    outcome = run_etlcheck(brokerage, "lint", "--format", "sarif", "--output", "out/lint.sarif")
    assert outcome.code == 1, outcome.out + outcome.err
    assert "sql/12-purge-dormant-brokers.sql:12:6: dynamic-sql:" in outcome.out
    assert "7 scripts, 2 findings (1 dynamic-sql, 1 schema-in-string)" in outcome.out
    assert "wrote out/lint.sarif" in outcome.out
    sarif = json.loads((brokerage / "out" / "lint.sarif").read_text("utf-8"))
    [run] = sarif["runs"]
    assert run["tool"]["driver"]["name"] == "etlcheck"
    assert run["tool"]["driver"]["version"] == __version__
    assert run["originalUriBaseIds"] == {"PROJECTROOT": {"uri": brokerage.as_uri() + "/"}}
    artifacts = {
        json.dumps(result["locations"][0]["physicalLocation"]["artifactLocation"])
        for result in run["results"]
    }
    assert artifacts == {
        json.dumps({"uri": "sql/12-purge-dormant-brokers.sql", "uriBaseId": "PROJECTROOT"})
    }
