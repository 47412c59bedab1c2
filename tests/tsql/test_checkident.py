"""DBCC CHECKIDENT beyond its conformance script, on both interpreting engines: counting
down, temp tables, a reseed below the seed that TRUNCATE TABLE still undoes, SQL Server's
errors 2501 and 7997, WITH NO_INFOMSGS, the forms refused, and the sandbox: a remapped
script reseeds the sandbox's table, never production's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etlcheck.compatibility import check_script
from etlcheck.config import SandboxConfig
from etlcheck.engines.base import Engine
from etlcheck.errors import UnsupportedConstruct
from etlcheck.isolation.rewrite import rewrite_script
from tests.engine_params import BOTH_ENGINES, started_engine
from tests.tsql.tsql_scripts import run

COMPLETED = (
    "DBCC execution completed. If DBCC printed error messages, contact your system administrator."
)
KEYS = "CREATE TABLE dbo.k (id INT IDENTITY(1, 1) PRIMARY KEY, code NVARCHAR(5));\n"
NEXT = "INSERT INTO dbo.k (code) VALUES (N'n');\nPRINT SCOPE_IDENTITY();\n"
SANDBOX = SandboxConfig(schema_map={"x": "poc_x", "dbo": "poc_dbo"}, protected=("x", "dbo"))


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    with started_engine(request.param) as started:
        yield started


def test_a_reseed_after_delete_goes_on_from_the_value_and_truncate_restores_the_seed(
    engine: Engine,
) -> None:
    # RESEED 0 of an IDENTITY(1, 1) is below its seed: the next key is still 1, and
    # TRUNCATE TABLE starts again from the seed, 1, not from 0.
    script = (
        KEYS
        + "INSERT INTO dbo.k (code) VALUES (N'a'), (N'b');\nDELETE FROM dbo.k;\n"
        + "DBCC CHECKIDENT (k, RESEED, 0) WITH NO_INFOMSGS;\n"
        + NEXT
        + "TRUNCATE TABLE dbo.k;\nPRINT IDENT_CURRENT(N'dbo.k');\n"
        + NEXT
    )
    assert run(engine, script) == ("1", "1", "1")


def test_a_reseed_before_the_first_row_is_what_ident_current_shows_and_the_first_key(
    engine: Engine,
) -> None:
    script = (
        KEYS
        + "DECLARE @start INT = 40;\nDBCC CHECKIDENT ('dbo.k', RESEED, @start) WITH NO_INFOMSGS;\n"
        + "PRINT IDENT_CURRENT(N'dbo.k');\n"
        + "DBCC CHECKIDENT ([k], NORESEED);\n"
        + NEXT
    )
    assert run(engine, script) == (
        "40",
        "Checking identity information: current identity value '40', current column value 'NULL'.",
        COMPLETED,
        "40",
    )


def test_counting_down_reseed_follows_the_lowest_value(engine: Engine) -> None:
    script = (
        "CREATE TABLE dbo.d (id INT IDENTITY(-1, -1), code NVARCHAR(5));\n"
        "INSERT INTO dbo.d (code) VALUES (N'a'), (N'b');\n"
        "SET IDENTITY_INSERT dbo.d ON;\nINSERT INTO dbo.d (id, code) VALUES (-50, N'x');\n"
        "SET IDENTITY_INSERT dbo.d OFF;\n"
        "DBCC CHECKIDENT ('dbo.d', RESEED, 10) WITH NO_INFOMSGS;\n"
        "DBCC CHECKIDENT ('dbo.d');\n"
        "INSERT INTO dbo.d (code) VALUES (N'c');\nPRINT SCOPE_IDENTITY();\n"
    )
    assert run(engine, script) == (
        "Checking identity information: current identity value '10', current column value '-50'.",
        COMPLETED,
        "-51",
    )


def test_a_temp_table_is_reseeded_too(engine: Engine) -> None:
    script = (
        "CREATE TABLE #t (id INT IDENTITY(1, 1), code NVARCHAR(5));\n"
        "INSERT INTO #t (code) VALUES (N'a');\n"
        "DBCC CHECKIDENT (#t, RESEED, 7) WITH NO_INFOMSGS;\n"
        "INSERT INTO #t (code) VALUES (N'b');\nPRINT SCOPE_IDENTITY();\n"
    )
    assert run(engine, script) == ("8",)


@pytest.mark.parametrize(
    ("statement", "number", "message"),
    [
        (
            "DBCC CHECKIDENT (N'dbo.missing', RESEED, 1)",
            2501,
            "Cannot find a table or object with the name 'dbo.missing'. Check the system catalog.",
        ),
        (
            "DBCC CHECKIDENT ('dbo.plain')",
            7997,
            "'plain' does not contain an identity column.",
        ),
    ],
)
def test_sql_server_errors_for_no_table_and_no_identity(
    engine: Engine, statement: str, number: int, message: str
) -> None:
    script = (
        "CREATE TABLE dbo.plain (code NVARCHAR(5));\n"
        f"BEGIN TRY\n{statement};\nPRINT 'not raised';\nEND TRY\n"
        "BEGIN CATCH\nPRINT CONCAT(ERROR_NUMBER(), ': ', ERROR_MESSAGE());\nEND CATCH"
    )
    assert run(engine, script) == (f"{number}: {message}",)


def test_inside_a_transaction_it_is_refused_rather_than_guessed(engine: Engine) -> None:
    script = KEYS + "BEGIN TRANSACTION;\nDBCC CHECKIDENT ('dbo.k', RESEED, 5);\nCOMMIT;"
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, script)
    assert "t.sql:3:1" in str(raised.value)
    assert "DBCC CHECKIDENT inside a transaction is not emulated" in str(raised.value)


@pytest.mark.parametrize("engine_name", ["duckdb", "postgres"])
def test_the_compatibility_pass_runs_checkident_and_refuses_other_dbcc(engine_name: str) -> None:
    script = (
        "DBCC CHECKIDENT (N'dbo.k', RESEED, 0) WITH NO_INFOMSGS;\n"
        "DBCC CHECKIDENT ([dbo.k]);\n"
        "DBCC CHECKTABLE (N'dbo.k');\n"
    )
    found = [(f.location.line, f.message) for f in check_script(script, "t.sql", engine_name)]
    assert [line for line, _ in found] == [2, 3]
    assert "a delimited name with a dot in it is not emulated" in found[0][1]
    assert "DBCC CHECKTABLE is not supported" in found[1][1]


def test_the_sandboxed_run_reseeds_the_sandbox_table_not_production(engine: Engine) -> None:
    for schema in ("x", "poc_x", "poc_dbo"):
        engine.create_schema(schema)
    for schema in ("x", "poc_x", "dbo", "poc_dbo"):
        run(engine, f"CREATE TABLE {schema}.t (id INT IDENTITY(1, 1), code NVARCHAR(5));")
    script = (
        "DBCC CHECKIDENT (N'x.t', RESEED, 100) WITH NO_INFOMSGS;\n"
        "DBCC CHECKIDENT (t, RESEED, 200) WITH NO_INFOMSGS;\n"
    )
    remapped = rewrite_script(script, "t.sql", SANDBOX, "ast").text
    assert "N'poc_x.t'" in remapped
    assert "N'poc_dbo.t'" in remapped
    run(engine, remapped)
    shown = "PRINT CONCAT(IDENT_CURRENT(N'x.t'), ' ', IDENT_CURRENT(N'poc_x.t'), ' ', "
    shown += "IDENT_CURRENT(N'dbo.t'), ' ', IDENT_CURRENT(N'poc_dbo.t'))"
    assert run(engine, shown) == ("1 100 1 200",)
