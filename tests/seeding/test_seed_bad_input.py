"""Bad seed input: one line naming the file and the fix, exit 2, and no step runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.cli import main


def refused(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["run", "--config", str(project / "etlcheck.toml"), *args]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in captured.err
    assert "[1/3]" not in captured.out, "a step ran"
    assert not (project / "reports").exists()
    return lines[0].removeprefix("etlcheck: error: ")


def test_a_header_naming_a_column_the_table_does_not_have(project: Path, capsys) -> None:
    path = project / "data" / "inv.Items.csv"
    path.write_text(path.read_text().replace("Notes", "Remarks"), "utf-8")
    line = refused(project, capsys)
    assert line.startswith(
        f"{path}:1:6: inv.Items.csv: column 'Remarks' is not a column of inv.Items"
    )
    assert "ItemId, Sku, Name, Price, Active, Notes" in line


def test_a_header_leaving_out_a_required_column(project: Path, capsys) -> None:
    path = project / "data" / "inv.Items.csv"
    lines = [
        ",".join(line.split(",")[:2] + line.split(",")[3:])
        for line in path.read_text().splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    line = refused(project, capsys)
    assert line.startswith(f"{path}:1:1: inv.Items.csv lacks column(s) Name, which inv.Items needs")


def test_a_file_for_a_table_nobody_creates_and_no_rows_to_type_it(project: Path, capsys) -> None:
    path = project / "data" / "inv.Suppliers.csv"
    path.write_text("supplier_id,name\n", "utf-8")
    line = refused(project, capsys)
    assert line == (
        f"{path}: no DDL or script creates inv.Suppliers, and inv.Suppliers.csv has no rows "
        "to infer its column types from (add CREATE TABLE inv.Suppliers to a DDL seed "
        "source (db/), or rows to the file)"
    )


def test_a_file_whose_name_names_no_table(project: Path, capsys) -> None:
    path = project / "data" / "suppliers.csv"
    path.write_text("supplier_id,name\n1,Acme\n", "utf-8")
    line = refused(project, capsys)
    assert line == (
        f"{path}: cannot tell which table suppliers.csv fills "
        "(name it <schema>.<table>.csv, e.g. dbo.Customers.csv)"
    )


def test_a_value_the_column_cannot_hold(project: Path, capsys) -> None:
    path = project / "data" / "inv.Items.csv"
    path.write_text(path.read_text().replace("0.25", "a quarter"), "utf-8")
    line = refused(project, capsys)
    assert line.startswith(f"{path}:2: cannot load inv.Items.csv into inv.Items: ")
    assert "a quarter" in line


def test_a_clone_larger_than_max_rows(project: Path, capsys) -> None:
    config = project / "etlcheck.toml"
    config.write_text(config.read_text().replace("[seed]\n", "[seed]\nmax_rows = 2\n"), "utf-8")
    line = refused(project, capsys)
    assert line == (
        f"{config}: cloning feed.receipts into the sandbox would copy 3 rows, more than "
        "[seed] max_rows = 2 (raise [seed] max_rows, seed fewer rows, or set [seed] "
        "clone_production = false)"
    )


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("sample:retail", "--seed-from sample:retail: there is no sample named 'retail'"),
        ("oracle://x@y/z", "--seed-from: oracle:// is no database etlcheck can read"),
        ("nowhere/", "--seed-from nowhere/: "),
    ],
)
def test_a_seed_from_etlcheck_cannot_use(project: Path, capsys, spec: str, expected: str) -> None:
    assert refused(project, capsys, "--seed-from", spec).startswith(expected)


def test_a_seed_database_that_cannot_be_reached(project: Path, capsys) -> None:
    line = refused(project, capsys, "--seed-from", "postgresql://reader:s3cret@127.0.0.1:1/prod")
    assert line.startswith(
        "cannot reach the seed database postgresql://reader:***@127.0.0.1:1/prod: "
    )
    assert "s3cret" not in line and line.endswith(
        "(check the URL, that the server runs, and the login)"
    )
