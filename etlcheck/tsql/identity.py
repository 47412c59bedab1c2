"""SCOPE_IDENTITY() and @@IDENTITY: the identity value an INSERT generated, kept for the
scope that ran it and for the session.

A table's identity column and the sequence it draws from are read once
(``sys.etlcheck_identity_columns``) and kept until a statement changes the catalog. After
an INSERT of one row or more into such a table:

- the identity column not among the INSERT's columns: the values were generated, and the
  sequence's ``currval`` (this connection's last draw) is the last of them;
- the column among them (SET IDENTITY_INSERT ON): SQL Server returns the last of the
  values given, which the emulation cannot tell, so reading it afterwards is refused
  rather than guessed; the identity goes on from the highest value given when that is
  past its last one, as SQL Server's does (``Emulation.advance_identity``). Moving it
  costs a scan of the table (and on DuckDB a new sequence), so it waits until something
  can see it (``catch_up``): an INSERT that generates values into the table, a statement
  that asks IDENT_CURRENT, or the end of the script. A load that gives its own values
  row by row moves it once, not once a row.

A MERGE counts both inserted and updated rows, so the sequence's last value is read before
and after it (``sys.etlcheck_last_identity``, the sandbox's own sequence): moved means it
inserted generated values. An INSERT of no row, or into a table without identity column,
leaves both values as they were.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.scope import IdentityColumn, LastIdentity, Scope

if TYPE_CHECKING:
    from etlcheck.tsql.keys import Written
    from etlcheck.tsql.runtime import Runtime


@dataclass(frozen=True)
class IdentityWatch:
    """An INSERT or MERGE into a table with an identity column, watched from before it runs."""

    written: Written
    column: IdentityColumn
    last_before: Any = None
    """For a MERGE: the sequence's last value before it."""

    @classmethod
    def start(cls, interpreter: Runtime, written: Written) -> IdentityWatch | None:
        """A watch when the table has an identity column, else None."""
        column = identity_column(interpreter, written)
        if column is None:
            return None
        if written.table_sql in interpreter.session.identity_behind and not _given(written, column):
            catch_up(interpreter, written.table_sql)
        if written.inserts:
            return cls(written, column)
        return cls(written, column, last_identity(interpreter, written))

    def finish(self, interpreter: Runtime, scope: Scope, rows: int) -> None:
        """Set SCOPE_IDENTITY() and @@IDENTITY after the statement changed ``rows`` rows."""
        if rows <= 0:
            return
        written = self.written
        if not written.inserts:
            last = last_identity(interpreter, written)
            if last is None or last == self.last_before:
                return
            identity = LastIdentity(decimal.Decimal(int(last)))
        elif _given(written, self.column):
            scope.session.identity_behind[written.table_sql] = written
            shown = written.name if written.schema == "#" else f"{written.schema}.{written.name}"
            identity = LastIdentity(unknown_table=shown)
        else:
            sequence = exp.Literal.string(self.column.sequence)
            current = exp.Anonymous(this="currval", expressions=[sequence])
            sql = "SELECT " + current.sql(dialect=interpreter.emulation.dialect)
            identity = LastIdentity(decimal.Decimal(int(interpreter.target.query(sql).scalar())))
        scope.identity = identity
        scope.session.identity = identity


def _given(written: Written, column: IdentityColumn) -> bool:
    """Whether the INSERT lists the identity column (SET IDENTITY_INSERT ON)."""
    return column.name.lower() in {name.lower() for name in written.columns or ()}


def catch_up(interpreter: Runtime, table_sql: str | None = None) -> None:
    """Move the identity of each table (or of ``table_sql``) given values of its own since
    it was last moved (``Emulation.advance_identity``); a table dropped since is skipped."""
    behind = interpreter.session.identity_behind
    for name in [table_sql] if table_sql is not None else list(behind):
        written = behind.pop(name, None)
        if written is not None:
            interpreter.emulation.advance_identity(interpreter.target, written)


def identity_column(interpreter: Runtime, written: Written) -> IdentityColumn | None:
    """The identity column of the table ``written`` names (read once per catalog change)."""
    known = interpreter.session.identity_columns
    if written.table_sql not in known:
        call = sys_call("etlcheck_identity_columns", [exp.Literal.string(written.table_sql)])
        sql = "SELECT * FROM " + call.sql(dialect=interpreter.emulation.dialect)
        rows = interpreter.target.query(sql).rows
        found = IdentityColumn(str(rows[0][0]), str(rows[0][1])) if rows else None
        known[written.table_sql] = found
    return known[written.table_sql]


def last_identity(interpreter: Runtime, written: Written) -> Any:
    """The last value the table's identity sequence gave (None before its first)."""
    call = sys_call("etlcheck_last_identity", [exp.Literal.string(written.table_sql)])
    return interpreter.target.query("SELECT " + call.sql(interpreter.emulation.dialect)).scalar()
