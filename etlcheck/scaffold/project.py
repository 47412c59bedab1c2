"""What ``etlcheck init`` learns from a folder: scripts, phases, schemas, seed sources, keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.pipeline import Step
from etlcheck.scaffold.phases import PhasePlan, plan_phases, scripts_in
from etlcheck.scaffold.table_renames import renamed_layouts, table_renames
from etlcheck.script_facts import ScriptFacts, read_script_facts
from etlcheck.seeding.files import DATA_SUFFIXES, table_of_file
from etlcheck.table_layouts import TableLayout
from etlcheck.values import is_plain_identifier

SANDBOX_PREFIX = "poc_"
STATE_TABLE = "etl_run_state"


@dataclass(frozen=True)
class ProjectPlan:
    """Everything the generated configuration and suite say about one project."""

    root: Path
    name: str
    layout: str
    phases: tuple[PhasePlan, ...]
    schemas: tuple[str, ...]
    """Every schema the scripts and the seed data name: each protected and mapped."""
    skipped_schemas: tuple[str, ...]
    """Schema names that are not plain identifiers: etlcheck cannot map them."""
    state_schema: str
    ddl_source: str | None
    files_source: str | None
    keyed_tables: tuple[TableLayout, ...]
    """Tables the pipeline creates with a PRIMARY KEY, in mapped schemas."""


def plan_project(root: Path, name: str | None = None) -> ProjectPlan:
    sql_dir = root / "sql"
    if not sql_dir.is_dir():
        raise ConfigError(
            f"{root} has no sql/ folder",
            SourceLocation(root),
            "run etlcheck init in the folder that holds sql/ (and data/, db/), or pass it",
        )
    scripts = scripts_in(sql_dir)
    if not scripts:
        raise ConfigError(f"{sql_dir} holds no .sql scripts", SourceLocation(sql_dir))
    layout, phases = plan_phases(scripts)
    names: dict[str, str] = {}
    tables: list[TableLayout] = []
    unqualified = False
    for script in scripts:
        facts = _facts(sql_dir / script)
        for schema in facts.schemas:
            names.setdefault(schema.lower(), schema)
        unqualified |= facts.unqualified
        tables = renamed_layouts([*tables, *facts.tables], _renames(sql_dir / script))
    ddl = _ddl_source(root, names)
    files = _files_source(root, names)
    if unqualified or not names:
        names.setdefault("dbo", "dbo")
    schemas = [n for n in names.values() if not n.lower().startswith(SANDBOX_PREFIX)]
    mapped = [n for n in schemas if is_plain_identifier(n) and len(n) <= 124]
    return ProjectPlan(
        root=root,
        name=name or root.resolve().name,
        layout=layout,
        phases=tuple(phases),
        schemas=tuple(mapped),
        skipped_schemas=tuple(n for n in schemas if n not in mapped),
        state_schema=_state_schema(tables, mapped),
        ddl_source=ddl,
        files_source=files,
        keyed_tables=tuple(
            t for t in _last_layouts(tables) if t.primary_key and (t.schema or "dbo") in mapped
        ),
    )


def _renames(path: Path) -> list[tuple[str, str, str]]:
    return table_renames(Step(0, "init", path.name, path).read(), path)


def _facts(path: Path) -> ScriptFacts:
    return read_script_facts(Step(0, "init", path.name, path).read(), path)


def _ddl_source(root: Path, names: dict[str, str]) -> str | None:
    folder = root / "db"
    scripts = sorted(folder.rglob("*.sql")) if folder.is_dir() else []
    for script in scripts:
        facts = _facts(script)
        for schema in facts.schemas:
            names.setdefault(schema.lower(), schema)
        if facts.unqualified:
            names.setdefault("dbo", "dbo")
    return "db" if scripts else None


def _files_source(root: Path, names: dict[str, str]) -> str | None:
    folder = root / "data"
    if not folder.is_dir():
        return None
    files = [p for p in sorted(folder.iterdir()) if p.suffix.lower() in DATA_SUFFIXES]
    for path in files:
        schema, _ = table_of_file(path)
        names.setdefault(schema.lower(), schema)
    return "data" if files else None


def _state_schema(tables: list[TableLayout], schemas: list[str]) -> str:
    for table in tables:
        if table.table.lower() == STATE_TABLE and table.schema in schemas:
            return table.schema
    return schemas[0] if schemas else "etl"


def _last_layouts(tables: list[TableLayout]) -> list[TableLayout]:
    found: dict[tuple[str, str], TableLayout] = {}
    for table in tables:
        found[(table.schema.lower(), table.table.lower())] = table
    return list(found.values())
