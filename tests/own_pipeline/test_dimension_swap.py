"""The weekly rebuild of a dimension by the swap-table pattern, run as a new user runs it
(``etlcheck init`` then ``etlcheck run``) on DuckDB: the star schema of ``star_schema/``
with a third step from ``dimension_swap/`` that loads ``dw.DimProduct_new``, renames the old
dimension away and the new one in with ``sp_rename``, and drops the old one. Moving the
facts' FOREIGN KEY to the new dimension first, the run is VERIFIED; forgetting it, the key
follows the old dimension as on SQL Server and its DROP fails the step with error 3726."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.tsql.foreign_keys import decode_foreign_keys

STAR = Path(__file__).parent / "star_schema"
SWAPS = Path(__file__).parent / "dimension_swap"
DATABASE = Path(".etlcheck") / "star.duckdb"

pytestmark = pytest.mark.duckdb


def project(folder: Path, rebuild: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The star schema with the rebuild step ``rebuild``, its fact's key named only once
    (SQL Server names an unnamed key at random, so no script could drop it by name)."""
    folder.mkdir()
    for part in ("db", "data", "sql"):
        shutil.copytree(STAR / part, folder / part)
    production = folder / "db" / "production.sql"
    text = production.read_text(encoding="utf-8")
    unnamed = "NOT NULL REFERENCES dw.DimProduct (ProductKey),"
    assert unnamed in text
    production.write_text(text.replace(unnamed, "NOT NULL,"), encoding="utf-8")
    shutil.copy(SWAPS / rebuild, folder / "sql" / "03-rebuild-dim.sql")
    monkeypatch.chdir(folder)
    assert main(["init"]) == 0
    return folder


def test_the_swap_that_moves_the_key_is_verified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import duckdb

    root = project(tmp_path / "star", "03-rebuild-dim.sql", monkeypatch)
    suites = sorted(p.name for p in (root / "suites" / "star" / "expectations").iterdir())
    assert "DimProduct_new.json" not in suites
    capsys.readouterr()
    code = main(["run"])
    out = capsys.readouterr().out
    assert code == 0 and "VERIFIED" in out and "NOT VERIFIED" not in out, out
    with duckdb.connect(str(root / DATABASE), read_only=True) as connection:
        tables = connection.execute(
            "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'poc_dw' "
            "ORDER BY table_name"
        ).fetchall()
        names = connection.execute('SELECT "Name" FROM poc_dw."DimProduct" ORDER BY 1').fetchall()
    assert [name for name, _ in tables] == ["DimProduct", "FactSales"]
    keys = decode_foreign_keys(dict(tables)["FactSales"])
    assert [(key.name, key.parent) for key in keys] == [
        ("FK_FactSales_Product", ("poc_dw", "DimProduct"))
    ]
    assert all(str(name).isupper() for (name,) in names)


def test_a_swap_that_forgets_the_key_fails_where_sql_server_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "star", "03-rebuild-dim-keeps-key.sql", monkeypatch)
    capsys.readouterr()
    code = main(["run"])
    out = capsys.readouterr().out
    assert code == 1 and "NOT VERIFIED" in out, out
    assert (
        "03-rebuild-dim.sql:17:1: Could not drop object 'poc_dw.DimProduct_old' because it is "
        "referenced by a FOREIGN KEY constraint."
    ) in out
    run = json.loads((root / "reports" / "latest" / "run.json").read_text("utf-8"))
    assert run["verdict"] == "not verified"


def test_a_rename_of_production_by_a_name_built_at_run_time_is_caught_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lint cannot prove the built name stays in the sandbox, and the fingerprint sees
    production's dimension gone and its parked copy made: never silence."""
    project(tmp_path / "star", "03-rebuild-dim-by-name.sql", monkeypatch)
    capsys.readouterr()
    code = main(["run"])
    out = capsys.readouterr().out
    assert code == 1 and "NOT VERIFIED" in out, out
    assert "production changed: dw.DimProduct was dropped (it had 2 rows)" in out
    assert "production changed: dw.DimProduct_old was created with 2 rows" in out
    assert "03-rebuild-dim.sql:8:20: procedure-argument:" in out
