"""How the T-SQL catalog names a table, shared by the catalog and the keys recorded with
tables (which the catalog holds, so they cannot import it)."""

from __future__ import annotations

DEFAULT_SCHEMA = "dbo"
"""SQL Server's default schema: unqualified names resolve to it."""

TableName = tuple[str, str]
"""``(schema, name)`` as the catalog keys a table; schema ``#`` for temp tables."""
