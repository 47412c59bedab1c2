"""CREATE SCHEMA with its objects in one statement: the splitter marks each element with
the schema it belongs to, the interpreter creates it there (not in the default schema),
and the compatibility pass reads it as the interpreter runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.compatibility import check_script
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.errors import UnsupportedConstruct
from etlcheck.table_layouts import layouts_in_text
from etlcheck.tsql.nodes import Fragment, Sql
from etlcheck.tsql.schema_elements import in_schema, unqualified_names
from etlcheck.tsql.statements import read_batch, split_statements

HERE = Path(__file__).parent / "schema_elements"
WITH_OBJECTS = (HERE / "with-objects.sql").read_text("utf-8").split("\nGO")[0]


def marks(batch: str) -> list[tuple[str, str | None]]:
    """Each statement's first words and the schema it is an element of."""
    found = []
    for node in split_statements(batch).body:
        assert isinstance(node, Sql)
        words = " ".join(node.fragment.text.split()[:2])
        found.append((words, node.schema.text if node.schema is not None else None))
    return found


def test_the_elements_up_to_the_semicolon_belong_to_the_schema() -> None:
    assert marks(WITH_OBJECTS) == [
        ("CREATE SCHEMA", None),
        ("CREATE TABLE", "[stage]"),
        ("CREATE TABLE", "[stage]"),
        ("CREATE VIEW", "[stage]"),
        ("GRANT SELECT", "[stage]"),
        ("CREATE TABLE", None),
    ]


def test_the_total_reading_marks_the_same_statements() -> None:
    reading = read_batch(WITH_OBJECTS)
    named = [reading.tokens[s.schema].text if s.schema is not None else None for s in reading.spans]
    assert named == [None, "stage", "stage", "stage", "stage", None]


@pytest.mark.parametrize(
    "batch",
    [
        "CREATE SCHEMA stage;\nCREATE TABLE orders (id int)",
        "CREATE SCHEMA AUTHORIZATION dbo\nCREATE TABLE orders (id int)",
        "CREATE SCHEMA stage\nINSERT INTO orders VALUES (1)",
        "CREATE TABLE orders (id int)\nCREATE TABLE items (id int)",
    ],
    ids=["semicolon", "no-schema-name", "not-an-element", "no-create-schema"],
)
def test_statements_outside_a_schema_definition_are_not_elements(batch: str) -> None:
    assert all(schema is None for _, schema in marks(batch))


def test_only_names_the_parser_sees_as_objects_are_put_in_the_schema() -> None:
    view = (
        "CREATE VIEW v AS WITH big AS (SELECT id FROM orders) "
        "SELECT big.id FROM big JOIN dbo.regions AS r ON 1 = 1 JOIN #seen AS s ON 1 = 1"
    )
    assert in_schema(Fragment(view, 40), "[poc_stage]") == Fragment(
        "CREATE VIEW [poc_stage].v AS WITH big AS (SELECT id FROM [poc_stage].orders) "
        "SELECT big.id FROM big JOIN dbo.regions AS r ON 1 = 1 JOIN #seen AS s ON 1 = 1",
        40,
    )
    assert unqualified_names("GRANT SELECT ON [big orders] TO public") == (16,)


def test_an_element_the_parser_cannot_read_is_refused_not_run_in_the_default_schema() -> None:
    script = "CREATE SCHEMA stage\n    GRANT SELECT ON OBJECT::orders TO public\nGO\n"
    refused = pytest.raises(UnsupportedConstruct, match=r"t\.sql:2:5: CREATE SCHEMA: cannot")
    with DuckDBEngine(None) as engine, refused:
        engine.run_script(script, Path("t.sql"))
    findings = check_script(script, "t.sql", "duckdb")
    assert [(f.location.line, f.location.column) for f in findings] == [(2, 5)]


def test_the_interpreter_creates_the_elements_in_the_schema(engine: DuckDBEngine) -> None:
    script = (HERE / "with-objects-loaded.sql").read_text("utf-8")
    assert check_script(script, "s.sql", "duckdb") == ()
    engine.run_script(script, Path("s.sql"))
    created = engine.query(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_name IN ('customers', 'orders', 'big_orders') ORDER BY table_name"
    ).rows
    assert created == [("stage", "big_orders"), ("stage", "customers"), ("stage", "orders")]
    rows = engine.query("SELECT id, region FROM stage.big_orders ORDER BY id").rows
    assert rows == [(2, "south"), (3, "north")]


def test_the_layouts_of_tables_created_with_their_schema_name_it() -> None:
    layouts = layouts_in_text(WITH_OBJECTS, "s.sql")
    assert [(t.schema, t.table) for t in layouts] == [
        ("stage", "customers"),
        ("stage", "orders"),
        ("", "loose"),
    ]
