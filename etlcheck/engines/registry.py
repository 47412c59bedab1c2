"""Engines by name: the one list of them. Adapters are imported only when asked for, so a
missing driver only matters to the user of that engine.

Adding an engine is one folder (``engines/<name>/``: its adapter, emulation, catalog SQL)
and one line here: where its adapter is, and which URL schemes mean it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from etlcheck.errors import EngineError

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine


@dataclass(frozen=True)
class Registered:
    """One engine: its adapter class (``"package.module:Class"``), its name as people
    write it, and the URL schemes (``postgresql://``...) that name a database of it (none:
    an embedded engine, whose ``--db`` is a file)."""

    adapter: str
    title: str
    url_schemes: tuple[str, ...] = ()
    source_reader: str | None = None
    """The class that reads a live database of this engine as a seed source
    (``seeding.source_db.SourceDatabase``), when it can be one."""
    permission_words: tuple[str, ...] = ()
    """Words of this engine's errors that mean the database refused a write (least
    privilege stopped a leak), as they read in a step's recorded error."""
    exports_tables: bool = False
    """The adapter's ``exports_tables``, known without importing it (and its driver): the
    process that imports GX starts before the run imports the engine."""


ENGINES: dict[str, Registered] = {
    "duckdb": Registered("etlcheck.engines.duckdb:DuckDBEngine", "DuckDB", exports_tables=True),
    "postgres": Registered(
        "etlcheck.engines.postgres:PostgresEngine",
        "PostgreSQL",
        ("postgresql", "postgres"),
        "etlcheck.engines.postgres.source:PostgresSource",
        (
            "permission denied",  # SQLSTATE 42501
            "must be owner of",  # DROP/ALTER of an object the role does not own
        ),
    ),
    "mssql": Registered(
        "etlcheck.engines.mssql:SqlServerEngine",
        "SQL Server",
        ("mssql", "sqlserver", "mssql+pyodbc"),
        "etlcheck.engines.mssql.source:MssqlSource",
        ("permission was denied", "does not have permission"),  # 229/230/262, 15247
    ),
}

DEFAULT_ENGINE = "duckdb"
"""The engine of a run that names none: embedded, so a ``--db`` path is one of its files."""
EXPORT_ENGINE = "duckdb"
"""The engine that opens what ``Engine.export_tables`` writes (a DuckDB file)."""


def engine_names() -> tuple[str, ...]:
    return tuple(ENGINES)


def url_schemes() -> dict[str, str]:
    """Every URL scheme etlcheck connects to, and the engine it means."""
    return {scheme: name for name, entry in ENGINES.items() for scheme in entry.url_schemes}


def source_reader(url: str) -> str | None:
    """The seed-source reader (``"package.module:Class"``) for a URL's scheme, if any."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    name = url_schemes().get(scheme)
    return ENGINES[name].source_reader if name is not None else None


def source_schemes() -> tuple[str, ...]:
    """The URL schemes of the engines whose live databases can be seed sources."""
    return tuple(scheme for scheme, name in url_schemes().items() if ENGINES[name].source_reader)


def permission_words() -> tuple[str, ...]:
    """The words of every engine's 'permission denied' errors (see ``Registered``)."""
    return tuple(word for entry in ENGINES.values() for word in entry.permission_words)


def registered(name: str) -> Registered:
    """The registry's line for an engine name; unknown names list the known ones."""
    key = name.strip().lower()
    if key not in ENGINES:
        raise EngineError(f"unknown engine {name!r}", hint=f"choose one of: {', '.join(ENGINES)}")
    return ENGINES[key]


def get_engine_class(name: str) -> type[Engine]:
    """The adapter class for an engine name; unknown names list the known ones."""
    module_name, class_name = registered(name).adapter.split(":")
    module = importlib.import_module(module_name)
    engine_class: type[Engine] = getattr(module, class_name)
    return engine_class
