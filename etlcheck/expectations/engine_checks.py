"""Checks the engine runs itself: relations between tables, keys, row counts.

Referential integrity is an anti-join, uniqueness a GROUP BY, a row-count relation two
counts: nothing is shipped out of the database but a count, and on failure the most
frequent failing values with their counts and a few failing rows. The semantics are
Great Expectations' own (NULLs are not unexpected, ``mostly``, ``ignore_row_if``);
``tests/expectations`` compares the two on the same data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlglot import exp

from etlcheck.engines.base import Engine
from etlcheck.expectations import sqlbuild
from etlcheck.expectations.model import SuiteFile
from etlcheck.expectations.outcomes import EXAMPLES, ExpectationOutcome, examples_from_counts, plain
from etlcheck.expectations.spec import (
    MEMBERSHIP_TYPES,
    OTHER_TABLE_TYPE,
    UNEXPECTED_ROWS_TYPE,
    ExpectationSpec,
    JsonValue,
)
from etlcheck.expectations.sqlbuild import Resolver

CHECKED_BY = "engine"
UNIQUE_TYPE = "expect_column_values_to_be_unique"
COMPOUND_UNIQUE_TYPE = "expect_compound_columns_to_be_unique"
ROW_COUNT_TYPES = ("expect_table_row_count_to_be_between", "expect_table_row_count_to_equal")
ROW_TYPES = frozenset({UNIQUE_TYPE, COMPOUND_UNIQUE_TYPE, *ROW_COUNT_TYPES})
"""Checked by the engine on engines without GX's SQL path (no ``row_condition``)."""


@dataclass(frozen=True)
class TableFacts:
    """A table as the catalog names it, with its columns in order."""

    table: str
    columns: tuple[str, ...]

    def column(self, name: str) -> str | None:
        """The catalog's spelling of ``name`` (names compare case-insensitively)."""
        wanted = name.lower()
        return next((c for c in self.columns if c.lower() == wanted), None)


def table_facts(engine: Engine, table: str) -> TableFacts | None:
    """The table and its columns, or None when it does not exist."""
    schema, _, name = table.partition(".")
    result = engine.query(
        "SELECT table_schema, table_name, column_name FROM information_schema.columns "
        f"WHERE LOWER(table_schema) = {_literal(schema.lower())} "
        f"AND LOWER(table_name) = {_literal(name.lower())} ORDER BY ordinal_position"
    )
    if not result.rows:
        return None
    first = result.rows[0]
    return TableFacts(f"{first[0]}.{first[1]}", tuple(str(row[2]) for row in result.rows))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def checked_in_engine(spec: ExpectationSpec, suite: SuiteFile, gx_speaks_sql: bool) -> bool:
    """Whether etlcheck checks ``spec`` in the engine rather than handing it to GX."""
    if spec.type == OTHER_TABLE_TYPE:
        return True
    if suite.relation_of(spec) is not None:
        return not gx_speaks_sql or "mostly" in spec.kwargs
    if gx_speaks_sql:
        return False
    if spec.type == UNEXPECTED_ROWS_TYPE:
        return True
    return spec.type in ROW_TYPES and not spec.row_condition


