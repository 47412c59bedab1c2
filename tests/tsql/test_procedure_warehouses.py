"""Two warehouses written as SQL Server teams write them, about half stored procedures
(``procedure_warehouses/``), taken through ``etlcheck lint`` and ``etlcheck run`` on DuckDB
and PostgreSQL as the README's "Your own pipeline" has a new user do it.

- ``returns``: procedures calling procedures (``EXEC @rc = ... OUTPUT``), nested TRY/CATCH
  with ``THROW`` re-raise under ``XACT_ABORT``, ``BEGIN TRAN``/``@@TRANCOUNT``, a ``#temp``
  the caller makes and the callee reads, a ``LOCAL FAST_FORWARD`` cursor calling a procedure
  per row, ``INSERT INTO #batch EXEC`` of a procedure that logs through another one,
  ``sp_executesql`` with an ``OUTPUT`` parameter, and a ``MERGE ... OUTPUT`` into an audit
  table.
- ``fleet``: ``CREATE OR ALTER VIEW``/``FUNCTION``/``PROCEDURE``, ``DROP ... IF EXISTS``,
  ``##global`` temps filled by one procedure and read by the one it calls, a ``STATIC``
  cursor, table variables, ``GO 2``, ``[bracketed]`` and ``"quoted"`` names with comments
  between their parts, statements after ``END`` or ``PRINT`` on the same line.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main

HERE = Path(__file__).parent / "procedure_warehouses"
ENGINES = [
    pytest.param("duckdb", marks=pytest.mark.duckdb),
    pytest.param("postgres", marks=pytest.mark.postgres),
]


def copy_warehouse(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / name
    shutil.copytree(HERE / name, folder)
    monkeypatch.chdir(folder)
    return folder


def available(engine: str) -> None:
    if engine == "postgres":
        from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
        from etlcheck.testing import skip_unless_available

        skip_unless_available("postgres", postgres_unavailable_reason())


def replace_step(folder: Path, script: str, step: str) -> None:
    shutil.copy(HERE / "steps" / step, folder / "sql" / script)


def last_run(folder: Path) -> dict:
    return json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))


@pytest.mark.parametrize("engine", ENGINES)
def test_the_fleet_warehouse_is_verified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, capsys: pytest.CaptureFixture
) -> None:
    available(engine)
    folder = copy_warehouse("fleet", tmp_path, monkeypatch)
    assert main(["lint", "--engine", engine]) == 0
    capsys.readouterr()
    assert main(["run", "--engine", engine]) == 0
    out = capsys.readouterr().out
    assert "VERIFIED — stayed in the sandbox, production unchanged" in out
    assert "fleet.DailyDistance would get 12 rows added (0 -> 12 rows)" in out
    assert "fleet.Alerts would get 4 rows added (0 -> 4 rows)" in out
    # 12 days rolled up, GO 2 ran its batch twice, and the line after WHILE ... END once.
    assert "poc_work.daily was created with 15 rows" in out
    assert "poc_work.v_daily (view) was created" in out
    # The function is named alike on both engines (PostgreSQL could overload it; T-SQL not).
    assert "poc_work.fn_km (function) was created" in out
    assert last_run(folder)["production"]["is_clean"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_returns_warehouse_is_verified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, capsys: pytest.CaptureFixture
) -> None:
    available(engine)
    copy_warehouse("returns", tmp_path, monkeypatch)
    assert main(["run", "--engine", engine]) == 0
    out = capsys.readouterr().out
    assert "VERIFIED — stayed in the sandbox, production unchanged" in out
    # 15 requests: one names no order (RETURN 1), one returns more than was ordered (THROW
    # caught by the caller); the other 13 are merged, audited (MERGE ... OUTPUT INTO) and
    # posted.
    assert "sales.Returns would get 13 rows added (0 -> 13 rows)" in out
    assert "ops.LoadAudit would get 13 rows added (0 -> 13 rows)" in out
    assert "sales.RefundLedger would get 2 rows added (0 -> 2 rows)" in out
    assert "poc_stage.load_log was created with 3 rows" in out


@pytest.mark.parametrize("engine", ENGINES)
def test_a_target_named_by_a_config_table_is_a_finding_and_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, capsys: pytest.CaptureFixture
) -> None:
    """``ops.EtlConfig`` (copied into the sandbox as production holds it) names
    ``sales.RefundLedger``: the dynamic INSERT the step builds with QUOTENAME writes to
    production. The lint cannot prove the name and says so; the run shows the damage."""
    available(engine)
    folder = copy_warehouse("returns", tmp_path, monkeypatch)
    replace_step(folder, "31-post-ledger.sql", "post_ledger_from_config.sql")
    assert main(["lint"]) == 1
    lint = capsys.readouterr().out
    assert "sql/31-post-ledger.sql:7:1: dynamic-sql: EXEC runs SQL text built at run time" in lint
    assert main(["run", "--engine", engine]) == 1
    out = capsys.readouterr().out
    assert "sales.Returns would get 13 rows added (0 -> 13 rows)" in out  # steps 1-4 ran
    if engine == "duckdb":
        assert "✗ production changed: sales.RefundLedger gained 2 rows" in out
    else:  # the run's role may write only in the sandbox: SQL Server's error 229
        assert "31-post-ledger.sql:7:1" in out and "FAILED" in out
    assert not last_run(folder)["production"]["is_clean"] or engine == "postgres"


def test_a_synonym_is_a_finding_and_the_parser_prints_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """sqlglot logs a warning for a statement it reads as a Command; a user would see it
    on stderr beside the finding that already says so."""
    caplog.set_level(logging.WARNING, logger="sqlglot")
    folder = copy_warehouse("fleet", tmp_path, monkeypatch)
    script = folder / "sql" / "50-synonym.sql"
    shutil.copy(HERE / "steps" / "synonym.sql", script)
    for engine in ("", "duckdb"):
        assert main(["lint", *(["--engine", engine] if engine else []), str(script)]) == 1
        captured = capsys.readouterr()
        assert "sql/50-synonym.sql:2:8: synonym: a synonym redirects a name" in captured.out
        assert captured.err == ""
    assert [record.getMessage() for record in caplog.records] == []


def test_a_schema_name_in_a_variable_is_a_finding_and_fails_as_sql_server_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """``DECLARE @schema SYSNAME = N'work'`` then ``EXEC ('TRUNCATE TABLE ' +
    QUOTENAME(@schema) + ...)``: the lint cannot prove the name, and the run, where the
    text still names the production schema, fails with SQL Server's error 208."""
    folder = copy_warehouse("fleet", tmp_path, monkeypatch)
    replace_step(folder, "20-load.sql", "load_schema_in_variable.sql")
    assert main(["lint"]) == 1
    lint = capsys.readouterr().out
    assert "sql/20-load.sql:3:27: schema-in-string: the string 'work' names production" in lint
    assert "sql/20-load.sql:5:1: dynamic-sql: EXEC runs SQL text built at run time" in lint
    assert main(["run"]) == 1
    out = capsys.readouterr().out
    assert "sql/20-load.sql:5:1: Invalid object name 'work.pings'." in out
