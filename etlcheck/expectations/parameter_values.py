"""The values of a suite's parameters in this run, computed by the engine.

A row-count parameter is a count; a query used as a number runs and must return one
value; a query used as a value set is not run at all (the engine checks the relation).
A parameter that cannot be computed (its table does not exist, its query returns no
value or several) makes every expectation using it fail, saying why: never a bound
that silently disappears.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from etlcheck.engines.base import Engine
from etlcheck.expectations import sqlbuild
from etlcheck.expectations.model import SuiteFile
from etlcheck.expectations.outcomes import plain
from etlcheck.expectations.parameters import RelationQuery, RowCount
from etlcheck.expectations.spec import ExpectationSpec, JsonValue
from etlcheck.expectations.sqlbuild import Resolver


@dataclass(frozen=True)
class ParameterValues:
    values: dict[str, JsonValue] = field(default_factory=dict)
    """Parameters used as numbers (or single values), by name."""
    shown: dict[str, JsonValue] = field(default_factory=dict)
    """What the rule shows for each parameter: its value, or a relation's query."""
    origins: dict[str, str] = field(default_factory=dict)
    """Where each parameter comes from, in words."""
    problems: dict[str, str] = field(default_factory=dict)
    """Why a parameter has no value, by name."""

    def problem_of(self, spec: ExpectationSpec) -> str | None:
        for name in spec.parameter_names().values():
            if name in self.problems:
                return f"parameter {name}: {self.problems[name]}"
        return None


def parameter_values(
    suite: SuiteFile,
    engine: Engine,
    resolve: Resolver,
    count: Callable[[str], int | None],
) -> ParameterValues:
    """Compute the parameters ``suite`` uses as values; ``count`` counts a resolved
    ``schema.table`` (None when it does not exist)."""
    found = ParameterValues()
    used_as_value = {
        name
        for spec in suite.expectations
        for key, name in spec.parameter_names().items()
        if not (key == "value_set" and suite.relation_of(spec) is not None)
    }
    for name, parameter in suite.parameters.items():
        if isinstance(parameter, RowCount):
            found.origins[name] = f"{name}: {parameter.describe(resolve)}"
            table = resolve(parameter.table)
            rows = count(table) if name in used_as_value else 0
            if rows is None:
                found.problems[name] = f"table {table} does not exist"
            elif name in used_as_value:
                found.values[name] = int(rows * parameter.factor)
        else:
            found.origins[name] = f"{name}: query checked by the engine"
            if name in used_as_value:
                _scalar(found, name, parameter, engine, resolve)
        found.shown[name] = found.values.get(name, parameter.describe(resolve))
    return found


def _scalar(
    found: ParameterValues,
    name: str,
    parameter: RelationQuery,
    engine: Engine,
    resolve: Resolver,
) -> None:
    query = sqlbuild.in_sandbox(parameter.tree(), resolve)
    try:
        result = engine.query(sqlbuild.render(query, engine.dialect))
    except Exception as error:  # a driver's error, whatever its class
        text = str(error).strip()
        found.problems[name] = f"the database refused the query: {text.splitlines()[0]}"
        return
    if len(result.rows) != 1:
        found.problems[name] = f"the query returned {len(result.rows)} rows, not one value"
        return
    found.values[name] = plain(result.scalar())
