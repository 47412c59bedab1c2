"""Sandbox lifecycle on DuckDB: mapping refusals, idempotent setup and reset, production safe."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

from etlcheck.config import SandboxConfig
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import RefusalError
from etlcheck.isolation.diff import diff_fingerprints
from etlcheck.isolation.fingerprint import fingerprint_schemas
from etlcheck.isolation.sandbox import (
    MappingRefused,
    check_mapping,
    reset_sandbox,
    setup_sandbox,
)

pytestmark = pytest.mark.duckdb

SANDBOX = SandboxConfig(
    schema_map={"etl": "poc_etl", "dbo": "poc_dbo", "raw_data": "poc_raw_data"},
    protected=("etl", "dbo", "raw_data"),
)
PROTECTED = list(SANDBOX.protected)


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine() as started:
        started.load_frame("dbo", "Brokers", pd.DataFrame({"BrokerId": [1, 2], "Name": ["a", "b"]}))
        started.load_frame("etl", "stg_brokers", pd.DataFrame({"BrokerId": [1]}))
        started.execute("CREATE SCHEMA raw_data")
        yield started


def _sandbox(
    schema_map: dict[str, str],
    protected: tuple[str, ...] | None = None,
    read_only: tuple[str, ...] = (),
) -> SandboxConfig:
    if protected is None:
        protected = tuple(schema_map)
    return SandboxConfig(schema_map=schema_map, protected=protected, read_only=read_only)


def test_the_sample_mapping_is_accepted() -> None:
    try:
        check_mapping(SANDBOX)
    except MappingRefused as refused:
        pytest.fail(f"the sample mapping was refused: {refused}")


@pytest.mark.parametrize(
    ("sandbox", "rule"),
    [
        (_sandbox({"etl": "etl"}), "sandbox-is-protected"),
        (_sandbox({"etl": "ETL"}), "sandbox-is-protected"),
        (_sandbox({"etl": "poc_etl"}, protected=("etl", "POC_ETL")), "sandbox-is-protected"),
        (_sandbox({"etl": "poc_etl", "dbo": "poc_etl"}), "sandbox-shared"),
        (_sandbox({"etl": "poc_x", "dbo": "POC_X"}), "sandbox-shared"),
        (_sandbox({"etl": "poc_etl"}, read_only=("Poc_Etl",)), "sandbox-is-read-only"),
        (
            _sandbox({"etl": "staging", "staging": "poc_staging"}, protected=()),
            "sandbox-is-production",
        ),
        (_sandbox({"etl": ""}), "empty-name"),
        (_sandbox({"etl": "  "}), "empty-name"),
        (_sandbox({"": "poc_"}), "empty-name"),
        (_sandbox({"etl": "poc_etl", "ETL": "poc_etl2"}), "production-mapped-twice"),
        (_sandbox({"etl": "sys"}), "sandbox-is-system"),
        (_sandbox({"etl": "INFORMATION_SCHEMA"}), "sandbox-is-system"),
        (_sandbox({}), "empty-map"),
    ],
)
def test_unsafe_mappings_are_refused_naming_the_rule(sandbox: SandboxConfig, rule: str) -> None:
    with pytest.raises(MappingRefused) as caught:
        check_mapping(sandbox)
    error = caught.value
    assert isinstance(error, RefusalError) and error.exit_code == 2
    assert error.rule == rule
    assert f"[rule {rule}]" in str(error) and "\n" not in str(error)


def test_refusal_points_at_the_configuration_file() -> None:
    with pytest.raises(RefusalError, match=r"^etlcheck\.toml: sandbox mapping etl -> etl"):
        check_mapping(_sandbox({"etl": "etl"}), "etlcheck.toml")


def test_setup_creates_missing_schemas_and_is_idempotent(engine: DuckDBEngine) -> None:
    engine.execute("CREATE SCHEMA POC_DBO")
    assert setup_sandbox(engine, SANDBOX) == ["poc_etl", "poc_raw_data"]
    assert setup_sandbox(engine, SANDBOX) == []
    names = {name.lower() for name in engine.schemas()}
    assert {"poc_etl", "poc_dbo", "poc_raw_data"} <= names


def test_setup_keeps_what_the_sandbox_already_holds(engine: DuckDBEngine) -> None:
    setup_sandbox(engine, SANDBOX)
    engine.execute("CREATE TABLE poc_etl.t AS SELECT 1 AS x")
    setup_sandbox(engine, SANDBOX)
    assert engine.query("SELECT count(*) FROM poc_etl.t").scalar() == 1


def test_reset_empties_the_sandbox_and_is_idempotent(engine: DuckDBEngine) -> None:
    setup_sandbox(engine, SANDBOX)
    engine.execute("CREATE TABLE poc_etl.stg_brokers AS SELECT 1 AS x")
    engine.execute("CREATE VIEW poc_dbo.v AS SELECT 1 AS x")
    assert reset_sandbox(engine, SANDBOX) == ["poc_etl", "poc_dbo", "poc_raw_data"]
    sandbox = fingerprint_schemas(engine, ["poc_etl", "poc_dbo", "poc_raw_data"])
    assert all(schema.exists and schema.objects == () for schema in sandbox.schemas)
    assert reset_sandbox(engine, SANDBOX) == ["poc_etl", "poc_dbo", "poc_raw_data"]


def test_reset_creates_missing_schemas(engine: DuckDBEngine) -> None:
    assert reset_sandbox(engine, SANDBOX) == ["poc_etl", "poc_dbo", "poc_raw_data"]
    assert {"poc_etl", "poc_dbo", "poc_raw_data"} <= {n.lower() for n in engine.schemas()}


def test_setup_and_reset_leave_protected_schemas_untouched(engine: DuckDBEngine) -> None:
    before = fingerprint_schemas(engine, PROTECTED)
    setup_sandbox(engine, SANDBOX)
    reset_sandbox(engine, SANDBOX)
    reset_sandbox(engine, SANDBOX)
    after = fingerprint_schemas(engine, PROTECTED)
    diff = diff_fingerprints(before, after)
    assert diff.is_clean, diff.sentences


def test_refused_mapping_touches_nothing(engine: DuckDBEngine) -> None:
    before = fingerprint_schemas(engine, PROTECTED)
    unsafe = _sandbox({"etl": "poc_etl", "dbo": "etl"}, protected=("dbo",))
    with pytest.raises(RefusalError):
        reset_sandbox(engine, unsafe)
    with pytest.raises(RefusalError):
        setup_sandbox(engine, unsafe)
    assert "poc_etl" not in {n.lower() for n in engine.schemas()}
    assert diff_fingerprints(before, fingerprint_schemas(engine, PROTECTED)).is_clean
