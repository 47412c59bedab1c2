"""PostgreSQL: its adapter, T-SQL emulation, system-catalog SQL and least-privilege grants."""

from __future__ import annotations

from etlcheck.engines.postgres.adapter import PostgresEngine

__all__ = ["PostgresEngine"]