class EngineChecks:
    """Runs the engine's checks of one suite against one table."""

    def __init__(
        self,
        engine: Engine,
        suite: SuiteFile,
        facts: TableFacts,
        resolve: Resolver,
        rows: Callable[[str], int],
    ) -> None:
        self.engine = engine
        self.suite = suite
        self.facts = facts
        self.resolve = resolve
        self.rows = rows
        """Row count of a ``schema.table``, counted once per validation."""

    def check(self, spec: ExpectationSpec, value: Callable[[str], JsonValue]) -> ExpectationOutcome:
        """Check ``spec``; ``value`` gives a kwarg with its parameter resolved."""
        found = unexpected_query(self.suite, spec, self.resolve, self.facts)
        if found is not None:
            query, columns = found
            kept = _not_null(columns[0]) if columns else None
            considered = self._considered(spec, kept) if columns else None
            return self.rows_outcome(spec, query, columns, considered)
        if spec.type in (UNIQUE_TYPE, COMPOUND_UNIQUE_TYPE):
            return self._unique(spec)
        return self._row_count(spec, value)

    def _column(self, spec: ExpectationSpec, key: str) -> str:
        return self.facts.column(str(spec.kwargs[key])) or str(spec.kwargs[key])

    def _unique(self, spec: ExpectationSpec) -> ExpectationOutcome:
        if spec.type == UNIQUE_TYPE:
            columns = [self._column(spec, "column")]
            ignore = "any_value_is_missing"
        else:
            listed = spec.kwargs["column_list"]
            assert isinstance(listed, list)
            columns = [self.facts.column(str(c)) or str(c) for c in listed]
            ignore = str(spec.kwargs.get("ignore_row_if", "all_values_are_missing"))
        if self._count(sqlbuild.duplicate_keys(self.facts.table, columns, ignore)) == 0:
            return self._unexpected_none(spec)
        considered = self._considered(spec, sqlbuild.kept_rows(columns, "t", ignore))
        unexpected = sqlbuild.duplicates(self.facts.table, columns, ignore)
        return self.rows_outcome(spec, unexpected, tuple(columns), considered)

    def _unexpected_none(self, spec: ExpectationSpec) -> ExpectationOutcome:
        return ExpectationOutcome(
            expectation=spec.type,
            column=spec.column_label,
            success=True,
            unexpected_count=0,
            checked_by=CHECKED_BY,
            json_path=spec.json_path,
            description=spec.description,
        )

    def _row_count(
        self, spec: ExpectationSpec, value: Callable[[str], JsonValue]
    ) -> ExpectationOutcome:
        rows = self.rows(self.facts.table)
        if spec.type == OTHER_TABLE_TYPE:
            expected = self.rows(self.resolve(str(spec.kwargs["other_table_name"])))
            success = rows == expected
            observed: JsonValue = {"self": rows, "other": expected}
        elif spec.type == "expect_table_row_count_to_equal":
            success, observed = rows == value("value"), rows
        else:
            success, observed = _between(rows, value), rows
        return ExpectationOutcome(
            expectation=spec.type,
            column=None,
            success=success,
            observed=observed,
            checked_by=CHECKED_BY,
            json_path=spec.json_path,
            description=spec.description,
        )

    def _considered(self, spec: ExpectationSpec, kept: exp.Expression | None) -> int | None:
        """Rows the check considers, needed only for ``mostly`` (None: not counted)."""
        if "mostly" not in spec.kwargs:
            return None
        return self._count(sqlbuild.count_where(self.facts.table, kept))

    def _count(self, query: exp.Query) -> int:
        return int(self.engine.query(sqlbuild.render(query, self.engine.dialect)).scalar() or 0)

    def rows_outcome(
        self,
        spec: ExpectationSpec,
        unexpected: exp.Query,
        columns: tuple[str, ...],
        considered: int | None,
    ) -> ExpectationOutcome:
        """The outcome of ``spec`` whose failing rows ``unexpected`` selects."""
        count = self._count(sqlbuild.count_of(unexpected))
        mostly = spec.kwargs.get("mostly")
        if count == 0 or considered == 0:  # none unexpected, or vacuously true
            success = True
        elif isinstance(mostly, int | float) and considered:
            success = (considered - count) / considered >= mostly
        else:
            success = False
        examples, rows = self.failure_details(unexpected, columns) if count else ((), ())
        return ExpectationOutcome(
            expectation=spec.type,
            column=spec.column_label,
            success=success,
            observed=count if not columns else None,
            unexpected_count=count,
            examples=examples,
            failing_rows=rows,
            checked_by=CHECKED_BY,
            json_path=spec.json_path,
            description=spec.description,
            unexpected_rows=not columns,
        )

    def failure_details(
        self, unexpected: exp.Query, columns: tuple[str, ...]
    ) -> tuple[tuple, tuple[dict[str, JsonValue], ...]]:
        """The most frequent failing values with their counts, and the first failing rows."""
        dialect = self.engine.dialect
        examples: tuple = ()
        if columns:
            counted = self.engine.query(
                sqlbuild.render(sqlbuild.value_counts(unexpected, columns, EXAMPLES), dialect)
            ).rows
            examples = examples_from_counts(
                [
                    (plain(row[0]) if len(columns) == 1 else plain(list(row[:-1])), int(row[-1]))
                    for row in counted
                ]
            )
        result = self.engine.query(
            sqlbuild.render(sqlbuild.first_rows(unexpected, EXAMPLES), dialect)
        )
        rows = tuple(
            {str(name): plain(cell) for name, cell in zip(result.columns, row, strict=True)}
            for row in result.rows
        )
        return examples, rows


def unexpected_query(
    suite: SuiteFile, spec: ExpectationSpec, resolve: Resolver, facts: TableFacts | None
) -> tuple[exp.Query, tuple[str, ...]] | None:
    """The query selecting the failing rows of a relation (with the column it checks) or
    of an ``unexpected_rows_expectation``, reading ``facts.table`` (GX's ``{batch}`` when
    ``facts`` is None); None for any other expectation."""
    relation = suite.relation_of(spec)
    if relation is not None:
        column = str(spec.kwargs["column"])
        if facts is not None:
            column = facts.column(column) or column
        query = sqlbuild.membership(
            facts.table if facts is not None else sqlbuild.BATCH_TABLE,
            column,
            sqlbuild.in_sandbox(relation.tree(), resolve),
            member=MEMBERSHIP_TYPES[spec.type],
        )
        return query, (column,)
    if spec.type == UNEXPECTED_ROWS_TYPE:
        parsed = sqlbuild.parse_query(str(spec.kwargs["unexpected_rows_query"]), with_batch=True)
        target = facts.table if facts is not None else None
        return sqlbuild.in_sandbox(parsed, resolve, batch=target), ()
    return None


def _not_null(column: str) -> exp.Expression:
    return exp.Not(
        this=exp.Is(this=exp.column(column, table="t", quoted=True), expression=exp.Null())
    )


def _between(rows: int, value: Callable[[str], JsonValue]) -> bool:
    low, high = value("min_value"), value("max_value")
    strict_low, strict_high = bool(value("strict_min")), bool(value("strict_max"))
    if isinstance(low, int | float) and (rows <= low if strict_low else rows < low):
        return False
    return not (isinstance(high, int | float) and (rows >= high if strict_high else rows > high))


def kwarg_values(
    spec: ExpectationSpec, parameters: Mapping[str, JsonValue]
) -> Callable[[str], JsonValue]:
    """A kwarg's value with ``{"$PARAMETER": name}`` replaced by the parameter's value."""
    names = spec.parameter_names()

    def value(key: str) -> JsonValue:
        if key in names:
            return parameters.get(names[key])
        return spec.kwargs.get(key)

    return value
