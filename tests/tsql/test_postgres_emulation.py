"""The T-SQL interpreter on PostgreSQL: catalog emulation, errors, IDENTITY, temp tables and
the whole sample pipeline, on one throwaway cluster for the module.

Without PostgreSQL binaries the tests skip with the reason, unless ETLCHECK_REQUIRE_ENGINE
names postgres: then they fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.postgres import PostgresEngine
from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
from etlcheck.errors import StatementFailed, UnsupportedConstruct
from etlcheck.testing import skip_unless_available
from tests.tsql.tsql_scripts import ISNULL_OF_VARIABLES, ISNULL_PRINTED

pytestmark = pytest.mark.postgres
FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def _require_postgres() -> None:
    skip_unless_available("postgres", postgres_unavailable_reason())


@pytest.fixture(scope="module")
def engine() -> Iterator[PostgresEngine]:
    _require_postgres()
    started = PostgresEngine().start()
    try:
        path = FIXTURES / "postgres_emulation.sql"
        started.run_script(path.read_text(), path)
        yield started
    finally:
        started.close()


def run(engine: PostgresEngine, script: str) -> tuple[str, ...]:
    return engine.run_script(script, Path("q.sql")).messages


def printed(engine: PostgresEngine, expression: str) -> str:
    return run(engine, f"PRINT {expression}")[0]


def scalar(engine: PostgresEngine, query: str) -> str:
    return run(engine, f"DECLARE @v NVARCHAR(4000)\n{query}\nPRINT @v")[0]


# -- catalog emulation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "type_", "found"),
    [
        ("app.Customers", None, True),
        ("[APP].[customers]", "'U'", True),
        ("app.customers", "'V'", False),
        ("app.ActiveCustomers", "'V'", True),
        ("app.missing", None, False),
        ("Customers", None, False),
        ("tempdb..#work", None, True),
        ("#WORK", "'U'", True),
        ("tempdb..#other", None, False),
        ("app.numbers", "'SO'", True),
        ("app.numbers", "'U'", False),
    ],
)
def test_object_id(engine: PostgresEngine, name: str, type_: str | None, found: bool) -> None:
    arguments = f"'{name}'" + (f", {type_}" if type_ else "")
    answer = printed(engine, f"CASE WHEN OBJECT_ID({arguments}) IS NULL THEN 'no' ELSE 'yes' END")
    assert answer == ("yes" if found else "no")


def test_object_id_with_a_variable_asks_the_database(engine: PostgresEngine) -> None:
    script = "DECLARE @n NVARCHAR(50) = 'APP.customers'\nIF OBJECT_ID(@n, 'U') > 0 PRINT 'y'"
    assert run(engine, script) == ("y",)


def test_object_id_matches_sys_objects(engine: PostgresEngine) -> None:
    count = (
        "SELECT @v = COUNT(*) FROM sys.objects WHERE object_id = OBJECT_ID('app.Customers') "
        "AND type = 'U' AND name = 'customers'"
    )
    assert scalar(engine, count) == "1"


def test_schema_functions(engine: PostgresEngine) -> None:
    assert printed(engine, "SCHEMA_NAME(SCHEMA_ID('APP'))") == "app"
    assert printed(engine, "SCHEMA_NAME()") == "dbo"
    assert printed(engine, "CASE WHEN SCHEMA_ID('nope') IS NULL THEN 'none' END") == "none"
    assert printed(engine, "DB_NAME()") == engine.database


def test_create_schema_takes_the_owner_ssdt_writes(engine: PostgresEngine) -> None:
    engine.run_script("CREATE SCHEMA [ssdt_dw] AUTHORIZATION [dbo];", Path("s.sql"))
    engine.run_script("EXEC(N'CREATE SCHEMA ssdt_audit AUTHORIZATION dbo')", Path("s.sql"))
    try:
        assert {"ssdt_dw", "ssdt_audit"} <= set(engine.schemas())
    finally:
        engine.run_script("DROP SCHEMA ssdt_dw\nDROP SCHEMA ssdt_audit", Path("s.sql"))


def test_grant_and_revoke_run_where_the_engine_has_permissions(engine: PostgresEngine) -> None:
    engine.execute("CREATE ROLE etlcheck_reporting NOLOGIN")
    try:
        run(engine, "CREATE TABLE app.granted (id INT)")
        run(engine, "GRANT SELECT ON app.granted TO etlcheck_reporting")
        held = "SELECT has_table_privilege('etlcheck_reporting', 'app.granted', 'SELECT')"
        assert engine.query(held).scalar() is True
        run(engine, "REVOKE SELECT ON app.granted FROM etlcheck_reporting")
        assert engine.query(held).scalar() is False
    finally:
        run(engine, "DROP TABLE IF EXISTS app.granted")
        engine.execute("DROP ROLE etlcheck_reporting")


def test_sys_views(engine: PostgresEngine) -> None:
    schemas = scalar(engine, "SELECT @v = STRING_AGG(name, ',') FROM sys.schemas")
    assert {"app", "sys"} <= set(schemas.split(","))
    assert scalar(engine, "SELECT @v = COUNT(*) FROM sys.schemas WHERE name = 'APP'") == "1"
    columns = (
        "SELECT @v = STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY c.column_id) "
        "FROM sys.columns c JOIN sys.tables t ON t.object_id = c.object_id "
        "WHERE t.name = 'CUSTOMERS' AND t.schema_id = SCHEMA_ID('app')"
    )
    assert scalar(engine, columns) == "id,name,active,amount,seen"
    assert scalar(engine, "SELECT @v = name FROM sys.columns WHERE is_identity = 1") == "id"
    sequences = "SELECT @v = STRING_AGG(name, ',') FROM sys.sequences"
    assert scalar(engine, sequences) == "numbers"
    temp = "SELECT @v = COUNT(*) FROM sys.tables WHERE name LIKE '#%'"
    assert scalar(engine, temp) == "0"


def test_information_schema(engine: PostgresEngine) -> None:
    tables = (
        "SELECT @v = STRING_AGG(TABLE_NAME + ':' + TABLE_TYPE, ',') "
        "WITHIN GROUP (ORDER BY TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES "
        "WHERE TABLE_SCHEMA = 'APP'"
    )
    assert scalar(engine, tables) == "ActiveCustomers:VIEW,Customers:BASE TABLE"
    columns = (
        "SELECT @v = STRING_AGG(COLUMN_NAME + ' ' + DATA_TYPE + ' ' + IS_NULLABLE, ',') "
        "WITHIN GROUP (ORDER BY ORDINAL_POSITION) FROM information_schema.columns "
        "WHERE table_name = 'customers'"
    )
    # BIT is stored as smallint: INFORMATION_SCHEMA says so.
    assert scalar(engine, columns) == (
        "id int NO,name nvarchar NO,active smallint YES,amount decimal YES,seen datetime2 YES"
    )
    schemata = "SELECT @v = SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'App'"
    assert scalar(engine, schemata) == "app"


def test_the_schema_drop_of_the_incident_is_refused_while_objects_remain(
    engine: PostgresEngine,
) -> None:
    with pytest.raises(StatementFailed, match=r"Cannot drop schema 'app'.*Customers"):
        run(engine, "IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'app') DROP SCHEMA [app]")
    assert printed(engine, "CASE WHEN SCHEMA_ID('app') IS NULL THEN 'gone' ELSE 'kept' END") == (
        "kept"
    )


# -- errors and transactions -------------------------------------------------------------


def test_try_catch_runs_after_a_failed_statement(engine: PostgresEngine) -> None:
    script = """
