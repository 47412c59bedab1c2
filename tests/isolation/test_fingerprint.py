"""Fingerprints on DuckDB, and the PostgreSQL / SQL Server hash SQL parsed back with sqlglot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlglot
from sqlglot import exp

from etlcheck.engines import engine_names, get_engine_class
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.engines.duckdb.fingerprint import DuckDBFingerprintSQL
from etlcheck.isolation.fingerprint import fingerprint_schemas
from etlcheck.isolation.fingerprint_content import BATCH_TABLES
from etlcheck.isolation.fingerprint_sql import FingerprintSQL, HashedTable

pytestmark = pytest.mark.duckdb


@pytest.fixture
def engine() -> Iterator[DuckDBEngine]:
    with DuckDBEngine() as started:
        started.load_frame(
            "dbo",
            "Brokers",
            pd.DataFrame({"BrokerId": [1, 2, 3], "Name": ["Ann", "Bo", None]}),
        )
        started.execute(
            "CREATE TABLE dbo.Pairs (a INTEGER, b INTEGER, note VARCHAR, PRIMARY KEY (a, b))"
        )
        started.execute("INSERT INTO dbo.Pairs VALUES (1, 1, 'x'), (1, 2, NULL)")
        started.execute("CREATE VIEW dbo.BrokerNames AS SELECT Name FROM dbo.Brokers")
        yield started


def test_inventory_lists_tables_and_views_with_typed_columns(engine: DuckDBEngine) -> None:
    fingerprint = fingerprint_schemas(engine, ["dbo"])
    dbo = fingerprint.schema("dbo")
    assert dbo is not None and dbo.exists
    kinds = {(item.name, item.kind) for item in dbo.objects}
    assert kinds == {
        ("Brokers", "table"),
        ("Pairs", "table"),
        ("BrokerNames", "view"),
    }
    brokers = dbo.object("brokers")
    assert brokers is not None
    assert [(c.name, c.data_type) for c in brokers.columns] == [
        ("BrokerId", "BIGINT"),
        ("Name", "VARCHAR"),
    ]
    view = dbo.object("BrokerNames")
    assert view is not None and view.definition_hash and view.row_count is None


def test_row_counts_hashes_and_keys(engine: DuckDBEngine) -> None:
    fingerprint = fingerprint_schemas(engine, ["dbo"])
    brokers = fingerprint.table("dbo", "Brokers")
    pairs = fingerprint.table("dbo", "Pairs")
    assert brokers is not None and pairs is not None
    assert (brokers.row_count, pairs.row_count) == (3, 2)
    assert brokers.key_columns == ("BrokerId",)  # obvious id column
    assert pairs.key_columns == ("a", "b")  # declared primary key
    assert brokers.row_hashes is not None and len(brokers.row_hashes) == 3
    assert brokers.key_hashes is not None and len(set(brokers.key_hashes.tolist())) == 3
    assert fingerprint.total_rows == 5


@pytest.mark.parametrize(
    ("table", "columns", "key"),
    [
        ("Brokers", ["Name", "BrokerId"], ("BrokerId",)),
        ("stg_brokers", ["broker_name", "broker_code"], ("broker_code",)),
        ("stg_policies", ["policy_id", "id"], ("id",)),
        ("Companies", ["CompanyID"], ("CompanyID",)),
        ("notes", ["text"], ()),
    ],
)
def test_obvious_key_columns(
    engine: DuckDBEngine, table: str, columns: list[str], key: tuple[str, ...]
) -> None:
    frame = pd.DataFrame({column: [1, 2] for column in columns})
    engine.load_frame("keys", table, frame)
    found = fingerprint_schemas(engine, ["keys"]).table("keys", table)
    assert found is not None and found.key_columns == key


def test_schemas_match_case_insensitively_and_missing_ones_are_absent(
    engine: DuckDBEngine,
) -> None:
    fingerprint = fingerprint_schemas(engine, ["DBO", "nowhere"])
    assert [(s.name, s.exists) for s in fingerprint.schemas] == [("dbo", True), ("nowhere", False)]
    absent = fingerprint.schema("NOWHERE")
    assert absent is not None and absent.objects == ()


def test_engine_schemas_are_skipped(engine: DuckDBEngine) -> None:
    engine.execute("CREATE SCHEMA IF NOT EXISTS sys")
    engine.execute("CREATE TABLE sys.etlcheck_probe (name VARCHAR)")
    fingerprint = fingerprint_schemas(engine, ["sys", "information_schema", "dbo"])
    assert [s.name for s in fingerprint.schemas] == ["dbo"]


def test_engine_named_internal_schemas_are_skipped(
    engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine.execute("CREATE SCHEMA emulation")
    monkeypatch.setattr(DuckDBEngine, "internal_schemas", ("emulation",))
    fingerprint = fingerprint_schemas(engine, ["emulation", "dbo"])
    assert [s.name for s in fingerprint.schemas] == ["dbo"]


@pytest.mark.parametrize("method", ["native", "sha256"])
def test_content_hash_is_order_independent(engine: DuckDBEngine, method: str) -> None:
    before = fingerprint_schemas(engine, ["dbo"], method=method)  # type: ignore[arg-type]
    engine.execute("CREATE TABLE dbo.Shuffled AS SELECT * FROM dbo.Brokers ORDER BY BrokerId DESC")
    engine.execute("DROP TABLE dbo.Brokers")
    engine.execute("ALTER TABLE dbo.Shuffled RENAME TO Brokers")
    after = fingerprint_schemas(engine, ["dbo"], method=method)  # type: ignore[arg-type]
    old, new = before.table("dbo", "Brokers"), after.table("dbo", "Brokers")
    assert old is not None and new is not None
    assert old.content_hash == new.content_hash
    assert old.content_hash is not None and old.content_hash.startswith(method)


@pytest.mark.parametrize("method", ["native", "sha256"])
def test_null_and_empty_string_hash_differently(engine: DuckDBEngine, method: str) -> None:
    engine.load_frame("dbo", "WithNull", pd.DataFrame({"v": pd.Series([None], dtype=object)}))
    engine.load_frame("dbo", "WithEmpty", pd.DataFrame({"v": [""]}))
    fingerprint = fingerprint_schemas(engine, ["dbo"], method=method)  # type: ignore[arg-type]
    with_null, with_empty = (
        fingerprint.table("dbo", "WithNull"),
        fingerprint.table("dbo", "WithEmpty"),
    )
    assert with_null is not None and with_empty is not None
    assert with_null.content_hash != with_empty.content_hash


def test_sha256_text_does_not_run_values_together(engine: DuckDBEngine) -> None:
    engine.execute("CREATE TABLE dbo.Split (a VARCHAR, b VARCHAR)")
    engine.execute("INSERT INTO dbo.Split VALUES ('ab', 'c')")
    first = fingerprint_schemas(engine, ["dbo"], method="sha256").table("dbo", "Split")
    engine.execute("UPDATE dbo.Split SET a = 'a', b = 'bc'")
    second = fingerprint_schemas(engine, ["dbo"], method="sha256").table("dbo", "Split")
    assert first is not None and second is not None
    assert first.content_hash != second.content_hash


def test_to_dict_has_no_arrays_and_names_the_method(engine: DuckDBEngine) -> None:
    data = fingerprint_schemas(engine, ["dbo"], row_detail=False).to_dict()
    assert data["method"] == "native" and data["engine"] == "duckdb"
    brokers = next(o for o in data["schemas"][0]["objects"] if o["name"] == "Brokers")
    assert brokers["row_count"] == 3 and "row_hashes" not in brokers
    assert brokers["columns"][0] == {"name": "BrokerId", "type": "BIGINT"}


def fingerprint_sql(engine: str) -> FingerprintSQL:
    """The fingerprint queries of an engine, asked of its adapter class (no server)."""
    return get_engine_class(engine).fingerprint_sql()


def test_default_method_per_engine() -> None:
    assert fingerprint_sql("duckdb").default_method() == "native"
    assert fingerprint_sql("postgres").default_method() == "sha256"
    assert fingerprint_sql("mssql").default_method() == "sha256"


TABLE = HashedTable(
    "dbo",
    "Odd]Name",
    (
        ("PolicyId", "int"),
        ("Premium", "float"),
        ("Fee", "money"),
        ("Start", "datetime2"),
        ("Blob", "varbinary(max)"),
        ("Note", "nvarchar(50)"),
    ),
    ("PolicyId",),
)


def _parse(dialect: str, sql: str) -> exp.Expr:
    tree = sqlglot.parse_one(sql, read=dialect)
    assert tree is not None
    return tree


@pytest.mark.parametrize("engine_name", engine_names())
def test_every_query_parses_in_its_dialect(engine_name: str) -> None:
    sql = fingerprint_sql(engine_name)
    dialect = get_engine_class(engine_name).dialect
    for text in (
        sql.schemata_sql(),
        sql.inventory_sql(["dbo", "etl"]),
        sql.primary_keys_sql(["dbo"]),
        sql.row_hashes_sql(TABLE, "sha256"),
        sql.totals_sql([TABLE, TABLE], "sha256"),
    ):
        _parse(dialect, text)


def test_tsql_hashes_rows_with_hashbytes_sha2_256_never_checksum() -> None:
    text = fingerprint_sql("mssql").row_hashes_sql(TABLE, "sha256")
    tree = _parse("tsql", text)
    shas = list(tree.find_all(exp.SHA2))
    assert len(shas) == 2  # the key hash and the row hash
    assert "HASHBYTES('SHA2_256'" in text
    assert "CHECKSUM" not in text.upper()
    table = tree.find(exp.Table)
    assert table is not None and table.name == "Odd]Name" and table.db == "dbo"
    assert "CONVERT(NVARCHAR(MAX), [Start], 126)" in text  # datetimes keep their precision
    assert "CONVERT(NVARCHAR(MAX), [Premium], 3)" in text  # floats keep all digits
    totals = fingerprint_sql("mssql").totals_sql([TABLE], "sha256")
    _parse("tsql", totals)
    assert "COUNT_BIG(*)" in totals and "DECIMAL(38, 0)" in totals  # no bigint overflow


def test_postgres_hashes_rows_with_sha256() -> None:
    text = fingerprint_sql("postgres").row_hashes_sql(TABLE, "sha256")
    tree = _parse("postgres", text)
    assert len(list(tree.find_all(exp.SHA2Digest))) == 2
    assert "md5" not in text.lower() and "checksum" not in text.lower()
    table = tree.find(exp.Table)
    assert table is not None and table.name == "Odd]Name"


def test_native_method_falls_back_to_sha256_where_there_is_none() -> None:
    sql = fingerprint_sql("postgres")
    assert sql.row_hash([("a", "int")], "native") == sql.row_hash([("a", "int")], "sha256")


def test_batched_and_per_table_hashing_agree(
    engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More tables than one batch holds, an empty one, keyed and keyless ones."""
    for number in range(BATCH_TABLES + 5):
        engine.execute(f"CREATE TABLE dbo.t{number} AS SELECT range AS id FROM range({number})")
    engine.execute("CREATE TABLE dbo.keyless AS SELECT range % 3 AS v FROM range(7)")
    batched = fingerprint_schemas(engine, ["dbo"])
    monkeypatch.setattr(DuckDBFingerprintSQL, "batched_content", False)
    one_by_one = fingerprint_schemas(engine, ["dbo"])
    assert batched == one_by_one  # inventory, counts and content hashes
    for table in batched.schemas[0].tables:
        other = one_by_one.table("dbo", table.name)
        assert other is not None and table.row_hashes is not None
        assert other.row_hashes is not None
        assert sorted(table.row_hashes.tolist()) == sorted(other.row_hashes.tolist())
        assert len(table.row_hashes) == table.row_count
        assert (table.key_hashes is None) == (not table.key_columns)
    empty = batched.table("dbo", "t0")
    assert (
        empty is not None and empty.row_count == 0 and empty.content_hash == "native:0:" + "0" * 16
    )
    keyless = batched.table("dbo", "keyless")
    assert keyless is not None and keyless.key_columns == () and keyless.row_count == 7


