"""Tables and columns whose names have capitals (as T-SQL scripts write them) are validated
as written, on every engine, beside a table whose column differs only in case."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.expectations import load_suite, validate_suites
from tests.expectations.expectation_data import sandbox

HERE = Path(__file__).parent / "mixed_case"


def test_mixed_case_names_are_validated_as_written(engine: Engine) -> None:
    engine.run_script((HERE / "tables.sql").read_text("utf-8"), HERE / "tables.sql")
    suites = [load_suite(HERE / "meter.json"), load_suite(HERE / "invoices.json")]
    meter, invoices = validate_suites(engine, suites, sandbox)
    assert meter.success, [f.sentence(meter.table) for f in meter.failures]
    assert invoices.rows == 3
    assert [(f.expectation, f.column) for f in invoices.failures] == [
        ("expect_column_values_to_be_in_set", "CustomerId")
    ]
    [orphan] = invoices.failures
    assert orphan.unexpected_count == 1
    assert [(e.value, e.count) for e in orphan.examples] == [(9, 1)]


def test_a_column_named_like_a_catalog_column_is_sent_as_written(engine: Engine) -> None:
    """``Name``, ``Type`` and ``Schema`` beside the key: the failing row comes back whole."""
    engine.run_script((HERE / "people.sql").read_text("utf-8"), HERE / "people.sql")
    [people] = validate_suites(engine, [load_suite(HERE / "people.json")], sandbox)
    assert [(o.expectation, o.column, o.success, o.error) for o in people.outcomes] == [
        ("expect_column_values_to_not_be_null", "PersonId", True, None),
        ("expect_column_values_to_be_unique", "PersonId", True, None),
        ("expect_column_values_to_be_in_set", "Type", True, None),
        ("expect_column_values_to_not_be_null", "Name", False, None),
    ]
    [missing_name] = people.failures
    assert missing_name.unexpected_count == 1
    assert [row["PersonId"] for row in missing_name.failing_rows] == [2]


def test_no_connection_of_gx_outlives_the_validation(engine: Engine) -> None:
    """A database the run used can be dropped afterwards: GX's connections are closed
    (``DROP DATABASE`` refuses while another session uses it)."""
    engine.run_script((HERE / "people.sql").read_text("utf-8"), HERE / "people.sql")
    validate_suites(engine, [load_suite(HERE / "people.json")], sandbox)
    if engine.sqlalchemy_url() is None:
        pytest.skip("DuckDB: GX validates a DataFrame and never connects")
    others = None
    for _ in range(100):  # a closed session's server process ends a moment later
        others = engine.query(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        ).scalar()
        if others == 0:
            break
        time.sleep(0.05)
    assert others == 0
