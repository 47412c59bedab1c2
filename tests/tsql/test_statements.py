"""Statement splitting and control flow without ';' separators."""

from __future__ import annotations

import pytest

from etlcheck.tsql.nodes import (
    Assign,
    Block,
    Command,
    Cursor,
    Declare,
    If,
    Label,
    Node,
    Routine,
    Sql,
    TryCatch,
    While,
)
from etlcheck.tsql.statements import SplitError, read_batch, split_statements


def sql_texts(node: Node) -> list[str]:
    if isinstance(node, Sql):
        return [node.fragment.text]
    if isinstance(node, Block):
        return [text for child in node.body for text in sql_texts(child)]
    if isinstance(node, If):
        return sql_texts(node.then) + (sql_texts(node.otherwise) if node.otherwise else [])
    if isinstance(node, While):
        return sql_texts(node.body)
    if isinstance(node, TryCatch):
        return sql_texts(node.body) + sql_texts(node.handler)
    return []


def test_if_without_begin_takes_one_statement() -> None:
    block = split_statements("IF OBJECT_ID('etl.t', 'U') IS NOT NULL DROP TABLE etl.t\nSELECT 1")
    assert isinstance(block.body[0], If)
    assert block.body[0].condition.text == "OBJECT_ID('etl.t', 'U') IS NOT NULL"
    assert sql_texts(block.body[0]) == ["DROP TABLE etl.t"]
    assert sql_texts(block.body[1]) == ["SELECT 1"]


def test_if_exists_else_if_chain() -> None:
    block = split_statements(
        "IF EXISTS (SELECT 1 FROM sys.schemas WHERE name = 'etl') DROP SCHEMA [etl]; "
        "ELSE IF 1 = 2 PRINT 'x' ELSE BEGIN PRINT 'y' END"
    )
    statement = block.body[0]
    assert isinstance(statement, If) and isinstance(statement.otherwise, If)
    assert statement.condition.text.startswith("EXISTS (SELECT 1")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "INSERT INTO t (a) SELECT a FROM u UNION ALL SELECT 2 SELECT 3",
            ["INSERT INTO t (a) SELECT a FROM u UNION ALL SELECT 2", "SELECT 3"],
        ),
        ("INSERT INTO t VALUES (1) SELECT 5", ["INSERT INTO t VALUES (1)", "SELECT 5"]),
        (
            "UPDATE t SET a = CASE WHEN a = 1 THEN 2 ELSE 3 END FROM t JOIN u ON u.a = t.a "
            "DELETE FROM t",
            [
                "UPDATE t SET a = CASE WHEN a = 1 THEN 2 ELSE 3 END FROM t JOIN u ON u.a = t.a",
                "DELETE FROM t",
            ],
        ),
        (
            "MERGE INTO b AS t USING s ON t.k = s.k WHEN MATCHED THEN UPDATE SET t.v = s.v "
            "WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, s.v); SELECT 1",
            [
                "MERGE INTO b AS t USING s ON t.k = s.k WHEN MATCHED THEN UPDATE SET t.v = s.v "
                "WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, s.v)",
                "SELECT 1",
            ],
        ),
        (
            "WITH d AS (SELECT *, ROW_NUMBER() OVER (ORDER BY x) rn FROM t) "
            "DELETE FROM d WHERE rn > 1 DROP TABLE IF EXISTS #t",
            [
                "WITH d AS (SELECT *, ROW_NUMBER() OVER (ORDER BY x) rn FROM t) "
                "DELETE FROM d WHERE rn > 1",
                "DROP TABLE IF EXISTS #t",
            ],
        ),
        ("SELECT * FROM t WITH (NOLOCK) SELECT 2", ["SELECT * FROM t WITH (NOLOCK)", "SELECT 2"]),
        (
            "CREATE VIEW v AS WITH c AS (SELECT 1 AS a) SELECT a FROM c",
            ["CREATE VIEW v AS WITH c AS (SELECT 1 AS a) SELECT a FROM c"],
        ),
    ],
)
def test_statements_end_where_the_next_begins(script: str, expected: list[str]) -> None:
    assert sql_texts(split_statements(script)) == expected


def test_declare_set_and_compound_assignment() -> None:
    block = split_statements("DECLARE @a INT = 1, @b NVARCHAR(20) = 'x' SET @a += 2 SET NOCOUNT ON")
    declare, assign, option = block.body
    assert isinstance(declare, Declare)
    assert [(v.name, v.type_text) for v in declare.variables] == [
        ("@a", "INT"),
        ("@b", "NVARCHAR(20)"),
    ]
    assert isinstance(assign, Assign) and (assign.operator, assign.value.text) == ("+", "2")
    assert isinstance(option, Command) and option.word == "SET"