BEGIN TRY
    INSERT INTO app.nowhere (id) VALUES (1);
    PRINT 'not reached';
END TRY
BEGIN CATCH
    PRINT CONCAT(ERROR_NUMBER(), ' ', CASE WHEN ERROR_MESSAGE() LIKE '%nowhere%' THEN 'named' END);
END CATCH
PRINT (SELECT COUNT(*) FROM app.Customers);
"""
    assert run(engine, script) == ("208 named", "3")


def test_a_failed_statement_inside_a_transaction_rolls_back_alone(engine: PostgresEngine) -> None:
    script = """
CREATE TABLE app.keys (code NVARCHAR(10) NOT NULL PRIMARY KEY);
BEGIN TRANSACTION;
INSERT INTO app.keys VALUES ('A');
BEGIN TRY
    INSERT INTO app.keys VALUES ('B'), ('A');
END TRY
BEGIN CATCH
    PRINT ERROR_NUMBER();
END CATCH
INSERT INTO app.keys VALUES ('C');
COMMIT;
PRINT (SELECT STRING_AGG(code, ',') WITHIN GROUP (ORDER BY code) FROM app.keys);
DROP TABLE app.keys;
"""
    assert run(engine, script) == ("2627", "A,C")


def test_an_uncaught_error_names_the_script_line(engine: PostgresEngine) -> None:
    with pytest.raises(StatementFailed) as caught:
        engine.run_script("PRINT 'x'\nGO\nSELECT 1\nSELECT * FROM app.nowhere\n", Path("e.sql"))
    assert "e.sql:4" in str(caught.value)
    assert "LINE" not in str(caught.value)


def test_a_name_spelled_with_another_case_says_why_it_is_not_found(
    engine: PostgresEngine,
) -> None:
    with pytest.raises(StatementFailed, match="case it was created with"):
        run(engine, "SELECT COUNT(*) FROM app.CUSTOMERS")


def test_constructs_postgresql_cannot_run_are_named(engine: PostgresEngine) -> None:
    script = "CREATE TABLE app.computed (a INT, b AS a + 1);"
    with pytest.raises(UnsupportedConstruct, match="computed column"):
        run(engine, script)


# -- types, identity, temp tables --------------------------------------------------------


def test_identity_numbers_rows_and_counts_them(engine: PostgresEngine) -> None:
    script = """
