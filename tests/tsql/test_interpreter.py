"""The interpreter on DuckDB: control flow, errors with their places, unsupported constructs."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import StatementFailed, UnsupportedConstruct

pytestmark = pytest.mark.duckdb
FIXTURES = Path(__file__).parent / "fixtures"


def run(engine: DuckDBEngine, script: str, name: str = "inline.sql") -> tuple[str, ...]:
    return engine.run_script(script, Path(name)).messages


def test_control_flow_fixture(engine: DuckDBEngine) -> None:
    path = FIXTURES / "control_flow.sql"
    result = engine.run_script(path.read_text(), path)
    assert result.messages == (
        "loop: 18",
        "medium",
        "inserted 3",
        "labelled 2",
        "has two",
        "no nine",
        "caught duplicate",
        "error number set",
        "line 2",
        "50001 custom failure",
        "inner caught: inner boom 7",
        "outer caught: inner boom 7",
        "just information",
        "dynamic ok",
        "updated 1",
        "before return",
        "next batch runs",
        "next batch runs",
    )
    assert engine.query("SELECT n, label FROM dbo.numbers ORDER BY n").rows == [
        (1, "ONE"),
        (2, "two"),
        (3, "three"),
    ]
    assert result.rows_affected == 3 + 1 + 1


def test_error_location_in_the_third_batch(engine: DuckDBEngine) -> None:
    path = FIXTURES / "error_third_batch.sql"
    with pytest.raises(StatementFailed) as raised:
        engine.run_script(path.read_text(), path)
    error = raised.value
    assert error.location is not None
    assert (error.location.line, error.location.column) == (7, 3)
    assert error.statement == "SELECT missing_column FROM dbo.t"
    assert "missing_column" in error.message


def test_unhandled_throw_fails_with_its_message_and_place(engine: DuckDBEngine) -> None:
    with pytest.raises(StatementFailed) as raised:
        run(engine, "PRINT 1\nGO\nDECLARE @m NVARCHAR(50) = 'bad input'\n    THROW 50000, @m, 1;\n")
    assert raised.value.message == "bad input"
    assert str(raised.value.location) == "inline.sql:4:5"


def test_raiserror_severity_16_fails_but_10_prints(engine: DuckDBEngine) -> None:
    assert run(engine, "RAISERROR('note %d', 10, 1, 5)") == ("note 5",)
    with pytest.raises(StatementFailed, match="stop here"):
        run(engine, "RAISERROR('stop here', 16, 1)")


def test_raiserror_refuses_an_argument_of_an_undocumented_type(engine: DuckDBEngine) -> None:
    """SQL Server lists tinyint, smallint, int and the string and binary types as RAISERROR
    arguments; a decimal variable (whose type only the run sees) is refused, not printed
    truncated by %d."""
    script = "DECLARE @share DECIMAL(5, 2) = 71.4;\nRAISERROR('share %d', 10, 1, @share);"
    with pytest.raises(UnsupportedConstruct) as refused:
        run(engine, script)
    assert "RAISERROR argument @share" in str(refused.value)
    assert str(refused.value.location) == "inline.sql:2:1"
    assert run(engine, "DECLARE @n INT = 71;\nRAISERROR('share %d', 10, 1, @n);") == ("share 71",)


def test_temp_tables_live_across_batches_and_scripts(engine: DuckDBEngine) -> None:
    run(engine, "SELECT 1 AS a INTO #t\nGO\nINSERT INTO #t (a) VALUES (2)")
    assert run(engine, "PRINT CAST((SELECT SUM(a) FROM #t) AS VARCHAR(5))") == ("3",)
    assert run(engine, "IF OBJECT_ID('tempdb..#t') IS NOT NULL PRINT 'temp'") == ("temp",)


def test_identity_columns_number_rows(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.ids (id INT IDENTITY(10, 5) NOT NULL, v NVARCHAR(10))\n"
        "INSERT INTO dbo.ids (v) VALUES ('a'), ('b')",
    )
    assert engine.query("SELECT id FROM dbo.ids ORDER BY id").rows == [(10,), (15,)]
    run(engine, "DROP TABLE dbo.ids\nCREATE TABLE dbo.ids (id INT IDENTITY(1,1), v INT)")


def test_update_and_delete_with_joins(engine: DuckDBEngine) -> None:
    run(
        engine,
        """
        CREATE TABLE dbo.codes (code NVARCHAR(5), target NVARCHAR(20))
        INSERT INTO dbo.codes VALUES ('a', 'ALPHA')
        CREATE TABLE dbo.items (id INT, code NVARCHAR(5), mapped NVARCHAR(20))
        INSERT INTO dbo.items (id, code) VALUES (1, 'A '), (2, 'b'), (3, 'a')
        UPDATE i SET i.mapped = ISNULL(c.target, 'UNKNOWN')
        FROM dbo.items i LEFT JOIN dbo.codes c ON c.code = RTRIM(i.code)
        DELETE i FROM dbo.items i JOIN dbo.codes c ON c.code = i.code WHERE i.id = 3
        """,
    )
    assert engine.query("SELECT id, mapped FROM dbo.items ORDER BY id").rows == [
        (1, "ALPHA"),
        (2, "UNKNOWN"),
    ]


def test_dedup_through_a_cte(engine: DuckDBEngine) -> None:
    result = engine.run_script(
        """
        CREATE TABLE dbo.d (k INT, v INT)
        INSERT INTO dbo.d VALUES (1, 1), (1, 2), (2, 1)
        ;WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn
                         FROM dbo.d)
        DELETE FROM ranked WHERE rn > 1
        PRINT @@ROWCOUNT
        """,
        Path("d.sql"),
    )
    assert result.messages == ("1",)
    assert engine.query("SELECT k, v FROM dbo.d ORDER BY k").rows == [(1, 2), (2, 1)]


def test_create_schema_must_open_its_batch(engine: DuckDBEngine) -> None:
    with pytest.raises(StatementFailed, match="must be the first statement"):
        run(engine, "PRINT 'x'\nCREATE SCHEMA etl")
    run(engine, "IF SCHEMA_ID('etl') IS NULL EXEC('CREATE SCHEMA etl')")
    assert "etl" in engine.schemas()


def test_create_schema_takes_the_owner_ssdt_writes(engine: DuckDBEngine) -> None:
    run(engine, "CREATE SCHEMA [dw] AUTHORIZATION [dbo];")
    run(engine, "CREATE SCHEMA audit AUTHORIZATION dbo")
    run(engine, "IF SCHEMA_ID(N'etl') IS NULL EXEC(N'CREATE SCHEMA [etl] AUTHORIZATION [dbo]')")
    assert {"dw", "audit", "etl"} <= set(engine.schemas())


def test_drop_schema_refuses_a_schema_with_objects(engine: DuckDBEngine) -> None:
    run(engine, "CREATE SCHEMA etl\nGO\nCREATE TABLE etl.t (a INT)")
    with pytest.raises(StatementFailed, match="referenced by object 't'"):
        run(engine, "DROP SCHEMA etl")
    run(engine, "DROP TABLE etl.t\nDROP SCHEMA etl")
    assert "etl" not in engine.schemas()


def test_is_null_conditions_are_answered_without_the_database(
    engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "DECLARE @none INT, @one NVARCHAR(5) = N'x';\n"
        "IF @none IS NULL PRINT 'none is null';\n"
        "IF NOT @one IS NULL PRINT 'one is set';\n"
        "IF @one IS NULL PRINT 'wrong';\n"
        "IF OBJECT_ID(N'dbo.missing', N'U') IS NOT NULL PRINT 'wrong';\n"
        "IF @@ROWCOUNT IS NOT NULL PRINT 'rowcount'\n"
        "IF @one IS NULL OR 1 = 1 PRINT 'via the database'"
    )
    sent: list[str] = []
    query = engine.query
    monkeypatch.setattr(engine, "query", lambda sql: sent.append(sql) or query(sql))
    assert run(engine, script) == ("none is null", "one is set", "rowcount", "via the database")
    conditions = [sql for sql in sent if sql.startswith("SELECT CASE WHEN")]
    assert len(conditions) == 1
    assert "OR 1 = 1" in conditions[0]
    with pytest.raises(StatementFailed, match='declare the scalar variable "@nope"'):
        run(engine, "IF @nope IS NULL PRINT 'x'")


def test_undeclared_variable_fails(engine: DuckDBEngine) -> None:
    with pytest.raises(StatementFailed, match='Must declare the scalar variable "@nope"'):
        run(engine, "PRINT @nope")


@pytest.mark.parametrize(
    ("script", "construct", "place"),
    [
        ("PRINT 1\nGO\nDECLARE @c CURSOR", "DECLARE @cursor CURSOR", "inline.sql:3:1"),
        ("PRINT 1\n  EXEC master.dbo.usp_load", "EXEC master.dbo.usp_load", "inline.sql:2:3"),
        ("SELECT * FROM sys.indexes", "sys.indexes", "inline.sql:1:1"),
        ("SET DATEFORMAT dmy", "SET DATEFORMAT", "inline.sql:1:5"),
        ("DECLARE @t TABLE (id XML)", "data type XML", "inline.sql:1:22"),
        (
            "CREATE TRIGGER dbo.trg ON dbo.t AFTER INSERT AS SELECT 1",
            "CREATE TRIGGER",
            "inline.sql:1:1",
        ),
        ("USE master", "USE", "inline.sql:1:1"),
    ],
)
def test_unsupported_constructs_are_named(
    engine: DuckDBEngine, script: str, construct: str, place: str
) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, script)
    text = str(raised.value)
    assert construct in text
    assert text.startswith(place)
    assert "run it on --engine mssql" in text


def test_a_node_without_a_rule_is_refused_never_skipped(
    engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement node the interpreter has no rule for fails at its place, and the
    compatibility pass reports it there too: nothing is skipped silently."""
    from dataclasses import dataclass

    from etlcheck import compatibility
    from etlcheck.tsql import compat, interpreter
    from etlcheck.tsql.nodes import Block, Node

    @dataclass(frozen=True)
    class Novel(Node):
        pass

    def split(text: str) -> Block:
        return Block(0, (Novel(3),))

    monkeypatch.setattr(interpreter, "split_statements", split)
    monkeypatch.setattr(compat, "split_statements", split)
    monkeypatch.setattr(compat, "_VERDICTS", {})
    with pytest.raises(UnsupportedConstruct) as refused:
        engine.run_script("-- a novel statement\n", Path("novel.sql"))
    assert str(refused.value).startswith("novel.sql:1:4: Novel: the interpreter has no rule")
    (finding,) = compatibility.check_script("-- a novel statement\n", "novel.sql", "duckdb")
    assert (finding.location.line, finding.location.column) == (1, 4)
    assert finding.message.startswith("Novel: the interpreter has no rule")


def test_a_national_literal_added_to_a_column_is_concatenation_at_once() -> None:
    """N'...' + column is text whatever the column: compiled as concatenation, it never
    fails first as an addition, which would abort DuckDB's step transaction."""
    script = (
        "DROP TABLE IF EXISTS dbo.codes; CREATE TABLE dbo.codes (code VARCHAR(5));\n"
        "INSERT INTO dbo.codes VALUES ('ab');\n"
        "PRINT (SELECT N'code: ' + code FROM dbo.codes);"
    )
    with DuckDBEngine(None) as engine:
        engine.begin_step()
        assert engine.run_script(script, Path("t.sql")).messages == ("code: ab",)
        assert not engine.step_transaction_aborted()
        engine.rollback_step()
