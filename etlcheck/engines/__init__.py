"""Database engines behind one small interface, looked up by name."""

from __future__ import annotations

from etlcheck.engines.base import Engine, QueryResult, ScriptResult
from etlcheck.engines.registry import engine_names, get_engine_class

__all__ = ["Engine", "QueryResult", "ScriptResult", "engine_names", "get_engine_class"]
