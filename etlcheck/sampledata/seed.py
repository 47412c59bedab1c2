"""Load a generated sample into a database: production first, then the raw sample.

Only ``engine.execute`` and ``engine.insert_frame`` are used, so any engine works. Each
table is created from the pipeline's own DDL (its columns and types, translated to the
engine's dialect) and filled in one bulk insert.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from etlcheck.config import Config
from etlcheck.errors import ConfigError
from etlcheck.pipeline import Pipeline
from etlcheck.sampledata.generator import SampleData, SampleStream
from etlcheck.sampledata.tables import (
    PRODUCTION_SCHEMA,
    RAW_SCHEMA,
    UNTOUCHED_DDL,
    WORK_SCHEMA,
    sample_tables,
)
from etlcheck.sampledata.truth import LOAD_DAY
from etlcheck.table_layouts import (
    TableLayout,
    layouts_in_scripts,
    layouts_in_text,
    portable_type,
)
from etlcheck.values import Scale

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine


@dataclass(frozen=True)
class SampleSeed:
    """What the sample put where: rows per ``schema.table`` and the staging counts to expect."""

    scale: str
    seed: int
    raw_schema: str
    tables: tuple[tuple[str, int], ...]
    expected_staging: tuple[tuple[str, int], ...]
    generate_seconds: float
    load_seconds: float

    def rows(self, qualified_name: str) -> int:
        return dict(self.tables)[qualified_name]

    def to_dict(self) -> dict[str, object]:
        return {
            "scale": self.scale,
            "seed": self.seed,
            "raw_schema": self.raw_schema,
            "tables": dict(self.tables),
            "expected_staging": dict(self.expected_staging),
            "generate_seconds": round(self.generate_seconds, 4),
            "load_seconds": round(self.load_seconds, 4),
        }


def seed_database(
    engine: Engine, config: Config, scale: Scale | str, *, sandboxed: bool
) -> SampleSeed:
    """Create production (``dbo``, ``raw_data``, an earlier run's ``etl``) and the raw sample.

    The sample goes into the sandbox of ``raw_data`` when ``sandboxed``, else into
    ``raw_data`` itself (where it then is the production raw data). Each table is loaded
    as soon as it is generated and then let go (:class:`SampleStream`): at ``--scale 10``
    the whole sample held at once would be over a gigabyte of DataFrames.
    """
    began = time.perf_counter()
    pipeline = Pipeline.from_config(config)
    pipeline.check_files()
    layouts = layouts_in_scripts(step.path for step in pipeline.steps)
    for extra in layouts_in_text(UNTOUCHED_DDL, "<etlcheck.sampledata>"):
        layouts[(extra.schema.lower(), extra.table.lower())] = extra
    raw_schema = RAW_SCHEMA
    if sandboxed:
        raw_schema = config.sandbox.sandbox_of(RAW_SCHEMA) or ""
        if not raw_schema:
            raise ConfigError(
                f"[sandbox] schemas has no sandbox for {RAW_SCHEMA!r}",
                hint=f'add {RAW_SCHEMA} = "poc_{RAW_SCHEMA}" to [sandbox] schemas',
            )
    for schema in dict.fromkeys((RAW_SCHEMA, PRODUCTION_SCHEMA, WORK_SCHEMA, raw_schema)):
        engine.create_schema(schema)

    stream = SampleStream(Scale.parse(scale), config.sample.seed)
    loader = _Loader(engine, layouts)
    for name, frame in stream.raw():
        loader.load(RAW_SCHEMA, name, frame)
        del frame  # not held while the next one is made
    staging = stream.staging()
    schemas = {"production": PRODUCTION_SCHEMA, "earlier_run": WORK_SCHEMA}
    for kind, name, frame in stream.world(staging):
        loader.load(schemas[kind], name, frame)
        del frame
    for name, frame in _earlier_state(pipeline).items():
        loader.load(WORK_SCHEMA, name, frame)
    if raw_schema != RAW_SCHEMA:
        # The sandbox's raw sample is the same as raw_data's: copied inside the database.
        for name in stream.clean:
            loader.copy(RAW_SCHEMA, name, raw_schema)
    return SampleSeed(
        scale=stream.plan.scale,
        seed=stream.seed,
        raw_schema=raw_schema,
        tables=tuple(loader.loaded.items()),
        expected_staging=tuple((name, len(frame)) for name, frame in staging.items()),
        generate_seconds=time.perf_counter() - began - loader.seconds,
        load_seconds=loader.seconds,
    )


class _Loader:
    """Creates and fills the sample's tables one at a time, keeping each one's row count
    and the time spent in the database."""

    def __init__(self, engine: Engine, layouts: Mapping[tuple[str, str], TableLayout]) -> None:
        self.engine = engine
        self.layouts = layouts
        self.loaded: dict[str, int] = {}
        self.seconds = 0.0

    def load(self, schema: str, name: str, frame: pd.DataFrame) -> None:
        began = time.perf_counter()
        load_table(self.engine, _layout(self.layouts, schema, name), frame, schema)
        self.loaded[f"{schema}.{name}"] = len(frame)
        self.seconds += time.perf_counter() - began

    def copy(self, source: str, name: str, schema: str) -> None:
        began = time.perf_counter()
        copy_table(self.engine, _layout(self.layouts, source, name), source, schema)
        self.loaded[f"{schema}.{name}"] = self.loaded[f"{source}.{name}"]
        self.seconds += time.perf_counter() - began


def _layout(layouts: Mapping[tuple[str, str], TableLayout], schema: str, name: str) -> TableLayout:
    layout = layouts.get((schema.lower(), name.lower()))
    if layout is None:
        raise ConfigError(
            f"no CREATE TABLE for {schema}.{name} in the pipeline's scripts",
            hint="the sample data needs the sample pipeline in sql/",
        )
    return layout


def load_table(engine: Engine, layout: TableLayout, frame: pd.DataFrame, schema: str) -> None:
    """(Re)create ``schema.table`` with the layout's types and fill it from ``frame``."""
    missing = [c for c in layout.column_names if c not in frame.columns]
    if missing:
        raise ConfigError(
            f"sample frame for {schema}.{layout.table} lacks columns {', '.join(missing)}",
            hint="the pipeline's DDL and etlcheck.sampledata disagree",
        )
    dialect = engine.dialect
    _create(engine, layout, schema)
    casts = [
        f"CAST({engine.quote(column.name)} AS "
        f"{portable_type(column.data_type, engine).sql(dialect=dialect)})"
        for column in layout.columns
    ]
    engine.insert_frame(schema, layout.table, frame[list(layout.column_names)], casts)


def copy_table(engine: Engine, layout: TableLayout, source: str, schema: str) -> None:
    """(Re)create ``schema.table`` with the layout's types as a copy of ``source.table``
    (already loaded): cheaper than loading the same frame a second time."""
    _create(engine, layout, schema)
    names = ", ".join(engine.quote(name) for name in layout.column_names)
    engine.execute(
        f"INSERT INTO {engine.qualified(schema, layout.table)} ({names}) "
        f"SELECT {names} FROM {engine.qualified(source, layout.table)}"
    )


def _create(engine: Engine, layout: TableLayout, schema: str) -> None:
    engine.execute(f"DROP TABLE IF EXISTS {engine.qualified(schema, layout.table)}")
    engine.execute(layout.create_sql(engine, schema))


def _earlier_state(pipeline: Pipeline) -> Mapping[str, pd.DataFrame]:
    """The state rows a completed earlier run left in ``etl``: one run, one row a step."""
    started = (LOAD_DAY - np.timedelta64(1, "D")).astype("datetime64[us]")
    steps = len(pipeline.steps)
    durations = np.linspace(120, 900, steps).astype(np.int64)
    step_started = started + np.cumsum(np.r_[0, durations[:-1]]).astype("timedelta64[ms]")
    finished = step_started + durations.astype("timedelta64[ms]")
    run_id = "20240609T020000Z-prev"
    run = pd.DataFrame(
        {
            "run_id": [run_id],
            "started_at": [started],
            "finished_at": [finished[-1]],
            "status": ["completed"],
            "scale": [None],
            "steps_total": np.array([steps], dtype=np.int32),
            "steps_completed": np.array([steps], dtype=np.int32),
            "error_text": pd.Series([None], dtype=object),
        }
    )
    step_rows = pd.DataFrame(
        {
            "run_id": run_id,
            "step_number": np.arange(1, steps + 1, dtype=np.int32),
            "phase": [step.phase for step in pipeline.steps],
            "script": [step.name for step in pipeline.steps],
            "status": "ok",
            "started_at": step_started,
            "finished_at": finished,
            "duration_ms": durations.astype(np.int32),
            "rows_affected": np.zeros(steps, dtype=np.int64),
            "error_text": pd.Series([None] * steps, dtype=object),
        }
    )
    return {"etl_run_state": run, "etl_step_state": step_rows}


__all__ = ["SampleData", "SampleSeed", "load_table", "sample_tables", "seed_database"]
