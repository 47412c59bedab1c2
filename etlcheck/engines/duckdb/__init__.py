"""DuckDB, the embedded default engine: its adapter, T-SQL emulation and catalog SQL."""

from __future__ import annotations

from etlcheck.engines.duckdb.adapter import ROW_GROUP_SIZE, DuckDBEngine

__all__ = ["ROW_GROUP_SIZE", "DuckDBEngine"]
