"""The leak catalogue: every fixture is either remapped exactly or reported by lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.remap import remap_script

LEAKS = Path(__file__).parent / "leaks"
CASES = sorted(p for p in LEAKS.glob("*.sql") if not p.name.endswith(".remapped.sql"))
REMAPPED = [p for p in CASES if p.with_suffix(".remapped.sql").exists()]
"""The cases that are remapped; the others are only reported by lint (test_lint_findings)."""
SANDBOX = SandboxConfig(
    schema_map={"etl": "poc_etl", "dbo": "poc_dbo", "raw_data": "poc_raw_data"},
    protected=("etl", "dbo", "raw_data"),
)


def _expected_findings(case: Path) -> list[str]:
    return case.with_suffix(".findings").read_text().splitlines()


def _actual_findings(text: str, case: Path) -> list[str]:
    found = []
    for finding in lint_script(text, case.name, SANDBOX):
        entry = f"{finding.code} {finding.location.line}"
        found.append(entry + (" allowed" if finding.allowed else ""))
    return found


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len(REMAPPED) < len(CASES), "some cases must exercise the lint-only path"


@pytest.mark.parametrize("case", REMAPPED, ids=lambda p: p.stem)
def test_remapped_exactly(case: Path) -> None:
    expected = case.with_suffix(".remapped.sql")
    result = remap_script(case.read_text(), case.name, SANDBOX)
    assert result.text == expected.read_text()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_lint_findings(case: Path) -> None:
    assert _actual_findings(case.read_text(), case) == _expected_findings(case)


@pytest.mark.parametrize("case", REMAPPED, ids=lambda p: p.stem)
def test_remapped_text_needs_no_further_change(case: Path) -> None:
    expected = case.with_suffix(".remapped.sql")
    assert remap_script(expected.read_text(), case.name, SANDBOX).changes == ()
