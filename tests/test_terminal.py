"""What ``etlcheck run`` shows while it works: a status line for the work around the
steps on a terminal, nothing extra in a log."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from etlcheck.pipeline import Step
from etlcheck.step_result import StepResult
from etlcheck.terminal import Terminal


def _terminal(is_terminal: bool) -> tuple[Terminal, io.StringIO]:
    output = io.StringIO()
    console = Console(file=output, force_terminal=is_terminal, width=100)
    return Terminal(console), output


def test_a_stage_shows_on_a_terminal_and_is_cleared() -> None:
    terminal, output = _terminal(is_terminal=True)
    terminal.stage("validating 4 expectation suites with Great Expectations")
    terminal.stage("closing the database")  # replaces the first
    terminal.end_stage()
    terminal.end_stage()  # harmless when nothing shows
    shown = output.getvalue()
    assert "validating 4 expectation suites with Great Expectations…" in shown
    assert "closing the database…" in shown


def test_a_stage_writes_nothing_to_a_log() -> None:
    terminal, output = _terminal(is_terminal=False)
    terminal.stage("fingerprinting production and the sandbox")
    terminal.end_stage()
    assert output.getvalue() == ""


def test_an_error_of_several_lines_stays_under_its_step() -> None:
    terminal, output = _terminal(is_terminal=False)
    step = Step(number=2, phase="load", path=Path("sql/02-bad.sql"), name="02-bad.sql")
    error = "sql/02-bad.sql:1:46: Catalog Error: Table x does not exist!\nDid you mean y?"
    terminal.step_progress(step, StepResult(step=step, status="failed", error=error))
    lines = output.getvalue().splitlines()
    assert lines[1] == "      sql/02-bad.sql:1:46: Catalog Error: Table x does not exist!"
    assert lines[2] == "      Did you mean y?"
