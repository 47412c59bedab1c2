"""Run documents for the report tests: a realistic failed run (the regex rewrite that leaked
into ``etl``) and the run before it, shaped like ``etlcheck.report.writer.run_document``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from etlcheck.config import load_config

PHASES = (
    ("schema", "Schema Setup", 5, 6.0, (1.31, 1.02, 1.24, 1.08, 1.05)),
    ("transform", "Transforms", 18, 20.0, None),
    ("export", "Export to Production", 18, 20.0, None),
)
REPO = Path(__file__).resolve().parents[2]
SCRIPTS = {phase.name: list(phase.scripts) for phase in load_config(REPO / "etlcheck.toml").phases}
"""The sample pipeline's own script names, per phase."""


def _run(run_id: str, factor: float, transform_total: float) -> dict[str, Any]:
    steps: list[dict[str, Any]] = []
    phases: list[dict[str, Any]] = []
    number = 0
    for name, title, count, budget, fixed in PHASES:
        seconds = (
            list(fixed)
            if fixed
            else [
                (transform_total if name == "transform" else 19.4)
                / count
                * (0.6 + 0.8 * (i % 3) / 2)
                for i in range(count)
            ]
        )
        seconds = [round(s * factor, 4) for s in seconds]
        for script, spent in zip(SCRIPTS[name], seconds, strict=True):
            number += 1
            steps.append(
                {
                    "number": number,
                    "phase": name,
                    "script": script,
                    "status": "ok",
                    "seconds": spent,
                    "rows_affected": 0 if name == "schema" else 100 * number,
                    "statements": 4,
                    "messages": [],
                    "error": None,
                }
            )
        total = round(sum(seconds), 4)
        phases.append(
            {
                "name": name,
                "title": title,
                "scripts": count,
                "completed": count,
                "seconds": total,
                "budget_seconds": budget,
                "within_budget": total <= budget,
            }
        )
    return {
        "run_id": run_id,
        "started_at": "2024-06-11T09:00:00+00:00",
        "finished_at": "2024-06-11T09:00:47+00:00",
        "steps_total": number,
        "steps_completed": number,
        "seconds": round(sum(s["seconds"] for s in steps), 4),
        "phases": phases,
        "steps": steps,
    }


def _table(
    schema: str, name: str, status: str, before: int, after: int, added: int = 0
) -> dict[str, Any]:
    return {
        "schema": schema,
        "name": name,
        "kind": "table",
        "status": status,
        "rows_before": before,
        "rows_after": after,
        "rows_added": added,
        "rows_removed": 0,
        "rows_changed": 0,
        "recreated": False,
        "columns_added": [],
        "columns_removed": [],
        "columns_retyped": [],
        "row_detail": True,
        "sentence": f"{schema}.{name}: {status}",
    }


def _production() -> dict[str, Any]:
    tables = [
        _table("dbo", "Brokers", "unchanged", 12263, 12263),
        _table("dbo", "Policies", "unchanged", 113215, 113215),
        _table("dbo", "Proposals", "unchanged", 11891, 11891),
        _table("etl", "stg_brokers", "changed", 12260, 12360, added=100),
        _table("etl", "stg_policies", "changed", 148103, 148203, added=100),
    ]
    tables += [_table("dbo", f"Ref{i:02d}", "unchanged", 50 * i, 50 * i) for i in range(1, 21)]
    return {
        "is_clean": False,
        "schemas_created": [],
        "schemas_dropped": [],
        "tables": tables,
        "sentences": ["etl.stg_brokers gained 100 rows", "etl.stg_policies gained 100 rows"],
    }


def _sandbox() -> dict[str, Any]:
    tables = [
        _table("poc_etl", "etl_run_state", "created", 0, 1, added=1),
        _table("poc_etl", "etl_step_state", "created", 0, 41, added=41),
        _table("poc_raw_data", "brokers", "unchanged", 100, 100),
    ]
    return {
        "is_clean": False,
        "schemas_created": ["poc_etl"],
        "schemas_dropped": [],
        "tables": tables,
        "sentences": [],
    }


