"""Live database seed source: a read-only snapshot of ``postgresql://`` or ``mssql://``.

The source gets SELECTs only, inside read-only transactions (PostgreSQL:
``default_transaction_read_only``; SQL Server: ``ApplicationIntent=ReadOnly``), and every
statement sent is recorded in run.json. The login's grants are checked first: a login
that could write is refused (exit 2) unless ``allow_writable`` says to go on, with a
warning naming the grants. The target is the run's disposable database, as always.
"""

from __future__ import annotations

import fnmatch
import time
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.config_values import DatabaseSource
from etlcheck.engines.disposable import redact_url
from etlcheck.errors import ConfigError, RefusalError
from etlcheck.seeding.catalog import row_count
from etlcheck.seeding.loaders import insert_frame
from etlcheck.seeding.source_db import SourceDatabase, open_source
from etlcheck.seeding.summary import SeededTable, SourceRecord

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.options import RunOptions
    from etlcheck.seeding.tabledef import TableDefinition


def take_snapshot(engine: Engine, options: RunOptions, spec: DatabaseSource) -> SourceRecord:
    began = time.perf_counter()
    shown = redact_url(spec.url)
    source = open_source(spec.url)
    try:
        warnings = list(_check_read_only(source, shown, options, spec))
        tables = select_tables(source.tables(), spec, options)
        seeded = []
        for schema, table in tables:
            definition = source.definition(schema, table)
            warnings += definition.notes
            seeded.append(_copy(engine, source, definition, spec, shown))
    finally:
        source.close()
    return SourceRecord(
        "database",
        f"{shown} (SELECT only, up to {spec.rows:,} rows a table)",
        tables=tuple(seeded),
        seconds=time.perf_counter() - began,
        statements=tuple(source.statements),
        warnings=tuple(warnings),
    )


def select_tables(
    available: list[tuple[str, str]], spec: DatabaseSource, options: RunOptions
) -> list[tuple[str, str]]:
    """The tables a snapshot copies: ``tables`` patterns, else every table of the protected
    and read-only schemas. Every ``where`` must name one of them."""
    sandbox = options.config.sandbox
    if spec.tables:
        patterns = [pattern.lower() for pattern in spec.tables]
    else:
        patterns = [f"{schema.lower()}.*" for schema in (*sandbox.protected, *sandbox.read_only)]
    chosen = [
        (schema, table)
        for schema, table in available
        if any(fnmatch.fnmatchcase(f"{schema}.{table}".lower(), p) for p in patterns)
    ]
    names = {f"{schema}.{table}".lower() for schema, table in chosen}
    for table in spec.where:
        if table.lower() not in names:
            raise ConfigError(
                f"the seed database's where names {table}, which the snapshot does not copy",
                hint="name a table of the snapshot, or add it to tables",
            )
    return chosen


def _check_read_only(
    source: SourceDatabase, shown: str, options: RunOptions, spec: DatabaseSource
) -> list[str]:
    grants = source.write_grants()
    if not grants:
        return []
    listed = "; ".join(grants)
    if not (options.allow_writable_source or spec.allow_writable):
        raise RefusalError(
            f"seed database {shown} is not read-only for its login, which has: {listed}",
            hint="use a login with SELECT only, or pass --seed-allow-writable to go on "
            "(etlcheck still sends it nothing but SELECTs, in read-only transactions)",
        )
    return [f"seed database {shown} is not read-only for its login, which has: {listed}"]


def _copy(
    engine: Engine,
    source: SourceDatabase,
    definition: TableDefinition,
    spec: DatabaseSource,
    shown: str,
) -> SeededTable:
    qualified = definition.qualified_name
    where = next((v for k, v in spec.where.items() if k.lower() == qualified.lower()), None)
    frame = source.rows(definition, spec.rows, where)
    engine.create_schema(definition.schema)
    engine.execute(f"DROP TABLE IF EXISTS {engine.qualified(definition.schema, definition.name)}")
    engine.run_script(definition.create_tsql(), Path(f"<snapshot of {qualified}>"))
    if len(frame):
        try:
            insert_frame(engine, definition.schema, definition.name, frame)
        except Exception as error:  # the engine's own message says which value
            detail = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            raise ConfigError(
                f"cannot copy {qualified} from the seed database {shown}: {detail}",
                hint="leave the table out of `tables`, select rows it can hold with `where`, "
                "or seed it from a `ddl` and a `files` source",
            ) from None
        engine.continue_identity(definition.schema, definition.name)
    rows = row_count(engine, definition.schema, definition.name)
    return SeededTable(definition.schema, definition.name, rows=rows, source=shown)
