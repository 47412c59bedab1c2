"""A pipeline that creates a schema production does not have: the sandbox starts as
production does, so ``CREATE SCHEMA stage`` (remapped to ``poc_stage``) runs in step 1
instead of meeting a sandbox schema etlcheck made beforehand. A schema the scripts only
use is still made before step 1, and a run continued with ``--from`` finds the schema the
first run's step made. The pipelines are the ``.sql`` files in ``step_schemas/``."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.cli import main
from tests.gate.conftest import PostgresServer
from tests.gate.conftest import postgres_server as postgres_server  # the fixture

FIXTURES = Path(__file__).parent / "step_schemas"
DATABASE = Path(".etlcheck") / "warehouse.duckdb"


def warehouse(folder: Path, setup: str | None = None) -> Path:
    """The fixture pipeline in ``folder``, with ``variants/<setup>`` as its first step,
    set up by ``etlcheck init`` as a new user would."""
    for part in ("db", "sql"):
        shutil.copytree(FIXTURES / part, folder / part)
    if setup is not None:
        shutil.copy(FIXTURES / "variants" / setup, folder / "sql" / "01-setup.sql")
    assert main(["init"]) == 0
    return folder


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "warehouse"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder


def last_run(folder: Path) -> dict:
    return json.loads((folder / "reports" / "latest" / "run.json").read_text("utf-8"))


def duckdb_rows(folder: Path, sql: str) -> list[tuple[object, ...]]:
    import duckdb

    with duckdb.connect(str(folder / DATABASE), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def duckdb_schemas(folder: Path) -> set[str]:
    rows = duckdb_rows(folder, "SELECT schema_name FROM information_schema.schemata")
    return {str(row[0]) for row in rows}


def run_verified(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    code = main(["run", *arguments])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "VERIFIED" in out and "NOT VERIFIED" not in out, out
    return out


@pytest.mark.duckdb
def test_the_schema_the_first_step_creates_is_left_to_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse(project)
    run_verified(capsys)
    schemas = duckdb_schemas(project)
    assert {"poc_stage", "poc_etl", "etl"} <= schemas
    assert "stage" not in schemas, "the run created the production schema"
    assert duckdb_rows(project, "SELECT id, amount FROM poc_stage.orders ORDER BY id") == [
        (1, 50),
        (2, 150),
    ]
    assert duckdb_rows(project, "SELECT bucket, orders FROM etl.order_totals") == [("small", 4)]
    totals = duckdb_rows(project, "SELECT bucket, orders FROM poc_etl.order_totals ORDER BY 1")
    assert totals == [("big", 1), ("small", 4)]
    document = last_run(project)
    assert document["production"]["is_clean"]
    steps = document["run"]["steps"]
    assert [(s["script"], s["status"]) for s in steps] == [
        ("01-setup.sql", "ok"),
        ("02-totals.sql", "ok"),
    ]


@pytest.mark.duckdb
def test_a_run_continued_from_step_2_finds_the_schema_step_1_made(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse(project)
    run_verified(capsys)
    out = run_verified(capsys, "--from", "2")
    assert "02-totals.sql" in out and "01-setup.sql" not in out
    totals = duckdb_rows(project, "SELECT bucket, orders FROM poc_etl.order_totals ORDER BY 1")
    assert totals == [("big", 1), ("big", 1), ("small", 4)]
    assert "stage" not in duckdb_schemas(project)


@pytest.mark.duckdb
def test_a_resumed_run_creates_the_schema_again_when_the_failed_step_took_it_back(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Step 1 fails after its CREATE SCHEMA; the step's transaction takes the schema back,
    so the fixed step, resumed, creates it again as it would on production."""
    warehouse(project, "duplicate-key-setup.sql")
    assert main(["run"]) == 1
    assert "01-setup.sql failed" in capsys.readouterr().out
    assert "poc_stage" not in duckdb_schemas(project)
    shutil.copy(FIXTURES / "sql" / "01-setup.sql", project / "sql" / "01-setup.sql")
    out = run_verified(capsys, "--resume")
    assert "Continues run" in out
    assert duckdb_rows(project, "SELECT COUNT(*) FROM poc_stage.orders") == [(2,)]
    assert "stage" not in duckdb_schemas(project)


@pytest.mark.duckdb
@pytest.mark.parametrize(
    "setup",
    [
        pytest.param("dynamic-setup.sql", id="created-in-dynamic-sql-left-to-its-step"),
        pytest.param("uses-stage.sql", id="only-used-made-before-step-1"),
    ],
)
def test_the_sandbox_schema_holds_the_steps_rows_and_production_has_none(
    project: Path, capsys: pytest.CaptureFixture[str], setup: str
) -> None:
    warehouse(project, setup)
    run_verified(capsys)
    schemas = duckdb_schemas(project)
    assert "poc_stage" in schemas and "stage" not in schemas
    assert duckdb_rows(project, "SELECT COUNT(*) FROM poc_stage.orders") == [(2,)]


