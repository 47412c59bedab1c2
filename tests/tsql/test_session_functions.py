"""The session functions (who runs a statement, from which machine and program) and
SYSDATETIMEOFFSET(): how T-SQL spells them reaches the emulation, what each engine
answers, and where a form that is not emulated (one with an argument) is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlglot import exp

from etlcheck.compatibility import check_script
from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql.emulation.session_functions import host_name
from etlcheck.tsql.parsing import parse_tsql, word_offset
from tests.tsql.tsql_scripts import run

NAMES = (
    "SUSER_SNAME()",
    "SUSER_NAME()",
    "SYSTEM_USER",
    "ORIGINAL_LOGIN()",
    "CURRENT_USER",
    "SESSION_USER",
    "USER",
    "USER_NAME()",
    "HOST_NAME()",
    "APP_NAME()",
)


# -- how the spellings are read ------------------------------------------------------------


@pytest.mark.parametrize("spelled", [*NAMES, "SYSDATETIMEOFFSET()"])
def test_each_spelling_is_read_as_a_call_by_its_own_name(spelled: str) -> None:
    # sqlglot reads SUSER_SNAME() and SYSTEM_USER (logins) and CURRENT_USER (a database
    # user) as one node, and USER as a column: each must stay what T-SQL wrote.
    call = parse_tsql(f"SELECT {spelled}").expressions[0]
    assert isinstance(call, exp.Anonymous)
    assert (call.name, call.expressions) == (spelled.removesuffix("()"), [])


@pytest.mark.parametrize(
    ("statement", "kept"),
    [
        ("SELECT [USER] FROM dbo.t", "[USER]"),
        ("SELECT t.USER FROM dbo.t AS t", "t.USER"),
        ("SELECT USER FROM dbo.t", "USER()"),
        ("INSERT INTO dbo.t (who) VALUES (USER)", "VALUES (USER())"),
        ("SELECT 1 WHERE USER = N'dbo'", "WHERE USER() = N'dbo'"),
    ],
)
def test_user_is_the_function_only_where_it_stands_as_a_value(statement: str, kept: str) -> None:
    assert kept in parse_tsql(statement).sql(dialect="tsql")


# -- what each engine answers -----------------------------------------------------------

ALL_NAMES = "\n".join(f"PRINT {name}" for name in NAMES)


@pytest.mark.duckdb
def test_duckdb_names_etlcheck_and_this_machine() -> None:
    with DuckDBEngine(None) as engine:
        messages = run(engine, ALL_NAMES)
    assert messages == ("etlcheck",) * 8 + (host_name(), "etlcheck")


@pytest.fixture(scope="module")
def postgres() -> Iterator[Engine]:
    from etlcheck.engines.postgres import PostgresEngine
    from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("postgres", postgres_unavailable_reason())
    started = PostgresEngine().start()
    try:
        for schema in ("dbo", "poc_dbo"):
            started.create_schema(schema)
        yield started
    finally:
        started.close()


@pytest.mark.postgres
def test_postgres_names_the_role_that_connected(postgres: Engine) -> None:
    connected = postgres.query("SELECT session_user::text").scalar()
    messages = run(postgres, ALL_NAMES)
    assert messages == (connected,) * 8 + (host_name(), "etlcheck")


@pytest.mark.postgres
def test_postgres_names_the_run_role_as_sql_server_names_the_impersonated_context(
    postgres: Engine,
) -> None:
    # etlcheck runs steps after SET ROLE to a sandbox role, as it runs them EXECUTE AS a
    # sandbox user on SQL Server: the login and user functions follow the switch, and
    # ORIGINAL_LOGIN() still names the role that connected. Defaults follow it too.
    connected = postgres.query("SELECT session_user::text").scalar()
    role = postgres.create_sandbox_principal(["poc_dbo"])
    with postgres.run_as(role):
        messages = run(
            postgres,
            ALL_NAMES
            + "\nCREATE TABLE poc_dbo.audit (id INT, CreatedBy NVARCHAR(128) DEFAULT SUSER_SNAME(),"
            " Login SYSNAME DEFAULT ORIGINAL_LOGIN())\n"
            "INSERT INTO poc_dbo.audit (id) VALUES (1)\n"
            "PRINT (SELECT CreatedBy + N' ' + Login FROM poc_dbo.audit)",
        )
    assert messages == (role, role, role, connected) + (role,) * 4 + (
        host_name(),
        "etlcheck",
        f"{role} {connected}",
    )


@pytest.mark.postgres
def test_app_name_is_the_connections_application_name(postgres: Engine) -> None:
    postgres.execute("SET application_name = 'nightly load'")
    try:
        assert run(postgres, "PRINT APP_NAME()") == ("nightly load",)
    finally:
        postgres.execute("SET application_name = 'etlcheck'")


def _offset_texts(engine: Engine, zone: str) -> tuple[str, ...]:
    engine.execute(f"SET TimeZone = '{zone}'")
    return run(
        engine,
        "DECLARE @now DATETIMEOFFSET = SYSDATETIMEOFFSET()\n"
        "PRINT RIGHT(CAST(SYSDATETIMEOFFSET() AS NVARCHAR(40)), 6)\n"
        "PRINT RIGHT(CONVERT(NVARCHAR(40), @now), 6)\n"
        "PRINT DATEDIFF(MINUTE, SYSUTCDATETIME(), CAST(@now AS DATETIME2))\n"
        "PRINT @now",
    )


def _check_offset_texts(texts: tuple[str, ...], shown: str, minutes: int) -> None:
    # CAST, CONVERT and PRINT write yyyy-mm-dd hh:mi:ss.nnnnnnn +hh:mm
    assert texts[:3] == (shown, shown, str(minutes))
    printed = texts[3]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{7} [+-]\d\d:\d\d", printed)
    assert printed.endswith(shown)


ZONES = [("Asia/Kathmandu", "+05:45", 345), ("Pacific/Marquesas", "-09:30", -570)]


@pytest.mark.duckdb
@pytest.mark.parametrize(("zone", "shown", "minutes"), ZONES)
def test_sysdatetimeoffset_has_the_sessions_offset_on_duckdb(
    zone: str, shown: str, minutes: int
) -> None:
    with DuckDBEngine(None) as engine:
        _check_offset_texts(_offset_texts(engine, zone), shown, minutes)


@pytest.mark.postgres
@pytest.mark.parametrize(("zone", "shown", "minutes"), ZONES)
def test_sysdatetimeoffset_has_the_sessions_offset_on_postgres(
    postgres: Engine, zone: str, shown: str, minutes: int
) -> None:
    try:
        _check_offset_texts(_offset_texts(postgres, zone), shown, minutes)
    finally:
        postgres.execute("RESET TimeZone")


CONVERSIONS = (
    "DECLARE @o DATETIMEOFFSET = '2024-01-01 12:00:00.1234567 +02:00'\n"
    "PRINT DATEDIFF(MINUTE, CAST('2024-01-01 10:00:00' AS DATETIMEOFFSET), @o)\n"
    "PRINT DATEDIFF(MINUTE, CAST('2024-01-01' AS DATETIMEOFFSET), @o)\n"
    "PRINT DATEDIFF(MINUTE, CAST(N'2024-01-01T09:00:00Z' AS DATETIMEOFFSET), @o)\n"
    "PRINT DATEDIFF(MINUTE, CAST(CAST('2024-01-01 10:00' AS DATETIME2) AS DATETIMEOFFSET), @o)\n"
    "PRINT ISNULL(CAST(TRY_CAST(N'nonsense' AS DATETIMEOFFSET) AS NVARCHAR(40)), N'null')\n"
    "IF CAST(CAST(@o AS NVARCHAR(40)) AS DATETIMEOFFSET) = @o PRINT 'round trip'"
)
"""SQL Server reads a string's own offset (+00:00 when it has none) and puts a datetime2
at +00:00; the engines would read both at the session's offset (here +05:45)."""


