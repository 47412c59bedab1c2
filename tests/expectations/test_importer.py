"""Great Expectations is imported only when a suite runs: a run without suites never
imports it (checked in a fresh interpreter, through sys.modules). With suites, the worker
process imports it and validates, so the run's own process does not; without the worker
(``ETLCHECK_GX_PREFETCH=0``) the run imports it when the first suite needs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from etlcheck.cli import main
code = main(["run", "--db", "work/run.duckdb"])
document = json.load(open("reports/latest/run.json"))
suites = document["expectations"] or ()
checked = sorted({e["checked_by"] for s in suites for e in s["expectations"]})
print(json.dumps({"exit": code, "gx": "great_expectations" in sys.modules, "checked": checked}))
"""


def run_probe(project: Path, prefetch: str = "process") -> dict[str, object]:
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "ETLCHECK_CACHE": "0",
        "ETLCHECK_GX_PREFETCH": prefetch,
    }
    finished = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    result: dict[str, object] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(REPO / "etlcheck.toml", tmp_path / "etlcheck.toml")
    shutil.copytree(REPO / "sql", tmp_path / "sql")
    shutil.copytree(REPO / "suites", tmp_path / "suites")
    return tmp_path


@pytest.mark.slow
def test_a_run_without_suites_never_imports_great_expectations(project: Path) -> None:
    config = project / "etlcheck.toml"
    lines = config.read_text("utf-8").splitlines()
    config.write_text(
        "\n".join(line for line in lines if not line.startswith("expectations =")), "utf-8"
    )
    assert run_probe(project) == {"exit": 0, "gx": False, "checked": []}
    assert run_probe(project, prefetch="thread") == {"exit": 0, "gx": False, "checked": []}


@pytest.mark.slow
def test_with_suites_the_worker_process_validates(project: Path) -> None:
    checked = ["GX (DataFrame)", "engine"]
    assert run_probe(project) == {"exit": 0, "gx": False, "checked": checked}
    assert run_probe(project, prefetch="0") == {"exit": 0, "gx": True, "checked": checked}


LAZY_PROBE = """
import json, sys
from etlcheck.expectations import importer
importer.great_expectations()
def ran(name):
    module = sys.modules.get(name)
    return module is not None and type(module).__name__ != "_LazyModule"
before = ran("scipy.stats")
from scipy import stats
p_value = stats.kstest([0.1, 0.5, 0.9], "uniform").pvalue
print(json.dumps({"before": before, "after": ran("scipy.stats"), "p": round(p_value, 3),
                  "finders": [type(f).__name__ for f in sys.meta_path]}))
"""


def test_gx_leaves_scipy_unrun_until_something_uses_it() -> None:
    """GX imports scipy.stats at start-up for its distribution expectations; etlcheck's
    import of GX leaves it to run on first use, and it then works as always."""
    finished = subprocess.run(
        [sys.executable, "-c", LAZY_PROBE],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    found = json.loads(finished.stdout.strip().splitlines()[-1])
    assert (found["before"], found["after"], found["p"]) == (False, True, 0.986)
    assert "_LazyFinder" not in found["finders"]