@pytest.mark.duckdb
def test_create_schema_with_its_objects_puts_them_in_the_sandbox_schema(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse(project, "nested-setup.sql")
    assert main(["lint"]) == 0, capsys.readouterr().out
    run_verified(capsys)
    tables = duckdb_rows(
        project,
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_name IN ('orders', 'big_orders') ORDER BY 2",
    )
    assert tables == [("poc_stage", "big_orders"), ("poc_stage", "orders")]
    assert duckdb_rows(project, "SELECT id FROM poc_stage.big_orders ORDER BY id") == [(2,), (3,)]
    totals = duckdb_rows(project, "SELECT bucket, orders FROM poc_etl.order_totals ORDER BY 1")
    assert totals == [("big", 2), ("small", 4)]
    suite = json.loads((project / "suites/warehouse/expectations/orders.json").read_text())
    assert suite["meta"]["etlcheck"]["table"] == "stage.orders"


# -- PostgreSQL: the run's role creates the schema, and owns it ----------------------------


def postgres_rows(server: PostgresServer, database: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(dbname=database, autocommit=True, **server.admin) as connection:
        return list(connection.execute(sql).fetchall())


def postgres_schemas(server: PostgresServer, database: str) -> set[str]:
    rows = postgres_rows(server, database, "SELECT nspname FROM pg_namespace")
    return {str(row[0]) for row in rows}


@pytest.mark.postgres
@pytest.mark.slow
def test_on_postgres_the_run_role_creates_the_schema_and_a_continued_run_uses_it(
    project: Path, capsys: pytest.CaptureFixture[str], postgres_server: PostgresServer
) -> None:
    postgres_server.create_database("etlcheck_step_schemas")
    db = ["--engine", "postgres", "--db", postgres_server.url("etlcheck_step_schemas")]
    db.append("--allow-external-target")
    warehouse(project)
    run_verified(capsys, *db)
    assert last_run(project)["engine"]["principal"], "the run did not use a sandbox role"
    schemas = postgres_schemas(postgres_server, "etlcheck_step_schemas")
    assert {"poc_stage", "poc_etl", "etl"} <= schemas and "stage" not in schemas
    orders = "SELECT id FROM poc_stage.orders ORDER BY id"
    assert postgres_rows(postgres_server, "etlcheck_step_schemas", orders) == [(1,), (2,)]

    run_verified(capsys, *db, "--from", "2")
    totals = "SELECT bucket, orders FROM poc_etl.order_totals ORDER BY 1, 2"
    assert postgres_rows(postgres_server, "etlcheck_step_schemas", totals) == [
        ("big", 1),
        ("big", 1),
        ("small", 4),
    ]


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize(
    ("setup", "created", "tables"),
    [
        (None, ["poc_stage"], {"orders"}),
        ("nested-setup.sql", ["poc_stage"], {"orders", "big_orders"}),
        ("uses-stage.sql", [], {"orders"}),
    ],
    ids=["create-schema", "create-schema-with-objects", "uses-only"],
)
def test_on_a_throwaway_postgres_cluster_the_run_is_verified(
    setup: str | None,
    created: list[str],
    tables: set[str],
    project: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("postgres", postgres_unavailable_reason())
    warehouse(project, setup)
    run_verified(capsys, "--engine", "postgres")
    document = last_run(project)
    assert all(step["status"] == "ok" for step in document["run"]["steps"])
    production = document["production"]
    assert production["is_clean"] and production["schemas_created"] == []
    sandbox = document["sandbox"]
    assert sandbox["schemas_created"] == created
    new = {t["name"] for t in sandbox["tables"] if t["status"] == "created"}
    assert {t["schema"] for t in sandbox["tables"] if t["name"] in new} == {"poc_stage"}
    assert new == tables


@pytest.mark.duckdb
@pytest.mark.slow
def test_the_suite_init_wrote_passes_through_the_pytest_fixtures(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = pytester.path / "warehouse"
    folder.mkdir()
    monkeypatch.chdir(folder)
    warehouse(folder)
    result = pytester.runpytest_subprocess(
        str(folder / "suites" / "warehouse"), "-p", "no:cacheprovider"
    )
    assert result.ret == 0, result.stdout.str()
    result.stdout.fnmatch_lines(["*passed*"])
    steps = last_run(folder)["run"]["steps"]
    assert [(s["script"], s["status"]) for s in steps] == [
        ("01-setup.sql", "ok"),
        ("02-totals.sql", "ok"),
    ]
