"""A pipeline whose scripts create procedures that nothing calls runs none of their code:
init, lint and run name them in one note, with the call to add; exit codes are kept."""

from __future__ import annotations

from pathlib import Path

from etlcheck.config import load_config
from etlcheck.pipeline import Pipeline
from etlcheck.uncalled import uncalled_note, uncalled_procedures
from tests.gate.conftest import run_etlcheck

PRODUCTION = """CREATE SCHEMA etl;
GO
CREATE TABLE etl.Orders (OrderId INT NOT NULL PRIMARY KEY, Amount DECIMAL(10,2) NOT NULL);
GO
"""
PROCEDURES = """CREATE OR ALTER PROCEDURE etl.usp_Load
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE etl.Orders SET Amount = Amount * 2;
    EXEC etl.usp_Audit;  -- a procedure calls it, so it is not named
END
GO
CREATE PROCEDURE [etl].[usp_Audit] AS PRINT 'audited';
GO
CREATE PROC etl.usp_Report
AS
    PRINT 'report';
GO
CREATE PROCEDURE etl.usp_Dynamic AS PRINT 'dynamic';
GO
DECLARE @sql NVARCHAR(200) = N'EXEC etl.usp_' + N'Dynamic';  -- not a whole name: named
EXEC sp_executesql N'EXEC etl.usp_Report';
GO
"""


def project(tmp_path: Path, procedures: str = PROCEDURES) -> Path:
    root = tmp_path / "shop"
    for folder in ("db", "data", "sql"):
        (root / folder).mkdir(parents=True)
    (root / "db" / "production.sql").write_text(PRODUCTION, "utf-8")
    (root / "data" / "etl.Orders.csv").write_text("OrderId,Amount\n1,10.50\n", "utf-8")
    (root / "sql" / "01-procedures.sql").write_text(procedures, "utf-8")
    return root


def test_procedures_no_call_names_are_named_as_written(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run_etlcheck(root, "init", ".").code == 0
    pipeline = Pipeline.from_config(load_config(root / "etlcheck.toml"))
    assert uncalled_procedures(pipeline) == ["etl.usp_Load", "etl.usp_Dynamic"]
    assert uncalled_note(pipeline) == (
        "note: 2 procedures are created and never called, so their code does not run: "
        "etl.usp_Load, etl.usp_Dynamic (call them from a phase of etlcheck.toml, e.g. steps = "
        '["EXEC etl.usp_Load"])'
    )


def test_a_call_step_calls_the_procedure(tmp_path: Path) -> None:
    root = project(tmp_path, PROCEDURES.replace("N'EXEC etl.usp_' + N'Dynamic'", "N''"))
    assert run_etlcheck(root, "init", ".").code == 0
    config_file = root / "etlcheck.toml"
    text = config_file.read_text("utf-8")
    written = 'scripts = [\n    "01-procedures.sql",\n]'
    assert written in text
    text = text.replace(
        written,
        'steps = ["01-procedures.sql", "EXEC etl.usp_Load", "exec ETL.USP_DYNAMIC"]',
    )
    config_file.write_text(text, "utf-8")
    config = load_config(config_file)
    assert uncalled_note(Pipeline.from_config(config)) is None
    ran = run_etlcheck(root, "run")
    assert ran.code == 0, ran.out + ran.err
    assert "never called" not in ran.out + ran.err


def test_init_lint_and_run_print_the_note_and_keep_their_exit_codes(tmp_path: Path) -> None:
    root = project(tmp_path, "CREATE PROCEDURE etl.usp_Only AS UPDATE etl.Orders SET Amount = 0;\n")
    note = (
        "note: 1 procedure is created and never called, so its code does not run: "
        'etl.usp_Only (call it from a phase of etlcheck.toml, e.g. steps = ["EXEC etl.usp_Only"])'
    )
    initialised = run_etlcheck(root, "init", ".")
    assert initialised.code == 0, initialised.out + initialised.err
    assert note in initialised.out.splitlines()

    linted = run_etlcheck(root, "lint")
    assert linted.code == 0, linted.out + linted.err
    assert linted.err.strip() == f"etlcheck: {note}"

    ran = run_etlcheck(root, "run")
    assert ran.code == 0, ran.out + ran.err
    assert ran.out.splitlines()[1].strip() == note
