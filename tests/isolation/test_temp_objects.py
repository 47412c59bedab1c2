"""Temp objects live outside every protected schema: ``#t``, ``##t`` and ``@t`` (and
cursors and labels) are no schema references for the remap and the lint, and the
fingerprints of the protected schemas never see them, even when they share a protected
table's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.config import SandboxConfig
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.isolation.diff import diff_fingerprints
from etlcheck.isolation.fingerprint import fingerprint_schemas
from etlcheck.isolation.lint import lint_script
from etlcheck.isolation.rewrite import rewrite_script

SANDBOX = SandboxConfig(schema_map={"etl": "poc_etl", "dbo": "poc_dbo"}, protected=("etl", "dbo"))
PROCEDURE = Path(__file__).parent / "temp_objects" / "procedure-temp-objects.sql"


def test_temp_objects_in_a_procedure_are_no_schema_references() -> None:
    text = PROCEDURE.read_text()
    assert lint_script(text, PROCEDURE.name, SANDBOX, "ast") == ()
    remapped = rewrite_script(text, PROCEDURE.name, SANDBOX, "ast").text
    changed = [
        (before, after)
        for before, after in zip(text.splitlines(), remapped.splitlines(), strict=True)
        if before != after
    ]
    # Only the procedure's own name and the one permanent table move into the sandbox.
    assert changed == [
        ("CREATE PROCEDURE etl.usp_temps", "CREATE PROCEDURE poc_etl.usp_temps"),
        (
            "    INSERT INTO etl.Brokers (id) SELECT id FROM #Brokers;",
            "    INSERT INTO poc_etl.Brokers (id) SELECT id FROM #Brokers;",
        ),
    ]


@pytest.mark.duckdb
def test_temp_tables_named_like_production_tables_leave_production_unchanged() -> None:
    with DuckDBEngine(None) as engine:
        for schema in ("etl", "poc_etl", "dbo", "poc_dbo"):
            engine.create_schema(schema)
            engine.execute(f"CREATE TABLE {schema}.Brokers (id INT)")
        before = fingerprint_schemas(engine, ["etl", "dbo"])
        text = rewrite_script(PROCEDURE.read_text(), PROCEDURE.name, SANDBOX, "ast").text
        engine.run_script(text, PROCEDURE)
        engine.run_script("EXEC poc_etl.usp_temps", Path("call.sql"))
        after = fingerprint_schemas(engine, ["etl", "dbo"])
        assert diff_fingerprints(before, after).is_clean
        assert engine.query("SELECT COUNT(*) FROM poc_etl.Brokers").scalar() == 2
        # ##Brokers outlives the procedure; it is no object of any protected schema.
        temps = engine.query("SELECT table_name FROM duckdb_tables() WHERE temporary").rows
        assert temps == [("##Brokers",)]


def test_temp_tables_named_with_a_keyword_are_read_and_left_alone() -> None:
    """``#inner``, ``#output``, ``##join``, ``#user``: sqlglot reads ``#`` and a keyword;
    the statements are still parsed, and only the protected names move."""
    script = PROCEDURE.parent / "keyword-temp-names.sql"
    text = script.read_text()
    assert lint_script(text, script.name, SANDBOX, "ast") == ()
    remapped = rewrite_script(text, script.name, SANDBOX, "ast").text
    assert remapped == text.replace("etl.Brokers", "poc_etl.Brokers")
