"""``etlcheck init [DIR]``: an ``etlcheck.toml`` and a starter suite for a folder of scripts.

Reads ``DIR/sql`` (and ``DIR/db``, ``DIR/data``) with the T-SQL parser and writes
``DIR/etlcheck.toml``, ``DIR/suites/<name>/`` (the generic isolation suite) and one
expectation suite per table the pipeline creates with a primary key, or writes when
``DIR/db`` declares its primary key. It never overwrites: when any of those files exists,
nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from etlcheck.config import CONFIG_NAME, load_config
from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.scaffold.project import ProjectPlan, plan_project
from etlcheck.scaffold.toml_text import config_text
from etlcheck.wording import counted

SUITE_FILES = (
    "conftest.py",
    "test_benchmark.py",
    "test_phase_timings.py",
    "test_production_unchanged.py",
    "test_runtime_isolation.py",
    "test_staging_expectations.py",
    "test_static_isolation.py",
)


@dataclass(frozen=True)
class InitResult:
    files: tuple[Path, ...]
    summary: str


def suite_template(name: str) -> str:
    """The text of one file of the generic suite (``suites/poc_isolation`` is the same)."""
    return (
        resources.files("etlcheck.scaffold")
        .joinpath("suite", f"{name}.tmpl")
        .read_text(encoding="utf-8")
    )


def suite_name(plan: ProjectPlan) -> str:
    cleaned = "".join(c if c.isalnum() else "_" for c in plan.name.lower()).strip("_")
    return cleaned or "pipeline"


def init_project(directory: Path, name: str | None = None) -> InitResult:
    root = directory.resolve()
    plan = plan_project(root, name)
    suite = root / "suites" / suite_name(plan)
    contents: dict[Path, str] = {root / CONFIG_NAME: config_text(plan, suite.relative_to(root))}
    for file in SUITE_FILES:
        contents[suite / file] = suite_template(file)
    for path, text in expectation_suites(plan, suite / "expectations").items():
        contents[path] = text
    existing = [path for path in contents if path.exists()]
    if existing:
        raise ConfigError(
            f"{existing[0]} already exists; etlcheck init writes only new files",
            SourceLocation(existing[0]),
            "move it away, or edit it instead of running init",
        )
    for path, text in contents.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = load_config(root / CONFIG_NAME)  # what init wrote must load
    scripts = sum(len(phase.scripts) for phase in config.phases)
    mapping = ", ".join(f"{k} -> {v}" for k, v in config.sandbox.schema_map.items())
    sources = ", ".join(f"{s.kind} {getattr(s, 'path', '')}".strip() for s in config.seed.sources)
    lines = [
        f"{counted(scripts, 'script')} ({plan.layout}) in {counted(len(config.phases), 'phase')}; "
        f"sandbox {mapping}; seed: {sources or 'nothing declared'}",
    ]
    if plan.skipped_schemas:
        lines.append("not mapped (not plain identifiers): " + ", ".join(plan.skipped_schemas))
    if plan.unkeyed_tables:
        lines.append(unkeyed_line(plan.unkeyed_tables))
    here = Path.cwd().resolve()
    shown = suite.relative_to(here) if suite.is_relative_to(here) else suite
    from etlcheck.pipeline import Pipeline
    from etlcheck.uncalled import uncalled_note

    note = uncalled_note(Pipeline.from_config(config))
    if note:
        lines.append(note)
    lines.append(f"next: etlcheck run (in {root}), or pytest {shown}")
    return InitResult(tuple(contents), "\n".join(lines))


def unkeyed_line(tables: tuple[str, ...], shown: int = 10) -> str:
    """One line naming the tables left without a key suite (the first ``shown``)."""
    names = ", ".join(tables[:shown])
    more = f" and {len(tables) - shown} more" if len(tables) > shown else ""
    return (
        f"no key suite for {counted(len(tables), 'table')} (no PRIMARY KEY in sql/ or db/): "
        f"{names}{more}"
    )


def expectation_suites(plan: ProjectPlan, folder: Path) -> dict[Path, str]:
    """One suite per keyed table: its key columns are never NULL and never repeat."""
    names = [t.table for t in plan.keyed_tables]
    suites: dict[Path, str] = {}
    for table in plan.keyed_tables:
        schema = table.schema or "dbo"
        stem = table.table if names.count(table.table) == 1 else f"{schema}.{table.table}"
        expectations: list[dict[str, object]] = [
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": column}}
            for column in table.primary_key
        ]
        if len(table.primary_key) == 1:
            unique = {
                "type": "expect_column_values_to_be_unique",
                "kwargs": {"column": table.primary_key[0]},
            }
        else:
            unique = {
                "type": "expect_compound_columns_to_be_unique",
                "kwargs": {"column_list": list(table.primary_key)},
            }
        document = {
            "name": stem,
            "meta": {
                "etlcheck": {"table": f"{schema}.{table.table}"},
                "notes": "written by etlcheck init from the table's PRIMARY KEY; add your own",
            },
            "expectations": [*expectations, unique],
        }
        suites[folder / f"{stem}.json"] = json.dumps(document, indent=2) + "\n"
    return suites
