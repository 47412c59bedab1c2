"""The runner on a five-step pipeline of plain DuckDB SQL (the T-SQL interpreter is
tested on its own): order, state rows, timings, failure and resume."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etlcheck.config import load_config
from etlcheck.engines.base import ScriptResult
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import ScriptError, StatementFailed, UsageError
from etlcheck.pipeline import Pipeline
from etlcheck.runner import Runner

HERE = Path(__file__).parent


class PlainDuckDB(DuckDBEngine):
    """Runs ';'-separated DuckDB statements, so these tests need no T-SQL."""

    def run_script(self, text: str, path: Path) -> ScriptResult:
        rows = 0
        statements = [s for s in text.split(";") if s.strip()]
        for statement in statements:
            try:
                count = self.execute(statement)
            except Exception as error:
                raise StatementFailed(str(error).splitlines()[0], None) from None
            rows += max(count, 0)
        return ScriptResult(rows_affected=rows, statements=len(statements))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(HERE / "mini", tmp_path / "mini")
    return tmp_path / "mini"


@pytest.fixture
def engine() -> PlainDuckDB:
    with PlainDuckDB() as started:
        yield started


def make_runner(project: Path, engine: PlainDuckDB) -> Runner:
    pipeline = Pipeline.from_config(load_config(project / "etlcheck.toml"))
    return Runner(engine, pipeline, "etl", scale="poc")


def test_full_run_records_state_and_timings(project: Path, engine: PlainDuckDB) -> None:
    engine.execute("CREATE SCHEMA etl")
    engine.execute("CREATE TABLE etl.switch AS SELECT 1 AS id")
    seen: list[tuple[int, str | None]] = []
    runner = make_runner(project, engine)
    runner.progress = lambda step, result: seen.append(
        (step.number, result.status if result else None)
    )
    result = runner.run()
    assert result.ok and result.completed == 5
    assert [s.step.name for s in result.results] == [
        "00-state.sql",
        "01-tables.sql",
        "10-load.sql",
        "11-fragile.sql",
        "12-after.sql",
    ]
    assert seen[:2] == [(1, None), (1, "ok")]
    assert result.results[2].rows_affected == 5
    assert [(p.name, p.scripts, p.completed) for p in result.phases] == [
        ("schema", 2, 2),
        ("load", 3, 3),
    ]
    run_rows = engine.query("SELECT status, steps_total, steps_completed FROM etl.etl_run_state")
    assert run_rows.rows == [("completed", 5, 5)]
    steps = runner.state.step_rows(result.run_id)
    assert [row[0] for row in steps] == [1, 2, 3, 4, 5]
    assert {row[2] for row in steps} == {"ok"}


def test_failure_stops_and_resume_continues(project: Path, engine: PlainDuckDB) -> None:
    runner = make_runner(project, engine)
    first = runner.run()
    assert not first.ok
    failed = first.failed
    assert failed is not None and failed.step.name == "11-fragile.sql"
    assert "switch" in (failed.error or "")
    assert first.completed == 3 and len(first.results) == 4
    assert engine.query("SELECT status, error_text IS NOT NULL FROM etl.etl_run_state").rows == [
        ("failed", True)
    ]
    # the database is left for inspection: the first three steps' work is still there
    assert engine.query("SELECT COUNT(*) FROM etl.items").scalar() == 5

    engine.execute("CREATE TABLE etl.switch AS SELECT 7 AS id")
    steps = runner.pipeline.select(start=failed.step.name)
    second = runner.run(steps, resumes=first.run_id)
    assert second.ok and [r.step.number for r in second.results] == [4, 5]
    assert second.run_id != first.run_id and second.resumes == first.run_id
    runs = engine.query(
        "SELECT run_id, status, steps_completed FROM etl.etl_run_state ORDER BY started_at"
    ).rows
    assert runs == [(first.run_id, "failed", 3), (second.run_id, "completed", 2)]
    assert [row[2] for row in runner.state.step_rows(second.run_id)] == ["ok", "ok"]
    assert engine.query("SELECT COUNT(*) FROM etl.items").scalar() == 7


def test_a_failed_step_leaves_none_of_its_writes(project: Path, engine: PlainDuckDB) -> None:
    """One transaction a step: the first INSERT of the failing step is rolled back."""
    (project / "sql" / "11-fragile.sql").write_text(
        "INSERT INTO etl.items VALUES (50);\n"
        "INSERT INTO etl.items SELECT id FROM etl.switch WHERE id > 0;\n"
    )
    first = make_runner(project, engine).run()
    assert first.failed is not None and first.failed.step.name == "11-fragile.sql"
    assert engine.query("SELECT COUNT(*) FROM etl.items WHERE id = 50").scalar() == 0
    assert engine.query("SELECT COUNT(*) FROM etl.items").scalar() == 5


def test_an_empty_script_fails_its_step(project: Path, engine: PlainDuckDB) -> None:
    (project / "sql" / "11-fragile.sql").write_text("INSERT INTO etl.items VALUES (6);\n")
    (project / "sql" / "12-after.sql").write_text("-- nothing left here\n/* truncated */\n")
    result = make_runner(project, engine).run()
    failed = result.failed
    assert failed is not None and failed.step.name == "12-after.sql"
    assert failed.error is not None and failed.error.startswith("the script is empty")


def test_select_from_until_and_phase(project: Path) -> None:
    pipeline = Pipeline.from_config(load_config(project / "etlcheck.toml"))
    assert [s.number for s in pipeline.select(start="10-load", until="4")] == [3, 4]
    assert [s.name for s in pipeline.select(phase="schema")] == ["00-state.sql", "01-tables.sql"]
    with pytest.raises(UsageError, match="no step 'nope'"):
        pipeline.select(start="nope")
    with pytest.raises(UsageError, match="comes after"):
        pipeline.select(start="5", until="2")


def test_missing_script_is_named(project: Path) -> None:
    (project / "sql" / "10-load.sql").unlink()
    pipeline = Pipeline.from_config(load_config(project / "etlcheck.toml"))
    with pytest.raises(ScriptError, match=r"10-load.sql.*does not exist") as refused:
        pipeline.check_files()
    assert refused.value.exit_code == 2
    assert refused.value.location is not None and refused.value.location.path.name == "10-load.sql"


def test_a_transaction_a_script_leaves_open_does_not_break_the_next_step(
    tmp_path: Path,
) -> None:
    """A script that begins a transaction and never ends it: the next step runs inside
    that transaction (as on SQL Server), with a note, instead of failing to begin its own."""
    from tests.gate.conftest import BROKERAGE, add_step, run_etlcheck

    project = tmp_path / "brokerage"
    shutil.copytree(BROKERAGE, project)
    add_step(project, "stage", "12-left-open.sql", (HERE / "left_open.sql").read_text())
    outcome = run_etlcheck(project, "run")
    assert "Traceback" not in outcome.err, outcome.err
    assert outcome.code in (0, 1), outcome.out + outcome.err
    document = (project / "reports" / "latest" / "run.json").read_text()
    assert "an earlier step left a transaction open" in document


def test_a_step_and_its_state_row_commit_together(
    project: Path, engine: PlainDuckDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row is written inside the step's transaction, just before it commits: a
    commit that fails keeps neither the step's writes nor its row."""
    engine.execute("CREATE SCHEMA etl")
    engine.execute("CREATE TABLE etl.switch AS SELECT 1 AS id")
    runner = make_runner(project, engine)
    seen_at_commit: list[int] = []
    real_commit = engine.commit_step

    def commit_step() -> None:
        rows = engine.query("SELECT COUNT(*) FROM etl.etl_step_state").scalar()
        seen_at_commit.append(int(rows))
        if len(seen_at_commit) == 3:  # 10-load.sql
            engine.rollback_step()
            raise RuntimeError("the commit failed")
        real_commit()

    monkeypatch.setattr(engine, "commit_step", commit_step)
    with pytest.raises(RuntimeError, match="the commit failed"):
        runner.run(run_id="r1")
    assert seen_at_commit == [1, 2, 3]
    rows = engine.query(
        "SELECT step_number, status FROM etl.etl_step_state ORDER BY step_number"
    ).rows
    assert rows == [(1, "ok"), (2, "ok")]
    assert engine.query("SELECT COUNT(*) FROM etl.items").scalar() == 0
