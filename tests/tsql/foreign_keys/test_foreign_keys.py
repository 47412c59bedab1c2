"""FOREIGN KEY on DuckDB: recorded with the child table, enforced by the interpreter
with SQL Server's errors (etlcheck.tsql.foreign_keys, etlcheck.tsql.guard)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.tsql.foreign_keys import ForeignKey, decode_foreign_keys
from tests.tsql.tsql_scripts import rejected, rows, run

pytestmark = pytest.mark.duckdb

HERE = Path(__file__).parent
STAR = (HERE / "star_schema.sql").read_text(encoding="utf-8")


def comment(engine: DuckDBEngine, table: str) -> str:
    return str(
        engine.query(f"SELECT comment FROM duckdb_tables() WHERE table_name = '{table}'").scalar()
    )


def test_the_star_schema_creates_and_records_both_foreign_keys(engine: DuckDBEngine) -> None:
    run(engine, STAR)
    keys = decode_foreign_keys(comment(engine, "FactSales"))
    assert keys == (
        ForeignKey(
            "FK__FactSales__ProductKey", ("ProductKey",), "dw", "DimProduct", ("ProductKey",)
        ),
        ForeignKey("FK_FactSales_Product", ("ProductKey",), "dw", "DimProduct", ("ProductKey",)),
    )
    # DuckDB itself holds no FOREIGN KEY: the parent has no key index to refer to.
    assert rows(
        engine, "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
    ) == [(0,)]


def test_a_child_row_without_its_parent_fails_with_sql_servers_message(
    engine: DuckDBEngine,
) -> None:
    run(engine, STAR + "\nGO\nINSERT INTO dw.DimProduct VALUES (1, 'A')")
    error = rejected(engine, "INSERT INTO dw.FactSales VALUES (1, 1, 5), (2, 7, 1)")
    assert error.message == (
        "The INSERT statement conflicted with the FOREIGN KEY constraint "
        '"FK__FactSales__ProductKey". The conflict occurred in database "memory", '
        "table \"dw.DimProduct\", column 'ProductKey'."
    )
    assert rows(engine, "SELECT count(*) FROM dw.FactSales") == [(0,)]


def test_deleting_a_referenced_parent_names_the_child(engine: DuckDBEngine) -> None:
    run(
        engine,
        STAR + "\nGO\nINSERT INTO dw.DimProduct VALUES (1, 'A'), (2, 'B')\n"
        "INSERT INTO dw.FactSales VALUES (1, 1, 5)",
    )
    error = rejected(engine, "DELETE FROM dw.DimProduct")
    assert error.message.startswith(
        "The DELETE statement conflicted with the REFERENCE constraint "
        '"FK__FactSales__ProductKey". The conflict occurred in database "memory", '
        "table \"dw.FactSales\", column 'ProductKey'."
    )
    assert rows(engine, "SELECT count(*) FROM dw.DimProduct") == [(2,)]


def test_merge_into_the_dim_then_facts_checks_both_sides(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        STAR + "\nGO\nMERGE dw.DimProduct AS t USING (VALUES (1, 'A'), (2, 'B')) AS s (k, c)\n"
        "ON t.ProductKey = s.k WHEN MATCHED THEN UPDATE SET Code = s.c\n"
        "WHEN NOT MATCHED THEN INSERT (ProductKey, Code) VALUES (s.k, s.c);\n"
        "INSERT INTO dw.FactSales VALUES (1, 1, 5), (2, 2, 1)\n"
        "BEGIN TRY\n"
        "  MERGE dw.DimProduct AS t USING (VALUES (2)) AS s (k) ON t.ProductKey = s.k\n"
        "  WHEN MATCHED THEN DELETE;\n"
        "END TRY\nBEGIN CATCH\n  PRINT ERROR_NUMBER(); PRINT LEFT(ERROR_MESSAGE(), 60)\nEND CATCH",
    )
    assert messages == ("547", "The MERGE statement conflicted with the REFERENCE constraint")


def test_alter_table_adds_checks_and_drops_a_foreign_key(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.p (id INT NOT NULL PRIMARY KEY)\n"
        "CREATE TABLE dbo.c (id INT NOT NULL, p_id INT NULL)\n"
        "INSERT INTO dbo.p VALUES (1)\nINSERT INTO dbo.c VALUES (1, 1), (2, 5)",
    )
    # Existing rows are checked when the key is added.
    error = rejected(
        engine, "ALTER TABLE dbo.c ADD CONSTRAINT FK_c_p FOREIGN KEY (p_id) REFERENCES dbo.p (id)"
    )
    assert error.message.startswith(
        'The ALTER TABLE statement conflicted with the FOREIGN KEY constraint "FK_c_p".'
    )
    assert decode_foreign_keys(comment(engine, "c")) == ()
    messages = run(
        engine,
        "UPDATE dbo.c SET p_id = NULL WHERE id = 2\n"
        "ALTER TABLE dbo.c ADD CONSTRAINT FK_c_p FOREIGN KEY (p_id) REFERENCES dbo.p (id)\n"
        "BEGIN TRY INSERT INTO dbo.c VALUES (3, 9) END TRY\n"
        "BEGIN CATCH PRINT ERROR_NUMBER() END CATCH\n"
        "ALTER TABLE dbo.c DROP CONSTRAINT FK_c_p\n"
        "INSERT INTO dbo.c VALUES (3, 9)\nPRINT @@ROWCOUNT",
    )
    assert messages == ("547", "1")
    assert decode_foreign_keys(comment(engine, "c")) == ()


def test_dropping_a_constraint_that_is_none_fails_as_on_sql_server(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.c (id INT NOT NULL)")
    assert rejected(engine, "ALTER TABLE dbo.c DROP CONSTRAINT FK_none").message == (
        "'FK_none' is not a constraint."
    )
    run(engine, "ALTER TABLE dbo.c DROP CONSTRAINT IF EXISTS FK_none")


def test_the_parent_may_go_once_its_child_or_the_key_is_gone(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        STAR + "\nGO\nBEGIN TRY DROP TABLE dw.DimProduct END TRY\n"
        "BEGIN CATCH PRINT ERROR_NUMBER(); PRINT ERROR_MESSAGE() END CATCH\n"
        "DROP TABLE dw.FactSales\nDROP TABLE dw.DimProduct",
    )
    assert messages == (
        "3726",
        "Could not drop object 'dw.DimProduct' because it is referenced by a FOREIGN KEY "
        "constraint.",
    )
    assert rows(engine, "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'dw'") == [(0,)]


def test_temp_tables_skip_their_foreign_keys_as_sql_server_does(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE dbo.p (id INT NOT NULL PRIMARY KEY)\n"
        "CREATE TABLE #c (id INT NOT NULL, p_id INT REFERENCES dbo.p (id))\n"
        "INSERT INTO #c VALUES (1, 5)\nPRINT @@ROWCOUNT",
    )
    assert messages == ("1",)


def test_self_reference(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE dbo.emp (id INT NOT NULL PRIMARY KEY,\n"
        "  boss INT NULL REFERENCES dbo.emp (id))\n"
        "INSERT INTO dbo.emp VALUES (1, NULL), (2, 1)\n"
        "BEGIN TRY DELETE FROM dbo.emp WHERE id = 1 END TRY\n"
        "BEGIN CATCH PRINT ERROR_NUMBER() END CATCH\n"
        "TRUNCATE TABLE dbo.emp\nPRINT (SELECT COUNT(*) FROM dbo.emp)",
    )
    assert messages == ("547", "0")


def test_a_violation_inside_a_transaction_dooms_it(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        STAR + "\nGO\nBEGIN TRY\n BEGIN TRANSACTION\n INSERT INTO dw.DimProduct VALUES (1, 'A')\n"
        " INSERT INTO dw.FactSales VALUES (1, 2, 1)\n COMMIT\nEND TRY\n"
        "BEGIN CATCH\n PRINT ERROR_NUMBER()\n ROLLBACK\nEND CATCH\n"
        "PRINT (SELECT COUNT(*) FROM dw.DimProduct)",
    )
    assert messages == ("547", "0")


@pytest.mark.parametrize(
    ("action", "construct"),
    [
        ("ON DELETE CASCADE", "FOREIGN KEY ... ON DELETE CASCADE"),
        ("ON UPDATE SET NULL", "FOREIGN KEY ... ON UPDATE SET NULL"),
        ("ON DELETE SET DEFAULT", "FOREIGN KEY ... ON DELETE SET DEFAULT"),
    ],
)
def test_referential_actions_are_a_compat_finding_on_duckdb(action: str, construct: str) -> None:
    script = (
        "CREATE TABLE dbo.p (id INT NOT NULL PRIMARY KEY);\n"
        f"CREATE TABLE dbo.c (id INT NOT NULL,\n  p_id INT REFERENCES dbo.p (id) {action});\n"
    )
    findings = check_script(script, Path("t.sql"), "duckdb")
    word = "CASCADE" if action.endswith("CASCADE") else "SET"
    column = script.splitlines()[2].index(word) + 1
    assert [(f.location.line, f.location.column) for f in findings] == [(3, column)]
    assert findings[0].message.startswith(
        f"{construct}: only NO ACTION (the default) is enforced on this engine"
    )
    assert check_script(script, Path("t.sql"), "postgres") == ()


def test_object_id_finds_a_foreign_key_as_sql_server_does(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE dbo.p (id INT NOT NULL PRIMARY KEY)\n"
        "CREATE TABLE dbo.c (id INT, p_id INT CONSTRAINT FK_c_p REFERENCES dbo.p (id))\n"
        "IF OBJECT_ID('dbo.FK_c_p', 'F') IS NOT NULL PRINT 'found'\n"
        "IF OBJECT_ID(N'[dbo].[FK_c_p]') IS NOT NULL PRINT 'found as an object'\n"
        "IF OBJECT_ID('dbo.FK_c_p', 'U') IS NULL PRINT 'not a table'\n"
        # The idempotent form deployment scripts use.
        "IF OBJECT_ID('dbo.FK_c_p', 'F') IS NOT NULL ALTER TABLE dbo.c DROP CONSTRAINT FK_c_p\n"
        "IF OBJECT_ID('dbo.FK_c_p', 'F') IS NULL PRINT 'dropped'\n"
        "ALTER TABLE dbo.c ADD CONSTRAINT FK_c_p FOREIGN KEY (p_id) REFERENCES dbo.p (id)\n"
        "BEGIN TRY\n"
        "  ALTER TABLE dbo.c ADD CONSTRAINT FK_c_p FOREIGN KEY (p_id) REFERENCES dbo.p (id)\n"
        "END TRY BEGIN CATCH PRINT ERROR_NUMBER() END CATCH",
    )
    assert messages == ("found", "found as an object", "not a table", "dropped", "2714")


def test_object_id_of_a_foreign_key_by_a_computed_name_is_a_compat_finding() -> None:
    script = "DECLARE @n SYSNAME = 'dbo.FK_x';\nSELECT OBJECT_ID(@n, 'F');\n"
    findings = check_script(script, Path("t.sql"), "duckdb")
    assert [(f.location.line, f.message.split(":")[0]) for f in findings] == [
        (2, "OBJECT_ID(..., 'F')")
    ]


def test_with_nocheck_add_leaves_the_rows_there_unchecked(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE dbo.p (id INT NOT NULL PRIMARY KEY)\n"
        "CREATE TABLE dbo.c (id INT NOT NULL, p_id INT NULL)\n"
        "INSERT INTO dbo.c VALUES (1, 5)\n"
        "ALTER TABLE [dbo].[c] WITH NOCHECK ADD CONSTRAINT [FK_c_p] FOREIGN KEY([p_id])\n"
        "  REFERENCES [dbo].[p] ([id])\n"
        "ALTER TABLE [dbo].[c] CHECK CONSTRAINT [FK_c_p]\n"
        "BEGIN TRY INSERT INTO dbo.c VALUES (2, 6) END TRY\n"
        "BEGIN CATCH PRINT ERROR_NUMBER() END CATCH\n"
        "BEGIN TRY ALTER TABLE dbo.c WITH CHECK CHECK CONSTRAINT FK_c_p END TRY\n"
        "BEGIN CATCH PRINT ERROR_MESSAGE() END CATCH",
    )
    assert messages == (
        "547",
        'The ALTER TABLE statement conflicted with the FOREIGN KEY constraint "FK_c_p". '
        'The conflict occurred in database "memory", table "dbo.p", column \'id\'.',
    )


def test_a_column_a_foreign_key_uses_cannot_be_dropped(engine: DuckDBEngine) -> None:
    run(engine, STAR)
    for table in ("dw.FactSales", "dw.DimProduct"):
        error = rejected(engine, f"ALTER TABLE {table} DROP COLUMN ProductKey")
        assert error.message == (
            "ALTER TABLE DROP COLUMN ProductKey failed because one or more objects access "
            "this column."
        )


def test_a_key_must_refer_to_a_table_and_one_of_its_keys(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.p (id INT NOT NULL PRIMARY KEY, code INT NOT NULL)")
    missing = rejected(engine, "CREATE TABLE dbo.c (p_id INT REFERENCES dbo.nope (id))")
    assert missing.message == "Foreign key 'FK__c__p_id' references invalid table 'dbo.nope'."
    not_a_key = rejected(
        engine, "CREATE TABLE dbo.c (p_code INT CONSTRAINT FK_c REFERENCES dbo.p (code))"
    )
    assert not_a_key.message == (
        "There are no primary or candidate keys in the referenced table 'dbo.p' that match "
        "the referencing column list in the foreign key 'FK_c'."
    )
    run(engine, "CREATE TABLE dbo.c (id INT NOT NULL, p_code INT NULL)")
    error = rejected(
        engine, "ALTER TABLE dbo.c ADD CONSTRAINT FK_c FOREIGN KEY (p_code) REFERENCES dbo.p (code)"
    )
    assert error.message.startswith("There are no primary or candidate keys")
