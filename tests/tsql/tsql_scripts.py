"""Helpers the T-SQL tests share: run a script, expect a failure, read rows, and record
what the interpreter sends to the engine. Fixtures built on them are in conftest.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from etlcheck.engines.base import Engine
from etlcheck.errors import StatementFailed


def run(engine: Engine, script: str) -> tuple[str, ...]:
    """The PRINT output of ``script`` run as ``t.sql``."""
    return engine.run_script(script, Path("t.sql")).messages


def printed(engine: Engine, expression: str) -> str:
    """What ``PRINT expression`` prints, once the compatibility pass has found nothing
    to refuse in it."""
    from etlcheck.compatibility import check_script

    script = f"PRINT {expression}"
    assert check_script(script, "p.sql", engine.name) == ()
    (message,) = engine.run_script(script, Path("p.sql")).messages
    return message


def rejected(engine: Engine, script: str) -> StatementFailed:
    """The failure ``script`` must end in."""
    with pytest.raises(StatementFailed) as raised:
        run(engine, script)
    return raised.value


def rows(engine: Engine, query: str) -> list[tuple[object, ...]]:
    return engine.query(query).rows


class Sent:
    """Every statement the interpreter sends to the engine (execute, query and
    query_expression), in order; a call the engine makes to itself is recorded once."""

    def __init__(self, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
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


ISNULL_OF_VARIABLES = """
DECLARE @code5 VARCHAR(5), @n3 NVARCHAR(3), @c2 CHAR(2), @m VARCHAR(MAX), @i INT;
PRINT ISNULL(@code5, 'unknown');
PRINT ISNULL(@n3, N'abcdef') + N'|' + ISNULL(@c2, 'xyz');
PRINT LEN(ISNULL(@m, REPLICATE('a', 10)));
PRINT COALESCE(@code5, 'unknown');
PRINT ISNULL(@i, 7.9);
SET @code5 = 'ab';
PRINT ISNULL(@code5, 'unknown');
DECLARE @t TABLE (v INT);
INSERT INTO @t VALUES (1);
PRINT (SELECT MAX(ISNULL(@n3, N'fallback')) FROM @t);
PRINT (SELECT COUNT(*) FROM @t WHERE v = ISNULL(@n3, v));
"""
ISNULL_PRINTED = ("unkno", "abc|xy", "10", "unknown", "7", "ab", "fal", "1")
"""SQL Server: ISNULL converts its second argument to the first one's type (the last line
mixes NVARCHAR and INT, which COALESCE refused), COALESCE takes the wider type."""
