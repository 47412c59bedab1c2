"""Diffs of two DuckDB fingerprints: every kind of change, counted as a multiset of rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd
import pytest

from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.isolation.diff import FingerprintDiff, TableDiff, diff_fingerprints, where_data_landed
from etlcheck.isolation.fingerprint import Fingerprint, fingerprint_schemas
from etlcheck.isolation.fingerprint_sql import HashMethod

pytestmark = pytest.mark.duckdb

SCHEMAS = ["dbo", "etl"]


@pytest.fixture(params=["native", "sha256"])
def method(request: pytest.FixtureRequest) -> HashMethod:
    value: HashMethod = request.param
    return value


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine() as started:
        started.load_frame(
            "dbo",
            "Brokers",
            pd.DataFrame(
                {
                    "BrokerId": [1, 2, 3, 4],
                    "Name": ["Ann", "Bo", "Cy", ""],
                    "Rate": [0.5, 1.5, 2.5, 3.5],
                }
            ),
        )
        started.load_frame("dbo", "Notes", pd.DataFrame({"text": ["a", "b", "b"]}))
        started.execute("CREATE SCHEMA etl")
        started.execute("CREATE TABLE etl.stg_brokers (BrokerId BIGINT, Name VARCHAR)")
        yield started


Change = Callable[[DuckDBEngine], object]


def _diff(engine: DuckDBEngine, method: HashMethod, change: Change) -> FingerprintDiff:
    before = fingerprint_schemas(engine, SCHEMAS, method=method)
    change(engine)
    after = fingerprint_schemas(engine, SCHEMAS, method=method)
    return diff_fingerprints(before, after)


def _only(diff: FingerprintDiff) -> TableDiff:
    assert len(diff.changed_tables) == 1, diff.sentences
    return diff.changed_tables[0]


def _counts(table: TableDiff) -> tuple[int, int, int]:
    return (table.rows_added, table.rows_removed, table.rows_changed)


def test_unchanged_data_gives_a_clean_diff(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(engine, method, lambda e: None)
    assert diff.is_clean and diff.changed_tables == () and diff.sentences == ()
    brokers = diff.table("dbo", "brokers")
    assert brokers is not None and brokers.status == "unchanged" and brokers.rows_after == 4


def test_row_added(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(engine, method, lambda e: e.execute("INSERT INTO dbo.Brokers VALUES (5, 'Di', 1)"))
    table = _only(diff)
    assert (table.status, table.rows_before, table.rows_after) == ("changed", 4, 5)
    assert _counts(table) == (1, 0, 0)
    assert table.sentence == "dbo.Brokers gained 1 row"
    assert not diff.is_clean


def test_row_removed(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(engine, method, lambda e: e.execute("DELETE FROM dbo.Brokers WHERE BrokerId = 2"))
    table = _only(diff)
    assert _counts(table) == (0, 1, 0)
    assert table.sentence == "dbo.Brokers lost 1 row"


def test_row_changed_counts_once_when_the_table_has_a_key(
    engine: DuckDBEngine, method: HashMethod
) -> None:
    diff = _diff(
        engine, method, lambda e: e.execute("UPDATE dbo.Brokers SET Rate = 9 WHERE BrokerId = 3")
    )
    table = _only(diff)
    assert _counts(table) == (0, 0, 1)
    assert table.sentence == "dbo.Brokers: 1 row changed (4 -> 4 rows)"


def test_row_changed_without_a_key_is_one_added_one_removed(
    engine: DuckDBEngine, method: HashMethod
) -> None:
    diff = _diff(
        engine, method, lambda e: e.execute("UPDATE dbo.Notes SET text = 'c' WHERE text = 'a'")
    )
    assert _counts(_only(diff)) == (1, 1, 0)


def test_mixed_changes_are_counted_apart(engine: DuckDBEngine, method: HashMethod) -> None:
    def change(e: DuckDBEngine) -> None:
        e.execute("UPDATE dbo.Brokers SET Name = 'Anne' WHERE BrokerId = 1")
        e.execute("DELETE FROM dbo.Brokers WHERE BrokerId = 2")
        e.execute("INSERT INTO dbo.Brokers VALUES (7, 'G', 0), (8, 'H', 0)")

    table = _only(_diff(engine, method, change))
    assert _counts(table) == (2, 1, 1)
    assert (table.rows_before, table.rows_after) == (4, 5)


def test_same_rows_reordered_are_unchanged(engine: DuckDBEngine, method: HashMethod) -> None:
    def reorder(e: DuckDBEngine) -> None:
        e.execute("CREATE TEMP TABLE keep AS SELECT * FROM dbo.Brokers")
        e.execute("DELETE FROM dbo.Brokers")
        e.execute("INSERT INTO dbo.Brokers SELECT * FROM keep ORDER BY BrokerId DESC")

    assert _diff(engine, method, reorder).is_clean


def test_duplicate_row_added_counts_as_added(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(engine, method, lambda e: e.execute("INSERT INTO dbo.Notes VALUES ('a')"))
    table = _only(diff)
    assert _counts(table) == (1, 0, 0)
    assert (table.rows_before, table.rows_after) == (3, 4)


def test_one_of_two_duplicates_removed(engine: DuckDBEngine, method: HashMethod) -> None:
    def change(e: DuckDBEngine) -> None:
        e.execute("DELETE FROM dbo.Notes WHERE text = 'b'")
        e.execute("INSERT INTO dbo.Notes VALUES ('b')")

    assert _counts(_only(_diff(engine, method, change))) == (0, 1, 0)


def test_swapping_a_duplicate_for_a_new_row(engine: DuckDBEngine, method: HashMethod) -> None:
    """Same count, different multiset: {a, b, b} -> {a, b, z}."""

    def change(e: DuckDBEngine) -> None:
        e.execute("DELETE FROM dbo.Notes WHERE text = 'b'")
        e.execute("INSERT INTO dbo.Notes VALUES ('b'), ('z')")

    table = _only(_diff(engine, method, change))
    assert table.status == "changed" and _counts(table) == (1, 1, 0)


def test_empty_string_to_null_is_a_change(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(
        engine, method, lambda e: e.execute("UPDATE dbo.Brokers SET Name = NULL WHERE BrokerId = 4")
    )
    assert _counts(_only(diff)) == (0, 0, 1)


def test_case_only_change_is_a_change(engine: DuckDBEngine, method: HashMethod) -> None:
    """CHECKSUM under a case-insensitive collation misses this; the fingerprint must not."""
    diff = _diff(
        engine,
        method,
        lambda e: e.execute("UPDATE dbo.Brokers SET Name = 'ANN' WHERE BrokerId = 1"),
    )
    assert _counts(_only(diff)) == (0, 0, 1)


def test_trailing_space_is_a_change(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(
        engine,
        method,
        lambda e: e.execute("UPDATE dbo.Brokers SET Name = 'Bo ' WHERE BrokerId = 2"),
    )
    assert _counts(_only(diff)) == (0, 0, 1)


def test_column_type_altered(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(
        engine,
        method,
        lambda e: e.execute("ALTER TABLE dbo.Brokers ALTER Rate TYPE DECIMAL(10, 2)"),
    )
    table = _only(diff)
    assert table.status == "altered"
    assert table.columns_retyped == ("Rate: DOUBLE -> DECIMAL(10,2)",)
    assert "was altered" in table.sentence and "Rate: DOUBLE -> DECIMAL(10,2)" in table.sentence


def test_column_added_and_removed(engine: DuckDBEngine, method: HashMethod) -> None:
    def change(e: DuckDBEngine) -> None:
        e.execute("ALTER TABLE dbo.Brokers ADD COLUMN Region VARCHAR")
        e.execute("ALTER TABLE dbo.Brokers DROP COLUMN Rate")

    table = _only(_diff(engine, method, change))
    assert (table.status, table.columns_added, table.columns_removed) == (
        "altered",
        ("Region",),
        ("Rate",),
    )


def test_table_created_and_dropped(engine: DuckDBEngine, method: HashMethod) -> None:
    def change(e: DuckDBEngine) -> None:
        e.execute("CREATE TABLE dbo.Fresh AS SELECT range AS n FROM range(10)")
        e.execute("DROP TABLE dbo.Notes")

    diff = _diff(engine, method, change)
    created, dropped = diff.table("dbo", "Fresh"), diff.table("dbo", "Notes")
    assert created is not None and dropped is not None
    assert (created.status, created.rows_added) == ("created", 10)
    assert (dropped.status, dropped.rows_removed) == ("dropped", 3)
    assert created.sentence == "dbo.Fresh was created with 10 rows"
    assert dropped.sentence == "dbo.Notes was dropped (it had 3 rows)"


def test_schema_dropped_and_created(engine: DuckDBEngine, method: HashMethod) -> None:
    def change(e: DuckDBEngine) -> None:
        e.execute("DROP SCHEMA etl CASCADE")

    diff = _diff(engine, method, change)
    assert diff.schemas_dropped == ("etl",) and not diff.is_clean
    table = diff.table("etl", "stg_brokers")
    assert table is not None and table.status == "dropped"
    assert diff.sentences[0] == "schema etl was dropped"
    again = diff_fingerprints(
        fingerprint_schemas(engine, SCHEMAS, method=method),
        fingerprint_schemas(engine, SCHEMAS, method=method),
    )
    assert again.is_clean


def test_the_incident_sentence(engine: DuckDBEngine, method: HashMethod) -> None:
    """etl dropped and re-created by the setup script, then staging rows landed in it."""

    def change(e: DuckDBEngine) -> None:
        e.execute("DROP SCHEMA etl CASCADE")
        e.execute("CREATE SCHEMA etl")
        e.execute(
            "CREATE TABLE etl.stg_brokers AS SELECT range AS BrokerId, 'x' AS Name FROM range(100)"
        )

    diff = _diff(engine, method, change)
    table = _only(diff)
    assert table.recreated and _counts(table) == (100, 0, 0)
    assert table.sentence == "etl.stg_brokers gained 100 rows (dropped and re-created)"


def test_recreated_with_the_same_rows_is_still_a_change(
    engine: DuckDBEngine, method: HashMethod
) -> None:
    def change(e: DuckDBEngine) -> None:
        e.execute("CREATE OR REPLACE TABLE dbo.Notes AS SELECT * FROM dbo.Notes")

    table = _only(_diff(engine, method, change))
    assert table.status == "changed" and table.recreated and _counts(table) == (0, 0, 0)
    assert table.sentence == "dbo.Notes was dropped and re-created with the same 3 rows"


def test_recreated_with_other_rows(engine: DuckDBEngine, method: HashMethod) -> None:
    def change(e: DuckDBEngine) -> None:
        e.execute("CREATE OR REPLACE TABLE dbo.Notes AS SELECT 'z' AS text UNION ALL SELECT 'a'")

    table = _only(_diff(engine, method, change))
    assert table.sentence == (
        "dbo.Notes was dropped and re-created: 1 row added, 2 rows removed (3 -> 2 rows)"
    )


def test_view_redefined_is_altered(engine: DuckDBEngine, method: HashMethod) -> None:
    engine.execute("CREATE VIEW dbo.Names AS SELECT Name FROM dbo.Brokers")
    diff = _diff(
        engine,
        method,
        lambda e: e.execute(
            "CREATE OR REPLACE VIEW dbo.Names AS SELECT upper(Name) AS Name FROM dbo.Brokers"
        ),
    )
    table = _only(diff)
    assert (table.kind, table.status) == ("view", "altered")
    assert table.sentence == (
        "dbo.Names (view) was altered (dropped and re-created): its definition changed"
    )


def test_view_recreated_as_it_was_is_a_change(engine: DuckDBEngine, method: HashMethod) -> None:
    engine.execute("CREATE VIEW dbo.Names AS SELECT Name FROM dbo.Brokers")

    def change(e: DuckDBEngine) -> None:
        e.execute("DROP VIEW dbo.Names")
        e.execute("CREATE VIEW dbo.Names AS SELECT Name FROM dbo.Brokers")

    table = _only(_diff(engine, method, change))
    assert (table.status, table.recreated) == ("changed", True)
    assert table.sentence == "dbo.Names (view) was dropped and re-created"


def test_counts_only_without_row_detail(engine: DuckDBEngine) -> None:
    before = fingerprint_schemas(engine, SCHEMAS, row_detail=False)
    engine.execute("UPDATE dbo.Brokers SET Rate = 0 WHERE BrokerId = 1")
    engine.execute("INSERT INTO dbo.Brokers VALUES (9, 'Z', 0)")
    after = fingerprint_schemas(engine, SCHEMAS, row_detail=False)
    table = _only(diff_fingerprints(before, after))
    assert table.status == "changed" and not table.row_detail
    assert _counts(table) == (1, 0, 0)


def test_where_data_landed_in_the_sandbox(engine: DuckDBEngine) -> None:
    engine.execute("CREATE SCHEMA poc_etl")
    engine.execute("CREATE TABLE poc_etl.etl_run_state (run_id INTEGER)")
    before = fingerprint_schemas(engine, ["poc_etl"])
    engine.execute("INSERT INTO poc_etl.etl_run_state VALUES (1)")
    engine.execute("CREATE TABLE poc_etl.stg_brokers AS SELECT range AS BrokerId FROM range(12)")
    engine.execute("CREATE TABLE poc_etl.stg_empty (x INTEGER)")
    after = fingerprint_schemas(engine, ["poc_etl"])
    landed = {t.qualified_name: t.rows_added for t in where_data_landed(before, after)}
    assert landed == {"poc_etl.etl_run_state": 1, "poc_etl.stg_brokers": 12}


def test_to_dict_carries_sentences(engine: DuckDBEngine, method: HashMethod) -> None:
    diff = _diff(engine, method, lambda e: e.execute("INSERT INTO dbo.Notes VALUES ('q')"))
    data = diff.to_dict()
    assert data["is_clean"] is False
    assert data["sentences"] == ["dbo.Notes gained 1 row"]
    notes = next(t for t in data["tables"] if t["name"] == "Notes")
    assert notes["rows_added"] == 1 and notes["status"] == "changed"


def test_fingerprints_of_different_methods_are_not_compared(engine: DuckDBEngine) -> None:
    native: Fingerprint = fingerprint_schemas(engine, SCHEMAS, method="native")
    sha: Fingerprint = fingerprint_schemas(engine, SCHEMAS, method="sha256")
    with pytest.raises(ValueError, match="same method"):
        diff_fingerprints(native, sha)
