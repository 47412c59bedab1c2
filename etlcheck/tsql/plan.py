"""What an emulation makes of a statement before SQL is generated (``Plan``), and the
pieces compiled statements share with it: run-time checks, OUTPUT ... INTO targets, the
catalog's key for a table reference. Below both ``compiler`` and ``emulation``."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from etlcheck.tsql.catalog import DEFAULT_SCHEMA, TableName
from etlcheck.tsql.default_constraints import DefaultConstraint
from etlcheck.tsql.foreign_keys import ForeignKey
from etlcheck.tsql.keys import Key, Written

TSQL_TYPE = "tsql_type"
"""Where a hole column's ``meta`` holds the variable's declared T-SQL type."""


@dataclass(frozen=True)
class Check:
    """A run-time check the interpreter makes before a statement (faithful SQL Server errors)."""

    kind: str
    subject: str = ""


RESTART_IDENTITY = "restart_identity"
"""A check run after the statement, not before: TRUNCATE TABLE's tables (``[schema, name]``
pairs in JSON), whose IDENTITY starts again from its seed (``Emulation.restart_identity``)."""

ALTERED_TARGET = "altered_target"
"""A check run before the statement: ``[schema, name]`` of a table as the engine names it,
to which the statement adds a column for its own length (``emulation.merge_rows``): refused
where the engine cannot (``Emulation.column_blocker``)."""


@dataclass(frozen=True)
class OutputInto:
    """The table OUTPUT ... INTO fills: ``prefix`` is ``INSERT INTO t (a, b)`` in the
    dialect, to which the interpreter adds the rows as VALUES; ``written`` is the table
    as the key checks know it."""

    prefix: str
    written: Written | None = None


@dataclass
class Plan:
    """What an emulation makes of a statement tree before SQL is generated."""

    tree: exp.Expression
    kind: str
    before: list[exp.Expression | str] = field(default_factory=list)
    after: list[exp.Expression | str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    written: Written | None = None
    keys: tuple[Key, ...] = ()
    """Keys a CREATE TABLE declared that the interpreter enforces."""
    foreign_keys: tuple[ForeignKey, ...] = ()
    """Foreign keys a CREATE TABLE declared that the interpreter enforces."""
    defaults: tuple[DefaultConstraint, ...] = ()
    """The DEFAULT constraints a CREATE TABLE declared, by name."""
    output_step: int | None = None
    """0 for the statement itself, or 1 + the index of a step after it, whose rows are the
    OUTPUT rows."""
    counted_step: int | None = None
    """1 + the index of a step after the statement whose one value counts rows the
    statement changed besides those the engine reports for it (a MERGE's WHEN NOT MATCHED
    BY SOURCE rows on PostgreSQL 15, ``engines.postgres.merge_by_source``)."""
    output_into: OutputInto | None = None
    inserts_into: Written | None = None
    """The table an INSERT or a MERGE with an INSERT clause may give identity values."""
    own_transaction: bool = False
    """True when the steps must stand or fall together (outside a transaction, they run in
    one of their own: ``emulation.merge_rows`` changes the target's columns around them)."""


def table_name(table: exp.Expression | None) -> TableName | None:
    """``(schema, name)`` as the catalog keys a T-SQL table reference (``#`` for temp
    tables); None for anything but a plain table of this database."""
    if not isinstance(table, exp.Table) or not isinstance(table.this, exp.Identifier):
        return None
    identifier = table.this
    if identifier.args.get("global_"):
        return "#", "##" + identifier.name
    if identifier.args.get("temporary"):
        return "#", "#" + identifier.name
    if table.catalog:
        return None
    return table.db or DEFAULT_SCHEMA, identifier.name
