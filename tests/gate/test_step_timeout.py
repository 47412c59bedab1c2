"""A step that never ends (a statement of about 10^12 rows, or an endless loop of short
statements) is stopped by the step timeout on real ``etlcheck run`` processes: the step
fails with one line that says where it was, its writes are rolled back, production is
unchanged, and ``--resume`` finishes the run once the step is fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gate.conftest import PostgresServer, run_etlcheck
from tests.gate.test_interrupt import (
    BLOCKING_STEP,
    MARKERS,
    duckdb_rows,
    ledger,
    unblock,
    with_blocking_step,
)

TIMEOUT = "3"
"""Seconds: long enough for the steps before the blocking one on a busy machine (each
step has its own limit), short enough for a test."""
LOOP_LINES = {"block-in-cross-join.sql": 12, "block-in-loop.sql": 15}
"""The line of the statement each blocking script spends its time in (for the loop, the
UPDATE or the SET after it: whichever was running when the limit came)."""


def failure_line(out: str) -> str:
    [line] = [line for line in out.splitlines() if line.strip().startswith("✗ step 5")]
    return line.strip()


@pytest.mark.parametrize("blocking", ["block-in-cross-join.sql", "block-in-loop.sql"])
def test_a_step_past_the_timeout_fails_is_rolled_back_and_resume_finishes(
    brokerage: Path, blocking: str
) -> None:
    with_blocking_step(brokerage, blocking)
    done = run_etlcheck(brokerage, "run", "--step-timeout", TIMEOUT, timeout=120)

    assert done.code == 1, done.out + done.err
    assert "Traceback" not in done.out + done.err
    line = failure_line(done.out)
    where = f"{brokerage / 'sql' / BLOCKING_STEP}:"
    assert line.startswith(f"✗ step 5 {BLOCKING_STEP} failed: {where}"), line
    if blocking == "block-in-cross-join.sql":
        assert f"{where}{LOOP_LINES[blocking]}:" in line, line
    assert "stopped after 3 s, the step timeout; it was rolled back" in line
    assert "[run] step_timeout_seconds" in line and "--step-timeout" in line
    assert "production unchanged" not in done.out
    [record] = ledger(brokerage)
    assert (record["status"], record["next_step"]) == ("failed", BLOCKING_STEP)
    assert duckdb_rows(brokerage, MARKERS) == [(0,)], "the stopped step left rows behind"
    assert duckdb_rows(
        brokerage, "SELECT step_number, status FROM poc_etl.etl_step_state ORDER BY 1"
    ) == [(1, "ok"), (2, "ok"), (3, "ok"), (4, "ok"), (5, "failed")]

    unblock(brokerage)
    resumed = run_etlcheck(brokerage, "run", "--resume", "--step-timeout", TIMEOUT)
    assert resumed.code == 0, resumed.out + resumed.err
    assert "VERIFIED — stayed in the sandbox, production unchanged" in resumed.out


def test_the_timeout_comes_from_etlcheck_toml_and_zero_means_no_limit(brokerage: Path) -> None:
    config = brokerage / "etlcheck.toml"
    text = config.read_text("utf-8")
    assert "[run]\n" in text
    config.write_text(text.replace("[run]\n", "[run]\nstep_timeout_seconds = 2\n"), "utf-8")
    with_blocking_step(brokerage, "block-in-cross-join.sql")
    done = run_etlcheck(brokerage, "run", timeout=120)
    assert done.code == 1, done.out + done.err
    assert "stopped after 2 s, the step timeout" in failure_line(done.out)

    unblock(brokerage)
    config.write_text(text.replace("[run]\n", "[run]\nstep_timeout_seconds = 0\n"), "utf-8")
    finished = run_etlcheck(brokerage, "run")
    assert finished.code == 0, finished.out + finished.err


@pytest.mark.parametrize("value", ["-5", "inf", "nan"])
def test_a_step_timeout_flag_that_is_not_seconds_is_one_line(brokerage: Path, value: str) -> None:
    done = run_etlcheck(brokerage, "run", "--step-timeout", value)
    assert done.code == 2
    assert done.error_line == (
        f"etlcheck: error: etlcheck run: argument --step-timeout: {value!r} is not a number "
        "of seconds (0: no limit) (see etlcheck run --help)"
    )


@pytest.mark.postgres
def test_the_timeout_cancels_a_statement_on_postgres(
    brokerage: Path, postgres_server: PostgresServer
) -> None:
    postgres_server.create_database("etlcheck_gate_timeout")
    db = ["--db", postgres_server.url("etlcheck_gate_timeout"), "--allow-external-target"]
    with_blocking_step(brokerage, "block-in-cross-join.sql")
    done = run_etlcheck(brokerage, "run", "--step-timeout", TIMEOUT, *db, timeout=120)
    assert done.code == 1, done.out + done.err
    assert "stopped after 3 s, the step timeout; it was rolled back" in failure_line(done.out)
    import psycopg

    with psycopg.connect(
        dbname="etlcheck_gate_timeout", autocommit=True, **postgres_server.admin
    ) as connection:
        markers = connection.execute(
            "SELECT (SELECT COUNT(*) FROM poc_etl.stg_regions WHERE region = 'Marker') + "
            '(SELECT COUNT(*) FROM poc_dbo."RegionTotals" WHERE "Region" = \'Marker\')'
        ).fetchone()
    assert markers == (0,)

    unblock(brokerage)
    resumed = run_etlcheck(brokerage, "run", "--resume", "--step-timeout", TIMEOUT, *db)
    assert resumed.code == 0, resumed.out + resumed.err
    document = json.loads((brokerage / "reports" / "latest" / "run.json").read_text())
    assert document["run"]["steps"][0]["script"] == BLOCKING_STEP
