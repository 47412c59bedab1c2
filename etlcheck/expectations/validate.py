"""Validate suites against the run's tables: the engine checks the relations, GX the rest.

For each suite: find the table and its columns (a missing table or column is a failed
expectation that says so), resolve the parameters (row counts, scalar queries) in the
engine, run the engine's checks, hand the remaining expectations to GX (in the database,
or on a DataFrame of only the columns they read), and return one outcome per
expectation in suite order, each with the rule it applied.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace

from etlcheck.engines.base import Engine
from etlcheck.expectations import sqlbuild
from etlcheck.expectations.database import DatabaseBatch
from etlcheck.expectations.engine_checks import (
    EngineChecks,
    TableFacts,
    checked_in_engine,
    kwarg_values,
    table_facts,
)
from etlcheck.expectations.frames import FrameBatch
from etlcheck.expectations.gx_run import GreatExpectations
from etlcheck.expectations.model import SuiteFile
from etlcheck.expectations.outcomes import ExpectationOutcome, SuiteOutcome, rule_of
from etlcheck.expectations.parameter_values import ParameterValues, parameter_values
from etlcheck.expectations.spec import COLUMN_KWARGS, TABLE_SHAPE_TYPES, ExpectationSpec, JsonValue
from etlcheck.expectations.sqlbuild import Resolver


def validate_here(
    engine: Engine,
    suites: list[SuiteFile],
    resolve: Resolver,
    counted: Mapping[str, int | None] | None = None,
) -> list[SuiteOutcome]:
    """Validate in this process (importing GX here when an expectation needs it);
    ``counted`` holds row counts already known (None: the table does not exist)."""
    runner = _Validation(engine, resolve, counted or {})
    try:
        return [runner.suite(suite) for suite in suites]
    finally:
        runner.close()


class _Validation:
    def __init__(
        self, engine: Engine, resolve: Resolver, counted: Mapping[str, int | None]
    ) -> None:
        self.engine = engine
        self.resolve = resolve
        self._gx: GreatExpectations | None = None
        self._rows: dict[str, int | None] = dict(counted)
        self.gx_in_database = engine.sqlalchemy_url() is not None
        """GX runs in the database (its SQL datasource), not on DataFrames."""

    def count(self, table: str) -> int | None:
        """``COUNT(*)`` of a ``schema.table`` (None when it does not exist), once per
        validation: suites share raw tables."""
        if table not in self._rows:
            facts = table_facts(self.engine, table)
            self._rows[table] = None if facts is None else count_rows(self.engine, facts.table)
        return self._rows[table]

    def rows(self, table: str) -> int:
        return self.count(table) or 0

    @property
    def gx(self) -> GreatExpectations:
        """GX, started on first need (a suite checked wholly by the engine needs none)."""
        if self._gx is None:
            self._gx = GreatExpectations(self.engine)
        return self._gx

    def close(self) -> None:
        if self._gx is not None:
            self._gx.close()

    def suite(self, suite: SuiteFile) -> SuiteOutcome:
        began = time.perf_counter()
        table = self.resolve(suite.table)
        facts = table_facts(self.engine, table)
        if facts is None:
            return _missing_table(suite, table)
        rows = count_rows(self.engine, facts.table)
        self._rows[table] = self._rows[facts.table] = rows
        parameters = parameter_values(suite, self.engine, self.resolve, self.count)
        values = parameters.values
        results: dict[int, ExpectationOutcome] = {}
        gx_specs: list[ExpectationSpec] = []
        checks = EngineChecks(self.engine, suite, facts, self.resolve, self.rows)
        for spec in suite.expectations:
            missing = _missing_columns(spec, facts) or _without_value(spec, parameters)
            if missing is not None:
                results[spec.position] = missing
            elif checked_in_engine(spec, suite, self.gx_in_database):
                results[spec.position] = _guarded(spec, checks, values)
            else:
                gx_specs.append(spec)
        if gx_specs:
            results.update(self._gx_results(suite, facts, gx_specs, values, checks))
        outcomes = tuple(
            _with_rule(results[spec.position], spec, parameters) for spec in suite.expectations
        )
        return SuiteOutcome(
            suite.name, facts.table, rows, outcomes, suite.shown_path, time.perf_counter() - began
        )

    def _gx_results(
        self,
        suite: SuiteFile,
        facts: TableFacts,
        specs: list[ExpectationSpec],
        values: Mapping[str, JsonValue],
        checks: EngineChecks,
    ) -> dict[int, ExpectationOutcome]:
        gx = self.gx
        planned = [(spec, catalog_kwargs(spec, facts)) for spec in specs]
        if gx.speaks_sql:
            batch = DatabaseBatch(self.engine, gx, facts, checks)
            return batch.validate(planned, values)
        return FrameBatch(self.engine, gx, facts).validate(planned, values)


def count_rows(engine: Engine, table: str) -> int:
    """``COUNT(*)`` of a table that exists."""
    return int(engine.query(sqlbuild.render(sqlbuild.counts(table), engine.dialect)).scalar() or 0)


def catalog_kwargs(spec: ExpectationSpec, facts: TableFacts) -> dict[str, JsonValue]:
    """The spec's kwargs with column names spelled as the catalog spells them."""
    kwargs = dict(spec.kwargs)
    for key in COLUMN_KWARGS:
        if isinstance(kwargs.get(key), str) and spec.type not in TABLE_SHAPE_TYPES:
            kwargs[key] = facts.column(str(kwargs[key])) or kwargs[key]
    listed = kwargs.get("column_list")
    if isinstance(listed, list) and spec.type not in TABLE_SHAPE_TYPES:
        kwargs["column_list"] = [facts.column(str(c)) or c for c in listed]
    return kwargs


