"""DataFrame -> SQL: column types (PostgreSQL names, mapped by other engines) and rows.

Types follow the pandas dtype; object columns are typed from their first non-null
value. Missing values (None, NaN, NaT, pd.NA) become NULL.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

_PYTHON_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),
    (int, "bigint"),
    (float, "double precision"),
    (decimal.Decimal, "numeric"),
    (dt.datetime, "timestamp"),
    (dt.date, "date"),
    (dt.time, "time"),
    (bytes, "bytea"),
)


def column_type(series: pd.Series) -> str:
    """The PostgreSQL type for one DataFrame column."""
    import pandas
    from pandas.api import types

    dtype = series.dtype
    if types.is_bool_dtype(dtype):
        return "boolean"
    if types.is_integer_dtype(dtype):
        return "bigint"
    if types.is_float_dtype(dtype):
        return "double precision"
    if isinstance(dtype, pandas.DatetimeTZDtype):
        return "timestamptz"
    if types.is_datetime64_dtype(dtype):
        return "timestamp"
    if types.is_timedelta64_dtype(dtype):
        return "interval"
    if types.is_string_dtype(dtype) and not types.is_object_dtype(dtype):
        return "text"
    sample = next((value for value in series if not _missing(value)), None)
    for python_type, sql_type in _PYTHON_TYPES:
        if isinstance(sample, python_type):
            return sql_type
    return "text"


def column_types(frame: pd.DataFrame) -> list[tuple[str, str]]:
    return [(str(name), column_type(frame[name])) for name in frame.columns]


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return bool(value is pd.NA or value is pd.NaT)
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False


def _plain(value: Any) -> Any:
    """numpy/pandas scalars -> Python values psycopg adapts; missing -> None."""
    if _missing(value):
        return None
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, bytes | str):
        return value.item()
    return value


def frame_rows(frame: pd.DataFrame) -> Iterator[tuple[Any, ...]]:
    """Rows of the frame as tuples of plain Python values, in column order."""
    for row in frame.itertuples(index=False, name=None):
        yield tuple(_plain(value) for value in row)
