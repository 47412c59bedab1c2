"""A URL given to ``--db`` is never a file path: its scheme chooses the engine (or
conflicts with ``--engine`` in one line), and its password appears nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gate.conftest import DISTINCT_PASSWORD, PostgresServer, run_etlcheck, tree

PASSWORD = DISTINCT_PASSWORD


def everything_written(project: Path) -> str:
    """The text of every file under the project (reports, run state, databases' names)."""
    parts = []
    for path in project.rglob("*"):
        parts.append(str(path))
        if path.is_file() and path.suffix in (".json", ".html", ".xml", ".txt", ".log"):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def test_an_mssql_url_runs_on_sql_server_and_is_never_a_path(brokerage: Path) -> None:
    before = tree(brokerage)
    url = f"mssql://sa:{PASSWORD}@localhost:1/etlcheck_x"
    outcome = run_etlcheck(brokerage, "run", "--db", url)
    assert outcome.code == 2
    line = outcome.error_line
    assert "SQL Server" in line or "ODBC" in line, line
    assert PASSWORD not in outcome.out + outcome.err
    assert tree(brokerage) == before, "a URL was taken for a path, or a failed start wrote files"
    assert not (brokerage / "mssql:").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--engine", "duckdb", "--db", f"postgresql://etl:{PASSWORD}@127.0.0.1:1/etlcheck_x"],
            "--engine duckdb and --db postgresql://etl:***@127.0.0.1:1/etlcheck_x disagree: "
            "that URL is a postgres database",
        ),
        (
            ["--engine", "postgres", "--db", f"mssql://sa:{PASSWORD}@db1:1433/etlcheck_x"],
            "--engine postgres and --db mssql://sa:***@db1:1433/etlcheck_x disagree",
        ),
        (
            ["--db", f"mysql://root:{PASSWORD}@db1/etlcheck_x"],
            "--db mysql://root:***@db1/etlcheck_x: etlcheck cannot connect to mysql:// databases",
        ),
        (
            ["--db", f"sa:{PASSWORD}@db1:1433/etlcheck_x"],
            "--db sa:***@db1:1433/etlcheck_x looks like a server address written without scheme://",
        ),
        (
            ["--db", f"postgresql://etl:{PASSWORD}@db1:port/etlcheck_x"],
            "--db postgresql://etl:***@db1:port/etlcheck_x: the port is not a number",
        ),
        (
            ["--engine", "postgres", "--db", "work.duckdb"],
            "--engine postgres needs --db to be a server URL, not the file work.duckdb",
        ),
    ],
    ids=["duckdb-vs-postgres-url", "postgres-vs-mssql-url", "unknown-scheme", "no-scheme",
         "bad-port", "server-engine-given-a-file"],
)  # fmt: skip
def test_a_url_that_cannot_be_used_is_one_line(
    brokerage: Path, args: list[str], expected: str
) -> None:
    before = tree(brokerage)
    outcome = run_etlcheck(brokerage, "run", *args)
    assert outcome.code == 2, outcome.out + outcome.err
    assert expected in outcome.error_line
    assert PASSWORD not in outcome.out + outcome.err
    assert tree(brokerage) == before


def test_an_unreachable_postgres_url_is_one_line_without_its_password(brokerage: Path) -> None:
    outcome = run_etlcheck(
        brokerage, "run", "--db", f"postgresql://etl:{PASSWORD}@127.0.0.1:1/etlcheck_x"
    )
    assert outcome.code == 2
    assert "cannot connect to PostgreSQL postgresql://etl:***@127.0.0.1:1/etlcheck_x" in (
        outcome.error_line
    )
    assert PASSWORD not in outcome.out + outcome.err
    assert PASSWORD not in everything_written(brokerage)


