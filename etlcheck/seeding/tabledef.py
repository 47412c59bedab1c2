"""A table's structure read from a catalog, written back as a T-SQL ``CREATE TABLE``.

Live snapshots (SQL Server or PostgreSQL) and SQL Server clones read a table into a
:class:`TableDefinition`; its T-SQL then runs on the target engine like any script, so
keys, IDENTITY and defaults are whatever the engine makes of the T-SQL the pipeline
itself would write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import sqlglot
from sqlglot import exp

from etlcheck.engines.base import QueryResult


class Reader(Protocol):
    """Anything that answers a query: an engine, or a read-only source connection."""

    def query(self, sql: str) -> QueryResult: ...


@dataclass(frozen=True)
class ColumnDefinition:
    name: str
    type_sql: str
    """The column's type in T-SQL, e.g. ``NVARCHAR(50)``, ``DECIMAL(12, 2)``."""
    nullable: bool = True
    identity: tuple[int, int] | None = None
    """(seed, increment) of an IDENTITY column."""
    default_sql: str | None = None
    """The default as a T-SQL expression."""
    computed: bool = False
    """A computed column: not created by a snapshot, never inserted into."""


@dataclass(frozen=True)
class KeyDefinition:
    name: str
    primary: bool
    columns: tuple[str, ...]


@dataclass(frozen=True)
class TableDefinition:
    schema: str
    name: str
    columns: tuple[ColumnDefinition, ...]
    keys: tuple[KeyDefinition, ...] = ()
    notes: tuple[str, ...] = ()
    """What could not be carried over (a default with no T-SQL form…)."""

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def stored_columns(self) -> tuple[ColumnDefinition, ...]:
        return tuple(column for column in self.columns if not column.computed)

    def create_tsql(self, schema: str | None = None) -> str:
        """``CREATE TABLE [schema].[name] (...)`` in T-SQL, built as a sqlglot tree."""
        definitions: list[exp.Expression] = [_column(c) for c in self.stored_columns]
        for key in self.keys:
            kind: exp.Expression = (
                exp.PrimaryKey(expressions=[_identifier(c) for c in key.columns])
                if key.primary
                else exp.UniqueColumnConstraint(
                    this=exp.Schema(expressions=[_identifier(c) for c in key.columns])
                )
            )
            definitions.append(exp.Constraint(this=_identifier(key.name), expressions=[kind]))
        target = exp.Table(this=_identifier(self.name), db=_identifier(schema or self.schema))
        create = exp.Create(kind="TABLE", this=exp.Schema(this=target, expressions=definitions))
        return create.sql(dialect="tsql")


def _identifier(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def _column(column: ColumnDefinition) -> exp.ColumnDef:
    constraints: list[exp.ColumnConstraint] = []
    if column.identity is not None:
        seed, increment = column.identity
        constraints.append(
            exp.ColumnConstraint(
                kind=exp.GeneratedAsIdentityColumnConstraint(
                    this=False,
                    start=exp.Literal.number(seed),
                    increment=exp.Literal.number(increment),
                )
            )
        )
    constraints.append(
        exp.ColumnConstraint(
            kind=exp.NotNullColumnConstraint(allow_null=True)
            if column.nullable
            else exp.NotNullColumnConstraint()
        )
    )
    if column.default_sql is not None:
        constraints.append(
            exp.ColumnConstraint(
                kind=exp.DefaultColumnConstraint(
                    this=sqlglot.parse_one(column.default_sql, read="tsql")
                )
            )
        )
    return exp.ColumnDef(
        this=_identifier(column.name),
        kind=exp.DataType.build(column.type_sql, dialect="tsql"),
        constraints=constraints,
    )


def tsql_default(expression: str | None, dialect: str) -> str | None:
    """A default written in ``dialect`` as T-SQL, or None when it has no T-SQL form."""
    if expression is None:
        return None
    text = expression.strip()
    try:
        tree = sqlglot.parse_one(text, read=dialect)
    except sqlglot.errors.ParseError:
        return None
    return tree.sql(dialect="tsql")
