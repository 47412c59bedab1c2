"""A step edited to break the pipeline's own check: the run must then fail (the check is
not vacuous)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.cli import main


def assert_run_fails_after_edit(
    script: Path, old: str, new: str, capsys: pytest.CaptureFixture[str], said: str
) -> None:
    """Replace ``old`` by ``new`` in ``script``; ``etlcheck run`` exits 1 saying ``said``."""
    text = script.read_text("utf-8")
    assert old in text
    script.write_text(text.replace(old, new), "utf-8")
    capsys.readouterr()
    assert main(["run"]) == 1
    out = capsys.readouterr().out
    assert "NOT VERIFIED" in out
    assert said in out