def test_try_catch_with_throw_forms() -> None:
    block = split_statements(
        "BEGIN TRY THROW 50000, 'x', 1; END TRY BEGIN CATCH PRINT ERROR_MESSAGE(); THROW; END CATCH"
    )
    statement = block.body[0]
    assert isinstance(statement, TryCatch)
    throw = statement.body.body[0]
    assert isinstance(throw, Command) and [a.text for a in throw.arguments] == ["50000", "'x'", "1"]
    rethrow = statement.handler.body[1]
    assert isinstance(rethrow, Command) and rethrow.arguments == ()


def test_while_with_break() -> None:
    block = split_statements("WHILE @i < 3 BEGIN SET @i = @i + 1 IF @i = 2 BREAK END")
    assert isinstance(block.body[0], While)


@pytest.mark.parametrize(
    ("script", "construct"),
    [
        ("DECLARE @c CURSOR", "DECLARE @cursor CURSOR"),
        ("CREATE TRIGGER dbo.trg ON dbo.t AFTER INSERT AS PRINT 1", "CREATE TRIGGER"),
        ("GOTO nowhere", "GOTO"),
        ("IF 1 = 1 BEGIN inside: PRINT 1 END GOTO inside", "GOTO"),
        ("BEGIN PRINT 1", "END"),
        ("IF 1 = 1", "IF"),
    ],
)
def test_what_cannot_be_split_names_the_construct(script: str, construct: str) -> None:
    with pytest.raises(SplitError) as raised:
        split_statements(script)
    assert raised.value.construct == construct


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("SET NOCOUNT ON\nINSERT INTO t VALUES (1)", ["INSERT INTO t VALUES (1)"]),
        ("SET XACT_ABORT ON\nUPDATE t SET a = 1", ["UPDATE t SET a = 1"]),
        ("SET ANSI_NULLS ON\nDELETE FROM t WHERE a = 2", ["DELETE FROM t WHERE a = 2"]),
        (
            "SET IDENTITY_INSERT t ON\nMERGE INTO t USING s ON t.k = s.k "
            "WHEN NOT MATCHED THEN INSERT (k) VALUES (s.k);",
            ["MERGE INTO t USING s ON t.k = s.k WHEN NOT MATCHED THEN INSERT (k) VALUES (s.k)"],
        ),
        (
            "ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES p (id) "
            "ON DELETE CASCADE ON UPDATE NO ACTION\nSELECT 1",
            [
                "ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES p (id) "
                "ON DELETE CASCADE ON UPDATE NO ACTION",
                "SELECT 1",
            ],
        ),
    ],
)
def test_a_statement_after_set_option_on_is_its_own(script: str, expected: list[str]) -> None:
    # ON ends SET NOCOUNT ON; only ON DELETE/UPDATE <action> of a foreign key continues.
    assert sql_texts(split_statements(script)) == expected


# -- the total reading (remap and lint) ------------------------------------------------


def span_texts(text: str) -> list[tuple[str, str, str]]:
    """(role, word, text) of every span of the total reading of ``text``."""
    reading = read_batch(text)
    found = []
    for span in reading.spans:
        start, end = reading.tokens[span.first].start, reading.tokens[span.last].end + 1
        found.append((span.role, span.word, text[start:end]))
    return found


@pytest.mark.parametrize(
    "before",
    [
        "BEGIN PRINT 'x' END",
        "PRINT 'x'",
        "RAISERROR('x', 10, 1) WITH NOWAIT",
        "THROW 50000, 'x', 1",
        "IF @a = 1 RETURN",
        "IF @a = 1 RETURN 5",
        "done:",
        "BEGIN TRY SELECT 1 END TRY BEGIN CATCH THROW END CATCH",
    ],
)
@pytest.mark.parametrize("separator", [" ", "\n", "; ", ";\n"])
def test_a_statement_after_end_print_throw_return_or_a_label_is_its_own(
    before: str, separator: str
) -> None:
    found = span_texts(before + separator + "DELETE FROM dbo.Brokers WHERE id = 1")
    assert found[-1] == ("statement", "DELETE", "DELETE FROM dbo.Brokers WHERE id = 1")


def test_the_total_reading_keeps_every_token() -> None:
    text = (
        "CREATE PROCEDURE etl.p @a INT = 1 WITH EXECUTE AS OWNER AS\n"
        "SET NOCOUNT ON\n"
        "DECLARE c CURSOR LOCAL FOR SELECT id FROM dbo.t FOR UPDATE OF id\n"
        "OPEN c\n"
        "retry:\n"
        "BEGIN TRY UPDATE dbo.t SET id = 1 WHERE CURRENT OF c END TRY\n"
        "BEGIN CATCH GOTO retry END CATCH\n"
    )
    assert [(role, word) for role, word, _ in span_texts(text)] == [
        ("header", "CREATE"),
        ("statement", "SET"),
        ("statement", "DECLARE"),
        ("statement", "SELECT"),
        ("statement", "FOR"),
        ("statement", "OPEN"),
        ("label", "RETRY"),
        ("statement", "UPDATE"),
        ("statement", "GOTO"),
    ]
    block = read_batch(text).block
    (routine,) = block.body
    assert isinstance(routine, Routine) and routine.kind == "PROCEDURE"
    assert routine.header.text.endswith("WITH EXECUTE AS OWNER AS")
    assert isinstance(routine.body.body[1], Cursor) and isinstance(routine.body.body[3], Label)


