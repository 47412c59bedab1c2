"""Every INSERT into a table with an IDENTITY key is checked for repeats (rows inserted
under SET IDENTITY_INSERT do not move the emulated sequence); SYSUTCDATETIME() and
GETUTCDATE() in DECLARE/SET of DATETIME2 or DATETIME are read from the clock
(etlcheck.tsql.scope.fast_value)."""

from __future__ import annotations

import datetime

import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.tsql.scope import fast_value, rounded_moment
from tests.tsql.tsql_scripts import Sent, rejected, rows, run

pytestmark = pytest.mark.duckdb

DUPLICATE = 2627
EVENTS = "CREATE TABLE dbo.e (id INT IDENTITY(1,1) PRIMARY KEY, v NVARCHAR(5))"


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


# -- IDENTITY keys ----------------------------------------------------------------------


def test_inserts_that_leave_the_identity_key_to_the_table_are_checked_too(
    engine: DuckDBEngine, sent: Sent
) -> None:
    # Rows inserted under SET IDENTITY_INSERT do not move the emulated sequence, so a
    # generated id can repeat one of them: every INSERT is checked.
    run(engine, EVENTS)
    sent.clear()
    run(
        engine,
        "INSERT INTO dbo.e (v) VALUES ('a'), ('b')\n"
        "INSERT INTO dbo.e (v) SELECT v + '2' FROM dbo.e\n"
        "INSERT INTO dbo.e (v) VALUES ('c')",
    )
    assert len(sent.key_checks()) == 3
    assert rows(engine, "SELECT id, v FROM dbo.e ORDER BY id") == [
        (1, "a"),
        (2, "b"),
        (3, "a2"),
        (4, "b2"),
        (5, "c"),
    ]


def test_a_generated_id_goes_on_past_an_identity_insert(engine: DuckDBEngine) -> None:
    # SQL Server moves the identity past an explicit 3 and stores (4, 'c'); so does the
    # emulation, which makes the sequence anew from the highest value given.
    run(
        engine,
        EVENTS + ";\nINSERT INTO dbo.e (v) VALUES ('a'), ('b');\n"
        "SET IDENTITY_INSERT dbo.e ON;\nINSERT INTO dbo.e (id, v) VALUES (3, 'x');\n"
        "SET IDENTITY_INSERT dbo.e OFF;\nINSERT INTO dbo.e (v) VALUES ('c');",
    )
    assert rows(engine, "SELECT id, v FROM dbo.e ORDER BY id") == [
        (1, "a"),
        (2, "b"),
        (3, "x"),
        (4, "c"),
    ]