def _guarded(
    spec: ExpectationSpec, checks: EngineChecks, values: Mapping[str, JsonValue]
) -> ExpectationOutcome:
    """The engine check's outcome, or a failed outcome naming the database's error."""
    try:
        return checks.check(spec, kwarg_values(spec, values))
    except Exception as error:  # a driver's error, whatever its class
        text = str(error).strip()
        message = text.splitlines()[0] if text else type(error).__name__
        return ExpectationOutcome(
            expectation=spec.type,
            column=spec.column_label,
            success=False,
            checked_by="engine",
            json_path=spec.json_path,
            description=spec.description,
            error=f"the database refused the check: {message}",
        )


def _without_value(spec: ExpectationSpec, parameters: ParameterValues) -> ExpectationOutcome | None:
    problem = parameters.problem_of(spec)
    if problem is None:
        return None
    return ExpectationOutcome(
        expectation=spec.type,
        column=spec.column_label,
        success=False,
        checked_by="etlcheck",
        json_path=spec.json_path,
        description=spec.description,
        error=problem,
    )


def _missing_columns(spec: ExpectationSpec, facts: TableFacts) -> ExpectationOutcome | None:
    if spec.type in TABLE_SHAPE_TYPES:
        return None
    absent = [name for name in spec.columns if facts.column(name) is None]
    if not absent:
        return None
    return ExpectationOutcome(
        expectation=spec.type,
        column=spec.column_label,
        success=False,
        checked_by="etlcheck",
        json_path=spec.json_path,
        description=spec.description,
        error="; ".join(f"column {name} does not exist in {facts.table}" for name in absent),
    )


def _with_rule(
    outcome: ExpectationOutcome, spec: ExpectationSpec, parameters: ParameterValues
) -> ExpectationOutcome:
    names = spec.parameter_names()
    shown, origins = parameters.shown, parameters.origins
    resolved = {key: shown[name] for key, name in names.items() if name in shown}
    described = {key: origins.get(name, name) for key, name in names.items()}
    return replace(outcome, rule=rule_of(spec, resolved, described))


def _missing_table(suite: SuiteFile, table: str) -> SuiteOutcome:
    """A suite whose table the run never created fails as a whole, saying so."""
    absent = ExpectationOutcome(
        expectation="expect_table_to_exist",
        column=None,
        success=False,
        checked_by="etlcheck",
        error=f"{table} does not exist after the run",
    )
    return SuiteOutcome(
        suite=suite.name, table=table, rows=0, outcomes=(absent,), path=suite.shown_path
    )
