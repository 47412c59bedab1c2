"""Helpers of the expectation tests: the staging area (staging.sql), SQL that plants a
fault (orphan.sql, duplicate.sql, drift.sql) and the suites in suites/."""

from __future__ import annotations

from pathlib import Path

from etlcheck.engines.base import Engine

HERE = Path(__file__).parent
SUITES = HERE / "suites"
SCHEMAS = ("poc_etl", "poc_raw_data")


def run_sql(engine: Engine, name: str) -> None:
    """Run the statements of ``name`` (a .sql file beside this module), one at a time."""
    text = "\n".join(
        line for line in (HERE / name).read_text("utf-8").splitlines() if not line.startswith("--")
    )
    for statement in text.split(";\n"):
        if statement.strip():
            engine.execute(statement.strip().rstrip(";"))


def sandbox(table: str) -> str:
    """The resolver of an isolated run: etl.t -> poc_etl.t."""
    schema, _, name = table.partition(".")
    return f"poc_{schema}.{name}"
