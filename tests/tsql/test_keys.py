"""PRIMARY KEY and UNIQUE on DuckDB: kept out of DuckDB's DDL, enforced by the interpreter
with SQL Server's error 2627 (etlcheck.tsql.keys, etlcheck.tsql.guard)."""

from __future__ import annotations

import pytest

from etlcheck.engines.base import QueryResult
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed, UnsupportedConstruct
from etlcheck.isolation.fingerprint import fingerprint_schemas
from tests.tsql.tsql_scripts import rejected, rows, run

pytestmark = pytest.mark.duckdb

DUPLICATE = 2627


def caught(statement: str) -> str:
    """``statement`` in TRY/CATCH that prints the error number, then a line after it."""
    return (
        f"BEGIN TRY\n{statement}\nPRINT 'not reached'\nEND TRY\n"
        "BEGIN CATCH\nPRINT ERROR_NUMBER()\nEND CATCH\nPRINT 'after'"
    )


def count(engine: DuckDBEngine, table: str) -> int:
    return int(engine.query(f"SELECT count(*) FROM {table}").scalar())


def test_duplicate_insert_fails_with_sql_servers_message_and_place(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.x (a NVARCHAR(10) NOT NULL, v INT, CONSTRAINT PK_x PRIMARY KEY (a))\n"
        "INSERT INTO dbo.x VALUES ('k1', 1)",
    )
    error = rejected(
        engine, "PRINT 'first'\nINSERT INTO dbo.x VALUES ('k2', 2), ('k1', 3)\nPRINT 'never'"
    )
    assert error.message == (
        "Violation of PRIMARY KEY constraint 'PK_x'. Cannot insert duplicate key in object "
        "'dbo.x'. The duplicate key value is (k1)."
    )
    assert str(error.location) == "t.sql:2:1"
    assert error.statement == "INSERT INTO dbo.x VALUES ('k2', 2), ('k1', 3)"
    # The whole statement is undone, not only the repeating row.
    assert rows(engine, "SELECT a, v FROM dbo.x") == [("k1", 1)]


def test_caught_duplicate_sets_error_number_and_the_script_goes_on(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE dbo.x (a INT NOT NULL, CONSTRAINT PK_x PRIMARY KEY (a))\n"
        "INSERT INTO dbo.x VALUES (1), (2)\n"
        + caught("INSERT INTO dbo.x VALUES (3), (2)")
        + "\nINSERT INTO dbo.x VALUES (4)\nPRINT CAST((SELECT COUNT(*) FROM dbo.x) AS VARCHAR(5))",
    )
    assert messages == (str(DUPLICATE), "after", "3")
    assert rows(engine, "SELECT a FROM dbo.x ORDER BY a") == [(1,), (2,), (4,)]


def test_error_message_is_readable_in_catch(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE dbo.y (a INT, CONSTRAINT UQ_y UNIQUE (a))\n"
        "INSERT INTO dbo.y VALUES (5)\n"
        "BEGIN TRY INSERT INTO dbo.y VALUES (5) END TRY\n"
        "BEGIN CATCH PRINT ERROR_MESSAGE() END CATCH",
    )
    assert messages == (
        "Violation of UNIQUE KEY constraint 'UQ_y'. Cannot insert duplicate key in object "
        "'dbo.y'. The duplicate key value is (5).",
    )


def test_keys_compare_case_insensitively(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.codes (code NVARCHAR(5) PRIMARY KEY)\nINSERT INTO dbo.codes VALUES ('a')",
    )
    error = rejected(engine, "INSERT INTO dbo.codes VALUES ('A')")
    assert error.message.startswith("Violation of PRIMARY KEY constraint")
    # Which spelling the message shows is the engine's choice; the value is the same.
    assert error.message.lower().endswith("the duplicate key value is (a).")
    assert count(engine, "dbo.codes") == 1


