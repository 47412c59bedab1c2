"""What a suite file says, once read and checked: frozen values passed between modules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from etlcheck.expectations.parameters import Parameter, RelationQuery, RowCount
from etlcheck.expectations.spec import (
    MEMBERSHIP_TYPES,
    OTHER_TABLE_TYPE,
    UNEXPECTED_ROWS_TYPE,
    ExpectationSpec,
)
from etlcheck.expectations.sqlbuild import parse_query, tables_of


@dataclass(frozen=True)
class SuiteFile:
    """A suite read from ``path``: the table it validates and its checked expectations."""

    name: str
    table: str
    path: Path
    expectations: tuple[ExpectationSpec, ...]
    parameters: Mapping[str, Parameter] = field(default_factory=dict)
    shown_path: str = ""
    """The path as error lines name it (relative to the working directory when inside it)."""

    def relation_of(self, spec: ExpectationSpec) -> RelationQuery | None:
        """The relation a membership expectation checks, if its value_set is one."""
        if spec.type not in MEMBERSHIP_TYPES:
            return None
        name = spec.parameter_names().get("value_set")
        parameter = self.parameters.get(name) if name else None
        return parameter if isinstance(parameter, RelationQuery) else None

    def tables(self) -> set[str]:
        """Every production ``schema.table`` whose rows the suite reads."""
        names = {self.table}
        for parameter in self.parameters.values():
            if isinstance(parameter, RelationQuery):
                names |= tables_of(parameter.tree())
        for spec in self.expectations:
            if spec.type == UNEXPECTED_ROWS_TYPE:
                query = str(spec.kwargs["unexpected_rows_query"])
                names |= tables_of(parse_query(query, with_batch=True))
        return names

    def counted_tables(self) -> set[str]:
        """Every production ``schema.table`` of which the suite needs only the row count."""
        names = {p.table for p in self.parameters.values() if isinstance(p, RowCount)}
        for spec in self.expectations:
            if spec.type == OTHER_TABLE_TYPE:
                names.add(str(spec.kwargs["other_table_name"]))
        return names
