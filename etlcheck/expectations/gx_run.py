"""Great Expectations (1.x) runs the column expectations: in the database where its SQL
datasource works, on a DataFrame of only the columns they read where it does not.

The engine says which through ``Engine.sqlalchemy_url()``: PostgreSQL (psycopg 3) and
SQL Server (pyodbc) give a URL and GX pushes every expectation down as SQL. DuckDB gives
none: GX's SQLAlchemy path fails with duckdb-engine (its metric bundle comes back empty,
an upstream issue), so GX validates a DataFrame holding just the columns its
expectations read, and the relations are checked by the engine (``engine_checks``).
"""

from __future__ import annotations

import itertools
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.errors import ConfigError
from etlcheck.expectations import importer
from etlcheck.expectations.gx_quoting import quote_exactly
from etlcheck.expectations.outcomes import (
    EXAMPLES,
    Example,
    ExpectationOutcome,
    examples_from_counts,
    plain,
)
from etlcheck.expectations.spec import ExpectationSpec, JsonValue

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.base import Engine

POSITION = "etlcheck_position"
"""Meta key carrying an expectation's position in its suite through GX and back."""
FRAME_RESULTS: dict[str, object] = {"result_format": "COMPLETE"}
"""On a DataFrame: the failing rows' positions (the rows are fetched whole by locator)."""
DATABASE_RESULTS: dict[str, object] = {"result_format": "COMPLETE", "include_unexpected_rows": True}
"""In the database: the failing rows themselves. (On a DataFrame, collecting them cost a
third of the validation even when nothing failed.)"""
WARM_UP: list[dict[str, object]] = [
    {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}},
    {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "a", "value_set": ["x"]}},
    {"type": "expect_column_values_to_match_regex", "kwargs": {"column": "a", "regex": "^x"}},
    {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n", "min_value": 0}},
    {
        "type": "expect_column_pair_values_a_to_be_greater_than_b",
        "kwargs": {"column_A": "n", "column_B": "m"},
    },
    {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}},
]
"""A few common expectations, run once on a tiny DataFrame by ``warm_up``."""


@dataclass(frozen=True)
class GxResult:
    """What GX said about one expectation, in etlcheck's terms."""

    success: bool
    observed: JsonValue = None
    unexpected_count: int | None = None
    examples: tuple[Example, ...] = ()
    failing_rows: tuple[dict[str, JsonValue], ...] = ()
    error: str | None = None
    unexpected_index: tuple[int, ...] = ()
    """Positions in the DataFrame of the failing rows (DataFrame batches only)."""


class GreatExpectations:
    """One ephemeral GX context and datasource for one validation pass."""

    def __init__(self, engine: Engine) -> None:
        try:
            gx = importer.great_expectations()
        except ImportError as error:
            raise ConfigError(
                f"expectation suites need Great Expectations, which cannot be imported: {error}",
                hint="pip install 'great-expectations>=1.3,<2'",
            ) from None
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.gx = gx
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.url = engine.sqlalchemy_url()
        self._names = itertools.count(1)
        self._tables: dict[str, object] = {}
        self._sql_sources: list[Any] = []
        if self.url is not None:
            self.path = "GX (SQL)"
        else:
            # One asset serves every DataFrame: each new asset is saved to the context's
            # configuration (YAML), 15 ms apiece.
            self.source = self.context.data_sources.add_pandas("etlcheck")
            asset = self.source.add_dataframe_asset("frames")
            self._frames = asset.add_batch_definition_whole_dataframe("all")
            self.path = "GX (DataFrame)"

    def warm_up(self) -> None:
        """Validate a tiny DataFrame once: GX loads and caches much on first use, a third
        of a second that a worker spends while it waits for its job."""
        import pandas as pd

        frame = pd.DataFrame({"a": ["x", "y"], "n": [2, 3], "m": [1, 2]})
        tagged = [{**e, "meta": {POSITION: i}} for i, e in enumerate(WARM_UP)]
        self.validate_frame(frame, tagged, {})

    @property
    def speaks_sql(self) -> bool:
        return self.url is not None

    def close(self) -> None:
        """Close GX's database connections (before the engine's server goes away): the
        datasource's engine, and the one its execution engine made for itself."""
        for source in self._sql_sources:
            source.get_engine().dispose()
            source.get_execution_engine().engine.dispose()

    def _sql_source(self, name: str) -> Any:
        """A SQL datasource of its own for one table. GX's execution engine remembers column
        names case-insensitively across the tables of one datasource: after a table with a
        column ``kwh``, a column ``Kwh`` of another table is sent to PostgreSQL as ``kwh``."""
        with warnings.catch_warnings():
            # GX suggests its PostgresDatasource, which refuses a socket URL (no host).
            warnings.simplefilter("ignore")
            source = self.context.data_sources.add_sql(name, connection_string=self.url)
        self._sql_sources.append(source)
        return source

    def validate_table(
        self,
        table: str,
        expectations: Sequence[dict[str, object]],
        parameters: Mapping[str, JsonValue],
    ) -> dict[int, GxResult]:
        """Run ``expectations`` (GX dicts with a position in meta) in the database."""
        if table not in self._tables:
            schema, _, name = table.partition(".")
            number = next(self._names)
            asset = self._sql_source(f"etlcheck-{number}").add_table_asset(
                f"{name}-{number}", table_name=verbatim(name), schema_name=schema
            )
            self._tables[table] = asset.add_batch_definition_whole_table("all")
            quote_exactly(self._sql_sources[-1].get_execution_engine().engine.dialect)
        return self._run(self._tables[table], expectations, parameters, None, DATABASE_RESULTS)

    def validate_frame(
        self,
        frame: pd.DataFrame,
        expectations: Sequence[dict[str, object]],
        parameters: Mapping[str, JsonValue],
    ) -> dict[int, GxResult]:
        """Run ``expectations`` on a DataFrame."""
        return self._run(
            self._frames, expectations, parameters, {"dataframe": frame}, FRAME_RESULTS
        )

    def _run(
        self,
        definition: object,
        expectations: Sequence[dict[str, object]],
        parameters: Mapping[str, JsonValue],
        batch_parameters: dict[str, object] | None,
        result_format: dict[str, object],
    ) -> dict[int, GxResult]:
        if not expectations:
            return {}
        gx = self.gx
        name = f"suite-{next(self._names)}"
        suite = self.context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
        validation = self.context.validation_definitions.add(
            gx.ValidationDefinition(data=definition, suite=suite, name=name)
        )
        result = validation.run(
            batch_parameters=batch_parameters,
            expectation_parameters=dict(parameters),
            result_format=result_format,
        )
        return {
            int(item.expectation_config.meta[POSITION]): _converted(item) for item in result.results
        }


