"""The run's own bookkeeping in the pipeline's state tables.

``etl_run_state`` and ``etl_step_state`` are created by the pipeline's first
script, so rows for steps that finish before the tables exist are held back and
written as soon as they appear. The SQL here is plain enough for every engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from etlcheck.engines.base import Engine

if TYPE_CHECKING:
    from etlcheck.runner import StepResult

RUN_TABLE = "etl_run_state"
STEP_TABLE = "etl_step_state"


def sql_literal(value: object) -> str:
    """A SQL literal every engine accepts for the state tables' column types."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    return "'" + str(value).replace("'", "''") + "'"


@dataclass(frozen=True)
class RunFacts:
    """What the run row says about the run as a whole."""

    run_id: str
    started_at: datetime
    steps_total: int
    scale: str


class RunStateStore:
    """Reads and writes the state tables in one schema of one engine."""

    def __init__(self, engine: Engine, schema: str) -> None:
        self.engine = engine
        self.schema = schema
        self._ready = False
        self._pending: list[tuple[RunFacts, StepResult]] = []
        self._inserted: set[str] = set()
        """Runs whose row this store wrote itself: no step rows to look up or replace."""

    def _table(self, name: str) -> str:
        return self.engine.qualified(self.schema, name)

    def tables_exist(self) -> bool:
        if not self._ready:
            result = self.engine.query(
                "SELECT table_name FROM information_schema.tables "
                f"WHERE LOWER(table_schema) = LOWER({sql_literal(self.schema)})"
            )
            names = {str(row[0]).lower() for row in result.rows}
            self._ready = {RUN_TABLE, STEP_TABLE} <= names
        return self._ready

    def record(self, run: RunFacts, result: StepResult) -> None:
        """Write one step's row (and the run's row the first time), or hold it back."""
        self._pending.append((run, result))
        if not self.tables_exist():
            return
        for pending in self._pending:
            self._write(*pending)
        self._pending.clear()

    def _write(self, run: RunFacts, result: StepResult) -> None:
        run_table, step_table = self._table(RUN_TABLE), self._table(STEP_TABLE)
        rid = sql_literal(run.run_id)
        fresh = run.run_id in self._inserted
        if (
            not fresh
            and not self.engine.query(
                f"SELECT COUNT(*) FROM {run_table} WHERE run_id = {rid}"
            ).scalar()
        ):
            self.engine.execute(
                f"INSERT INTO {run_table} (run_id, started_at, status, scale, steps_total, "
                f"steps_completed) VALUES ({rid}, {sql_literal(run.started_at)}, 'running', "
                f"{sql_literal(run.scale)}, {run.steps_total}, 0)"
            )
            self._inserted.add(run.run_id)
            fresh = True
        number = result.step.number
        if not fresh:
            self.engine.execute(
                f"DELETE FROM {step_table} WHERE run_id = {rid} AND step_number = {number}"
            )
        finished = datetime.now(run.started_at.tzinfo)
        began = finished - timedelta(seconds=result.seconds)
        self.engine.execute(
            f"INSERT INTO {step_table} (run_id, step_number, phase, script, status, started_at, "
            "finished_at, duration_ms, rows_affected, error_text) VALUES ("
            f"{rid}, {number}, {sql_literal(result.step.phase)}, {sql_literal(result.step.name)}, "
            f"{sql_literal(result.status)}, {sql_literal(began)}, {sql_literal(finished)}, "
            f"{round(result.seconds * 1000)}, {result.rows_affected}, {sql_literal(result.error)})"
        )

    def finish(self, run_id: str, finished_at: datetime, results: Sequence[StepResult]) -> None:
        """Close the run's row: completed, failed or interrupted, with the count of
        completed steps."""
        if not self.tables_exist():
            return
        rid = sql_literal(run_id)
        completed = self.engine.query(
            f"SELECT COUNT(*) FROM {self._table(STEP_TABLE)} WHERE run_id = {rid} AND status = 'ok'"
        ).scalar()
        failed = next((r for r in results if r.status in ("failed", "interrupted")), None)
        status = failed.status if failed else "completed"
        self.engine.execute(
            f"UPDATE {self._table(RUN_TABLE)} SET finished_at = {sql_literal(finished_at)}, "
            f"status = '{status}', steps_completed = {int(completed or 0)}, "
            f"error_text = {sql_literal(failed.error if failed else None)} WHERE run_id = {rid}"
        )

    def mark_interrupted(self, run_id: str) -> None:
        """An earlier run whose row still says ``running`` was killed: say so."""
        if not self.tables_exist():
            return
        self.engine.execute(
            f"UPDATE {self._table(RUN_TABLE)} SET status = 'interrupted' "
            f"WHERE run_id = {sql_literal(run_id)} AND status = 'running'"
        )

    def run_status(self, run_id: str) -> str | None:
        if not self.tables_exist():
            return None
        found = self.engine.query(
            f"SELECT status FROM {self._table(RUN_TABLE)} WHERE run_id = {sql_literal(run_id)}"
        ).scalar()
        return str(found) if found is not None else None

    def step_rows(self, run_id: str) -> list[tuple[object, ...]]:
        return self.engine.query(
            f"SELECT step_number, script, status FROM {self._table(STEP_TABLE)} "
            f"WHERE run_id = {sql_literal(run_id)} ORDER BY step_number"
        ).rows
