"""A data vault whose tables production already has, run as a new user runs it
(``etlcheck init``, then ``etlcheck run``): ``db/`` declares the hubs, a satellite and a
reference table with their PRIMARY KEYs (one NONCLUSTERED, as SSDT scripts it), a link and
a load log with none; the steps only write them (INSERT ... SELECT, MERGE, UPDATE through an
alias, SELECT ... INTO after a DROP). ``etlcheck init`` writes a key suite for each table
whose key ``db/`` declares and names the two it cannot cover; the run validates them on
DuckDB and PostgreSQL, and a rebuild that repeats a key fails its suite.
The project is ``data_vault/``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
from etlcheck.testing import skip_unless_available

FIXTURES = Path(__file__).parent / "data_vault"
SUITES = Path("suites") / "vault" / "expectations"
REPEATED = "expect_column_values_to_be_unique failed: 4 unexpected value(s): P-10 ×2, P-20 ×2"


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    folder = tmp_path / "vault"
    folder.mkdir()
    for part in ("db", "data", "sql"):
        shutil.copytree(FIXTURES / part, folder / part)
    monkeypatch.chdir(folder)
    assert main(["init"]) == 0
    return folder


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["run", *arguments])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def repeat_a_key(folder: Path) -> None:
    shutil.copy(FIXTURES / "variants" / "30-reference.sql", folder / "sql" / "30-reference.sql")


def test_init_writes_the_declared_keys_of_the_tables_the_steps_write(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = capsys.readouterr().out
    suites = {p.stem: json.loads(p.read_text("utf-8")) for p in (project / SUITES).iterdir()}
    assert sorted(suites) == ["HubCustomer", "HubProduct", "RefProduct", "SatCustomer"]
    assert suites["HubCustomer"]["meta"]["etlcheck"]["table"] == "dv.HubCustomer"
    assert [(e["type"], e["kwargs"]) for e in suites["SatCustomer"]["expectations"]] == [
        ("expect_column_values_to_not_be_null", {"column": "CustomerHashKey"}),
        ("expect_column_values_to_not_be_null", {"column": "LoadDate"}),
        (
            "expect_compound_columns_to_be_unique",
            {"column_list": ["CustomerHashKey", "LoadDate"]},
        ),
    ]
    assert (
        "no key suite for 2 tables (no PRIMARY KEY in sql/ or db/): dv.LinkOrder, dv.LoadLog"
    ) in out.splitlines()
    assert main(["init"]) == 2  # never overwrites, the new suites included
    assert "already exists" in capsys.readouterr().err


@pytest.mark.duckdb
def test_on_duckdb_the_suites_run_and_a_repeated_key_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys)
    assert code == 0 and "4 expectation suites met" in out, out
    repeat_a_key(project)
    code, out = run(capsys)
    assert code == 1 and "NOT VERIFIED" in out, out
    assert f"poc_dv.RefProduct.ProductCode: {REPEATED}" in out


@pytest.mark.postgres
@pytest.mark.slow
def test_on_postgres_the_suites_run_and_a_repeated_key_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skip_unless_available("postgres", postgres_unavailable_reason())
    code, out = run(capsys, "--engine", "postgres")
    assert code == 0 and "4 expectation suites met" in out, out
    repeat_a_key(project)
    code, out = run(capsys, "--engine", "postgres")
    assert code == 1 and f"poc_dv.RefProduct.ProductCode: {REPEATED}" in out, out
