"""The sample pipeline: clean under the AST remap; the regex rewrite leaves the incident."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etlcheck.config import load_config
from etlcheck.isolation.lint import lint_pipeline
from etlcheck.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
CONFIG = load_config(ROOT / "etlcheck.toml")
MISSING = [s.name for s in Pipeline.from_config(CONFIG).steps if not s.path.is_file()]
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"sample pipeline incomplete, missing: {', '.join(MISSING)}"
)
SETUP = CONFIG.sql_dir / "00-schema-setup.sql"


def _incident_lines() -> set[int]:
    """Lines of 00-schema-setup.sql that name a schema as 'etl' or [etl] (outside comments)."""
    text = re.sub(
        r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), SETUP.read_text(), flags=re.S
    )
    lines = set()
    for number, line in enumerate(text.splitlines(), start=1):
        code = line.split("--", 1)[0]
        if "'etl'" in code or "[etl]" in code:
            lines.add(number)
    return lines


def test_ast_remap_makes_the_pipeline_provably_isolated() -> None:
    report = lint_pipeline(CONFIG, "ast")
    assert [str(f) for f in report.unsilenced] == []
    assert len(report.scripts) == len(Pipeline.from_config(CONFIG).steps)


def test_regex_rewrite_is_caught_at_the_incident_lines() -> None:
    report = lint_pipeline(CONFIG, "regex")
    in_setup = [f for f in report.findings if Path(f.location.path).name == SETUP.name]
    flagged = {f.location.line for f in in_setup if f.code == "production-schema"}
    assert _incident_lines()
    assert _incident_lines() <= flagged
    assert report.exit_code == 1
