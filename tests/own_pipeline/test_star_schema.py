"""A star schema with FOREIGN KEYs, run as a new user runs it (``etlcheck init`` then
``etlcheck run``) on DuckDB and PostgreSQL: production's DDL in ``db/`` declares the fact's
key to the product dimension, its rows come from ``data/``, step 1 MERGEs the feed into
the dimension and step 2 inserts the facts. The run is VERIFIED, the sandbox copies refer
to each other, and a load that breaks the key fails its step with error 547's message.
The project is ``star_schema/``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.cli import main
from etlcheck.tsql.foreign_keys import decode_foreign_keys
from tests.gate.conftest import PostgresServer
from tests.gate.conftest import postgres_server as postgres_server  # the fixture

FIXTURES = Path(__file__).parent / "star_schema"
DATABASE = Path(".etlcheck") / "star.duckdb"
FACTS = "SELECT SaleId, ProductKey, Qty FROM poc_dw.FactSales ORDER BY SaleId"
LOADED = [(1, 1, 5), (2, 2, 3), (3, 1, 2), (4, 5, 7), (5, 5, 1), (6, 2, 4)]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The star schema project as ``etlcheck init`` sets it up, in a folder of its own."""
    folder = tmp_path / "star"
    folder.mkdir()
    for part in ("db", "data", "sql"):
        shutil.copytree(FIXTURES / part, folder / part)
    monkeypatch.chdir(folder)
    assert main(["init"]) == 0
    yield folder


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    code = main(["run", *arguments])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def broken_load(folder: Path) -> None:
    shutil.copy(FIXTURES / "variants" / "02-fact-sales.sql", folder / "sql" / "02-fact-sales.sql")


@pytest.mark.duckdb
def test_on_duckdb_the_star_schema_loads_verified(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import duckdb

    code, out = run(capsys)
    assert code == 0 and "VERIFIED" in out and "NOT VERIFIED" not in out, out
    with duckdb.connect(str(project / DATABASE), read_only=True) as connection:
        assert connection.execute(FACTS).fetchall() == LOADED
        comment = connection.execute(
            "SELECT comment FROM duckdb_tables() "
            "WHERE schema_name = 'poc_dw' AND table_name = 'FactSales'"
        ).fetchone()
    assert comment is not None
    assert {key.parent for key in decode_foreign_keys(comment[0])} == {("poc_dw", "DimProduct")}


@pytest.mark.duckdb
def test_on_duckdb_a_load_that_breaks_the_key_fails_its_step(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken_load(project)
    code, out = run(capsys)
    assert code == 1 and "NOT VERIFIED" in out, out
    assert (
        "02-fact-sales.sql:2:1: The INSERT statement conflicted with the FOREIGN KEY constraint "
        '"FK__FactSales__ProductKey". The conflict occurred in database "star_db", table '
        "\"poc_dw.DimProduct\", column 'ProductKey'."
    ) in out


def postgres_rows(server: PostgresServer, database: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(dbname=database, autocommit=True, **server.admin) as connection:
        return list(connection.execute(sql).fetchall())


@pytest.mark.postgres
@pytest.mark.slow
def test_on_postgres_the_star_schema_loads_verified_and_a_broken_load_fails(
    project: Path, capsys: pytest.CaptureFixture[str], postgres_server: PostgresServer
) -> None:
    postgres_server.create_database("etlcheck_star")
    db = ["--engine", "postgres", "--db", postgres_server.url("etlcheck_star")]
    db.append("--allow-external-target")
    code, out = run(capsys, *db)
    assert code == 0 and "VERIFIED" in out and "NOT VERIFIED" not in out, out
    facts = 'SELECT "SaleId", "ProductKey", "Qty" FROM poc_dw."FactSales" ORDER BY 1'
    assert postgres_rows(postgres_server, "etlcheck_star", facts) == LOADED
    parents = postgres_rows(
        postgres_server,
        "etlcheck_star",
        "SELECT DISTINCT confrelid::regclass::text FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid = 'poc_dw.\"FactSales\"'::regclass",
    )
    assert parents == [('poc_dw."DimProduct"',)]

    broken_load(project)
    postgres_server.create_database("etlcheck_star")  # production seeded afresh
    code, out = run(capsys, *db)
    assert code == 1 and "NOT VERIFIED" in out, out
    assert "02-fact-sales.sql:2:1:" in out and "foreign key" in out.lower()
