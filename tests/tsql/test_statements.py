"""Statement splitting and control flow without ';' separators."""

from __future__ import annotations

import pytest

from etlcheck.tsql.nodes import Assign, Block, Command, Declare, If, Node, Sql, TryCatch, While
from etlcheck.tsql.statements import SplitError, split_statements


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
        ("DECLARE c CURSOR FOR SELECT 1", "DECLARE CURSOR"),
        ("done: PRINT 1", "GOTO label"),
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
