"""A production table's structure is part of its fingerprint, on DuckDB and PostgreSQL: an
index made, a foreign key dropped or a sequence drawn from in production is a change, not
"production unchanged" (dynamic SQL did all three, and the run said VERIFIED)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.engines.base import Engine
from etlcheck.isolation.diff import diff_fingerprints
from etlcheck.isolation.fingerprint import fingerprint_schemas
from tests.engine_params import either_engine

__all__ = ["either_engine"]

PRODUCTION = """
CREATE TABLE sales.Customers (Id INT NOT NULL PRIMARY KEY);
CREATE TABLE sales.Orders (Id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY, CustomerId INT,
    CONSTRAINT FK_Orders_Customers FOREIGN KEY (CustomerId) REFERENCES sales.Customers (Id));
CREATE SEQUENCE sales.OrderNumbers START WITH 1;
INSERT INTO sales.Customers VALUES (1);
INSERT INTO sales.Orders (CustomerId) VALUES (1);
"""


RESTRUCTURED = (
    "sales.Orders holds the same 1 row; its keys, indexes, constraints or defaults changed"
)


def changed_by(engine: Engine, script: str) -> list[tuple[str, str]]:
    before = fingerprint_schemas(engine, ["sales"])
    engine.run_script(script, Path("change.sql"))
    after = fingerprint_schemas(engine, ["sales"])
    return [(t.name, t.sentence) for t in diff_fingerprints(before, after).changed_tables]


@pytest.mark.parametrize(
    ("change", "changed"),
    [
        ("CREATE INDEX IX_Orders_Customer ON sales.Orders (CustomerId);", ("Orders", RESTRUCTURED)),
        ("ALTER TABLE sales.Orders DROP CONSTRAINT FK_Orders_Customers;", ("Orders", RESTRUCTURED)),
        (
            "DECLARE @n INT = NEXT VALUE FOR sales.OrderNumbers;",
            ("OrderNumbers", "sales.OrderNumbers (sequence) was altered: its definition changed"),
        ),
    ],
)
def test_a_change_of_structure_is_a_change(
    engine: Engine, change: str, changed: tuple[str, str]
) -> None:
    engine.run_script("CREATE SCHEMA sales;", Path("schema.sql"))
    engine.run_script(PRODUCTION, Path("production.sql"))
    assert changed_by(engine, change) == [changed]


def test_rows_alone_leave_the_structure_as_it_was(engine: Engine) -> None:
    engine.run_script("CREATE SCHEMA sales;", Path("schema.sql"))
    engine.run_script(PRODUCTION, Path("production.sql"))
    changed = changed_by(engine, "INSERT INTO sales.Orders (CustomerId) VALUES (1);")
    assert changed == [("Orders", "sales.Orders gained 1 row")]
    assert changed_by(engine, "PRINT 'nothing';") == []
