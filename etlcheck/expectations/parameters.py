"""``meta.etlcheck.parameters``: values an expectation refers to with ``{"$PARAMETER": name}``.

Two kinds:

- ``{"row_count": "raw_data.policies", "factor": 0.5}``: a number, another table's row
  count times a factor (row-count relations to the raw input);
- ``{"query": "SELECT broker_code FROM etl.stg_brokers"}``: a relation. As the
  ``value_set`` of ``expect_column_values_to_(not_)be_in_set`` it is never fetched: the
  engine checks membership with an anti-join. Anywhere else it must return one value.
  ``{"distinct": "etl.stg_brokers.broker_code"}`` is shorthand for the query
  ``SELECT DISTINCT broker_code FROM etl.stg_brokers``.

Tables are production names, moved into the sandbox when the run is isolated.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from etlcheck.expectations.sqlbuild import (
    AUTHORING_DIALECT,
    QueryProblem,
    Resolver,
    parse_query,
    single_column,
)


@dataclass(frozen=True)
class RowCount:
    """Another table's row count times ``factor`` (rounded down, as ``int()`` does)."""

    table: str
    factor: float = 1.0

    def describe(self, resolve: Resolver) -> str:
        times = f" × {self.factor:g}" if self.factor != 1 else ""
        return f"row count of {resolve(self.table)}{times}"


@dataclass(frozen=True)
class RelationQuery:
    """A T-SQL SELECT over production names; checked by the engine, never fetched."""

    text: str

    def tree(self) -> exp.Query:
        return parse_query(self.text)

    def describe(self, resolve: Resolver) -> str:
        from etlcheck.expectations.sqlbuild import in_sandbox

        return in_sandbox(self.tree(), resolve).sql(dialect=AUTHORING_DIALECT)


Parameter = RowCount | RelationQuery


def parse_parameter(spec: object) -> Parameter:
    """One parameter's spec; ``ValueError`` with a one-line reason when it is not valid."""
    if not isinstance(spec, dict):
        raise ValueError('a parameter is an object such as {"row_count": "raw_data.t"}')
    kinds = [key for key in ("row_count", "query", "distinct") if key in spec]
    unknown = sorted(set(spec) - {"row_count", "query", "distinct", "factor"})
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (known: row_count, factor, query, distinct)")
    if len(kinds) != 1:
        raise ValueError("give exactly one of row_count, query or distinct")
    kind = kinds[0]
    if "factor" in spec and kind != "row_count":
        raise ValueError("factor goes only with row_count")
    value = spec[kind]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{kind} must be a non-empty string")
    if kind == "row_count":
        return RowCount(_two_part(value, "row_count"), _factor(spec.get("factor", 1)))
    if kind == "distinct":
        return RelationQuery(_distinct_query(value))
    try:
        single_column(parse_query(value))
    except QueryProblem as problem:
        raise ValueError(str(problem)) from None
    return RelationQuery(value)


def _two_part(name: str, key: str) -> str:
    parts = name.split(".")
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"{key} names a table as schema.table, not {name!r}")
    return name


def _factor(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"factor must be a number, not {value!r}")
    return float(value)


def _distinct_query(name: str) -> str:
    parts = name.split(".")
    if len(parts) != 3 or not all(parts):
        raise ValueError(f"distinct names a column as schema.table.column, not {name!r}")
    schema, table, column = parts
    query = exp.select(exp.column(column)).distinct().from_(exp.table_(table, db=schema))
    return query.sql(dialect=AUTHORING_DIALECT)
