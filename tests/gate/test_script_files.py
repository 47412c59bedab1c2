"""Scripts as teams save them: UTF-16 from SSMS, Latin-1 by mistake, an empty file left by
a bad merge, a path that leaves the project. One decoder for every reader, one line for
what cannot be read, and an empty step is never a success."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gate.conftest import add_step, run_etlcheck, tree

STAGING = "01-staging-tables.sql"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_a_script_saved_as_unicode_runs_like_any_other(brokerage: Path, encoding: str) -> None:
    """SSMS saves "Unicode" (UTF-16 with a byte-order mark); some tools drop the mark.
    The raw table the data file fills is created by the pipeline's own script, so seeding
    reads that script to type the file: it must read it as the lint and the run do."""
    production = brokerage / "db" / "production.sql"
    ddl = production.read_text("utf-8")
    feed = ddl[ddl.index("CREATE TABLE [raw].[broker_feed]") :]
    production.write_text(ddl.replace(feed, ""), "utf-8")
    script = brokerage / "sql" / STAGING
    guarded = "IF OBJECT_ID(N'raw.broker_feed', N'U') IS NULL\n" + feed
    text = script.read_text("utf-8") + "\n" + guarded
    script.write_bytes(text.encode(encoding))
    lint = run_etlcheck(brokerage, "lint")
    assert lint.code == 0, lint.out + lint.err
    outcome = run_etlcheck(brokerage, "run")
    assert outcome.code == 0, outcome.out + outcome.err
    assert "VERIFIED — stayed in the sandbox" in outcome.out


def test_a_latin1_script_is_one_line_at_its_byte_for_lint_and_run(brokerage: Path) -> None:
    script = brokerage / "sql" / "10-stage-brokers.sql"
    text = script.read_text("utf-8").replace("are left out.", "are left out (café).")
    script.write_bytes(text.encode("latin-1"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "café" in row)
    column = text.splitlines()[line - 1].index("é") + 1
    expected = (
        f"sql/10-stage-brokers.sql:{line}:{column}: not UTF-8: byte 0xe9 cannot be read "
        "(save the script as UTF-8 (or UTF-16 with a byte-order mark))"
    )
    before = tree(brokerage)
    for command in ("lint", "run"):
        outcome = run_etlcheck(brokerage, command)
        assert outcome.code == 2, outcome.out + outcome.err
        assert outcome.error_line.endswith(expected), outcome.error_line
    assert tree(brokerage) == before


def test_an_empty_script_is_a_finding(brokerage: Path) -> None:
    add_step(brokerage, "stage", "12-truncated.sql", "/* lost in a merge */\nGO\n")
    outcome = run_etlcheck(brokerage, "run")
    assert outcome.code == 1, outcome.out + outcome.err
    assert "step 5 12-truncated.sql failed: the script is empty: no statement ran" in outcome.out
    assert "VERIFIED —" not in outcome.out.replace("NOT VERIFIED —", "")


def test_a_scale_that_does_not_fit_in_memory_is_refused_before_anything_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_pipeline_cli import REPO

    project = tmp_path / "sample"
    project.mkdir()
    (project / "etlcheck.toml").write_text(
        (REPO / "etlcheck.toml")
        .read_text()
        .replace('expectations = "suites/poc_isolation/expectations"', "")
    )
    shutil.copytree(REPO / "sql", project / "sql")
    before = tree(project)
    outcome = run_etlcheck(project, "run", "--scale", "1000000")
    assert outcome.code == 2
    assert "scale 1000000 needs about 190.7 TB of memory for the sample data" in (
        outcome.error_line
    )
    assert "(use a smaller --scale: at most " in outcome.error_line
    assert tree(project) == before
