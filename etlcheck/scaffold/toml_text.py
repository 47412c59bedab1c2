"""The text of a generated etlcheck.toml: every key the project needs, with a comment."""

from __future__ import annotations

import json
from pathlib import Path

from etlcheck.engines.registry import DEFAULT_ENGINE
from etlcheck.scaffold.project import SANDBOX_PREFIX, ProjectPlan

DEFAULT_BUDGET_SECONDS = 60


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value)


def _list(values: list[str] | tuple[str, ...]) -> str:
    return "[" + ", ".join(_string(value) for value in values) + "]"


def config_text(plan: ProjectPlan, suite: Path) -> str:
    mapping = ", ".join(f"{name} = {_string(SANDBOX_PREFIX + name)}" for name in plan.schemas)
    lines = [
        f"# etlcheck configuration for {plan.name}, written by `etlcheck init`.",
        "# Edit it freely: `etlcheck run` reads it, and so does the suite in",
        f"# {suite.as_posix()}/. Unknown keys are errors.",
        "",
        "[project]",
        f"name = {_string(plan.name)}",
        'sql_dir = "sql"',
        "",
        "[sandbox]",
        "# Every schema the scripts name (found by the T-SQL parser), and where it goes when",
        "# the pipeline runs isolated. Protected schemas are fingerprinted before and after.",
        f"schemas = {{ {mapping} }}",
        f"protected = {_list(plan.schemas)}",
        "read_only = []                # schemas the pipeline only reads, left unmapped",
        f"state_schema = {_string(plan.state_schema)}",
        'default_schema = "dbo"        # where unqualified names resolve',
    ]
    if plan.skipped_schemas:
        lines.append("# Not mapped (not plain identifiers): " + ", ".join(plan.skipped_schemas))
    lines += ["", "[seed]", "# What production and the raw data hold before step 1."]
    sources = []
    if plan.ddl_source:
        lines.append(f"# {plan.ddl_source}/: DDL of production as it stands, run as written.")
        sources.append(f'{{ kind = "ddl", path = {_string(plan.ddl_source)} }}')
    if plan.files_source:
        lines.append(
            f"# {plan.files_source}/: one <schema>.<table>.csv or .parquet file per table."
        )
        sources.append(f'{{ kind = "files", path = {_string(plan.files_source)} }}')
    if not sources:
        lines.append("# Nothing found in db/ or data/: add sources, or seed in your own etl_seed.")
    lines.append("sources = [" + ", ".join(sources) + "]")
    lines += [
        "# Every protected table is copied, structure and rows, into its sandbox before",
        "# step 1 (the default when production tables were seeded); larger tables are refused.",
        "# clone_production = true",
        "max_rows = 1_000_000",
        "",
        "[run]",
        f'engine = "{DEFAULT_ENGINE}"',
        'report_dir = "reports"',
    ]
    folder = _string((suite / "expectations").as_posix())
    if plan.keyed_tables:
        lines.append(f"expectations = {folder}   # validated by etlcheck run too")
    else:
        lines.append(f"# expectations = {folder}   # once it holds suites")
    for phase in plan.phases:
        lines += [
            "",
            "[[phases]]",
            f"name = {_string(phase.name)}",
            f"title = {_string(phase.title)}",
            f"budget_seconds = {DEFAULT_BUDGET_SECONDS}   # the phase's wall-time budget",
            "scripts = [",
            *(f"    {_string(script)}," for script in phase.scripts),
            "]",
        ]
    return "\n".join(lines) + "\n"
