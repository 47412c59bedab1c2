"""What validating a suite found: one outcome per expectation, with the rule it applied.

Outcomes go to the terminal (``sentence``), to run.json/dq.json (``to_dict``) and from
there to the HTML report. Failing values are de-duplicated with their counts
(``INACTIVE ×37``); the rule is the expectation's kwargs with parameters resolved.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from etlcheck.expectations.spec import TABLE_SHAPE_TYPES, ExpectationSpec, JsonValue

EXAMPLES = 5
"""Distinct failing values (and failing rows) kept per expectation."""
SENTENCE_VALUES = 3
SENTENCE_TEXT = 60
MISSING_TYPES = ("NAType", "NaTType")
"""pandas' missing values (``pd.NA``, ``pd.NaT``), recognised without importing pandas."""
HIDDEN_KWARGS = frozenset(
    {"column", "column_A", "column_B", "result_format", "catch_exceptions", "batch_id"}
)


@dataclass(frozen=True)
class Example:
    """A failing value (a tuple for several columns) and how many rows hold it."""

    value: JsonValue
    count: int

    def text(self) -> str:
        shown = _short(value_text(self.value), SENTENCE_TEXT)
        return f"{shown} ×{self.count}" if self.count > 1 else shown

    def to_dict(self) -> dict[str, JsonValue]:
        return {"value": self.value, "count": self.count}


@dataclass(frozen=True)
class RuleItem:
    """One kwarg of the rule; ``parameter`` says where a resolved value came from."""

    name: str
    value: JsonValue
    parameter: str = ""

    def text(self) -> str:
        return f"{self.name} = {_short(value_text(self.value), SENTENCE_TEXT)}"

    def to_dict(self) -> dict[str, JsonValue]:
        entry: dict[str, JsonValue] = {"name": self.name, "value": self.value}
        if self.parameter:
            entry["parameter"] = self.parameter
        return entry


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str
    column: str | None
    success: bool
    observed: JsonValue = None
    unexpected_count: int | None = None
    examples: tuple[Example, ...] = ()
    failing_rows: tuple[dict[str, JsonValue], ...] = ()
    rule: tuple[RuleItem, ...] = ()
    checked_by: str = ""
    json_path: str = ""
    description: str = ""
    error: str | None = None
    unexpected_rows: bool = False
    """True when the unexpected things are rows (a query's), not values of a column."""

    def sentence(self, table: str) -> str:
        where = f"{table}.{self.column}" if self.column else table
        if self.error:
            return f"{where}: {self.expectation}: {self.error}"
        if self.success:
            return f"{where}: {self.expectation} holds"
        if self.unexpected_count:
            what = "row(s)" if self.unexpected_rows else "value(s)"
            detail = f"{self.unexpected_count:,} unexpected {what}"
            if self.examples and not self.unexpected_rows:
                shown = ", ".join(e.text() for e in self.examples[:SENTENCE_VALUES])
                more = len(self.examples) > SENTENCE_VALUES
                detail += f": {shown}{', …' if more else ''}"
        else:
            detail = f"observed {value_text(self.observed)}"
        rule = [item.text() for item in self.rule if not isinstance(item.value, list)]
        if rule and not self.unexpected_count:
            detail += f", expected {', '.join(rule)}"
        return f"{where}: {self.expectation} failed: {detail}"

    def to_dict(self) -> dict[str, JsonValue]:
        return {
            "expectation": self.expectation,
            "column": self.column,
            "success": self.success,
            "observed": self.observed,
            "unexpected_count": self.unexpected_count,
            "examples": [e.to_dict() for e in self.examples],
            "failing_rows": list(self.failing_rows),
            "rule": [item.to_dict() for item in self.rule],
            "checked_by": self.checked_by,
            "path": self.json_path,
            "description": self.description,
            "error": self.error,
        }


@dataclass(frozen=True)
class SuiteOutcome:
    suite: str
    table: str
    rows: int
    outcomes: tuple[ExpectationOutcome, ...]
    path: str = ""
    seconds: float = 0.0

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failures(self) -> tuple[ExpectationOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.success)

    def to_dict(self) -> dict[str, JsonValue]:
        return {
            "suite": self.suite,
            "table": self.table,
            "rows": self.rows,
            "success": self.success,
            "path": self.path,
            "seconds": round(self.seconds, 4),
            "expectations": [o.to_dict() for o in self.outcomes],
        }


def rule_of(
    spec: ExpectationSpec, values: Mapping[str, JsonValue], origins: Mapping[str, str]
) -> tuple[RuleItem, ...]:
    """The kwargs that say what the expectation checks, parameters replaced by ``values``
    (kwarg -> resolved value) and described by ``origins`` (kwarg -> where it came from)."""
    items = []
    for name, value in spec.kwargs.items():
        if name in HIDDEN_KWARGS:
            continue
        if name == "column_list" and spec.type not in TABLE_SHAPE_TYPES:
            continue
        items.append(RuleItem(name, values.get(name, value), origins.get(name, "")))
    return tuple(items)


def examples_from_counts(counted: Sequence[tuple[JsonValue, int]]) -> tuple[Example, ...]:
    """The most frequent failing values first, ties in value order."""
    ordered = sorted(counted, key=lambda pair: (-pair[1], *_order(pair[0])))
    return tuple(Example(value, count) for value, count in ordered[:EXAMPLES])


def _order(value: JsonValue) -> tuple[int, float, str]:
    """Numbers by value, then text, then NULL."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, float(value), "")
    return (2, 0.0, "") if value is None else (1, 0.0, value_text(value))


def value_text(value: JsonValue) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, list):
        return "(" + ", ".join(value_text(v) for v in value) + ")"
    return str(value)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(value: object) -> JsonValue:
    """A JSON value for something that came from pandas, numpy, a driver or GX."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if value != value else value
    if type(value).__name__ in MISSING_TYPES:
        return None
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return str(value.isoformat())
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)
