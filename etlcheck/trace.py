"""``ETLCHECK_TRACE=FILE``: a line in FILE as each step starts and ends and before each
statement is sent, flushed at once. For finding where a run hangs, and for tests that
must act while a given statement runs (a signal, a second run) without guessing with
sleeps."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.pipeline import Step
    from etlcheck.runner import StepResult

TRACE_VARIABLE = "ETLCHECK_TRACE"


class Trace:
    """Appends one line per event to a file."""

    def __init__(self, path: Path) -> None:
        self._file: TextIO = path.open("a", encoding="utf-8")

    @classmethod
    def from_environment(cls) -> Trace | None:
        where = os.environ.get(TRACE_VARIABLE)
        return cls(Path(where)) if where else None

    def line(self, text: str) -> None:
        self._file.write(text.replace("\n", " ") + "\n")
        self._file.flush()

    def statement(self, sql: str) -> None:
        self.line("statement " + " ".join(sql.split())[:200])

    def step(self, step: Step, result: StepResult | None) -> None:
        if result is None:
            self.line(f"step {step.number} {step.name} start")
        else:
            self.line(f"step {step.number} {step.name} {result.status}")

    def attach(self, engine: Engine) -> None:
        previous = engine.statement_observer

        def observe(sql: str) -> None:
            self.statement(sql)
            if previous is not None:
                previous(sql)

        engine.statement_observer = observe

    def close(self) -> None:
        self._file.close()