@pytest.mark.parametrize(
    ("text", "header"),
    [
        (
            "CREATE FUNCTION dbo.f (@a AS INT) RETURNS TABLE AS RETURN (SELECT 1 AS a)",
            "CREATE FUNCTION dbo.f (@a AS INT) RETURNS TABLE AS",
        ),
        (
            "CREATE FUNCTION dbo.g (@a INT) RETURNS INT BEGIN RETURN @a END",
            "CREATE FUNCTION dbo.g (@a INT) RETURNS INT",
        ),
        (
            "CREATE OR ALTER TRIGGER dbo.trg ON dbo.t AFTER INSERT, UPDATE AS PRINT 1",
            "CREATE OR ALTER TRIGGER dbo.trg ON dbo.t AFTER INSERT, UPDATE AS",
        ),
        ("ALTER PROC etl.p AS SELECT 1", "ALTER PROC etl.p AS"),
    ],
)
def test_routine_headers_end_where_the_body_starts(text: str, header: str) -> None:
    assert span_texts(text)[0] == ("header", text.split()[0].upper(), header)


def test_what_cannot_be_read_becomes_an_unparsed_region() -> None:
    found = span_texts("(SELECT 1) UNION (SELECT 2)\nEND\nDELETE FROM dbo.t")
    assert found == [
        ("unparsed", "(", "(SELECT 1) UNION (SELECT 2)"),
        ("unparsed", "END", "END"),
        ("statement", "DELETE", "DELETE FROM dbo.t"),
    ]
    assert [p.message for p in read_batch("BEGIN PRINT 1").problems] == ["missing END"]


def test_sqlcmd_lines_are_directives() -> None:
    found = span_texts(':setvar Schema "dbo"\n:r .\\Tables\\T.sql\nSELECT 1\n')
    assert found == [
        ("directive", ":SETVAR", ':setvar Schema "dbo"'),
        ("directive", ":R", ":r .\\Tables\\T.sql"),
        ("statement", "SELECT", "SELECT 1"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "CREATE TRIGGER dbo.trg ON dbo.t AFTER INSERT AS PRINT 1",
        "DECLARE @c CURSOR",
        ":setvar a b",
        "lbl: PRINT 1 GOTO elsewhere",
    ],
)
def test_the_strict_reading_refuses_what_the_total_one_keeps(text: str) -> None:
    with pytest.raises(SplitError):
        split_statements(text)
    assert all(span.role != "unparsed" for span in read_batch(text).spans)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "ALTER TABLE t ALTER COLUMN c INT ALTER TABLE t DROP CONSTRAINT fk DROP TABLE u",
            [
                "ALTER TABLE t ALTER COLUMN c INT",
                "ALTER TABLE t DROP CONSTRAINT fk",
                "DROP TABLE u",
            ],
        ),
        (
            "GRANT SELECT, INSERT ON SCHEMA::etl TO r WITH GRANT OPTION GRANT EXECUTE TO r",
            ["GRANT SELECT, INSERT ON SCHEMA::etl TO r WITH GRANT OPTION", "GRANT EXECUTE TO r"],
        ),
        (
            "CREATE VIEW v WITH SCHEMABINDING AS SELECT a FROM dbo.t SELECT 2",
            ["CREATE VIEW v WITH SCHEMABINDING AS SELECT a FROM dbo.t", "SELECT 2"],
        ),
        (
            "SELECT a FROM t ORDER BY a OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY FETCH NEXT FROM c",
            [
                "SELECT a FROM t ORDER BY a OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY",
            ],
        ),
        (
            "BULK INSERT t FROM 'f.csv' UPDATE STATISTICS t SET NOCOUNT ON",
            ["BULK INSERT t FROM 'f.csv'", "UPDATE STATISTICS t"],
        ),
        (
            "ALTER TABLE t ADD e DATETIME2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL SELECT 1",
            [
                "ALTER TABLE t ADD e DATETIME2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL",
                "SELECT 1",
            ],
        ),
        (
            "ALTER DATABASE CURRENT SET RECOVERY SIMPLE WITH ROLLBACK IMMEDIATE SET XACT_ABORT ON",
            ["ALTER DATABASE CURRENT SET RECOVERY SIMPLE WITH ROLLBACK IMMEDIATE"],
        ),
    ],
)
def test_statement_keywords_that_continue_a_statement(script: str, expected: list[str]) -> None:
    assert sql_texts(split_statements(script)) == expected