CREATE TABLE #ids (id INT IDENTITY(10, 5) NOT NULL, label NVARCHAR(20));
INSERT INTO #ids (label) SELECT name FROM app.Customers;
PRINT @@ROWCOUNT;
PRINT (SELECT STRING_AGG(CAST(id AS NVARCHAR(10)), ',') WITHIN GROUP (ORDER BY id) FROM #ids);
DROP TABLE #ids;
"""
    assert run(engine, script) == ("3", "10,15,20")


def test_temp_tables_live_in_the_session_and_go_when_dropped(engine: PostgresEngine) -> None:
    script = """
IF OBJECT_ID('tempdb..#t') IS NOT NULL DROP TABLE #t;
SELECT TOP 2 id, name INTO #t FROM app.Customers ORDER BY id;
PRINT (SELECT COUNT(*) FROM #t);
UPDATE t SET name = UPPER(t.name) FROM #t AS t JOIN app.Customers c ON c.id = t.id;
PRINT (SELECT STRING_AGG(#t.name, ',') WITHIN GROUP (ORDER BY #t.id) FROM #t);
DROP TABLE #t;
PRINT CASE WHEN OBJECT_ID('tempdb..#t') IS NULL THEN 'dropped' END;
"""
    assert run(engine, script) == ("2", "ALICE,BOB", "dropped")
    assert "#t" not in engine.schemas()


def test_strings_compare_and_group_without_case(engine: PostgresEngine) -> None:
    assert scalar(engine, "SELECT @v = COUNT(*) FROM app.Customers WHERE name = 'Alice'") == "2"
    distinct = "SELECT @v = COUNT(DISTINCT name) FROM app.Customers"
    assert scalar(engine, distinct) == "2"
    like = "SELECT @v = COUNT(*) FROM app.Customers WHERE name LIKE 'b%'"
    assert scalar(engine, like) == "1"
    assert scalar(engine, "SELECT @v = COUNT(*) FROM app.ActiveCustomers") == "3"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("7 / 2", "3"),
        ("'a' + 'b' + CAST(1 AS NVARCHAR(5))", "ab1"),
        ("CONCAT('a', NULL, 2)", "a2"),
        ("ISNULL(NULL, 'x')", "x"),
        ("TRY_CAST(' 12.345 ' AS DECIMAL(12, 2))", "12.35"),
        ("ISNULL(CAST(TRY_CAST('12a' AS DECIMAL(12, 2)) AS NVARCHAR(10)), 'null')", "null"),
        ("ISNULL(CAST(TRY_CAST('1e3' AS DECIMAL(12, 2)) AS NVARCHAR(10)), 'null')", "null"),
        ("ISNULL(CAST(TRY_CAST('123456' AS DECIMAL(5, 2)) AS NVARCHAR(10)), 'null')", "null"),
        ("TRY_CAST('42' AS INT) + 1", "43"),
        ("ISNULL(CAST(TRY_CAST('4.5' AS INT) AS NVARCHAR(10)), 'null')", "null"),
        ("ISNULL(CAST(TRY_CAST('2024-02-30' AS DATE) AS NVARCHAR(10)), 'null')", "null"),
        ("TRY_CAST('2024-02-29' AS DATE)", "2024-02-29"),
        ("DATEDIFF(MONTH, '2024-01-31', '2024-02-01')", "1"),
        ("DATEDIFF(YEAR, '2023-12-31', '2024-01-01')", "1"),
        ("DATEDIFF(DAY, '2024-03-01 23:59', '2024-03-02 00:01')", "1"),
        ("CONVERT(CHAR(10), CAST('2024-05-06' AS DATE), 23)", "2024-05-06"),
        ("CAST('abcdef' AS NVARCHAR(3))", "abc"),
        ("LEN('ab  ')", "2"),
        ("DATEFROMPARTS(2024, 2, 1)", "2024-02-01"),
        ("ROUND(CAST(2.345 AS FLOAT), 2)", "2.35"),
        ("CASE WHEN ABS(DATEDIFF(HOUR, SYSUTCDATETIME(), GETDATE())) <= 14 THEN 'ok' END", "ok"),
        ("CAST(CAST('2024-01-30 10:00' AS DATETIME2) + 3 AS DATE)", "2024-02-02"),
    ],
)
def test_expressions(engine: PostgresEngine, expression: str, expected: str) -> None:
    assert printed(engine, expression) == expected


def test_bit_columns_take_integers_and_meet_boolean_columns(engine: PostgresEngine) -> None:
    engine.execute("CREATE TABLE app.flags (flag boolean)")
    script = """
INSERT INTO app.flags (flag) SELECT active FROM app.Customers WHERE name = 'bob';
PRINT (SELECT COUNT(*) FROM app.flags WHERE flag = 1);
DROP TABLE app.flags;
"""
    assert run(engine, script) == ("1",)


# -- the sample pipeline -----------------------------------------------------------------


def test_the_sample_pipeline_runs_unchanged_with_the_expected_staging(
    engine: PostgresEngine,
) -> None:
    from etlcheck.config import load_config
    from etlcheck.pipeline import Pipeline
    from etlcheck.sampledata.seed import seed_database

    config = load_config(ROOT / "etlcheck.toml")
    summary = seed_database(engine, config, "poc", sandboxed=False)
    steps = Pipeline.from_config(config).steps
    assert len(steps) == 41
    for step in steps:
        engine.run_script(step.path.read_text(), step.path)
    expected = dict(summary.expected_staging)
    assert expected
    for table, count in expected.items():
        assert (table, engine.query(f'SELECT COUNT(*) FROM etl."{table}"').scalar()) == (
            table,
            count,
        )
    brokers = engine.query('SELECT COUNT(*) FROM dbo."Brokers"').scalar()
    assert brokers > summary.rows("dbo.Brokers")


def test_a_tables_constraints_come_and_go_with_it(engine: PostgresEngine) -> None:
    # sys.objects lists constraints too, so CREATE/DROP TABLE must not be applied to the
    # cached catalog as if they changed the table alone.
    guard = "IF OBJECT_ID('app.PK_cc', 'PK') IS NULL PRINT 'no key' ELSE PRINT 'key'"
    assert run(
        engine, f"{guard}\nCREATE TABLE app.cc (id INT CONSTRAINT PK_cc PRIMARY KEY)\n{guard}"
    ) == (
        "no key",
        "key",
    )
    assert run(engine, f"DROP TABLE app.cc\n{guard}") == ("no key",)


def test_sysname_and_declared_lengths_on_postgres(engine: PostgresEngine) -> None:
    messages = run(
        engine,
        "CREATE TABLE app.sysnames (n SYSNAME NOT NULL PRIMARY KEY);\n"
        "DECLARE @n SYSNAME = CAST(N'Orders' AS SYSNAME), @short NVARCHAR(3) = N'abcdef';\n"
        "INSERT INTO app.sysnames (n) VALUES (@n);\n"
        "SELECT @n = n FROM app.sysnames WHERE n = N'ORDERS'; PRINT @n; PRINT @short;\n"
        "DROP TABLE app.sysnames;",
    )
    assert messages == ("Orders", "abc")


def test_isnull_of_a_variable_has_the_variables_type(engine: PostgresEngine) -> None:
    assert engine.run_script(ISNULL_OF_VARIABLES, Path("t.sql")).messages == ISNULL_PRINTED


def test_string_agg_within_group_orders_ignoring_case(engine: PostgresEngine) -> None:
    """PostgreSQL ordered a citext value by text ('EUR,Usd,eur '), as no other ORDER BY."""
    script = """
    DECLARE @t TABLE (Code VARCHAR(10), Name NVARCHAR(20));
    INSERT INTO @t VALUES ('EUR', N'b'), ('eur ', N'a'), ('Usd', N'c');
    PRINT (SELECT STRING_AGG(Code, ',') WITHIN GROUP (ORDER BY Code) FROM @t);
    PRINT (SELECT STRING_AGG(Name, ',') WITHIN GROUP (ORDER BY Code DESC) FROM @t);
    PRINT CASE WHEN (SELECT STRING_AGG(Code, ',') WITHIN GROUP (ORDER BY Code) FROM @t)
        = 'eur,EUR ,usd' THEN 'same' ELSE 'different' END;
    """
    messages = engine.run_script(script, Path("t.sql")).messages
    assert messages == ("EUR,eur ,Usd", "c,a,b", "same")


def test_alter_column_changes_the_checked_length_and_nullability(engine: PostgresEngine) -> None:
    """PostgreSQL kept the old length's CHECK through a change of type (a widened column
    still refused 15 characters), and sqlglot dropped NOT NULL from ALTER COLUMN."""
    script = """
    CREATE TABLE app.widened (id INT, code VARCHAR(10) NULL);
    INSERT INTO app.widened VALUES (1, 'abc');
    ALTER TABLE app.widened ALTER COLUMN code VARCHAR(20) NOT NULL;
    UPDATE app.widened SET code = REPLICATE('z', 15);
    PRINT (SELECT LEN(code) FROM app.widened);
    BEGIN TRY INSERT INTO app.widened VALUES (2, NULL); END TRY
    BEGIN CATCH PRINT ERROR_NUMBER(); END CATCH;
    BEGIN TRY INSERT INTO app.widened VALUES (3, REPLICATE('y', 21)); END TRY
    BEGIN CATCH PRINT ERROR_NUMBER(); END CATCH;
    BEGIN TRY ALTER TABLE app.widened ALTER COLUMN code VARCHAR(5); END TRY
    BEGIN CATCH PRINT ERROR_NUMBER(); END CATCH;
    ALTER TABLE app.widened ALTER COLUMN code VARCHAR(MAX) NULL;
    INSERT INTO app.widened VALUES (4, NULL), (5, REPLICATE('w', 100));
    PRINT (SELECT COUNT(*) FROM app.widened);
    DROP TABLE app.widened;
    """
    messages = engine.run_script(script, Path("t.sql")).messages
    assert messages == ("15", "515", "2628", "2628", "3")
