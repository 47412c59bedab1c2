"""One expectation of a suite, as its JSON says it, and the names of the expectation types
etlcheck treats apart. Outcomes carry these to pytest-xdist workers pickled: this module
imports nothing that reading queries needs (sqlglot)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

PARAMETER_KEY = "$PARAMETER"

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"

COLUMN_KWARGS = ("column", "column_A", "column_B")
MEMBERSHIP_TYPES = {
    "expect_column_values_to_be_in_set": False,
    "expect_column_values_to_not_be_in_set": True,
}
"""Types whose ``value_set`` may be a relation; the value says which rows are unexpected:
members of the relation (True) or non-members (False)."""
UNEXPECTED_ROWS_TYPE = "unexpected_rows_expectation"
OTHER_TABLE_TYPE = "expect_table_row_count_to_equal_other_table"
TABLE_SHAPE_TYPES = frozenset(
    {
        "expect_column_to_exist",
        "expect_table_column_count_to_be_between",
        "expect_table_column_count_to_equal",
        "expect_table_columns_to_match_ordered_list",
        "expect_table_columns_to_match_set",
    }
)
"""Types that read the table's column names rather than its rows."""


@dataclass(frozen=True)
class ExpectationSpec:
    """One expectation of a suite, at ``$.expectations[position]``."""

    position: int
    type: str
    kwargs: Mapping[str, JsonValue]
    description: str = ""
    extra: Mapping[str, JsonValue] = field(default_factory=dict)
    """The expectation's other keys (meta, notes, severity...), handed to GX unchanged."""

    @property
    def json_path(self) -> str:
        return f"$.expectations[{self.position}]"

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column the expectation names, in the order it names them."""
        names = [str(self.kwargs[k]) for k in COLUMN_KWARGS if isinstance(self.kwargs.get(k), str)]
        listed = self.kwargs.get("column_list")
        if isinstance(listed, list) and self.type not in TABLE_SHAPE_TYPES:
            names += [str(name) for name in listed]
        return tuple(names)

    @property
    def column_label(self) -> str | None:
        return ", ".join(self.columns) or None

    def parameter_names(self) -> dict[str, str]:
        """kwarg -> parameter name, for every kwarg given as ``{"$PARAMETER": name}``."""
        found = {}
        for key, value in self.kwargs.items():
            name = referenced(value)
            if name is not None:
                found[key] = name
        return found

    @property
    def row_condition(self) -> bool:
        return bool(self.kwargs.get("row_condition"))


def referenced(value: object) -> str | None:
    """The parameter name when ``value`` is ``{"$PARAMETER": name}``."""
    if isinstance(value, dict) and set(value) == {PARAMETER_KEY}:
        name = value[PARAMETER_KEY]
        return str(name) if isinstance(name, str) else None
    return None
