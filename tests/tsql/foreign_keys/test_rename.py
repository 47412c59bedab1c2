"""``EXEC sp_rename`` of a table or a column that a FOREIGN KEY uses: SQL Server's key
follows the object (by id), so the key the interpreter records follows the rename on
DuckDB as PostgreSQL's own key does; the swap-table pattern (load ``DimX_new``, rename
the old one away, rename the new one in) ends as it does on SQL Server."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql.foreign_keys import ForeignKey, decode_foreign_keys
from tests.engine_params import either_engine  # noqa: F401 (the engine fixture)
from tests.tsql.tsql_scripts import rejected, rows, run

SWAP = (Path(__file__).parent / "dim_swap.sql").read_text(encoding="utf-8")
CAUTION = "Caution: Changing any part of an object name could break scripts and stored procedures."


def caught(engine: Engine, statement: str) -> str:
    """The error number ``statement`` ends in, as a CATCH block sees it."""
    script = f"BEGIN TRY\n{statement}\nEND TRY\nBEGIN CATCH\n  PRINT ERROR_NUMBER();\nEND CATCH"
    return run(engine, script)[-1]


def test_the_key_follows_its_parent_renamed_away(engine: Engine) -> None:
    run(engine, SWAP)
    messages = run(
        engine,
        "EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';\n"
        "EXEC sp_rename 'dw.DimProduct_new', 'DimProduct';",
    )
    assert messages == (CAUTION, CAUTION)
    # As on SQL Server the fact still refers to the old dimension, now DimProduct_old:
    # product 3 is only in the new one, and the old one cannot be dropped.
    assert caught(engine, "INSERT INTO dw.FactSales VALUES (11, 3, 1);") == "547"
    assert caught(engine, "DROP TABLE dw.DimProduct_old;") == "3726"
    run(engine, "DELETE FROM dw.DimProduct WHERE ProductKey = 1;")
    assert caught(engine, "DELETE FROM dw.DimProduct_old WHERE ProductKey = 1;") == "547"


def test_the_swap_pattern_moves_the_key_to_the_new_dimension(engine: Engine) -> None:
    run(engine, SWAP)
    run(
        engine,
        "ALTER TABLE dw.FactSales DROP CONSTRAINT FK_FactSales_Product;\n"
        "EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';\n"
        "EXEC sp_rename 'dw.DimProduct_new', 'DimProduct';\n"
        "ALTER TABLE dw.FactSales WITH CHECK ADD CONSTRAINT FK_FactSales_Product\n"
        "  FOREIGN KEY (ProductKey) REFERENCES dw.DimProduct (ProductKey);\n"
        "DROP TABLE dw.DimProduct_old;\n"
        "INSERT INTO dw.FactSales VALUES (11, 3, 1);",
    )
    assert rows(engine, 'SELECT count(*) FROM dw."FactSales"') == [(2,)]
    assert caught(engine, "DELETE FROM dw.DimProduct WHERE ProductKey = 3;") == "547"


def test_a_renamed_child_keeps_its_key(engine: Engine) -> None:
    run(engine, SWAP)
    run(engine, "EXEC sp_rename @objname = N'dw.FactSales', @newname = N'FactSales_2025';")
    assert caught(engine, "INSERT INTO dw.FactSales_2025 VALUES (11, 9, 1);") == "547"
    assert caught(engine, "DELETE FROM dw.DimProduct WHERE ProductKey = 1;") == "547"
    run(engine, "DELETE FROM dw.DimProduct WHERE ProductKey = 2;")


def test_renamed_key_columns_stay_in_their_keys(engine: Engine) -> None:
    run(engine, SWAP)
    run(
        engine,
        "EXEC sp_rename 'dw.DimProduct.ProductKey', 'ProductId', 'COLUMN';\n"
        "EXEC sp_rename 'dw.FactSales.ProductKey', 'ProductId', 'COLUMN';",
    )
    orphan = "INSERT INTO dw.FactSales (SaleId, ProductId, Qty) VALUES (11, 9, 1);"
    assert caught(engine, orphan) == "547"
    assert caught(engine, "DELETE FROM dw.DimProduct WHERE ProductId = 1;") == "547"
    assert caught(engine, "INSERT INTO dw.DimProduct VALUES (2, 'B2');") == "2627"
    run(engine, "INSERT INTO dw.FactSales (SaleId, ProductId, Qty) VALUES (11, 2, 1);")


def test_sp_rename_fails_as_sql_server_does(engine: Engine) -> None:
    run(engine, SWAP)
    assert caught(engine, "EXEC sp_rename 'dw.NoSuchTable', 'X';") == "15225"
    assert caught(engine, "EXEC sp_rename 'dw.NoSuchTable', 'X', 'OBJECT';") == "15248"
    assert caught(engine, "EXEC sp_rename 'dw.DimProduct.Nope', 'X', 'COLUMN';") == "15248"
    assert caught(engine, "EXEC sp_rename 'dw.DimProduct', 'DimProduct_new';") == "15335"
    assert caught(engine, "EXEC sp_rename 'dw.DimProduct.Code', 'productkey', 'COLUMN';") == (
        "15335"
    )
    error = rejected(engine, "PRINT 1;\nEXEC sp_rename 'dw.DimProduct', 'DimProduct_new';")
    assert error.message == (
        "Error: The new name 'DimProduct_new' is already in use as a object name and would "
        "cause a duplicate that is not permitted."
    )
    assert error.location is not None and error.location.line == 2


def test_a_renamed_table_keeps_its_extended_properties(engine: Engine) -> None:
    run(
        engine,
        SWAP + "\nGO\nEXEC sp_addextendedproperty N'MS_Description', N'Products', "
        "N'SCHEMA', N'dw', N'TABLE', N'DimProduct';\n"
        "EXEC sp_addextendedproperty N'MS_Description', N'Code', "
        "N'SCHEMA', N'dw', N'TABLE', N'DimProduct', N'COLUMN', N'Code';\n"
        "EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';\n"
        "EXEC sp_rename 'dw.DimProduct_old.Code', 'ProductCode', 'COLUMN';",
    )
    found = run(
        engine,
        "PRINT (SELECT COUNT(*) FROM sys.extended_properties "
        "WHERE major_id = OBJECT_ID('dw.DimProduct_old'));\n"
        "PRINT (SELECT CAST(value AS NVARCHAR(20)) FROM sys.fn_listextendedproperty("
        "N'MS_Description', N'SCHEMA', N'dw', N'TABLE', N'DimProduct_old', N'COLUMN', "
        "N'ProductCode'));",
    )
    assert found == ("2", "Code")


@pytest.mark.parametrize("engine_name", ["duckdb", "postgres"])
def test_sp_rename_runs_where_an_index_rename_is_a_compat_finding(engine_name: str) -> None:
    script = (
        "EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';\n"
        "EXEC sp_rename N'dw.DimProduct.Code', N'ProductCode', N'COLUMN';\n"
        "EXEC sp_rename N'dw.FactSales.IX_FactSales_Product', N'IX_FactSales_ProductKey', "
        "N'INDEX';"
    )
    (finding,) = check_script(script, "p.sql", engine_name)
    assert (finding.location.line, finding.location.column) == (3, 6)
    assert finding.message.startswith("sp_rename: renaming INDEX is not emulated")


@pytest.mark.duckdb
def test_duckdb_records_the_renamed_parent_and_columns() -> None:
    with DuckDBEngine(None) as engine:
        run(engine, SWAP)
        run(
            engine,
            "EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';\n"
            "EXEC sp_rename 'dw.DimProduct_old.ProductKey', 'ProductId', 'COLUMN';\n"
            "EXEC sp_rename 'dw.FactSales.ProductKey', 'ProductRef', 'COLUMN';",
        )
        comment = engine.query(
            "SELECT comment FROM duckdb_tables() WHERE table_name = 'FactSales'"
        ).scalar()
        assert decode_foreign_keys(str(comment)) == (
            ForeignKey(
                "FK_FactSales_Product", ("ProductRef",), "dw", "DimProduct_old", ("ProductId",)
            ),
        )
        error = rejected(engine, "INSERT INTO dw.FactSales VALUES (11, 3, 1);")
        assert error.message == (
            "The INSERT statement conflicted with the FOREIGN KEY constraint "
            '"FK_FactSales_Product". The conflict occurred in database "memory", '
            "table \"dw.DimProduct_old\", column 'ProductId'."
        )


def test_a_renamed_table_keeps_its_identity_and_the_old_name_is_free(engine: Engine) -> None:
    """The next night's load creates dw.Batch_new again: the identity of the table renamed
    from it goes on where it was, and IDENT_CURRENT finds it under its new name."""
    messages = run(
        engine,
        "CREATE SCHEMA dw;\nGO\n"
        "CREATE TABLE dw.Batch_new (BatchId int IDENTITY(10, 5) NOT NULL PRIMARY KEY,\n"
        "  Code varchar(10) NOT NULL);\n"
        "INSERT INTO dw.Batch_new (Code) VALUES ('a'), ('b');\n"
        "EXEC sp_rename 'dw.Batch_new', 'Batch';\n"
        "PRINT IDENT_CURRENT('dw.Batch');\n"
        "CREATE TABLE dw.Batch_new (BatchId int IDENTITY(1, 1) NOT NULL PRIMARY KEY,\n"
        "  Code varchar(10) NOT NULL);\n"
        "INSERT INTO dw.Batch (Code) VALUES ('c');\n"
        "PRINT SCOPE_IDENTITY();\n"
        "INSERT INTO dw.Batch_new (Code) VALUES ('x');\n"
        "PRINT SCOPE_IDENTITY();\n"
        "DROP TABLE dw.Batch_new;\n"
        "INSERT INTO dw.Batch (Code) VALUES ('d');\n"
        "PRINT IDENT_CURRENT('dw.Batch');",
    )
    assert messages[1:] == ("15", "20", "1", "25")


def test_names_built_in_sysname_variables_rename_as_written(engine: Engine) -> None:
    """``sysname`` is the type teams declare names with; ``+`` of two of them joins them."""
    run(engine, SWAP)
    messages = run(
        engine,
        "DECLARE @name sysname = N'DimProduct';\n"
        "DECLARE @parked sysname = @name + N'_old';\n"
        "DECLARE @old nvarchar(300) = N'dw.' + @name;\n"
        "EXEC sp_rename @old, @parked;\n"
        "IF OBJECT_ID(N'dw.' + @parked) IS NOT NULL AND OBJECT_ID(N'dw.DimProduct') IS NULL\n"
        "  PRINT 'renamed';",
    )
    assert messages == (CAUTION, "renamed")


def test_a_renamed_constraint_keeps_its_work_under_its_new_name(engine: Engine) -> None:
    """SSDT and the swap pattern rename constraints too (``sp_rename 'dw.PK_x', 'PK_y'``),
    so that the next night's table may take the old name again."""
    run(engine, SWAP)
    messages = run(
        engine,
        "EXEC sp_rename 'dw.PK_DimProduct', 'PK_DimProduct_old';\n"
        "EXEC sp_rename N'dw.FK_FactSales_Product', N'FK_FactSales_Product_old', N'OBJECT';\n"
        "IF OBJECT_ID('dw.FK_FactSales_Product') IS NULL\n"
        "  AND OBJECT_ID('dw.FK_FactSales_Product_old') IS NOT NULL PRINT 'moved';",
    )
    assert messages == (CAUTION, CAUTION, "moved")
    assert caught(engine, "INSERT INTO dw.DimProduct VALUES (1, 'X');") == "2627"
    assert caught(engine, "INSERT INTO dw.FactSales VALUES (11, 9, 1);") == "547"
    assert caught(engine, "EXEC sp_rename 'dw.PK_FactSales', 'PK_DimProduct_old';") == "15335"
    run(engine, "ALTER TABLE dw.FactSales DROP CONSTRAINT FK_FactSales_Product_old;")
    run(engine, "INSERT INTO dw.FactSales VALUES (11, 9, 1);")


