"""INSERT ... EXEC on DuckDB and PostgreSQL: what the conformance script does not show
(``conformance/insert-exec.sql`` runs the documented cases): a result set that is a CTE, an
EXEC that fails after it returned rows (refused outside a transaction, undone by the
ROLLBACK inside one), ROLLBACK inside the EXEC (3915), OUTPUT as a result set (refused)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
from tests.engine_params import BOTH_ENGINES, throwaway_postgres

HERE = Path(__file__).parent / "insert_exec"


@pytest.fixture(params=BOTH_ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A database holding ``dbo`` with the procedures of ``setup.sql`` and ``#got``."""
    if request.param == "duckdb":
        with DuckDBEngine() as started:
            started.create_schema("dbo")
            started.run_script((HERE / "setup.sql").read_text("utf-8"), Path("setup.sql"))
            yield started
        return
    with throwaway_postgres() as started:
        started.run_script((HERE / "setup.sql").read_text("utf-8"), Path("setup.sql"))
        yield started


def run(engine: Engine, name: str) -> tuple[str, ...]:
    path = HERE / name
    return engine.run_script(path.read_text("utf-8"), Path(name)).messages


def test_a_result_set_that_is_a_cte_is_inserted(engine: Engine) -> None:
    assert run(engine, "cte.sql") == ("1 A",)


def test_an_exec_that_fails_after_returning_rows_is_refused_outside_a_transaction(
    engine: Engine,
) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, "fails_after_rows.sql")
    assert str(raised.value).startswith(
        "fails_after_rows.sql:2:1: INSERT ... EXEC: the EXEC failed (error 8134: Divide by "
        "zero error encountered.) after it returned 2 rows; SQL Server undoes them, the "
        "engine cannot outside a transaction"
    )


def test_inside_a_transaction_the_rows_go_with_the_rollback(engine: Engine) -> None:
    assert run(engine, "fails_in_transaction.sql") == ("8134", "0")


def test_rollback_inside_the_exec_is_error_3915(engine: Engine) -> None:
    assert run(engine, "rollback_inside.sql") == (
        "3915: Cannot use the ROLLBACK statement within an INSERT-EXEC statement.",
        "0",
    )


def test_output_as_a_result_set_is_refused_where_it_runs(engine: Engine) -> None:
    with pytest.raises(UnsupportedConstruct) as raised:
        run(engine, "output_result_set.sql")
    assert "INSERT ... EXEC: a result set of OUTPUT is not supported" in str(raised.value)
