"""What an interpreting engine needs beyond its dialect: catalog emulation and rewrites.

One ``Emulation`` per target dialect; everything engine-specific lives in its module
(``duckdb.py``), so adding PostgreSQL means one more module registered here.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar

from etlcheck.errors import EngineError

if TYPE_CHECKING:
    from sqlglot import exp

    from etlcheck.engines.base import Engine
    from etlcheck.tsql.catalog import CatalogSnapshot
    from etlcheck.tsql.compiler import Plan

_EMULATIONS: dict[str, str] = {
    "duckdb": "etlcheck.tsql.emulation.duckdb:DuckDBEmulation",
}
DEFAULT_SCHEMA = "dbo"
"""SQL Server's default schema: unqualified names resolve to it."""


class Emulation(ABC):
    """T-SQL semantics for one target dialect."""

    dialect: ClassVar[str]
    internal_schemas: ClassVar[tuple[str, ...]]
    """Schemas etlcheck creates for emulation; fingerprints and inventories skip them."""
    row_id: ClassVar[str]
    """The pseudo-column that identifies a row (UPDATE/DELETE with joins use it)."""

    @abstractmethod
    def install(self, target: Engine) -> None:
        """Create catalog views and functions in ``target`` (idempotent)."""

    @abstractmethod
    def plan(self, tree: exp.Expression) -> Plan:
        """Rewrite a T-SQL statement tree for this dialect; may add steps before/after it."""

    @abstractmethod
    def literal(self, value: Any, type_sql: str | None) -> str:
        """``value`` as a SQL literal of this dialect (``type_sql`` in this dialect, or None)."""

    @abstractmethod
    def type_sql(self, tsql_type: str) -> str:
        """A T-SQL data type (``NVARCHAR(50)``) in this dialect."""

    @abstractmethod
    def load_catalog(self, target: Engine) -> CatalogSnapshot:
        """Tables, views and schemas as OBJECT_ID and SCHEMA_ID see them."""

    @abstractmethod
    def schema_blockers(self, target: Engine, schema: str) -> list[str]:
        """Objects that keep SQL Server from dropping ``schema`` (empty when it may go)."""

    def error_number(self, error: Exception) -> int:
        """SQL Server's error number for a database error, as near as can be told."""
        return 50000


def register_emulation(dialect: str, import_path: str) -> None:
    """Make ``"package.module:Class"`` the emulation of ``dialect`` (e.g. ``postgres``)."""
    _EMULATIONS[dialect] = import_path


def emulation_for(dialect: str) -> Emulation:
    """The emulation for a dialect; an unknown one says which exist."""
    if dialect not in _EMULATIONS:
        raise EngineError(
            f"no T-SQL emulation for dialect {dialect!r}",
            hint=f"known: {', '.join(_EMULATIONS)}; run it on --engine mssql",
        )
    module_name, class_name = _EMULATIONS[dialect].split(":")
    emulation_class: type[Emulation] = getattr(importlib.import_module(module_name), class_name)
    return emulation_class()