def _expectations() -> list[dict[str, Any]]:
    def outcome(kind: str, column: str | None, success: bool, **extra: Any) -> dict[str, Any]:
        return {
            "expectation": kind,
            "column": column,
            "success": success,
            "observed": extra.get("observed"),
            "unexpected_count": extra.get("unexpected_count", 0),
            "examples": extra.get("examples", []),
            "failing_rows": extra.get("failing_rows", []),
            "rule": extra.get("rule", []),
            "checked_by": extra.get("checked_by", "engine"),
            "path": extra.get("path", "$.expectations[0]"),
            "description": "",
            "error": extra.get("error"),
        }

    return [
        {
            "suite": "stg_brokers",
            "table": "poc_etl.stg_brokers",
            "rows": 12260,
            "success": True,
            "expectations": [
                outcome("expect_column_values_to_be_unique", "broker_id", True),
                outcome("expect_column_values_to_not_be_null", "broker_id", True),
            ],
        },
        {
            "suite": "stg_policies",
            "table": "poc_etl.stg_policies",
            "rows": 148103,
            "success": False,
            "expectations": [
                outcome(
                    "expect_column_values_to_be_in_set",
                    "status_code",
                    False,
                    unexpected_count=38,
                    examples=[{"value": "XX", "count": 37}, {"value": None, "count": 1}],
                    failing_rows=[{"policy_id": 4711, "status_code": "XX"}],
                    rule=[{"name": "value_set", "value": [f"S{i}" for i in range(20)]}],
                    checked_by="great_expectations (DataFrame)",
                    path="$.expectations[2]",
                ),
                outcome("expect_table_row_count_to_be_between", None, True, observed=148103),
            ],
        },
    ]


def _document(run: dict[str, Any]) -> dict[str, Any]:
    return {
        "verdict": "not verified",
        "findings": [
            "production changed: etl.stg_brokers gained 100 rows; they belong in "
            "poc_etl.stg_brokers",
            "production changed: etl.stg_policies gained 100 rows",
            "phase transform took 21.3s, over its 20s budget",
        ],
        "pipeline": "insurance-poc",
        "config": "/work/main/etlcheck.toml",
        "engine": {
            "name": "duckdb",
            "version": "v1.4.1",
            "target": "/work/main/.etlcheck/insurance-poc.duckdb",
            "started_in_seconds": 0.0123,
        },
        "scale": "poc",
        "rewrite": "regex",
        "run": run,
        "lint": {
            "findings": [
                {
                    "file": "sql/00-schema-setup.sql",
                    "line": 1,
                    "column": 58,
                    "code": "unmapped-schema",
                    "message": "schema 'etl' in a string literal is not in the sandbox map",
                    "suggestion": "map it in [sandbox] schemas",
                    "allowed": None,
                },
                {
                    "file": "sql/41-export-summary.sql",
                    "line": 12,
                    "column": 5,
                    "code": "dynamic-sql",
                    "message": "EXEC of SQL text built at run time",
                    "suggestion": "",
                    "allowed": "builds only poc_ names from a constant list",
                },
            ],
            "unsilenced": 1,
        },
        "production": _production(),
        "sandbox": _sandbox(),
        "seed": {"tables": 8, "rows": 800, "scale": "poc"},
        "expectations": _expectations(),
        "rewrites": [
            {
                "location": "sql/01-raw-tables.sql:3:14",
                "before": "raw_data",
                "after": "poc_raw_data",
            },
            {"location": "sql/03-staging-tables.sql:5:14", "before": "[etl]", "after": "[poc_etl]"},
        ],
    }


@pytest.fixture
def document() -> dict[str, Any]:
    """A failed run: the regex rewrite leaked rows into ``etl`` and transforms ran over budget."""
    return _document(_run("20240611-090000-beef", 1.0, 21.3))


@pytest.fixture
def previous_document() -> dict[str, Any]:
    """The run before it, a little faster."""
    return _document(_run("20240610-170000-cafe", 0.8, 18.0))
