"""Helpers the seeding tests share: options for a project, and running T-SQL."""

from __future__ import annotations

from pathlib import Path

from etlcheck.config import load_config
from etlcheck.engines.base import Engine
from etlcheck.options import RunOptions


def options_for(project: Path, engine: Engine, **overrides: object) -> RunOptions:
    config = load_config(project / "etlcheck.toml")
    return RunOptions.from_config(config, engine=engine.name, **overrides)  # type: ignore[arg-type]


def tsql(engine: Engine, script: str) -> tuple[str, ...]:
    """PRINT output of a T-SQL script run as a step would run it."""
    return engine.run_script(script, Path("test.sql")).messages


def error_number(engine: Engine, statement: str) -> str:
    """What ERROR_NUMBER() says when ``statement`` fails inside TRY...CATCH."""
    messages = tsql(
        engine,
        f"BEGIN TRY {statement}; PRINT 'no error'; END TRY "
        "BEGIN CATCH PRINT CONCAT('error ', ERROR_NUMBER()); END CATCH",
    )
    return messages[-1]


def rows(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    return engine.query(sql).rows