@pytest.mark.parametrize(
    ("create", "duplicate", "constraint"),
    [
        (
            "CREATE TABLE dbo.k (a INT NOT NULL, b NVARCHAR(5) NOT NULL, v INT, "
            "CONSTRAINT PK_k PRIMARY KEY CLUSTERED (a ASC, b))",
            "(1, 'X', 9)",
            "PRIMARY KEY constraint 'PK_k'",
        ),
        (
            "CREATE TABLE dbo.k (a INT PRIMARY KEY, b NVARCHAR(5), v INT)",
            "(1, 'z', 9)",
            "PRIMARY KEY constraint 'PK__",
        ),
        (
            "CREATE TABLE dbo.k (a INT, b NVARCHAR(5) UNIQUE, v INT)",
            "(7, 'x', 9)",
            "UNIQUE KEY constraint 'UQ__",
        ),
        (
            "CREATE TABLE dbo.k (a INT, b NVARCHAR(5), v INT, PRIMARY KEY (a, b))",
            "(1, 'x', 9)",
            "PRIMARY KEY constraint 'PK__",
        ),
        (
            "CREATE TABLE dbo.k (a INT, b NVARCHAR(5), v INT, "
            "CONSTRAINT UQ_k UNIQUE NONCLUSTERED (b))",
            "(8, 'Y', 9)",
            "UNIQUE KEY constraint 'UQ_k'",
        ),
    ],
)
def test_every_key_form_is_enforced(
    engine: DuckDBEngine, create: str, duplicate: str, constraint: str
) -> None:
    # (1, 'x') and (2, 'y') hold every key above; the duplicate repeats one of them.
    run(engine, f"{create}\nINSERT INTO dbo.k VALUES (1, 'x', 1), (2, 'y', 2)")
    error = rejected(engine, f"INSERT INTO dbo.k VALUES {duplicate}")
    assert error.message.startswith(f"Violation of {constraint}")
    assert "in object 'dbo.k'" in error.message
    assert count(engine, "dbo.k") == 2
    run(engine, "INSERT INTO dbo.k VALUES (3, 'w', 3)")
    assert count(engine, "dbo.k") == 3


def test_primary_key_columns_become_not_null(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.pk (a INT, b INT, v INT, PRIMARY KEY (a, b))\n"
        "CREATE TABLE dbo.single (a INT PRIMARY KEY, v INT)\n"
        "CREATE TABLE dbo.uq (a INT UNIQUE, v INT)",
    )
    nullable = rows(
        engine,
        "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'dbo' ORDER BY table_name, ordinal_position",
    )
    assert nullable == [
        ("pk", "a", "NO"),
        ("pk", "b", "NO"),
        ("pk", "v", "YES"),
        ("single", "a", "NO"),
        ("single", "v", "YES"),
        ("uq", "a", "YES"),
        ("uq", "v", "YES"),
    ]
    with pytest.raises(StatementFailed):
        run(engine, "INSERT INTO dbo.pk (a, b, v) VALUES (1, NULL, 1)")


def test_unique_allows_one_null_but_not_two(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.u (a INT, v INT, CONSTRAINT UQ_u UNIQUE (a))\n"
        "INSERT INTO dbo.u VALUES (NULL, 1), (1, 2)",
    )
    assert count(engine, "dbo.u") == 2
    error = rejected(engine, "INSERT INTO dbo.u VALUES (NULL, 3)")
    assert error.message == (
        "Violation of UNIQUE KEY constraint 'UQ_u'. Cannot insert duplicate key in object "
        "'dbo.u'. The duplicate key value is (<NULL>)."
    )
    assert count(engine, "dbo.u") == 2


@pytest.fixture
def keyed(engine: DuckDBEngine) -> DuckDBEngine:
    run(
        engine,
        "CREATE TABLE dbo.p (a INT NOT NULL, v INT, CONSTRAINT PK_p PRIMARY KEY (a))\n"
        "INSERT INTO dbo.p VALUES (1, 10), (2, 20)",
    )
    return engine


