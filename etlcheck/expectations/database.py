"""GX validates in the database, through its SQL datasource (PostgreSQL, SQL Server).

Every expectation is pushed down as SQL. Relations become GX's own form for them,
``UnexpectedRowsExpectation``, with the anti-join etlcheck builds as its query; when one
fails, the engine counts the failing values and fetches the first failing rows with the
same query, so the outcome reads as it does on engines where the engine checks relations.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlglot import exp

from etlcheck.engines.base import Engine
from etlcheck.expectations import sqlbuild
from etlcheck.expectations.engine_checks import EngineChecks, TableFacts, unexpected_query
from etlcheck.expectations.frames import Planned
from etlcheck.expectations.gx_run import (
    GreatExpectations,
    GxResult,
    gx_expectation,
    no_result,
    outcome_of,
)
from etlcheck.expectations.outcomes import ExpectationOutcome
from etlcheck.expectations.spec import UNEXPECTED_ROWS_TYPE, JsonValue


class DatabaseBatch:
    def __init__(
        self, engine: Engine, gx: GreatExpectations, facts: TableFacts, checks: EngineChecks
    ) -> None:
        self.engine = engine
        self.gx = gx
        self.facts = facts
        self.checks = checks

    def validate(
        self, planned: Planned, values: Mapping[str, JsonValue]
    ) -> dict[int, ExpectationOutcome]:
        suite, resolve = self.checks.suite, self.checks.resolve
        queries: dict[int, tuple[exp.Query, tuple[str, ...]]] = {}
        expectations = []
        for spec, kwargs in planned:
            found = unexpected_query(suite, spec, resolve, self.facts)
            batch = unexpected_query(suite, spec, resolve, None)
            if found is None or batch is None:
                expectations.append(gx_expectation(spec, kwargs))
                continue
            queries[spec.position] = found
            text = sqlbuild.as_gx_query(batch[0], self.engine.dialect)
            rows = gx_expectation(spec, {"unexpected_rows_query": text})
            expectations.append(rows | {"type": UNEXPECTED_ROWS_TYPE})
        found_results = self.gx.validate_table(self.facts.table, expectations, values)
        results = {}
        for spec, _ in planned:
            result = found_results.get(spec.position) or no_result(spec)
            if spec.position not in queries:
                results[spec.position] = outcome_of(spec, result, self.gx.path)
                continue
            unexpected, columns = queries[spec.position]
            checked_by = f"{self.gx.path[:-1]}, unexpected_rows_query)"
            results[spec.position] = outcome_of(
                spec, self._detailed(result, unexpected, columns), checked_by, not columns
            )
        return results

    def _detailed(self, result: GxResult, query: exp.Query, columns: tuple[str, ...]) -> GxResult:
        """GX's count of unexpected rows, with the failing values and rows from the engine."""
        if result.error is not None:
            return result
        count = result.observed if isinstance(result.observed, int) else 0
        examples, rows = self.checks.failure_details(query, columns) if count else ((), ())
        return GxResult(result.success, None if columns else count, count, examples, rows)
