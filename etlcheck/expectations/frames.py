"""GX on a DataFrame, for engines GX cannot query: only the columns the expectations read.

The frame holds the columns the column expectations name (every column when one of them
has a ``row_condition``, whose columns only pandas knows), plus the engine's row locator
when it has one, so that a failing row is fetched whole from the database again.
Expectations on the table's shape (its column names) run on an empty frame with every
column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlglot import exp

from etlcheck.expectations import sqlbuild
from etlcheck.expectations.engine_checks import TableFacts
from etlcheck.expectations.gx_run import (
    GreatExpectations,
    GxResult,
    gx_expectation,
    no_result,
    outcome_of,
)
from etlcheck.expectations.outcomes import (
    EXAMPLES,
    Example,
    ExpectationOutcome,
    examples_from_counts,
    plain,
)
from etlcheck.expectations.spec import TABLE_SHAPE_TYPES, ExpectationSpec, JsonValue

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.base import Engine

LOCATOR = "etlcheck_row"
Planned = Sequence[tuple[ExpectationSpec, dict[str, JsonValue]]]
"""Each expectation with its kwargs as handed to GX (columns spelled as the catalog does)."""


class FrameBatch:
    def __init__(self, engine: Engine, gx: GreatExpectations, facts: TableFacts) -> None:
        self.engine = engine
        self.gx = gx
        self.facts = facts

    def validate(
        self, planned: Planned, values: Mapping[str, JsonValue]
    ) -> dict[int, ExpectationOutcome]:
        data = [(s, k) for s, k in planned if s.type not in TABLE_SHAPE_TYPES]
        shape = [(s, k) for s, k in planned if s.type in TABLE_SHAPE_TYPES]
        results: dict[int, ExpectationOutcome] = {}
        if data:
            frame = self.read(_columns(data, self.facts))
            shown = frame.drop(columns=[LOCATOR]) if LOCATOR in frame.columns else frame
            found = self.gx.validate_frame(shown, [gx_expectation(s, k) for s, k in data], values)
            for spec, kwargs in data:
                result = found.get(spec.position) or no_result(spec)
                results[spec.position] = self._outcome(spec, kwargs, result, frame)
        if shape:
            import pandas as pd

            empty = pd.DataFrame(columns=list(self.facts.columns))
            found = self.gx.validate_frame(empty, [gx_expectation(s, k) for s, k in shape], values)
            for spec, kwargs in shape:
                result = found.get(spec.position) or no_result(spec)
                results[spec.position] = self._outcome(spec, kwargs, result, empty)
        return results

    def read(self, columns: Sequence[str]) -> pd.DataFrame:
        selected: list[exp.Expr] = [exp.column(c, quoted=True) for c in columns]
        if self.engine.row_locator:
            selected.append(exp.alias_(exp.column(self.engine.row_locator), LOCATOR))
        query = exp.select(*selected).from_(sqlbuild.table_of(self.facts.table))
        return self.engine.query_frame(sqlbuild.render(query, self.engine.dialect))

    def _outcome(
        self,
        spec: ExpectationSpec,
        kwargs: Mapping[str, JsonValue],
        result: GxResult,
        frame: pd.DataFrame,
    ) -> ExpectationOutcome:
        examples, rows = result.examples, result.failing_rows
        if result.unexpected_index and not result.success:
            domain = [c for c in _named(spec, kwargs) if c in frame.columns]
            examples = _examples(frame, list(result.unexpected_index), domain)
            rows = self._rows(frame, list(result.unexpected_index[:EXAMPLES]))
        return outcome_of(spec, replace(result, examples=examples, failing_rows=rows), self.gx.path)

    def _rows(self, frame: pd.DataFrame, index: list[int]) -> tuple[dict[str, JsonValue], ...]:
        """The failing rows whole from the database, by locator; else from the frame."""
        if LOCATOR not in frame.columns or not self.engine.row_locator:
            picked = frame.loc[index]
            return tuple(
                {str(k): plain(v) for k, v in row.items()} for row in picked.to_dict("records")
            )
        locators = [plain(v) for v in frame.loc[index, LOCATOR]]
        query = (
            exp.select("*")
            .from_(sqlbuild.table_of(self.facts.table))
            .where(exp.column(self.engine.row_locator).isin(*(exp.convert(v) for v in locators)))
        )
        result = self.engine.query(sqlbuild.render(query, self.engine.dialect))
        return tuple(
            {str(name): plain(cell) for name, cell in zip(result.columns, row, strict=True)}
            for row in result.rows
        )


def _named(spec: ExpectationSpec, kwargs: Mapping[str, JsonValue]) -> list[str]:
    names = [str(kwargs[k]) for k in ("column", "column_A", "column_B") if k in kwargs]
    listed = kwargs.get("column_list")
    if isinstance(listed, list):
        names += [str(c) for c in listed]
    return names


def _columns(planned: Planned, facts: TableFacts) -> list[str]:
    """The columns the expectations read, in table order (all when a row condition needs
    columns that only pandas can name)."""
    if any(spec.row_condition for spec, _ in planned):
        return list(facts.columns)
    wanted = {name for spec, kwargs in planned for name in _named(spec, kwargs)}
    return [c for c in facts.columns if c in wanted] or list(facts.columns)


def _examples(frame: pd.DataFrame, index: list[int], columns: list[str]) -> tuple[Example, ...]:
    if not columns:
        return ()
    picked = frame.loc[index, columns]
    counter: Counter[str] = Counter()
    first: dict[str, JsonValue] = {}
    for values in picked.itertuples(index=False, name=None):
        value = plain(values[0]) if len(columns) == 1 else plain(list(values))
        key = repr(value)
        first.setdefault(key, value)
        counter[key] += 1
    return examples_from_counts([(first[k], n) for k, n in counter.items()])