def _conversions(engine: Engine) -> tuple[str, ...]:
    engine.execute("SET TimeZone = 'Asia/Kathmandu'")
    return run(engine, CONVERSIONS)


CONVERTED = ("0", "600", "60", "0", "null", "round trip")


@pytest.mark.duckdb
def test_strings_and_datetime2_become_datetimeoffset_as_in_sql_server_on_duckdb() -> None:
    with DuckDBEngine(None) as engine:
        assert _conversions(engine) == CONVERTED


@pytest.mark.postgres
def test_strings_and_datetime2_become_datetimeoffset_as_in_sql_server_on_postgres(
    postgres: Engine,
) -> None:
    try:
        assert _conversions(postgres) == CONVERTED
    finally:
        postgres.execute("RESET TimeZone")


# -- what is refused, and where -----------------------------------------------------------

REFUSED = [
    (
        "DECLARE @sid VARBINARY(85) = 0x01\nINSERT INTO dbo.audit (who, whose)\n"
        "VALUES (SUSER_SNAME(), SUSER_SNAME(@sid))",
        (3, 24),
        "SUSER_SNAME(server_user_sid): the login of a given SID is not emulated",
    ),
    ("SELECT SUSER_NAME(1)", (1, 8), "SUSER_NAME(server_user_id)"),
    ("PRINT USER_NAME(5)", (1, 7), "USER_NAME(id): the database user of a given id"),
    ("SELECT DB_NAME(), DB_NAME(2)", (1, 19), "DB_NAME(database_id)"),
    ("SELECT HOST_NAME(),\n  HOST_NAME(1)", (2, 3), "HOST_NAME() with an argument"),
    ("SELECT ORIGINAL_LOGIN(1)", (1, 8), "ORIGINAL_LOGIN() with an argument"),
    ("SELECT SYSTEM_USER, SUSER_SID()", (1, 21), "SUSER_SID(): this function is not emulated"),
    ("SELECT SYSTEM_USER,\n       SUSER_ID()", (2, 8), "SUSER_ID()"),
    ("SELECT CURRENT_USER()", (1, 8), "CURRENT_USER(): SQL Server takes CURRENT_USER"),
    (
        "PRINT CONVERT(NVARCHAR(40), SYSDATETIMEOFFSET(), 126)",
        (1, 7),
        "CONVERT: style 126 of a datetimeoffset is not emulated",
    ),
]


