"""The SQL etlcheck builds for the engine's checks: valid in every engine's dialect, tables
moved into the sandbox through the parse tree, and GX's ``{batch}`` rules respected."""

from __future__ import annotations

import pytest
import sqlglot

from etlcheck.expectations import sqlbuild

DIALECTS = ("duckdb", "postgres", "tsql")


def sandbox(table: str) -> str:
    schema, _, name = table.partition(".")
    return f"poc_{schema}.{name}"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("member", [False, True])
def test_membership_parses_in_every_dialect(dialect: str, member: bool) -> None:
    relation = sqlbuild.in_sandbox(
        sqlbuild.parse_query("SELECT [broker_code] FROM [etl].[stg_brokers] WHERE active = 1"),
        sandbox,
    )
    query = sqlbuild.membership("poc_etl.stg_policies", "broker_code", relation, member=member)
    text = query.sql(dialect=dialect)
    assert sqlglot.parse_one(text, read=dialect) is not None
    assert "poc_etl" in text and "etl.stg_brokers" not in text.replace("poc_etl", "")
    assert ("LEFT JOIN" in text) is not member


def test_tables_are_remapped_but_ctes_are_not() -> None:
    query = sqlbuild.parse_query(
        "WITH active AS (SELECT code FROM etl.brokers) SELECT code FROM active "
        "UNION SELECT code FROM raw_data.brokers"
    )
    text = sqlbuild.in_sandbox(query, sandbox).sql(dialect="tsql")
    assert "poc_etl.brokers" in text and "poc_raw_data.brokers" in text
    assert "FROM active" in text


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # every name is quoted as written (PostgreSQL folds unquoted names to lower case);
        # no JOIN: GX writes "(...) AS subselect" itself, so the query must not alias it
        (
            "SELECT b.* FROM {batch} AS b WHERE b.x > 1",
            'SELECT "subselect".* FROM {batch} WHERE "subselect"."x" > 1',
        ),
        ("SELECT * FROM {batch} WHERE x > 1", 'SELECT * FROM {batch} WHERE "x" > 1'),
        # a JOIN: GX writes "(...)" and the query must alias it
        (
            "SELECT * FROM {batch} JOIN etl.g AS g ON g.k = k",
            'SELECT * FROM {batch} AS "subselect" JOIN "poc_etl"."g" AS "g" ON "g"."k" = "k"',
        ),
        (
            "SELECT b.* FROM {batch} AS b JOIN etl.g AS g ON g.k = b.k WHERE b.n = '{x}'",
            'SELECT "b".* FROM {batch} AS "b" JOIN "poc_etl"."g" AS "g" ON "g"."k" = "b"."k" '
            'WHERE "b"."n" = \'{{x}}\'',
        ),
    ],
)
def test_gx_queries_follow_gx_batch_rules(written: str, expected: str) -> None:
    escaped = written.replace("'{x}'", "'{{x}}'")
    query = sqlbuild.in_sandbox(sqlbuild.parse_query(escaped, with_batch=True), sandbox)
    assert sqlbuild.as_gx_query(query, "postgres") == expected


def test_kept_rows_bracket_the_whole_condition() -> None:
    condition = sqlbuild.kept_rows(["a", "b"], "t", "all_values_are_missing")
    assert condition is not None
    assert condition.sql() == 'NOT ("t"."a" IS NULL AND "t"."b" IS NULL)'
    assert sqlbuild.kept_rows(["a"], "t", "never") is None
