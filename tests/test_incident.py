"""The incident, reproduced on the sample pipeline (DuckDB, scale poc), and its fix.

With ``--rewrite regex`` (the incident's substitution of qualified bare names) and an
empty sandbox, as the team ran it, the run puts its staging rows into production
``etl.stg_*`` and leaves only the run-state tables in ``poc_etl``; the guard and lint both
say so. With the default AST remap, lint is clean, production is unchanged, all staging
data is in ``poc_etl``, and the export meets the rows production already holds (cloned
into the sandbox). ``etlcheck run`` exits 1 and 0 accordingly.

Expected row counts come from the sample generator, expected lint lines from scanning
``00-schema-setup.sql``; ``tests/isolation/test_pipeline_lint.py`` checks the same lint
on its own, here it is the run's lint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from etlcheck.cli import main
from etlcheck.config import Config, load_config
from etlcheck.sampledata import generate
from etlcheck.verify import RunOptions, Verification, verify

pytestmark = pytest.mark.duckdb

ROOT = Path(__file__).resolve().parents[1]
SCALE = "poc"
INCIDENT_STAGING = ("stg_brokers", "stg_policies", "stg_groups", "stg_proposals")
STATE_TABLES = frozenset({"etl_run_state", "etl_step_state"})
SETUP_SCRIPT = "00-schema-setup.sql"
_SCHEMA_NAMED = re.compile(r"'(etl|dbo|raw_data)'|\[(etl|dbo|raw_data)\]", re.IGNORECASE)


@dataclass(frozen=True)
class IncidentRun:
    verification: Verification
    db: Path
    stages: list[str]

    def tables(self, schema: str) -> dict[str, int]:
        """Row count of every table in ``schema`` of the run's database file, as left."""
        with duckdb.connect(str(self.db), read_only=True) as connection:
            names = connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = ? AND table_type = 'BASE TABLE'",
                [schema],
            ).fetchall()
            counts: dict[str, int] = {}
            for (name,) in names:
                row = connection.execute(f'SELECT COUNT(*) FROM "{schema}"."{name}"').fetchone()
                counts[name] = int(row[0]) if row else 0
            return counts


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(ROOT / "etlcheck.toml")


@pytest.fixture(scope="module")
def expected(config: Config) -> dict[str, int]:
    """What ``etl.stg_*`` must hold after a run: the generator's own counts for poc."""
    counts = generate(SCALE, config.sample.seed).expected_staging_counts()
    assert set(INCIDENT_STAGING) <= set(counts)
    return counts


def _verify(config: Config, folder: Path, rewrite: str, clone: bool | None) -> IncidentRun:
    db = folder / f"{rewrite}.duckdb"
    options = RunOptions.from_config(
        config,
        rewrite=rewrite,
        db=str(db),
        scale=SCALE,
        report_dir=folder / "reports",
        clone_production=clone,
    )
    stages: list[str] = []
    return IncidentRun(verify(options, stage=stages.append), db, stages)


@pytest.fixture(scope="module")
def regex_run(config: Config, tmp_path_factory: pytest.TempPathFactory) -> IncidentRun:
    return _verify(config, tmp_path_factory.mktemp("incident-regex"), "regex", clone=False)


@pytest.fixture(scope="module")
def ast_run(config: Config, tmp_path_factory: pytest.TempPathFactory) -> IncidentRun:
    return _verify(config, tmp_path_factory.mktemp("incident-ast"), "ast", clone=None)


def _schema_lines(path: Path) -> set[int]:
    """Lines naming a protected schema as a literal or bracketed name, outside comments."""
    text = re.sub(
        r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), path.read_text(), flags=re.S
    )
    return {
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if _SCHEMA_NAMED.search(line.split("--", 1)[0])
    }


# --- with the incident's regex rewrite --------------------------------------------------


def test_regex_guard_reports_staging_rows_landing_in_production(
    regex_run: IncidentRun, expected: dict[str, int]
) -> None:
    production = regex_run.verification.production
    assert production is not None
    assert not production.is_clean
    for name in INCIDENT_STAGING:
        table = production.table("etl", name)
        assert table is not None, f"etl.{name} missing from the guard's diff"
        assert table.status != "unchanged", table.sentence
        assert table.rows_after == expected[name], table.sentence
        assert f"{expected[name]} rows" in table.sentence
        assert any(f"etl.{name}" in finding for finding in regex_run.verification.findings)
    assert regex_run.tables("etl")["stg_brokers"] == expected["stg_brokers"]


def test_regex_leaves_only_the_state_tables_in_poc_etl(regex_run: IncidentRun) -> None:
    sandbox = regex_run.verification.sandbox
    assert sandbox is not None
    landed = {(t.schema, t.name) for t in sandbox.changed_tables}
    assert landed == {("poc_etl", name) for name in STATE_TABLES}
    assert set(regex_run.tables("poc_etl")) == STATE_TABLES


