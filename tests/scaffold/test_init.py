"""`etlcheck init` on the three layouts teams use: numbered files, one folder, nested
folders. Schemas come from the T-SQL parser (a name in a comment or a plain string does
not count), phases from the layout, seed sources from db/ and data/, one key expectation
suite per table the pipeline creates with a primary key; it never overwrites."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.config import load_config
from etlcheck.scaffold import SUITE_FILES, init_project, suite_template

HERE = Path(__file__).parent
REPO = HERE.parents[1]


def copy(layout: str, tmp_path: Path) -> Path:
    target = tmp_path / layout
    shutil.copytree(HERE / "layouts" / layout, target)
    return target


def test_numbered_files(tmp_path: Path) -> None:
    root = copy("numbered", tmp_path)
    result = init_project(root)
    config = load_config(root / "etlcheck.toml")
    assert [(p.name, p.scripts) for p in config.phases] == [
        ("steps_0x", ("00-schemas.sql", "01-tables.sql")),
        ("load", ("10-load-orders.sql", "11-load-customers.sql")),
        ("export", ("30-export-orders.sql", "31-export-audit.sql")),
    ]
    assert config.sandbox.schema_map == {
        "stage": "poc_stage",
        "src": "poc_src",
        "sales": "poc_sales",
        "ref": "poc_ref",
        "dbo": "poc_dbo",
    }
    assert config.sandbox.protected == tuple(config.sandbox.schema_map)
    assert [(s.kind, getattr(s, "path", None)) for s in config.seed.sources] == [
        ("ddl", "db"),
        ("files", "data"),
    ]
    suites = {
        path.name: json.loads(path.read_text())
        for path in (root / "suites" / "numbered" / "expectations").glob("*.json")
    }
    assert set(suites) == {"orders.json", "customers.json", "Orders.json"}
    orders = suites["orders.json"]
    assert orders["meta"]["etlcheck"]["table"] == "stage.orders"
    assert [(e["type"], e["kwargs"]) for e in orders["expectations"]] == [
        ("expect_column_values_to_not_be_null", {"column": "order_id"}),
        ("expect_column_values_to_not_be_null", {"column": "line_no"}),
        ("expect_compound_columns_to_be_unique", {"column_list": ["order_id", "line_no"]}),
    ]
    assert config.run.expectations == "suites/numbered/expectations"
    assert (
        "no key suite for 2 tables (no PRIMARY KEY in sql/ or db/): stage.notes, dbo.AuditLog"
    ) in result.summary.splitlines()


def test_one_folder(tmp_path: Path) -> None:
    root = copy("flat", tmp_path)
    result = init_project(root, name="crm load")
    config = load_config(root / "etlcheck.toml")
    assert config.name == "crm load"
    assert [(p.name, p.scripts) for p in config.phases] == [
        ("pipeline", ("load_contacts.sql", "load_customers.sql"))
    ]
    assert set(config.sandbox.schema_map) == {"crm", "raw"}
    assert config.seed.sources == ()
    assert config.run.expectations == ""
    assert (root / "suites" / "crm_load" / "conftest.py") in result.files
    assert "seed: nothing declared" in result.summary


def test_nested_folders(tmp_path: Path) -> None:
    root = copy("nested", tmp_path)
    init_project(root)
    config = load_config(root / "etlcheck.toml")
    assert [(p.name, p.title, p.scripts) for p in config.phases] == [
        ("setup", "Setup", ("01-setup/tables.sql",)),
        ("load", "Load", ("02-load/dims.sql", "02-load/facts/sales.sql")),
        ("publish", "Publish", ("03-publish/views.sql",)),
    ]
    assert set(config.sandbox.schema_map) == {"dw", "landing"}
    assert all(step.is_file() for step in (config.sql_dir / s for s in config.phases[1].scripts))


def test_the_generated_suite_is_the_shipped_suite(tmp_path: Path) -> None:
    root = copy("flat", tmp_path)
    init_project(root)
    for name in SUITE_FILES:
        shipped = (REPO / "suites" / "poc_isolation" / name).read_text("utf-8")
        assert suite_template(name) == shipped, name
        assert (root / "suites" / "flat" / name).read_text("utf-8") == shipped, name


def test_init_refuses_to_overwrite_any_file(tmp_path: Path, capsys) -> None:
    root = copy("nested", tmp_path)
    suite = root / "suites" / "nested"
    suite.mkdir(parents=True)
    (suite / "test_static_isolation.py").write_text("# mine\n", "utf-8")
    assert main(["init", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "test_static_isolation.py already exists" in err[0]
    assert not (root / "etlcheck.toml").exists()
    assert (suite / "test_static_isolation.py").read_text() == "# mine\n"


@pytest.mark.parametrize("make", ["nothing", "empty sql"])
def test_init_needs_scripts(tmp_path: Path, make: str, capsys) -> None:
    if make == "empty sql":
        (tmp_path / "sql").mkdir()
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert ("has no sql/ folder" if make == "nothing" else "holds no .sql scripts") in err[0]
    assert list(tmp_path.iterdir()) == ([] if make == "nothing" else [tmp_path / "sql"])


def test_a_table_swapped_in_by_sp_rename_gets_the_suite_of_its_final_name(
    tmp_path: Path,
) -> None:
    """The swap-table pattern: the key suite is for dw.DimProduct (the loaded table renamed
    in), not for dw.DimProduct_new, which no longer exists after the run."""
    root = tmp_path / "swap"
    (root / "sql").mkdir(parents=True)
    (root / "sql" / "01-rebuild-dim.sql").write_text(
        "CREATE TABLE dw.DimProduct_new (ProductKey int NOT NULL PRIMARY KEY,\n"
        "  Code varchar(10) NOT NULL);\n"
        "GO\n"
        "EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';\n"
        "EXEC sys.sp_rename @objname = N'[dw].[DimProduct_new]', @newname = N'DimProduct';\n"
        "EXEC sp_rename 'dw.DimProduct.Code', 'ProductCode', 'COLUMN';\n",
        encoding="utf-8",
    )
    init_project(root)
    suites = sorted(p.name for p in (root / "suites" / "swap" / "expectations").iterdir())
    assert suites == ["DimProduct.json"]
    document = json.loads((root / "suites/swap/expectations/DimProduct.json").read_text())
    assert document["meta"]["etlcheck"]["table"] == "dw.DimProduct"


def test_a_table_a_step_creates_without_a_key_gets_the_key_db_declares(tmp_path: Path) -> None:
    """``IF OBJECT_ID(...) IS NULL CREATE TABLE`` without the key: production's table, as
    ``db/`` declares it, has one. A table in a sandbox schema gets no suite."""
    root = tmp_path / "guarded"
    (root / "sql").mkdir(parents=True)
    (root / "db").mkdir()
    (root / "db" / "tables.sql").write_text(
        "CREATE TABLE dw.DimDate (DateKey int NOT NULL,\n"
        "  CONSTRAINT PK_DimDate PRIMARY KEY CLUSTERED (DateKey));\n",
        encoding="utf-8",
    )
    (root / "sql" / "01-dates.sql").write_text(
        "IF OBJECT_ID(N'dw.DimDate') IS NULL CREATE TABLE dw.DimDate (DateKey int NOT NULL);\n"
        "INSERT INTO dw.DimDate (DateKey) VALUES (20261202);\n"
        "INSERT INTO poc_dw.Scratch (a) VALUES (1);\n",
        encoding="utf-8",
    )
    result = init_project(root)
    suites = sorted(p.name for p in (root / "suites" / "guarded" / "expectations").iterdir())
    assert suites == ["DimDate.json"]
    assert "no key suite" not in result.summary


def test_a_table_several_steps_write_gets_one_suite(tmp_path: Path) -> None:
    root = tmp_path / "twice"
    (root / "sql").mkdir(parents=True)
    (root / "db").mkdir()
    (root / "db" / "tables.sql").write_text(
        "CREATE TABLE dv.Hub (HubKey int NOT NULL PRIMARY KEY);\n"
        "CREATE TABLE dv.Log (Step int NOT NULL);\n",
        encoding="utf-8",
    )
    for number in ("01", "02"):
        (root / "sql" / f"{number}-load.sql").write_text(
            f"INSERT INTO dv.Hub (HubKey) VALUES ({number});\n"
            f"INSERT INTO dv.Log (Step) VALUES ({number});\n",
            encoding="utf-8",
        )
    result = init_project(root)
    suites = sorted(p.name for p in (root / "suites" / "twice" / "expectations").iterdir())
    assert suites == ["Hub.json"]
    assert "no key suite for 1 table (no PRIMARY KEY in sql/ or db/): dv.Log" in result.summary
