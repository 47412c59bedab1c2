"""Which database a run may use, and the rules that keep etlcheck off anything it did not
create: an embedded file is replaced only when etlcheck made it; a server database must
look disposable, and etlcheck seeds production schemas only in databases it created,
unless the user says ``--allow-external-target``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import locking
from etlcheck.config import Config
from etlcheck.dburl import is_url
from etlcheck.engines import Engine, get_engine_class
from etlcheck.engines.registry import registered
from etlcheck.errors import RefusalError, UsageError
from etlcheck.redaction import redact_url

if TYPE_CHECKING:
    from etlcheck.options import RunOptions

MARKER_SUFFIX = ".etlcheck"
"""Beside every DuckDB file etlcheck creates: proof that it may replace that file."""
IN_MEMORY = ":memory:"
"""``--db :memory:``: a DuckDB database that lives as long as the run, and no file."""


MEMORY_KEY = "duckdb::memory:"
MEMORY_CANNOT_CONTINUE = (
    "--db :memory: lives only as long as one run: there is no earlier database to continue "
    "or to set up"
)
MEMORY_HINT = "use a --db file (or the default) with --from, --resume, setup and reset"


def default_db_path(config: Config) -> Path:
    return config.root / ".etlcheck" / f"{config.name}.duckdb"


@dataclass(frozen=True)
class DatabaseIdentity:
    """Which database a run uses, the same from one run to the next."""

    key: str
    """A resolved DuckDB path, a server URL without its password, or a throwaway kind."""
    shown: str
    lasting: bool = True
    """False for a database that ends with its run (``:memory:``, a throwaway server)."""


def database_identity(options: RunOptions) -> DatabaseIdentity:
    engine_class = get_engine_class(options.engine)
    if not engine_class.embedded:
        if not options.db:
            return DatabaseIdentity(
                f"{options.engine}:throwaway", engine_class.throwaway, lasting=False
            )
        return DatabaseIdentity(_url_key(options.db), redact_url(options.db))
    if options.db == IN_MEMORY:
        return DatabaseIdentity(MEMORY_KEY, IN_MEMORY, lasting=False)
    path = (Path(options.db) if options.db else default_db_path(options.config)).resolve()
    root = options.config.root.resolve()
    shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    return DatabaseIdentity(str(path), shown)


def _url_key(url: str) -> str:
    """A server database's identity: scheme, host, port and database, no login."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{parts.port}{parts.path}"


@contextmanager
def locked_database(
    options: RunOptions, wait: bool = False, waiting: Callable[[str], None] | None = None
) -> Iterator[DatabaseIdentity]:
    """Hold the lock of the run's database (none for one that ends with the run)."""
    identity = database_identity(options)
    if not identity.lasting:
        yield identity
        return
    lock_file = locking.lock_file_for(identity.key)
    with locking.holding(lock_file, identity.shown, wait=wait, waiting=waiting):
        yield identity


def open_engine(options: RunOptions, fresh: bool, must_exist: bool = True) -> Engine:
    """Start the engine the options name; a fresh embedded database replaces an old file."""
    engine_class = get_engine_class(options.engine)
    if engine_class.embedded and options.db and is_url(options.db):
        raise UsageError(
            f"{registered(options.engine).title} opens files, not URLs: {redact_url(options.db)}",
            hint="pass a file path, or the engine the URL is for",
        )
    if not engine_class.embedded:
        server = engine_class(  # type: ignore[call-arg]
            options.db,
            disposable_pattern=options.config.run.disposable_pattern,
            allow_external_target=options.allow_external_target,
        )
        return server.start()
    if options.db == IN_MEMORY:
        if not fresh:
            raise UsageError(MEMORY_CANNOT_CONTINUE, hint=MEMORY_HINT)
        return engine_class(None).start()
    path = Path(options.db) if options.db else default_db_path(options.config)
    marker = path.with_name(path.name + MARKER_SUFFIX)
    ours = marker.exists() or not options.db  # .etlcheck/ is etlcheck's own folder
    if fresh:
        if path.exists() and not ours and not options.allow_external_target:
            raise RefusalError(
                f"refusing to replace {path}: etlcheck did not create it (rule: external-target)",
                hint="choose another --db, or pass --allow-external-target",
            )
        for stale in (path, path.with_name(path.name + ".wal")):
            stale.unlink(missing_ok=True)
    elif must_exist and not path.exists():
        raise UsageError(f"database {path} does not exist", hint="pass the --db of the run")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        marker.write_text("created by etlcheck; it may replace this database\n", "utf-8")
    return engine_class(str(path)).start()


def is_external(engine: Engine) -> bool:
    """True for a server database given by URL (one etlcheck did not create)."""
    return bool(engine.target) and not engine.embedded


def refuse_occupied(engine: Engine, config: Config) -> None:
    """Refuse to seed a server database that already holds production or sandbox schemas:
    an earlier run seeded it (its DDL would fail on "already exists", its files would add
    their rows twice), or it is not the empty database etlcheck needs. The default schema
    (``dbo``, which every SQL Server database has) counts only when it holds tables."""
    from etlcheck.seeding.catalog import base_tables, existing_schemas

    sandbox = config.sandbox
    schemas = {*sandbox.protected, *sandbox.schema_map, *sandbox.schema_map.values()}
    tables = base_tables(engine, schemas)
    empty_default = sandbox.default_schema.lower()
    occupied = {schema for schema, _ in tables} | {
        schema for schema in existing_schemas(engine, schemas) if schema.lower() != empty_default
    }
    if not occupied:
        return
    names = ", ".join(sorted(occupied, key=str.lower))
    raise RefusalError(
        f"refusing to seed {engine.info.target}: it already holds schema(s) {names} "
        f"({len(tables)} tables; an earlier run seeded it?)",
        hint=f"give --db an empty database, or drop schema(s) {names} first",
    )
