"""Routines on PostgreSQL, where the pipeline runs as a role that may write only in the
sandbox: a procedure or function made anywhere else fails at the database, as a leak
must; in the sandbox they run as on DuckDB."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.postgres import PostgresEngine
from etlcheck.errors import StatementFailed

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def engine() -> Iterator[PostgresEngine]:
    from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("postgres", postgres_unavailable_reason())
    started = PostgresEngine().start()
    try:
        for schema in ("dbo", "etl", "poc_etl"):
            started.create_schema(schema)
        yield started
    finally:
        started.close()


def run(engine: PostgresEngine, script: str) -> tuple[str, ...]:
    return engine.run_script(script, Path("inline.sql")).messages


@pytest.mark.parametrize(
    "script",
    [
        "CREATE PROCEDURE etl.usp_leak AS PRINT 1",
        "CREATE FUNCTION etl.fn_leak (@a INT) RETURNS INT AS BEGIN RETURN @a END",
        "CREATE TYPE etl.LeakList AS TABLE (Id INT)",
    ],
)
def test_a_routine_outside_the_sandbox_is_refused_by_the_database(
    engine: PostgresEngine, script: str
) -> None:
    role = engine.create_sandbox_principal(["poc_etl"], read_schemas=["etl"])
    with engine.run_as(role), pytest.raises(StatementFailed) as raised:
        run(engine, script)
    assert "etl" in raised.value.message
    assert engine.query("SELECT count(*) FROM sys.objects WHERE name LIKE '%leak'").scalar() == 0


def test_routines_in_the_sandbox_run_as_the_sandbox_role(engine: PostgresEngine) -> None:
    role = engine.create_sandbox_principal(["poc_etl"], read_schemas=["etl"])
    with engine.run_as(role):
        run(
            engine,
            "CREATE FUNCTION poc_etl.fn_twice (@a INT) RETURNS INT AS BEGIN RETURN @a * 2 END",
        )
        run(
            engine,
            "CREATE PROCEDURE poc_etl.usp_twice @a INT, @b INT OUTPUT\n"
            "AS SET @b = poc_etl.fn_twice(@a)",
        )
        assert run(engine, "DECLARE @b INT\nEXEC poc_etl.usp_twice 21, @b OUTPUT\nPRINT @b") == (
            "42",
        )
        run(engine, "DROP PROCEDURE poc_etl.usp_twice\nDROP FUNCTION poc_etl.fn_twice")


def test_a_function_named_in_mixed_case_can_be_called(engine: PostgresEngine) -> None:
    """``dbo.fnPad`` was created as "fnPad" and called as fnpad: 'function does not exist'."""
    run(
        engine,
        "CREATE FUNCTION dbo.fnPad (@code VARCHAR(20), @n INT) RETURNS VARCHAR(40) AS\n"
        "BEGIN RETURN RIGHT(REPLICATE('0', @n) + @code, @n) END",
    )
    run(
        engine,
        "CREATE FUNCTION dbo.itvfTagsOf (@code VARCHAR(20)) RETURNS TABLE AS\n"
        "RETURN (SELECT @code + '-t' AS tag)",
    )
    assert run(
        engine,
        "PRINT dbo.fnPad('42', 8); PRINT dbo.FNPAD('7', 3);\n"
        "PRINT (SELECT t.tag FROM (VALUES ('9')) AS v (c) CROSS APPLY dbo.itvfTagsOf(v.c) AS t);\n"
        "DROP FUNCTION dbo.fnPad;\n"
        "PRINT ISNULL(CAST(OBJECT_ID('dbo.fnPad') AS VARCHAR(20)), 'gone');",
    ) == ("00000042", "007", "9-t", "gone")