def test_renaming_a_view_is_refused_where_it_runs(engine: Engine) -> None:
    run(engine, SWAP + "\nGO\nCREATE VIEW dw.Products AS SELECT ProductKey FROM dw.DimProduct;")
    with pytest.raises(UnsupportedConstruct) as refused:
        run(engine, "PRINT 1;\nEXEC sp_rename 'dw.Products', 'ProductList';")
    assert str(refused.value).startswith(
        "t.sql:2:6: sp_rename: renaming an object other than a table or a constraint is not "
        "emulated"
    )


def test_a_guarded_constraint_rename_finds_the_key_by_object_id(engine: Engine) -> None:
    run(engine, SWAP)
    messages = run(
        engine,
        "IF OBJECT_ID(N'dw.PK_DimProduct', N'PK') IS NOT NULL\n"
        "  EXEC sp_rename N'dw.PK_DimProduct', N'PK_DimProduct_old';\n"
        "IF OBJECT_ID(N'dw.PK_DimProduct_old') IS NOT NULL\n"
        "  AND OBJECT_ID(N'dw.PK_DimProduct') IS NULL\n"
        "  PRINT 'renamed';\n"
        "IF OBJECT_ID(N'dw.PK_DimProduct_old', N'UQ') IS NULL PRINT 'not a unique key';",
    )
    assert messages == (CAUTION, "renamed", "not a unique key")


