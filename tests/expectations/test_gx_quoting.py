"""The identifier preparer GX's SQL datasources get: a column name is quoted by its exact
spelling, whatever SQLAlchemy has quoted before (no server needed)."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import mssql, postgresql
from sqlalchemy.engine.interfaces import Dialect

from etlcheck.expectations.gx_quoting import quote_exactly
from etlcheck.expectations.importer import great_expectations


@pytest.fixture(scope="module")
def case_insensitive_string() -> type[str]:
    great_expectations()
    from great_expectations.expectations.metrics.util import CaseInsensitiveString

    return CaseInsensitiveString


@pytest.mark.parametrize("dialect", [postgresql.dialect(), mssql.dialect()], ids=["pg", "mssql"])
def test_a_name_quoted_before_does_not_answer_for_another_spelling(
    dialect: Dialect, case_insensitive_string: type[str]
) -> None:
    quote_exactly(dialect)
    preparer = dialect.identifier_preparer
    assert preparer.quote("name") == "name"  # what PostgreSQL's catalog queries leave behind
    assert preparer.quote(case_insensitive_string("Name")) == preparer.quote_identifier("Name")
    assert preparer.quote(case_insensitive_string("name")) == "name"
    assert preparer.quote(case_insensitive_string("Type")) == preparer.quote_identifier("Type")


def test_the_preparer_is_replaced_once(case_insensitive_string: type[str]) -> None:
    dialect = postgresql.dialect()
    quote_exactly(dialect)
    first = dialect.identifier_preparer
    quote_exactly(dialect)
    assert dialect.identifier_preparer is first
    assert first.quote("select") == '"select"'  # reserved words are still quoted