def test_update_to_a_duplicate_key_fails(keyed: DuckDBEngine) -> None:
    error = rejected(keyed, "UPDATE dbo.p SET a = 1 WHERE a = 2")
    assert error.message.startswith("Violation of PRIMARY KEY constraint 'PK_p'.")
    assert error.message.endswith("The duplicate key value is (1).")
    assert rows(keyed, "SELECT a, v FROM dbo.p ORDER BY a") == [(1, 10), (2, 20)]


def test_update_through_an_alias_to_a_duplicate_key_fails(keyed: DuckDBEngine) -> None:
    messages = run(keyed, caught("UPDATE t SET t.a = 2 FROM dbo.p t WHERE t.v = 10"))
    assert messages == (str(DUPLICATE), "after")
    assert rows(keyed, "SELECT a, v FROM dbo.p ORDER BY a") == [(1, 10), (2, 20)]


def test_update_of_other_columns_runs_without_a_key_check(
    keyed: DuckDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[str] = []
    query = keyed.query

    def recorded(sql: str) -> QueryResult:
        sent.append(sql)
        return query(sql)

    monkeypatch.setattr(keyed, "query", recorded)
    assert run(keyed, "UPDATE dbo.p SET v = v + 1\nPRINT @@ROWCOUNT") == ("2",)
    assert rows(keyed, "SELECT a, v FROM dbo.p ORDER BY a") == [(1, 11), (2, 21)]
    assert not [sql for sql in sent if "DISTINCT" in sql.upper()], "no key can repeat"


def test_update_that_keeps_keys_distinct_succeeds(keyed: DuckDBEngine) -> None:
    assert run(keyed, "UPDATE dbo.p SET a = a + 10\nPRINT @@ROWCOUNT") == ("2",)
    assert rows(keyed, "SELECT a FROM dbo.p ORDER BY a") == [(11,), (12,)]


def test_merge_that_inserts_a_duplicate_fails(keyed: DuckDBEngine) -> None:
    merge = (
        "MERGE dbo.p AS t USING (SELECT 3 AS a, 30 AS v UNION ALL SELECT 3, 31) AS s "
        "ON t.a = s.a WHEN NOT MATCHED THEN INSERT (a, v) VALUES (s.a, s.v);"
    )
    error = rejected(keyed, merge)
    assert error.message.startswith("Violation of PRIMARY KEY constraint 'PK_p'.")
    assert error.message.endswith("The duplicate key value is (3).")
    assert count(keyed, "dbo.p") == 2


def test_merge_without_duplicates_succeeds(keyed: DuckDBEngine) -> None:
    run(
        keyed,
        "MERGE dbo.p AS t USING (SELECT 2 AS a, 22 AS v UNION ALL SELECT 3, 33) AS s "
        "ON t.a = s.a WHEN MATCHED THEN UPDATE SET t.v = s.v "
        "WHEN NOT MATCHED THEN INSERT (a, v) VALUES (s.a, s.v);",
    )
    assert rows(keyed, "SELECT a, v FROM dbo.p ORDER BY a") == [(1, 10), (2, 22), (3, 33)]


def test_insert_select_of_existing_rows_fails(keyed: DuckDBEngine) -> None:
    error = rejected(keyed, "INSERT INTO dbo.p (a, v) SELECT a, v FROM dbo.p WHERE a = 2")
    assert error.message.endswith("The duplicate key value is (2).")
    assert count(keyed, "dbo.p") == 2


def test_temp_table_keys_are_enforced(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE #t (code NVARCHAR(5) PRIMARY KEY, v INT)\nINSERT INTO #t VALUES ('q', 1)",
    )
    error = rejected(engine, "INSERT INTO #t VALUES ('Q', 2)")
    assert error.message.startswith("Violation of PRIMARY KEY constraint 'PK__")
    assert "in object '#t'" in error.message
    assert run(engine, "PRINT CAST((SELECT COUNT(*) FROM #t) AS VARCHAR(5))") == ("1",)


def test_temp_table_keys_survive_a_catalog_reload(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE #t (a INT PRIMARY KEY)\nINSERT INTO #t VALUES (1)")
    catalog = engine.tsql_session.catalog
    loads = catalog.loads
    engine.execute("CREATE TABLE dbo.elsewhere (a INT)")  # makes the cache stale
    messages = run(engine, caught("INSERT INTO #t VALUES (1)"))
    assert messages == (str(DUPLICATE), "after")
    assert catalog.loads == loads + 1, "the keys came from the table's comment"


def test_a_dropped_and_recreated_table_loses_its_key(engine: DuckDBEngine) -> None:
    run(
        engine,
        "IF OBJECT_ID('dbo.r') IS NOT NULL DROP TABLE dbo.r\n"
        "CREATE TABLE dbo.r (a INT PRIMARY KEY)\n"
        "DROP TABLE dbo.r\n"
        "CREATE TABLE dbo.r (a INT)\n"
        "INSERT INTO dbo.r VALUES (1), (1)",
    )
    assert count(engine, "dbo.r") == 2


def test_violation_in_a_transaction_dooms_it_until_the_scripts_rollback(
    keyed: DuckDBEngine,
) -> None:
    # Documented: the engine cannot undo one statement of a transaction, so the violation
    # dooms the whole transaction, as under SET XACT_ABORT ON: @@TRANCOUNT stays 1 and the
    # CATCH block still evaluates expressions until its ROLLBACK.
    messages = run(
        keyed,
        "BEGIN TRANSACTION\n"
        "INSERT INTO dbo.p VALUES (3, 30)\n"
        "BEGIN TRY INSERT INTO dbo.p VALUES (1, 99) END TRY\n"
        "BEGIN CATCH\n"
        "PRINT CONCAT(ERROR_NUMBER(), ' ', @@TRANCOUNT, ' ', 7 / 2)\n"
        "IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION\n"
        "END CATCH\n"
        "PRINT @@TRANCOUNT",
    )
    assert messages == (f"{DUPLICATE} 1 3", "0")
    assert rows(keyed, "SELECT a, v FROM dbo.p ORDER BY a") == [(1, 10), (2, 20)]
    # Nothing is left open on the connection: a new transaction starts and commits.
    run(keyed, "BEGIN TRANSACTION\nINSERT INTO dbo.p VALUES (4, 40)\nCOMMIT")
    assert count(keyed, "dbo.p") == 3


def test_rollback_then_throw_in_catch_rethrows_the_violation(keyed: DuckDBEngine) -> None:
    error = rejected(
        keyed,
        "BEGIN TRY\nBEGIN TRAN\nINSERT INTO dbo.p VALUES (3, 30)\n"
        "INSERT INTO dbo.p VALUES (1, 99)\nCOMMIT\nEND TRY\n"
        "BEGIN CATCH\nROLLBACK TRANSACTION\n;THROW\nEND CATCH",
    )
    assert error.message.startswith("Violation of PRIMARY KEY constraint")
    assert rows(keyed, "SELECT a FROM dbo.p ORDER BY a") == [(1,), (2,)]


def test_a_doomed_transaction_runs_nothing_more_until_rollback(keyed: DuckDBEngine) -> None:
    error = rejected(
        keyed,
        "BEGIN TRAN\nBEGIN TRY INSERT INTO dbo.p VALUES (1, 99) END TRY\n"
        "BEGIN CATCH PRINT 'caught' END CATCH\nINSERT INTO dbo.p VALUES (5, 50)\nCOMMIT",
    )
    assert "aborted" in error.message and str(error.location) == "t.sql:4:1"
    keyed.execute("ROLLBACK")
    assert rows(keyed, "SELECT a FROM dbo.p ORDER BY a") == [(1,), (2,)]


def test_key_options_and_filegroups_are_not_key_columns(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.f (id INT NOT NULL, c INT, "
        "CONSTRAINT PK_f PRIMARY KEY CLUSTERED (id ASC) WITH (PAD_INDEX = OFF, "
        "IGNORE_DUP_KEY = OFF) ON [PRIMARY], CONSTRAINT UQ_f UNIQUE NONCLUSTERED (c) ON fg1)\n"
        "INSERT INTO dbo.f VALUES (1, 1)",
    )
    assert rejected(engine, "INSERT INTO dbo.f VALUES (1, 2)").message.endswith("is (1).")
    assert rejected(engine, "INSERT INTO dbo.f VALUES (2, 1)").message.startswith(
        "Violation of UNIQUE KEY constraint 'UQ_f'"
    )


def test_ignore_dup_key_on_is_refused_with_its_place(engine: DuckDBEngine) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, "CREATE TABLE dbo.g (id INT, PRIMARY KEY (id) WITH (IGNORE_DUP_KEY = ON))")
    assert "IGNORE_DUP_KEY = ON" in str(raised.value) and "t.sql:1:1" in str(raised.value)


def test_a_key_column_cannot_be_dropped(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.d (id INT NOT NULL PRIMARY KEY, v INT, code NVARCHAR(9) UNIQUE)")
    error = rejected(engine, "ALTER TABLE dbo.d DROP COLUMN code")
    assert error.message == (
        "ALTER TABLE DROP COLUMN code failed because one or more objects access this column."
    )
    run(engine, "ALTER TABLE dbo.d DROP COLUMN v\nINSERT INTO dbo.d VALUES (1, 'x')")
    assert rows(engine, "SELECT id, code FROM dbo.d") == [(1, "x")]


def test_valid_writes_in_a_transaction_wait_for_its_end(keyed: DuckDBEngine) -> None:
    run(keyed, "BEGIN TRANSACTION\nINSERT INTO dbo.p VALUES (3, 30)\nROLLBACK")
    assert count(keyed, "dbo.p") == 2
    run(keyed, "BEGIN TRANSACTION\nINSERT INTO dbo.p VALUES (3, 30)\nCOMMIT")
    assert count(keyed, "dbo.p") == 3


def test_keys_live_in_the_comment_not_in_duckdb(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.orders (region NVARCHAR(5) NOT NULL, seq INT NOT NULL, "
        "note NVARCHAR(20), CONSTRAINT PK_orders PRIMARY KEY CLUSTERED (region, seq))\n"
        "CREATE TABLE dbo.tags (label NVARCHAR(5) UNIQUE)",
    )
    duckdb_keys = rows(
        engine,
        "SELECT table_name, constraint_type FROM duckdb_constraints() "
        "WHERE schema_name = 'dbo' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')",
    )
    assert duckdb_keys == []
    fingerprint = fingerprint_schemas(engine, ["dbo"])
    orders = fingerprint.table("dbo", "orders")
    tags = fingerprint.table("dbo", "tags")
    assert orders is not None and tags is not None
    assert orders.key_columns == ("region", "seq")
    assert tags.key_columns == ()  # a UNIQUE constraint is no primary key


def test_message_names_the_table_as_declared(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.Orders (a INT, CONSTRAINT PK_Orders PRIMARY KEY (a))")
    run(engine, "INSERT INTO dbo.Orders VALUES (1)")
    error = rejected(engine, "INSERT INTO DBO.orders VALUES (1)")
    assert "in object 'dbo.Orders'" in error.message


def test_message_shows_the_value_as_the_new_row_spells_it(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.c (code NVARCHAR(5) PRIMARY KEY)\nINSERT INTO dbo.c VALUES ('a')")
    error = rejected(engine, "INSERT INTO dbo.c VALUES ('A')")
    assert error.message.endswith("The duplicate key value is (A).")
