"""SQL Server, the real target: its adapter, container, ODBC connection and catalog SQL."""

from __future__ import annotations

from etlcheck.engines.mssql.adapter import SqlServerEngine

__all__ = ["SqlServerEngine"]