def test_one_catalog_query_reads_what_three_do(
    engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys the interpreter records in a table comment and the engine's own, a view, a
    routine, an empty schema and a missing one: the same inventory either way, in one
    query instead of three."""
    engine.run_script(
        "CREATE TABLE dbo.Keyed (Code NVARCHAR(5) NOT NULL, Seq INT NOT NULL, "
        "CONSTRAINT PK_Keyed PRIMARY KEY (Seq, Code), CONSTRAINT UQ_Code UNIQUE (Code));\n"
        "GO\nCREATE PROCEDURE dbo.usp_noop AS SELECT 1;\n",
        Path("keys.sql"),
    )
    engine.create_schema("empty")
    asked: list[str] = []
    query = engine.query

    def counted(sql: str) -> object:
        asked.append(sql)
        return query(sql)

    monkeypatch.setattr(engine, "query", counted)
    schemas = ["dbo", "empty", "missing"]
    one = fingerprint_schemas(engine, schemas)
    assert len(asked) == 1
    monkeypatch.setattr(DuckDBFingerprintSQL, "catalog_sql", lambda self, names: None)
    three = fingerprint_schemas(engine, schemas)
    assert one == three
    assert [(s.name, s.exists, len(s.objects)) for s in one.schemas] == [
        ("dbo", True, 5),
        ("empty", True, 0),
        ("missing", False, 0),
    ]
    keyed, pairs = one.table("dbo", "Keyed"), one.table("dbo", "Pairs")
    assert keyed is not None and keyed.key_columns == ("Seq", "Code")  # from the comment
    assert pairs is not None and pairs.key_columns == ("a", "b")  # DuckDB's own key
    routine = one.schema("dbo").object("usp_noop")  # type: ignore[union-attr]
    assert routine is not None and routine.kind == "procedure" and routine.definition_hash
