"""Fingerprints, diffs and the sandbox lifecycle on a real throwaway PostgreSQL cluster.

Without PostgreSQL binaries the tests skip with the reason, unless
ETLCHECK_REQUIRE_ENGINE names postgres: then they fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pandas as pd
import pytest

from etlcheck.config import SandboxConfig
from etlcheck.engines.postgres import PostgresEngine
from etlcheck.engines.postgres.cluster import postgres_unavailable_reason
from etlcheck.isolation.diff import diff_fingerprints
from etlcheck.isolation.fingerprint import fingerprint_schemas
from etlcheck.isolation.sandbox import reset_sandbox, setup_sandbox
from etlcheck.testing import skip_unless_available

pytestmark = pytest.mark.postgres

_numbers = count()


@pytest.fixture(scope="module")
def engine() -> Iterator[PostgresEngine]:
    skip_unless_available("postgres", postgres_unavailable_reason())
    started = PostgresEngine().start()
    try:
        yield started
    finally:
        started.close()


@pytest.fixture
def schema(engine: PostgresEngine) -> str:
    """A fresh schema per test holding dbo-like Brokers and a keyless Notes table."""
    name = f"fp_{next(_numbers)}"
    frame = pd.DataFrame(
        {
            "BrokerId": [1, 2, 3],
            "Name": ["Ann", "", "Cy"],
            "Rate": [0.1, 0.2, 0.30000000000000004],
            "At": pd.to_datetime(["2024-01-01 10:00:00.123456"] * 3),
        }
    )
    engine.load_frame(name, "Brokers", frame)
    engine.execute(f"CREATE TABLE {name}.notes (text varchar(20))")
    engine.execute(f"INSERT INTO {name}.notes VALUES ('a'), ('b'), ('b')")
    return name


def _changes(engine: PostgresEngine, schema: str, *statements: str) -> tuple[str, ...]:
    before = fingerprint_schemas(engine, [schema])
    for statement in statements:
        engine.execute(statement)
    return diff_fingerprints(before, fingerprint_schemas(engine, [schema])).sentences


def test_inventory_with_types_views_functions_and_procedures(
    engine: PostgresEngine, schema: str
) -> None:
    engine.execute(f"CREATE VIEW {schema}.v AS SELECT 1 AS x")
    engine.execute(f"CREATE FUNCTION {schema}.f(a int) RETURNS int LANGUAGE sql AS 'SELECT a'")
    engine.execute(f"CREATE PROCEDURE {schema}.p() LANGUAGE sql AS 'SELECT 1'")
    for argument in ("int", "text"):  # an overloaded function: each one names its arguments
        engine.execute(
            f"CREATE FUNCTION {schema}.o(a {argument}) RETURNS int LANGUAGE sql AS 'SELECT 1'"
        )
    fingerprint = fingerprint_schemas(engine, [schema.upper()])
    found = fingerprint.schema(schema)
    assert found is not None and found.exists
    assert {(o.name, o.kind) for o in found.objects} == {
        ("Brokers", "table"),
        ("notes", "table"),
        ("v", "view"),
        ("f", "function"),
        ("p", "procedure"),
        ("o(a integer)", "function"),
        ("o(a text)", "function"),
    }
    notes = found.object("notes")
    assert notes is not None and notes.columns[0].data_type == "character varying(20)"
    assert fingerprint.method == "sha256"


def test_a_tsql_function_is_listed_by_the_name_its_script_wrote(
    engine: PostgresEngine, schema: str
) -> None:
    script = (
        f"CREATE FUNCTION {schema}.fn_NetPrice (@gross DECIMAL(10, 2)) RETURNS DECIMAL(10, 2) "
        "AS BEGIN RETURN @gross * 0.8; END;"
    )
    engine.run_script(script, Path("f.sql"))
    found = fingerprint_schemas(engine, [schema]).schema(schema)
    assert found is not None
    assert ("fn_NetPrice", "function") in {(o.name, o.kind) for o in found.objects}


def test_unchanged_and_reordered_data_is_clean(engine: PostgresEngine, schema: str) -> None:
    assert (
        _changes(
            engine,
            schema,
            f"CREATE TEMP TABLE keep AS SELECT * FROM {schema}.notes",
            f"DELETE FROM {schema}.notes",
            f"INSERT INTO {schema}.notes SELECT * FROM keep ORDER BY text DESC",
        )
        == ()
    )


def test_rows_added_removed_changed(engine: PostgresEngine, schema: str) -> None:
    brokers = f'{schema}."Brokers"'
    sentences = _changes(
        engine,
        schema,
        f'UPDATE {brokers} SET "Name" = \'ANN\' WHERE "BrokerId" = 1',
        f'UPDATE {brokers} SET "Name" = NULL WHERE "BrokerId" = 2',
        f"INSERT INTO {schema}.notes VALUES ('b')",
    )
    assert sentences == (
        f"{schema}.Brokers: 2 rows changed (3 -> 3 rows)",
        f"{schema}.notes gained 1 row",
    )


def test_sub_second_timestamp_change_is_seen(engine: PostgresEngine, schema: str) -> None:
    sentences = _changes(
        engine, schema, f'UPDATE {schema}."Brokers" SET "At" = "At" + interval \'1 microsecond\''
    )
    assert sentences == (f"{schema}.Brokers: 3 rows changed (3 -> 3 rows)",)


def test_sandbox_setup_and_reset_leave_production_untouched(
    engine: PostgresEngine, schema: str
) -> None:
    sandbox = SandboxConfig(schema_map={schema: f"poc_{schema}"}, protected=(schema,))
    before = fingerprint_schemas(engine, [schema])
    assert setup_sandbox(engine, sandbox) == [f"poc_{schema}"]
    assert setup_sandbox(engine, sandbox) == []
    engine.execute(f"CREATE TABLE poc_{schema}.t AS SELECT 1 AS x")
    assert reset_sandbox(engine, sandbox) == [f"poc_{schema}"]
    landed = fingerprint_schemas(engine, [f"poc_{schema}"]).schema(f"poc_{schema}")
    assert landed is not None and landed.exists and landed.objects == ()
    assert diff_fingerprints(before, fingerprint_schemas(engine, [schema])).is_clean
