"""What ``etlcheck run`` shows while it works: a status line for the work around the
steps on a terminal, nothing extra in a log."""

from __future__ import annotations

import io

from rich.console import Console

from etlcheck.terminal import Terminal


def _terminal(is_terminal: bool) -> tuple[Terminal, io.StringIO]:
    output = io.StringIO()
    console = Console(file=output, force_terminal=is_terminal, width=100)
    return Terminal(console), output


def test_a_stage_shows_on_a_terminal_and_is_cleared() -> None:
    terminal, output = _terminal(is_terminal=True)
    terminal.stage("validating 4 expectation suite(s) with Great Expectations")
    terminal.stage("closing the database")  # replaces the first
    terminal.end_stage()
    terminal.end_stage()  # harmless when nothing shows
    shown = output.getvalue()
    assert "validating 4 expectation suite(s) with Great Expectations…" in shown
    assert "closing the database…" in shown


def test_a_stage_writes_nothing_to_a_log() -> None:
    terminal, output = _terminal(is_terminal=False)
    terminal.stage("fingerprinting production and the sandbox")
    terminal.end_stage()
    assert output.getvalue() == ""
