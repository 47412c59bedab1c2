"""What a run measures beside wall time: engine time (a call inside a call counted once,
the engine's own methods restored after), CPU time and peak memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.bench.measure import EngineClock, StepMeter, cpu_seconds, peak_memory
from etlcheck.engines.base import QueryResult, ScriptResult
from etlcheck.pipeline import Step
from etlcheck.step_result import StepResult


class Ticking:
    """An engine whose calls advance a fake clock instead of taking time."""

    interprets_tsql = True

    def __init__(self, clock: list[float]) -> None:
        self.clock = clock
        self.calls: list[str] = []

    def execute(self, sql: str) -> int:
        self.calls.append(sql)
        self.clock[0] += 0.25
        return 1

    def query(self, sql: str) -> QueryResult:
        self.clock[0] += 0.5
        return QueryResult(("x",), [(1,)])

    def query_expression(self, sql: str) -> QueryResult:
        return self.query(sql)  # nested: must count once

    def query_frame(self, sql: str) -> None:
        return None

    def run_script(self, text: str, path: Path) -> ScriptResult:
        self.execute(text)
        return ScriptResult(rows_affected=1)


def test_engine_time_counts_nested_calls_once(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    monkeypatch.setattr("etlcheck.bench.measure.time.perf_counter", lambda: now[0])
    engine = Ticking(now)
    with EngineClock().attached(engine) as clock:  # type: ignore[arg-type]
        engine.execute("INSERT INTO t VALUES (1)")
        engine.query_expression("SELECT 1")
        engine.run_script("UPDATE t SET x = 1", Path("s.sql"))  # interpreted: not a call
    assert clock.seconds == 0.25 + 0.5 + 0.25
    assert "execute" not in vars(engine)  # the class's methods are back
    assert engine.calls == ["INSERT INTO t VALUES (1)", "UPDATE t SET x = 1"]


def test_a_native_engine_counts_the_whole_script(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    monkeypatch.setattr("etlcheck.bench.measure.time.perf_counter", lambda: now[0])
    engine = Ticking(now)
    engine.interprets_tsql = False
    with EngineClock().attached(engine) as clock:  # type: ignore[arg-type]
        engine.run_script("UPDATE t SET x = 1", Path("s.sql"))
    assert clock.seconds == 0.25


def test_the_meter_records_each_step_and_passes_progress_on() -> None:
    clock = EngineClock()
    heard: list[tuple[str, bool]] = []
    meter = StepMeter(clock, lambda step, result: heard.append((step.name, result is None)))
    step = Step(1, "stage", "10-stage-orders.sql", Path("sql/10-stage-orders.sql"))
    meter(step, None)
    clock.seconds += 0.03
    meter(step, StepResult(step, "ok", seconds=0.05, rows_affected=6))
    (measure,) = meter.measures
    assert (measure.script, measure.phase, measure.rows) == ("10-stage-orders.sql", "stage", 6)
    assert measure.engine == 0.03 and abs(measure.interpreter - 0.02) < 1e-9
    assert measure.peak_rss > 2**20 and measure.cpu >= 0
    assert heard == [("10-stage-orders.sql", True), ("10-stage-orders.sql", False)]


def test_engine_time_never_exceeds_the_step() -> None:
    clock = EngineClock()
    meter = StepMeter(clock)
    step = Step(1, "stage", "10-stage-orders.sql", Path("sql/10-stage-orders.sql"))
    meter(step, None)
    clock.seconds += 1.0
    meter(step, StepResult(step, "ok", seconds=0.5))
    assert meter.measures[0].engine == 0.5 and meter.measures[0].interpreter == 0.0


def test_process_measures_are_plausible() -> None:
    assert cpu_seconds() > 0
    assert peak_memory() > 10 * 2**20