def outcome_of(
    spec: ExpectationSpec, result: GxResult, checked_by: str, unexpected_rows: bool = False
) -> ExpectationOutcome:
    """The outcome of ``spec`` from what GX said about it."""
    return ExpectationOutcome(
        expectation=spec.type,
        column=spec.column_label,
        success=result.success and result.error is None,
        observed=result.observed,
        unexpected_count=result.unexpected_count,
        examples=result.examples,
        failing_rows=result.failing_rows,
        checked_by=checked_by,
        json_path=spec.json_path,
        description=spec.description,
        error=result.error,
        unexpected_rows=unexpected_rows,
    )


def no_result(spec: ExpectationSpec) -> GxResult:
    return GxResult(False, error=f"GX returned no result for {spec.json_path}")


def gx_expectation(
    spec: ExpectationSpec, kwargs: Mapping[str, JsonValue] | None = None
) -> dict[str, object]:
    """``spec`` as GX's dict form, tagged with its position (and ``kwargs`` replaced)."""
    extra = dict(spec.extra)
    given = extra.pop("meta", None)
    meta: dict[str, JsonValue] = dict(given) if isinstance(given, dict) else {}
    meta[POSITION] = spec.position
    return {
        **extra,
        "type": spec.type,
        "kwargs": dict(kwargs if kwargs is not None else spec.kwargs),
        "meta": meta,
    }


def _converted(item: object) -> GxResult:
    error = _exception(getattr(item, "exception_info", None))
    details = getattr(item, "result", None) or {}
    if error is not None:
        return GxResult(success=False, error=error)
    unexpected = details.get("unexpected_list")
    examples: tuple[Example, ...] = ()
    if isinstance(unexpected, list):
        examples = examples_from_counts(_counted(unexpected))
    rows = details.get("unexpected_rows")
    failing: tuple[dict[str, JsonValue], ...] = ()
    if isinstance(rows, list):
        failing = tuple(_row(row) for row in rows[:EXAMPLES])
    count = details.get("unexpected_count")
    return GxResult(
        success=bool(getattr(item, "success", False)),
        observed=plain(details.get("observed_value")),
        unexpected_count=int(count) if count is not None else None,
        examples=examples,
        failing_rows=failing,
        unexpected_index=tuple(
            int(i) for i in details.get("unexpected_index_list") or () if isinstance(i, int)
        ),
    )


def _counted(values: Sequence[object]) -> list[tuple[JsonValue, int]]:
    counter: Counter[str] = Counter()
    first: dict[str, JsonValue] = {}
    for value in values:
        shown = plain(value)
        key = repr(shown)
        first.setdefault(key, shown)
        counter[key] += 1
    return [(first[key], count) for key, count in counter.items()]


def _row(row: object) -> dict[str, JsonValue]:
    if isinstance(row, Mapping):
        return {str(k): plain(v) for k, v in row.items()}
    return {"row": plain(row)}


def _exception(info: object) -> str | None:
    """The first line of the first exception GX caught while computing a result."""
    if not isinstance(info, Mapping):
        return None
    candidates = [info, *(v for v in info.values() if isinstance(v, Mapping))]
    for entry in candidates:
        if entry.get("raised_exception") or entry.get("exception_message"):
            message = str(entry.get("exception_message") or "GX raised an exception")
            return message.strip().splitlines()[0] if message.strip() else message
    return None


def verbatim(name: str) -> str:
    """A table name as GX must be given it to use the catalog's spelling: GX folds an
    unquoted name to lower case (on PostgreSQL ``Invoices`` is not ``invoices``) and uses a
    name wrapped in double quotes as written."""
    if name == name.lower() and name.isidentifier():
        return name
    return '"' + name.replace('"', '""') + '"'
