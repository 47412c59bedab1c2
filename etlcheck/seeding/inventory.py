"""The tables the declared seed sources create, known without a database (for pytest
collection: one test case per protected table)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.config_values import DdlSource, FilesSource, SampleSource, SeedSource

if TYPE_CHECKING:
    from etlcheck.config import Config


def declared_tables(config: Config, sources: tuple[SeedSource, ...]) -> list[str]:
    """``schema.table`` of every protected table the sources declare, sorted; tables of a
    live snapshot are known only once it is read, and are left out. Each kind of source
    imports only what reading it takes (the parser for DDL): every pytest process that
    collects a suite calls this."""
    found: dict[str, str] = {}
    for spec in sources:
        pairs: list[tuple[str, str]] = []
        if isinstance(spec, DdlSource):
            pairs += _ddl_tables(config, spec)
        elif isinstance(spec, FilesSource):
            from etlcheck.seeding.files import data_files, table_of_file

            pairs += [table_of_file(path) for path in data_files(config.root / spec.path)]
        elif isinstance(spec, SampleSource):
            from etlcheck.sampledata.tables import sample_tables

            pairs += sample_tables()
        for schema, table in pairs:
            if config.sandbox.is_protected(schema):
                found.setdefault(f"{schema}.{table}".lower(), f"{schema}.{table}")
    return sorted(found.values(), key=str.lower)


def _ddl_tables(config: Config, spec: DdlSource) -> list[tuple[str, str]]:
    """(schema, table) of every table the DDL scripts of ``spec`` create."""
    from etlcheck.pipeline import Step
    from etlcheck.script_facts import read_script_facts
    from etlcheck.seeding.ddl import ddl_scripts

    pairs = []
    for script in ddl_scripts((config.root / spec.path).resolve()):
        facts = read_script_facts(Step(0, "seed", script.name, script).read(), script)
        pairs += [(t.schema or config.sandbox.default_schema, t.table) for t in facts.tables]
    return pairs
