"""A step whose error is the database refusing a write (least privilege stopping a leak)
is told apart from an ordinary failure, by the words each engine's registry line gives."""

from __future__ import annotations

import pytest

from etlcheck.engines.registry import ENGINES
from etlcheck.privilege import is_permission_failure


@pytest.mark.parametrize(
    "error",
    [
        'sql/20-export.sql:3:1: permission denied for schema "dbo"',  # PostgreSQL 42501
        "sql/20-export.sql:3:1: must be owner of table brokers",
        # etlcheck's schema guard on PostgreSQL (engines/postgres/sandbox.py)
        "sql/00-setup.sql:1:1: permission denied for schema etl: etl_sandbox may create "
        "only its sandbox schemas",
        "sql/20-export.sql:3:1: The INSERT permission was denied on the object 'Brokers'",
        "sql/20-export.sql:3:1: User does not have permission to perform this action.",
    ],
)
def test_a_refused_write_is_a_permission_failure(error: str) -> None:
    assert is_permission_failure(error)


@pytest.mark.parametrize(
    "error",
    [None, "", "sql/10-load.sql:4:1: Divide by zero error encountered.", "deadlock detected"],
)
def test_other_failures_are_not(error: str | None) -> None:
    assert not is_permission_failure(error)


def test_every_server_engine_with_least_privilege_says_how_its_refusals_read() -> None:
    assert ENGINES["postgres"].permission_words and ENGINES["mssql"].permission_words
