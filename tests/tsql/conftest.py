"""What the T-SQL tests share: a record of every statement the interpreter sends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from etlcheck.engines.duckdb import DuckDBEngine


class Sent:
    """Every statement the interpreter sends to the engine (execute, query and
    query_expression), in order; a call the engine makes to itself is recorded once."""

    def __init__(self, engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch) -> None:
        self.statements: list[str] = []
        self._depth = 0
        for name in ("execute", "query", "query_expression"):
            monkeypatch.setattr(engine, name, self._recording(getattr(engine, name)))

    def _recording(self, call: Callable[[str], Any]) -> Callable[[str], Any]:
        def recorded(sql: str) -> Any:
            if not self._depth:
                self.statements.append(sql)
            self._depth += 1
            try:
                return call(sql)
            finally:
                self._depth -= 1

        return recorded

    def key_checks(self) -> list[str]:
        """The queries that look for a repeated key (keys.repeats_sql, keys.duplicate_sql)."""
        return [sql for sql in self.statements if "count(DISTINCT" in sql or "arg_max(" in sql]

    def clear(self) -> None:
        self.statements.clear()


@pytest.fixture
def sent(engine: DuckDBEngine, monkeypatch: pytest.MonkeyPatch) -> Sent:
    """Records what the module's ``engine`` fixture is sent from here on."""
    return Sent(engine, monkeypatch)
