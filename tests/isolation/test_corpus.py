"""The real-world corpus: scripts in the shapes SQL Server warehouse projects use, each
with its expected remap and findings (``corpus/golden.py``). Beyond the goldens, on every
script: the fail-closed scan never needs its last line of defence, every remapped
statement parses to what it parsed to before, and a second remap changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.isolation.invariant import residuals
from etlcheck.isolation.located import Names
from etlcheck.isolation.remap import analyse_batch, remap_script, script_batches
from tests.isolation.corpus.golden import (
    SANDBOX,
    findings_path,
    findings_text,
    remap,
    remapped_path,
    scripts,
)

SCRIPTS = scripts()
REAL_WORLD = [s for s in SCRIPTS if s.parent.name != "reproductions"]


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def test_the_corpus_is_large_and_varied() -> None:
    assert len(REAL_WORLD) >= 150
    families = {s.parent.name for s in REAL_WORLD}
    assert len(families) >= 8
    assert sum(1 for s in REAL_WORLD if findings_path(s).read_text()) >= 30, (
        "the corpus must exercise findings as well as remaps"
    )
    assert sum(1 for s in REAL_WORLD if remapped_path(s).exists()) >= 100


@pytest.mark.parametrize("script", SCRIPTS, ids=_id)
def test_remap_matches_the_golden(script: Path) -> None:
    golden = remapped_path(script)
    expected = golden.read_text(encoding="utf-8") if golden.exists() else script.read_text()
    assert remap(script).text == expected


@pytest.mark.parametrize("script", SCRIPTS, ids=_id)
def test_findings_match_the_golden(script: Path) -> None:
    assert findings_text(script) == findings_path(script).read_text(encoding="utf-8")


@pytest.mark.parametrize("script", SCRIPTS, ids=_id)
def test_no_production_name_is_left_unreported(script: Path) -> None:
    """The invariant, checked on its own: every production name left in a schema place of
    the remapped text stands on a line the lint reports."""
    result = remap(script)
    text = script.read_text(encoding="utf-8")
    reported = {line.split(":", 1)[0] for line in findings_path(script).read_text().splitlines()}
    for residual in residuals(result.text, Names.of(SANDBOX)):
        line = text.count("\n", 0, result.original_offset(residual.offset)) + 1
        assert str(line) in reported, f"{script.name}:{line}: {residual}"
    assert "residual-reference" not in findings_path(script).read_text()


@pytest.mark.parametrize("script", SCRIPTS, ids=_id)
def test_remapped_statements_parse_as_before(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    result = remap(script)
    names = Names.of(SANDBOX)
    before, _ = script_batches(text)
    after, _ = script_batches(result.text)
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        old_shapes = [shape for _, shape in analyse_batch(old.text, names).signatures]
        new_shapes = [shape for _, shape in analyse_batch(new.text, names).signatures]
        assert old_shapes == new_shapes
    assert not any(f.code == "remap-broke-statement" for f in result.findings)


@pytest.mark.parametrize("script", SCRIPTS, ids=_id)
def test_a_second_remap_changes_nothing(script: Path) -> None:
    result = remap(script)
    assert remap_script(result.text, script.name, SANDBOX).changes == ()
