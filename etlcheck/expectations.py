"""Great Expectations (1.x) suites over the staging outputs.

Suites are GX ExpectationSuite JSON files. etlcheck reads two things from a suite's
``meta.etlcheck``: the ``table`` it validates (a production name such as
``etl.stg_policies``, mapped into the sandbox when the run is isolated) and the
``parameters`` its expectations refer to with ``{"$PARAMETER": name}``: the distinct
values of another table's column (referential integrity) or another table's row count
times a factor (row-count relations to the raw input).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etlcheck.errors import ConfigError, SourceLocation

if TYPE_CHECKING:
    import pandas as pd

    from etlcheck.engines.base import Engine

EXAMPLES = 5


@dataclass(frozen=True)
class SuiteFile:
    name: str
    table: str
    path: Path
    document: dict[str, Any]
    parameters: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str
    column: str | None
    success: bool
    observed: Any
    unexpected_count: int | None
    examples: tuple[Any, ...]
    failing_rows: tuple[dict[str, Any], ...]

    def sentence(self, table: str) -> str:
        where = f"{table}.{self.column}" if self.column else table
        if self.success:
            return f"{where}: {self.expectation} holds"
        detail = (
            f"{self.unexpected_count} unexpected value(s), e.g. {list(self.examples)}"
            if self.unexpected_count
            else f"observed {self.observed!r}"
        )
        return f"{where}: {self.expectation} failed: {detail}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "expectation": self.expectation,
            "column": self.column,
            "success": self.success,
            "observed": _plain(self.observed),
            "unexpected_count": self.unexpected_count,
            "examples": [_plain(v) for v in self.examples],
            "failing_rows": [{k: _plain(v) for k, v in r.items()} for r in self.failing_rows],
        }


@dataclass(frozen=True)
class SuiteOutcome:
    suite: str
    table: str
    rows: int
    outcomes: tuple[ExpectationOutcome, ...]

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failures(self) -> tuple[ExpectationOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.success)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "table": self.table,
            "rows": self.rows,
            "success": self.success,
            "expectations": [o.to_dict() for o in self.outcomes],
        }


def load_suites(folder: Path) -> list[SuiteFile]:
    """Every ``*.json`` suite in a folder, checked for the etlcheck metadata."""
    suites = []
    for path in sorted(folder.glob("*.json")):
        try:
            document = json.loads(path.read_text("utf-8"))
        except ValueError as error:
            line, column = getattr(error, "lineno", 0), getattr(error, "colno", 0)
            raise ConfigError(
                f"expectation suite is not valid JSON: {error}", SourceLocation(path, line, column)
            ) from None
        meta = document.get("meta", {}).get("etlcheck", {})
        if "table" not in meta:
            raise ConfigError(
                "expectation suite has no meta.etlcheck.table",
                SourceLocation(path),
                'add "meta": {"etlcheck": {"table": "schema.table"}}',
            )
        suites.append(
            SuiteFile(
                name=str(document.get("name", path.stem)),
                table=str(meta["table"]),
                path=path,
                document=document,
                parameters=dict(meta.get("parameters", {})),
            )
        )
    return suites


Resolver = Callable[[str], str]
"""Maps a production ``schema.table`` to the table that holds the run's data."""


def validate_suites(
    engine: Engine, suites: Iterable[SuiteFile], resolve: Resolver
) -> list[SuiteOutcome]:
    """Validate each suite against its (resolved) table in the engine."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("etlcheck")
    outcomes = []
    for suite_file in suites:
        table = resolve(suite_file.table)
        if not table_exists(engine, table):
            outcomes.append(_missing(suite_file, table))
            continue
        frame = read_table(engine, table)
        parameters = {
            name: _parameter(engine, spec, resolve, suite_file)
            for name, spec in suite_file.parameters.items()
        }
        document = {k: v for k, v in suite_file.document.items() if k != "meta"}
        suite = gx.ExpectationSuite(**document)
        asset = source.add_dataframe_asset(suite_file.name)
        batch = asset.add_batch_definition_whole_dataframe("all").get_batch(
            batch_parameters={"dataframe": frame}
        )
        result = batch.validate(suite, expectation_parameters=parameters, result_format="COMPLETE")
        outcomes.append(
            SuiteOutcome(
                suite=suite_file.name,
                table=table,
                rows=len(frame),
                outcomes=tuple(_outcome(r, frame) for r in result.results),
            )
        )
    return outcomes


def table_exists(engine: Engine, table: str) -> bool:
    schema, _, name = table.partition(".")
    found = engine.query(
        "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = "
        f"{_literal(schema.lower())} AND LOWER(table_name) = {_literal(name.lower())}"
    ).scalar()
    return bool(found)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _missing(suite: SuiteFile, table: str) -> SuiteOutcome:
    """A suite whose table the run never created fails as a whole, saying so."""
    absent = ExpectationOutcome(
        expectation="expect_table_to_exist",
        column=None,
        success=False,
        observed=f"{table} does not exist after the run",
        unexpected_count=None,
        examples=(),
        failing_rows=(),
    )
    return SuiteOutcome(suite=suite.name, table=table, rows=0, outcomes=(absent,))


def read_table(engine: Engine, table: str) -> pd.DataFrame:
    import pandas as pd

    schema, _, name = table.partition(".")
    result = engine.query(f"SELECT * FROM {engine.qualified(schema, name)}")
    return pd.DataFrame.from_records(result.rows, columns=list(result.columns))


def _parameter(engine: Engine, spec: dict[str, Any], resolve: Resolver, suite: SuiteFile) -> Any:
    if "distinct" in spec:
        schema, table, column = str(spec["distinct"]).split(".")
        rows = engine.query(
            f"SELECT DISTINCT {engine.quote(column)} FROM "
            f"{engine.qualified(*resolve(f'{schema}.{table}').split('.'))} "
            f"WHERE {engine.quote(column)} IS NOT NULL"
        ).rows
        return [row[0] for row in rows]
    if "row_count" in spec:
        schema, table = resolve(str(spec["row_count"])).split(".")
        count = engine.query(f"SELECT COUNT(*) FROM {engine.qualified(schema, table)}").scalar()
        return int(int(count) * float(spec.get("factor", 1)))
    raise ConfigError(
        f"parameter {spec!r} is neither 'distinct' nor 'row_count'", SourceLocation(suite.path)
    )


def _outcome(result: Any, frame: pd.DataFrame) -> ExpectationOutcome:
    details = result.to_json_dict().get("result", {}) or {}
    config = result.expectation_config
    indexes = details.get("unexpected_index_list") or []
    rows = tuple(
        {str(k): v for k, v in frame.iloc[int(i)].to_dict().items()}
        for i in indexes[:EXAMPLES]
        if isinstance(i, int | float)
    )
    return ExpectationOutcome(
        expectation=str(config.type),
        column=config.kwargs.get("column"),
        success=bool(result.success),
        observed=details.get("observed_value"),
        unexpected_count=details.get("unexpected_count"),
        examples=tuple((details.get("partial_unexpected_list") or [])[:EXAMPLES]),
        failing_rows=rows,
    )


def _plain(value: Any) -> Any:
    """A JSON-friendly version of a value from pandas/numpy/GX."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if value != value else value
    if hasattr(value, "item"):
        return _plain(value.item())
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)