def test_regex_run_is_flagged_by_lint_at_the_setup_lines(
    regex_run: IncidentRun, config: Config
) -> None:
    lint = regex_run.verification.lint
    assert lint is not None
    assert lint.exit_code == 1
    flagged = {
        f.location.line
        for f in lint.unsilenced
        if Path(f.location.path).name == SETUP_SCRIPT and f.code == "production-schema"
    }
    incident_lines = _schema_lines(config.sql_dir / SETUP_SCRIPT)
    assert incident_lines
    assert flagged == incident_lines


def test_regex_run_is_not_verified(regex_run: IncidentRun) -> None:
    assert regex_run.verification.run.failed is None
    assert not regex_run.verification.verified


# --- with the default AST remap -----------------------------------------------------------


def test_ast_run_is_lint_clean_and_leaves_production_unchanged(ast_run: IncidentRun) -> None:
    verification = ast_run.verification
    assert verification.options.rewrite == "ast"
    assert verification.lint is not None
    assert [str(f) for f in verification.lint.unsilenced] == []
    assert verification.production is not None
    assert verification.production.is_clean, verification.production.sentences
    assert verification.verified, verification.findings


def test_ast_run_puts_all_staging_data_in_poc_etl(
    ast_run: IncidentRun, expected: dict[str, int]
) -> None:
    sandbox = ast_run.verification.sandbox
    assert sandbox is not None
    for name in INCIDENT_STAGING:
        table = sandbox.table("poc_etl", name)
        assert table is not None, f"poc_etl.{name} missing from the sandbox diff"
        # The clone held the earlier run's rows; the run dropped and re-created the table.
        assert table.status == "changed" and table.recreated, table.sentence
        assert table.rows_after == expected[name], table.sentence
    held = ast_run.tables("poc_etl")
    assert {name: held.get(name) for name in expected} == expected
    assert set(held) >= STATE_TABLES


def test_ast_run_exports_against_the_rows_production_already_holds(
    ast_run: IncidentRun, config: Config
) -> None:
    """poc_dbo.Brokers starts as a copy of dbo.Brokers; the additive export adds exactly
    the staged brokers production does not have, and changes none of the others."""
    data = generate(SCALE, config.sample.seed)
    held = set(data.production["Brokers"]["BrokerCode"])
    staged = set(data.staging["stg_brokers"]["broker_code"])
    seed = ast_run.verification.seed
    assert seed is not None and seed.cloned
    assert {c.sandbox_name for c in seed.clones} >= {"poc_dbo.Brokers", "poc_raw_data.brokers"}
    sandbox = ast_run.verification.sandbox
    assert sandbox is not None
    brokers = sandbox.table("poc_dbo", "Brokers")
    assert brokers is not None
    assert (brokers.rows_before, brokers.rows_added) == (len(held), len(staged - held))
    assert (brokers.rows_removed, brokers.rows_changed) == (0, 0)
    assert 0 < len(staged - held) < len(staged)


def test_ast_run_leaves_etl_staging_as_the_earlier_run_left_it(
    ast_run: IncidentRun, config: Config
) -> None:
    """Read back from the database file, not through the guard: etl.stg_* keep the seed."""
    earlier = generate(SCALE, config.sample.seed).earlier_run
    left = ast_run.tables("etl")
    assert {name: left.get(name) for name in INCIDENT_STAGING} == {
        name: len(earlier[name]) for name in INCIDENT_STAGING
    }


# --- the command line ----------------------------------------------------------------------


@pytest.mark.parametrize(("rewrite", "exit_code"), [("regex", 1), (None, 0)])
def test_etlcheck_run_exit_code(
    rewrite: str | None,
    exit_code: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(ROOT)
    argv = ["run", "--db", str(tmp_path / "run.duckdb"), "--report-dir", str(tmp_path / "r")]
    if rewrite:
        argv += ["--rewrite", rewrite]
    assert main(argv) == exit_code, capsys.readouterr().out[-2000:]
    assert list((tmp_path / "r").glob("*/run.json"))


def test_the_run_announces_the_work_around_its_steps(ast_run: IncidentRun) -> None:
    # What a terminal's status line shows between the step lines (etlcheck.terminal). The
    # repository's earlier runs may have kept a seeded template (etlcheck.seeding.template).
    assert ast_run.stages[0] in (
        f"generating and loading the sample data (scale {SCALE})",
        "copying the database an earlier run seeded alike (from .etlcheck/cache/)",
    )
    assert ast_run.stages[1:] == [
        "fingerprinting production and the sandbox",
        "fingerprinting production and the sandbox again",
        "validating 4 expectation suites with Great Expectations",
        "closing the database",
    ]
