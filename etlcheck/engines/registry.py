"""Engines by name. Adapters are imported only when asked for, so a missing driver
only matters to the user of that engine."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from etlcheck.errors import EngineError

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

_ENGINES: dict[str, str] = {
    "duckdb": "etlcheck.engines.duckdb:DuckDBEngine",
    "postgres": "etlcheck.engines.postgres:PostgresEngine",
    "mssql": "etlcheck.engines.mssql:SqlServerEngine",
}


def engine_names() -> tuple[str, ...]:
    return tuple(_ENGINES)


def get_engine_class(name: str) -> type[Engine]:
    """The adapter class for an engine name; unknown names list the known ones."""
    key = name.strip().lower()
    if key not in _ENGINES:
        raise EngineError(f"unknown engine {name!r}", hint=f"choose one of: {', '.join(_ENGINES)}")
    module_name, class_name = _ENGINES[key].split(":")
    module = importlib.import_module(module_name)
    engine_class: type[Engine] = getattr(module, class_name)
    return engine_class
