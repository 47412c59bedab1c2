"""The README's custom ``etl_seed``: a suite written by ``etlcheck init`` for a project that
declares no seed sources, seeded in code with ``etlcheck.seeding.Seeder``. The suite passes,
its protected-table case covers every table of the before-fingerprint, and the report
records what the fixture seeded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.scaffold import init_project

LIBRARY = Path(__file__).resolve().parents[1] / "own_pipeline" / "library"

pytestmark = pytest.mark.slow

CONFTEST = """

import pandas as pd
from etlcheck.seeding import Seeder


@pytest.fixture(scope="session")
def etl_seed(etl_engine, etl_options):
    seeder = Seeder(etl_engine, etl_options)
    seeder.ddl("db/library.sql")
    seeder.files("data")
    seeder.frame(
        "desk",
        "events",
        pd.DataFrame(
            {
                "member_id": ["M004"],
                "isbn": ["9780000000002"],
                "event": ["LEND"],
                "event_on": [pd.Timestamp("2024-06-05")],
            }
        ),
        source="a DataFrame built in conftest.py",
    )
    return seeder.finish()
"""


def test_a_custom_seed_with_no_declared_sources(pytester: pytest.Pytester) -> None:
    project = pytester.path / "library"
    shutil.copytree(LIBRARY, project)
    init_project(project)
    config = project / "etlcheck.toml"
    config.write_text(
        config.read_text().replace('sources = [{ kind = "ddl"', '# sources = [{ kind = "ddl"'),
        "utf-8",
    )
    suite = project / "suites" / "library"
    conftest = suite / "conftest.py"
    conftest.write_text(conftest.read_text() + CONFTEST, "utf-8")
    result = pytester.runpytest_subprocess(str(suite), "-p", "no:cacheprovider", "-v")
    result.stdout.fnmatch_lines(["*test_production_table_unchanged?every-protected-table? PASSED*"])
    assert result.ret == 0, result.stdout.str()
    document = json.loads((project / "reports" / "latest" / "run.json").read_text())
    sources = document["seed"]["sources"]
    assert [s["kind"] for s in sources] == ["ddl", "files", "frame"]
    assert sources[2]["tables"] == [
        {"table": "desk.events", "rows": 6, "source": "a DataFrame built in conftest.py"}
    ]
    loans = {row["production"]: row for row in document["production_preview"]}["lib.Loans"]
    assert (loans["rows_added"], loans["rows_changed"]) == (3, 1)