@pytest.mark.postgres
def test_a_run_on_a_server_url_shows_its_password_nowhere(
    brokerage: Path, postgres_server: PostgresServer
) -> None:
    postgres_server.create_database("etlcheck_gate_urls")
    url = postgres_server.url("etlcheck_gate_urls")
    outcome = run_etlcheck(brokerage, "run", "--db", url, "--allow-external-target")
    assert outcome.code == 0, outcome.out + outcome.err
    assert "VERIFIED" in outcome.out
    assert f"postgresql://gate:***@127.0.0.1:{postgres_server.port}/etlcheck_gate_urls" in (
        (brokerage / "reports" / "latest" / "run.json").read_text()
    )
    assert PASSWORD not in outcome.out + outcome.err
    assert PASSWORD not in everything_written(brokerage)
    wrong_password = postgres_server.url("etlcheck_gate_urls", "x" + PASSWORD)
    wrong = run_etlcheck(brokerage, "run", "--db", wrong_password)
    assert wrong.code == 2
    assert "password authentication failed" in wrong.error_line
    assert PASSWORD not in wrong.out + wrong.err


def outside_run_records(project: Path) -> dict[str, tuple[int, int]]:
    """:func:`tree` but ``.etlcheck/`` (a refused seeding records its run there)."""
    return {name: stat for name, stat in tree(project).items() if not name.startswith(".etlcheck")}


@pytest.mark.postgres
def test_a_second_seeding_of_the_same_server_database_is_refused_in_one_line(
    brokerage: Path, postgres_server: PostgresServer
) -> None:
    postgres_server.create_database("etlcheck_gate_reseed")
    url = postgres_server.url("etlcheck_gate_reseed")
    first = run_etlcheck(brokerage, "run", "--db", url, "--allow-external-target")
    assert first.code == 0, first.out + first.err
    before = outside_run_records(brokerage)

    again = run_etlcheck(brokerage, "run", "--db", url, "--allow-external-target")

    assert again.code == 2, again.out + again.err
    assert "Traceback" not in again.err
    assert len(again.err.strip().splitlines()) == 1, again.err
    assert again.error_line.startswith(
        f"etlcheck: error: refusing to seed postgresql://gate:***@127.0.0.1:{postgres_server.port}"
        "/etlcheck_gate_reseed: it already holds schema(s) "
    ), again.error_line
    assert "poc_etl" in again.error_line and "give --db an empty database" in again.error_line
    assert outside_run_records(brokerage) == before, "a refused run wrote into the project"
    assert PASSWORD not in again.out + again.err


@pytest.mark.postgres
def test_an_empty_schema_left_behind_is_named_too(
    brokerage: Path, postgres_server: PostgresServer
) -> None:
    postgres_server.create_database("etlcheck_gate_leftover")
    postgres_server.execute("etlcheck_gate_leftover", "CREATE SCHEMA raw")
    url = postgres_server.url("etlcheck_gate_leftover")
    outcome = run_etlcheck(brokerage, "run", "--db", url, "--allow-external-target")
    assert outcome.code == 2, outcome.out + outcome.err
    assert "it already holds schema(s) raw (0 tables;" in outcome.error_line
    postgres_server.execute("etlcheck_gate_leftover", "DROP SCHEMA raw")
    cleared = run_etlcheck(brokerage, "run", "--db", url, "--allow-external-target")
    assert cleared.code == 0, cleared.out + cleared.err


@pytest.mark.postgres
def test_expectations_validate_in_a_server_database_given_by_url(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    """The database keeps its own search_path; GX's connection must still find the
    emulation's types (else every column reflects as NullType and every suite fails)."""
    import shutil

    billing = tmp_path / "billing"
    shutil.copytree(
        Path(__file__).parents[2] / "examples" / "billing",
        billing,
        ignore=shutil.ignore_patterns("reports", ".etlcheck"),  # earlier runs' output
    )
    postgres_server.create_database("etlcheck_gate_gx")
    url = postgres_server.url("etlcheck_gate_gx")
    outcome = run_etlcheck(billing, "run", "--db", url, "--allow-external-target")
    assert outcome.code == 0, outcome.out + outcome.err
    assert "expectation suites met" in outcome.out
    assert "NullType" not in outcome.out
