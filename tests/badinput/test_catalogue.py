"""Bad input, case by case: configuration, scripts, the command line and URLs.

Every case must get exactly one line on stderr (``etlcheck: error: …``, naming the place
as file:line:col where there is one), exit code 2, no traceback, nothing on stdout but
the run's header, no password, and nothing written: the project folder (its files, the
database, the ledger, the reports) has the same content afterwards, byte for byte (the
work cache of compiled statements aside), and the temp folder holds nothing but the lock
files etlcheck keeps there. Bad seed input is
found while seeding, so for those cases the disposable database in ``.etlcheck/`` may
exist afterwards; nothing else may change.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from etlcheck.locking import LOCKS_FOLDER
from tests.badinput.cases import CASES, SECRET, Case
from tests.gate.conftest import BROKERAGE, run_etlcheck

CACHE = (".etlcheck", "cache")
"""The work cache: compiled statements, a pure function of the scripts (as __pycache__
is of Python files), which checking the scripts may fill before the bad input shows."""


def fingerprint(folder: Path, skip: str | None = None) -> dict[str, str]:
    """Every path under ``folder`` with the SHA-256 of its content (folders: 'dir'),
    leaving out the top-level entry ``skip`` and the work cache."""
    found = {}
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if (skip is not None and parts[0] == skip) or parts[:2] == CACHE or parts == CACHE[:1]:
            continue
        if path.is_dir():
            found[str(path.relative_to(folder))] = "dir"
        else:
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def location(project: Path, at: tuple[str, str, str]) -> str:
    """``file:line:col`` of ``text`` (after ``after``) in the project's edited file."""
    name, text, after = at
    path = project / name
    content = path.read_bytes().decode("latin-1") if text == "é" else path.read_text("utf-8")
    start = content.index(after) + len(after) if after else 0
    offset = content.index(text.encode("latin-1").decode("latin-1"), start)
    line = content.count("\n", 0, offset) + 1
    column = offset - (content.rfind("\n", 0, offset) + 1) + 1
    return f"{path}:{line}:{column}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "brokerage"
    shutil.copytree(BROKERAGE, target)
    (tmp_path / "tmp").mkdir()
    return target


def test_the_catalogue_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(project: Path, case: Case) -> None:
    if case.prepare:
        prepared = run_etlcheck(project, *case.prepare)
        assert prepared.code == 0, prepared.out + prepared.err
    if case.edit is not None:
        case.edit(project)
    skip = ".etlcheck" if case.seeds else None
    before = fingerprint(project, skip)
    temp = project.parent / "tmp"

    outcome = run_etlcheck(project, *case.args, env={"TMPDIR": str(temp)})

    assert outcome.code == 2, outcome.out + outcome.err
    line = outcome.error_line.removeprefix("etlcheck: error: ")
    assert outcome.error_line.startswith("etlcheck: error: "), outcome.error_line
    expected = case.expected.replace("{project}", str(project))
    if case.at is not None:
        expected = expected.replace("{at}", location(project, case.at))
    if case.regex:
        assert re.search(expected, line), line
    else:
        assert expected in line, f"expected {expected!r} in {line!r}"
    assert SECRET not in outcome.out + outcome.err
    assert len(outcome.out.strip().splitlines()) <= 1, outcome.out
    assert fingerprint(project, skip) == before, "a bad input wrote into the project"
    left = [p.name for p in temp.iterdir() if p.name != LOCKS_FOLDER]
    assert left == [], f"left in the temp folder: {left}"