def test_a_row_by_row_load_of_given_ids_moves_the_identity_once(
    engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving the identity scans the table and makes a new sequence: it waits for what can
    see it (here the end of the script), not once a row."""
    moved: list[str] = []
    emulation = type(engine.tsql_emulation())
    advance = emulation.advance_identity
    monkeypatch.setattr(
        emulation,
        "advance_identity",
        lambda self, target, written: moved.append(written.name) or advance(self, target, written),
    )
    run(
        engine,
        EVENTS + ";\nSET IDENTITY_INSERT dbo.e ON;\nDECLARE @i INT = 0;\n"
        "WHILE @i < 20 BEGIN SET @i += 1; INSERT INTO dbo.e (id, v) VALUES (@i, 'x'); END",
    )
    assert moved == ["e"]
    run(engine, "SET IDENTITY_INSERT dbo.e OFF;\nINSERT INTO dbo.e (v) VALUES ('next');")
    assert rows(engine, "SELECT id FROM dbo.e WHERE v = 'next'") == [(21,)]


def test_an_insert_that_lists_the_identity_column_is_checked(
    engine: DuckDBEngine, sent: Sent
) -> None:
    run(engine, EVENTS + "\nINSERT INTO dbo.e (v) VALUES ('a')")
    sent.clear()
    run(engine, "SET IDENTITY_INSERT dbo.e ON;\nINSERT INTO dbo.e (id, v) VALUES (10, 'x');")
    assert len(sent.key_checks()) == 1
    assert rows(engine, "SELECT id, v FROM dbo.e ORDER BY id") == [(1, "a"), (10, "x")]


def test_identity_insert_of_a_taken_id_fails_with_2627(engine: DuckDBEngine) -> None:
    run(engine, EVENTS + "\nINSERT INTO dbo.e (v) VALUES ('a'), ('b')")
    error = rejected(
        engine,
        "SET IDENTITY_INSERT dbo.e ON;\n"
        "INSERT INTO dbo.e (id, v) VALUES (2, 'x');\n"
        "SET IDENTITY_INSERT dbo.e OFF;",
    )
    assert error.message == (
        "Violation of PRIMARY KEY constraint 'PK__e'. Cannot insert duplicate key in object "
        "'dbo.e'. The duplicate key value is (2)."
    )
    assert str(error.location) == "t.sql:2:1"
    assert rows(engine, "SELECT id, v FROM dbo.e ORDER BY id") == [(1, "a"), (2, "b")]


def test_a_caught_identity_insert_duplicate_sets_error_number(engine: DuckDBEngine) -> None:
    messages = run(
        engine,
        EVENTS + ";\nINSERT INTO dbo.e (v) VALUES ('a');\n"
        "SET IDENTITY_INSERT dbo.e ON;\n"
        "BEGIN TRY\nINSERT INTO dbo.e (id, v) VALUES (1, 'x');\nPRINT 'not reached';\nEND TRY\n"
        "BEGIN CATCH\nPRINT ERROR_NUMBER();\nEND CATCH\n"
        "SET IDENTITY_INSERT dbo.e OFF;\nPRINT 'after';",
    )
    assert messages == (str(DUPLICATE), "after")


def test_a_temp_table_identity_key_is_checked_the_same_way(
    engine: DuckDBEngine, sent: Sent
) -> None:
    run(engine, "CREATE TABLE #e (id INT IDENTITY(5,5) PRIMARY KEY, v NVARCHAR(5))")
    sent.clear()
    run(engine, "INSERT INTO #e (v) VALUES ('a'), ('b')")
    assert len(sent.key_checks()) == 1
    assert rows(engine, 'SELECT id, v FROM temp.main."#e" ORDER BY id') == [(5, "a"), (10, "b")]
    error = rejected(engine, "SET IDENTITY_INSERT #e ON;\nINSERT INTO #e (id, v) VALUES (10, 'c');")
    assert error.message.endswith("in object '#e'. The duplicate key value is (10).")


def test_other_keys_of_an_identity_table_are_still_checked(engine: DuckDBEngine) -> None:
    run(
        engine,
        "CREATE TABLE dbo.u (id INT IDENTITY(1,1) PRIMARY KEY, v NVARCHAR(5) UNIQUE)\n"
        "INSERT INTO dbo.u (v) VALUES ('a')",
    )
    error = rejected(engine, "INSERT INTO dbo.u (v) VALUES ('A')")
    assert error.message == (
        "Violation of UNIQUE KEY constraint 'UQ__u'. Cannot insert duplicate key in object "
        "'dbo.u'. The duplicate key value is (A)."
    )
    assert rows(engine, "SELECT id, v FROM dbo.u") == [(1, "a")]


def test_an_omitted_key_without_identity_is_still_checked(engine: DuckDBEngine) -> None:
    run(engine, "CREATE TABLE dbo.n (id INT NOT NULL DEFAULT 7 PRIMARY KEY, v NVARCHAR(5))")
    error = rejected(engine, "INSERT INTO dbo.n (v) VALUES ('a'), ('b')")
    assert error.message.endswith("in object 'dbo.n'. The duplicate key value is (7).")
    assert rows(engine, "SELECT count(*) FROM dbo.n") == [(0,)]


# -- the UTC clock ----------------------------------------------------------------------


def printed_time(messages: tuple[str, ...]) -> datetime.datetime:
    (text,) = messages
    return datetime.datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("type_text", "function"),
    [
        ("DATETIME2", "SYSUTCDATETIME()"),
        ("DATETIME2", "GETUTCDATE()"),
        ("DATETIME", "GETUTCDATE()"),
        ("DATETIME", "SYSUTCDATETIME()"),
        ("DATETIME2", "sysutcdatetime()"),
    ],
)
def test_declare_reads_the_utc_clock_without_a_query(
    engine: DuckDBEngine, sent: Sent, type_text: str, function: str
) -> None:
    run(engine, f"DECLARE @now {type_text} = {function}")
    assert sent.statements == []

    messages = run(
        engine, f"DECLARE @now {type_text} = {function}\nPRINT CONVERT(VARCHAR(40), @now, 121)"
    )
    assert abs(printed_time(messages) - utc_now()) < datetime.timedelta(seconds=5)
    # Only PRINT's CONVERT went to the database, with the value as a literal.
    (statement,) = sent.statements
    assert "TIMESTAMP '" in statement and "current_timestamp" not in statement.lower()


def test_set_reads_the_utc_clock_without_a_query(engine: DuckDBEngine, sent: Sent) -> None:
    run(engine, "DECLARE @now DATETIME2\nSET @now = GETUTCDATE()")
    assert sent.statements == []
    messages = run(
        engine,
        "DECLARE @now DATETIME2\nSET @now = SYSUTCDATETIME()\n"
        "PRINT CONVERT(VARCHAR(40), @now, 121)",
    )
    assert abs(printed_time(messages) - utc_now()) < datetime.timedelta(seconds=5)


@pytest.mark.parametrize("function", ["SYSUTCDATETIME()", "GETUTCDATE()"])
def test_a_date_still_asks_the_database(engine: DuckDBEngine, sent: Sent, function: str) -> None:
    before = utc_now().date()
    messages = run(engine, f"DECLARE @d DATE = {function}\nPRINT CONVERT(VARCHAR(10), @d, 23)")
    after = utc_now().date()
    assert sent.statements, "a DATE is cast by the database"
    assert "current_timestamp" in sent.statements[0].lower()
    (text,) = messages
    assert datetime.date.fromisoformat(text) in (before, after)


def test_fast_value_answers_the_clock_only_for_date_and_time_types() -> None:
    before = utc_now()
    known, value = fast_value(" SYSUTCDATETIME() ", "DATETIME2(3)")
    after = utc_now()
    assert known is True
    assert isinstance(value, datetime.datetime) and value.tzinfo is None
    half = datetime.timedelta(microseconds=500)  # rounded to datetime2(3)
    assert before - half <= value <= after + half
    assert fast_value("GETUTCDATE()", None)[0] is True
    whole = fast_value("SYSUTCDATETIME()", "DATETIME2(0)")[1]
    assert isinstance(whole, datetime.datetime) and whole.microsecond == 0
    for type_text in ("DATE", "NVARCHAR(30)", "DATETIMEOFFSET", "SMALLDATETIME"):
        assert fast_value("SYSUTCDATETIME()", type_text) == (False, None)
    assert fast_value("GETDATE()", "DATETIME2") == (False, None)


@pytest.mark.parametrize(
    ("type_text", "expected"),
    [
        ("DATETIME2(0)", datetime.datetime(2025, 1, 1)),
        ("DATETIME2(1)", datetime.datetime(2024, 12, 31, 23, 59, 59, 900000)),
        ("DATETIME2(3)", datetime.datetime(2024, 12, 31, 23, 59, 59, 950000)),
        ("DATETIME2", datetime.datetime(2024, 12, 31, 23, 59, 59, 949500)),
        ("DATETIME", datetime.datetime(2024, 12, 31, 23, 59, 59, 949500)),
    ],
)
def test_rounded_moment_rounds_half_up_to_the_precision(
    type_text: str, expected: datetime.datetime
) -> None:
    moment = datetime.datetime(2024, 12, 31, 23, 59, 59, 949500)
    assert rounded_moment(moment, type_text) == expected