@pytest.mark.duckdb
def test_the_next_nights_table_meets_a_constraint_name_in_use() -> None:
    """Without the constraint rename, the second night's DimProduct_new meets its own
    PK_DimProduct_new, now the key of DimProduct: SQL Server's 2714 (PostgreSQL's index
    of that name refuses it too)."""
    with DuckDBEngine(None) as engine:
        run(engine, SWAP)
        run(
            engine,
            "EXEC sp_rename 'dw.DimProduct', 'DimProduct_old';\n"
            "EXEC sp_rename 'dw.DimProduct_new', 'DimProduct';",
        )
        error = rejected(
            engine,
            "CREATE TABLE dw.DimProduct_new (\n"
            "  ProductKey int NOT NULL CONSTRAINT PK_DimProduct_new PRIMARY KEY);",
        )
        assert (
            error.message == "There is already an object named 'PK_DimProduct_new' in the database."
        )
        run(
            engine,
            "EXEC sp_rename 'dw.PK_DimProduct_new', 'PK_DimProduct_2';\n"
            "CREATE TABLE dw.DimProduct_new (\n"
            "  ProductKey int NOT NULL CONSTRAINT PK_DimProduct_new PRIMARY KEY);\n"
            "CREATE TABLE #scratch (k int NOT NULL CONSTRAINT PK_DimProduct PRIMARY KEY);",
        )
