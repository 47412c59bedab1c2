"""What ``etlcheck init`` learns from a folder: scripts, phases, schemas, seed sources, keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etlcheck.errors import ConfigError, SourceLocation
from etlcheck.pipeline import Step
from etlcheck.scaffold.phases import PhasePlan, plan_phases, scripts_in
from etlcheck.scaffold.table_renames import renamed_layouts, table_renames
from etlcheck.scaffold.written_tables import written_tables
from etlcheck.script_facts import ScriptFacts, read_script_facts
from etlcheck.seeding.files import DATA_SUFFIXES, table_of_file
from etlcheck.table_layouts import TableLayout
from etlcheck.tsql.table_names import TableName
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
    """Tables in mapped schemas that the pipeline creates with a PRIMARY KEY, or writes
    (INSERT, UPDATE, MERGE, SELECT INTO) when ``db/`` declares their PRIMARY KEY."""
    unkeyed_tables: tuple[str, ...] = ()
    """``schema.table`` of the other tables it creates or writes in mapped schemas: no
    PRIMARY KEY is known, so ``etlcheck init`` writes no suite for them."""


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
    written: list[TableName] = []
    created: set[TableName] = set()
    unqualified = False
    for script in scripts:
        facts = _facts(sql_dir / script)
        for schema in facts.schemas:
            names.setdefault(schema.lower(), schema)
        unqualified |= facts.unqualified
        created |= {_key(t) for t in facts.tables}
        tables = renamed_layouts([*tables, *facts.tables], _renames(sql_dir / script))
        written += _written(sql_dir / script)
    ddl = _ddl_source(root, names)
    files = _files_source(root, names)
    if unqualified or not names:
        names.setdefault("dbo", "dbo")
    schemas = [n for n in names.values() if not n.lower().startswith(SANDBOX_PREFIX)]
    mapped = [n for n in schemas if is_plain_identifier(n) and len(n) <= 124]
    keyed, unkeyed = _key_coverage(
        _last_layouts(tables),
        [name for name in written if (name[0].lower(), name[1].lower()) not in created],
        _declared_layouts(root),
        {n.lower() for n in mapped},
    )
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
        keyed_tables=keyed,
        unkeyed_tables=unkeyed,
    )


def _key_coverage(
    created: list[TableLayout],
    written: list[TableName],
    declared: list[TableLayout],
    mapped: set[str],
) -> tuple[tuple[TableLayout, ...], tuple[str, ...]]:
    """The layouts whose PRIMARY KEY is known (the script's own, else the one ``db/``
    declares), and the names of the tables in ``mapped`` schemas with none."""
    keys = {_key(t): t for t in _last_layouts(declared) if t.primary_key}
    seen = {_key(t) for t in created}
    keyed: list[TableLayout] = []
    unkeyed: list[str] = []
    for table in created:
        if _key(table)[0] not in mapped:
            continue
        known = table if table.primary_key else keys.get(_key(table))
        if known is None:
            unkeyed.append(f"{table.schema or 'dbo'}.{table.table}")
        else:
            keyed.append(known)
    for schema, name in written:
        key = (schema.lower(), name.lower())
        if schema.lower() not in mapped or key in seen:
            continue
        seen.add(key)
        declared_layout = keys.get(key)
        if declared_layout is None:
            unkeyed.append(f"{schema}.{name}")
        else:
            keyed.append(declared_layout)
    return tuple(keyed), tuple(unkeyed)


def _key(table: TableLayout) -> TableName:
    return (table.schema or "dbo").lower(), table.table.lower()


def _renames(path: Path) -> list[tuple[str, str, str]]:
    return table_renames(Step(0, "init", path.name, path).read(), path)


def _facts(path: Path) -> ScriptFacts:
    return read_script_facts(Step(0, "init", path.name, path).read(), path)


def _written(path: Path) -> list[TableName]:
    return written_tables(Step(0, "init", path.name, path).read(), path)


def _declared_layouts(root: Path) -> list[TableLayout]:
    """The tables ``db/`` (the DDL seed source) creates, in file order."""
    folder = root / "db"
    scripts = sorted(folder.rglob("*.sql")) if folder.is_dir() else []
    return [table for script in scripts for table in _facts(script).tables]


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
    found: dict[TableName, TableLayout] = {}
    for table in tables:
        found[_key(table)] = table
    return list(found.values())
