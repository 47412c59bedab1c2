"""DDL seed source: T-SQL scripts that create production as it stands, run as written.

The scripts run through the engine exactly as a step would (natively on SQL Server,
through the interpreter elsewhere), against the production schemas, before the
snapshot. Schemas they use but never create are created first, as they exist on the
server the scripts were written for.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.errors import ConfigError, SourceLocation, StatementFailed
from etlcheck.pipeline import Step
from etlcheck.script_facts import read_script_facts
from etlcheck.seeding.catalog import actual_name, row_count
from etlcheck.seeding.database_batches import without_database_batches
from etlcheck.seeding.summary import SeededFile, SeededTable, SourceRecord

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine


def ddl_scripts(path: Path) -> list[Path]:
    """The scripts a DDL source names: the file, or a folder's .sql files in name order
    (sub-folders included)."""
    if path.is_file():
        return [path]
    scripts = sorted(path.rglob("*.sql"), key=lambda p: p.relative_to(path).as_posix())
    if not scripts:
        raise ConfigError(
            f"DDL seed source {path} holds no .sql scripts",
            SourceLocation(path),
            "point it at production's CREATE TABLE scripts",
        )
    return scripts


def ddl_hint(message: str) -> str:
    """What to do about a DDL statement the disposable database refused."""
    if "objects access this column" in message:  # DuckDB: a key column cannot be altered
        return (
            "DuckDB cannot change a key column after CREATE TABLE: write the DEFAULT in the "
            "column's definition, or seed with --engine postgres"
        )
    if "already exists" in message:
        return "an earlier statement or seed source made it already: create each object once"
    return "the DDL seeds production: fix the statement, or run it on --engine mssql"


def file_record(path: Path, root: Path) -> SeededFile:
    data = path.read_bytes()
    return SeededFile(shown(path, root), hashlib.sha256(data).hexdigest(), len(data))


def shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def run_ddl(engine: Engine, config: Config, path: Path) -> SourceRecord:
    """Run each script of the source; the tables they create are recorded with their rows."""
    began = time.perf_counter()
    files: list[SeededFile] = []
    created: dict[tuple[str, str], str] = {}
    notes: list[str] = []
    for script in ddl_scripts(path):
        text, left_out = without_database_batches(
            Step(0, "seed", script.name, script).read(), script
        )
        notes += left_out
        facts = read_script_facts(text, script)
        own = {name.lower() for name in facts.created_schemas}
        for schema in facts.schemas:
            if schema.lower() not in own:
                engine.create_schema(schema)
        if facts.unqualified:
            engine.create_schema(config.sandbox.default_schema)
        try:
            engine.run_script(text, script)
        except StatementFailed as error:
            raise ConfigError(error.message, error.location, ddl_hint(error.message)) from None
        files.append(file_record(script, config.root))
        for layout in facts.tables:
            key = (layout.schema or config.sandbox.default_schema, layout.table)
            created[(key[0].lower(), key[1].lower())] = shown(script, config.root)
    tables = []
    for (schema, table), source in created.items():
        found = actual_name(engine, schema, table)
        if found is not None:
            tables.append(SeededTable(*found, rows=row_count(engine, *found), source=source))
    return SourceRecord(
        "ddl",
        shown(path, config.root),
        files=tuple(files),
        tables=tuple(tables),
        seconds=time.perf_counter() - began,
        warnings=tuple(notes),
    )
