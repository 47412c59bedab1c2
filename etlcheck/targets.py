"""Which database a run may use, and the rules that keep etlcheck off anything it did not
create: an embedded file is replaced only when etlcheck made it; a server database must
look disposable, and etlcheck seeds production schemas only in databases it created,
unless the user says ``--allow-external-target``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck.config import Config
from etlcheck.engines import Engine, get_engine_class
from etlcheck.errors import RefusalError, UsageError

if TYPE_CHECKING:
    from etlcheck.options import RunOptions

MARKER_SUFFIX = ".etlcheck"
"""Beside every DuckDB file etlcheck creates: proof that it may replace that file."""
IN_MEMORY = ":memory:"
"""``--db :memory:``: a DuckDB database that lives as long as the run, and no file."""


def default_db_path(config: Config) -> Path:
    return config.root / ".etlcheck" / f"{config.name}.duckdb"


def open_engine(options: RunOptions, fresh: bool, must_exist: bool = True) -> Engine:
    """Start the engine the options name; a fresh embedded database replaces an old file."""
    engine_class = get_engine_class(options.engine)
    if options.engine != "duckdb":
        server = engine_class(  # type: ignore[call-arg]
            options.db,
            disposable_pattern=options.config.run.disposable_pattern,
            allow_external_target=options.allow_external_target,
        )
        return server.start()
    if options.db == IN_MEMORY:
        if not fresh:
            raise UsageError(
                "--db :memory: lives only as long as one run: there is no earlier database "
                "to continue or to set up",
                hint="use a --db file (or the default) with --from, --resume, setup and reset",
            )
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
    return bool(engine.target) and engine.name != "duckdb"
