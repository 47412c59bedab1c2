"""T-SQL spellings other engines write differently: DROP INDEX ... ON, ALTER VIEW,
DELETE without FROM."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.duckdb import DuckDBEngine

SETUP = """
CREATE SCHEMA s;
GO
CREATE TABLE s.t (id INT, v INT);
INSERT INTO s.t VALUES (1, 10), (2, 20), (3, 30);
CREATE INDEX ix_t ON s.t (id);
GO
CREATE VIEW s.v AS SELECT id FROM s.t;
GO
"""


@pytest.fixture
def engine():
    with DuckDBEngine() as started:
        started.run_script(SETUP, Path("setup.sql"))
        yield started


def test_drop_index_on_table(engine: DuckDBEngine) -> None:
    engine.run_script("DROP INDEX ix_t ON s.t;", Path("x.sql"))
    assert (
        engine.query("SELECT COUNT(*) FROM duckdb_indexes() WHERE index_name = 'ix_t'").scalar()
        == 0
    )


def test_alter_view_replaces_its_query(engine: DuckDBEngine) -> None:
    engine.run_script("ALTER VIEW s.v AS SELECT id, v FROM s.t WHERE id > 1;", Path("x.sql"))
    assert engine.query("SELECT * FROM s.v ORDER BY id").rows == [(2, 20), (3, 30)]


def test_delete_without_from(engine: DuckDBEngine) -> None:
    result = engine.run_script("DELETE s.t WHERE id = 3;", Path("x.sql"))
    assert result.rows_affected == 1
    assert engine.query("SELECT id FROM s.t ORDER BY id").rows == [(1,), (2,)]