@pytest.mark.parametrize(("script", "where", "words"), REFUSED)
@pytest.mark.parametrize("engine_name", ["duckdb", "postgres"])
def test_a_form_not_emulated_is_refused_at_its_own_place(
    script: str, where: tuple[int, int], words: str, engine_name: str
) -> None:
    findings = check_script(script, "t.sql", engine_name)
    assert [(f.location.line, f.location.column) for f in findings] == [where]
    assert findings[0].message.startswith(words)
    assert findings[0].message.endswith(
        f"; {engine_name} cannot run it faithfully: run it on --engine mssql"
    )


@pytest.mark.duckdb
@pytest.mark.parametrize(("script", "where", "words"), REFUSED)
def test_the_interpreter_refuses_at_the_same_place(
    script: str, where: tuple[int, int], words: str
) -> None:
    with DuckDBEngine(None) as engine, pytest.raises(UnsupportedConstruct) as refused:
        engine.run_script(script, Path("t.sql"))
    assert refused.value.location is not None
    assert (refused.value.location.line, refused.value.location.column) == where
    assert str(refused.value).startswith(f"t.sql:{where[0]}:{where[1]}: {words}")


def test_word_offset_finds_the_occurrence_asked_for() -> None:
    text = "SELECT f(), F(1), 'f', f(2)"
    assert [word_offset(text, "f", n) for n in range(4)] == [7, 12, 23, 23]
    assert word_offset(text, "g") == 0
