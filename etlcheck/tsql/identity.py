"""SCOPE_IDENTITY() and @@IDENTITY: the identity value an INSERT generated, kept for the
scope that ran it and for the session.

The engines' identity columns draw from a sequence the sandbox alone uses, so the
table's identity state read before and after the statement tells whether it generated
values and which one came last (``sys.etlcheck_last_identity``: the sequence's last value,
NULL before its first; ``sys.ident_current``: NULL for a table without identity column).

- values generated (the state moved): the last one becomes the scope's and the session's;
- no row inserted, or a table without identity column: both stay as they were;
- rows inserted but the state did not move: an INSERT gave the identity column its own
  values (SET IDENTITY_INSERT ON). SQL Server returns the last of them; the emulation
  cannot tell which, so reading the value afterwards is refused rather than guessed.
  A MERGE that only updated rows leaves the state still as well, and the values as they were.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.scope import LastIdentity, Scope

if TYPE_CHECKING:
    from etlcheck.tsql.keys import Written
    from etlcheck.tsql.runtime import Runtime


@dataclass(frozen=True)
class IdentityState:
    """A table's identity sequence as one query sees it."""

    last: Any
    """The last value it generated, None before the first."""
    current: Any
    """IDENT_CURRENT: None when the table has no identity column."""


def identity_state(interpreter: Runtime, written: Written) -> IdentityState:
    """The identity state of the table ``written`` names."""
    name = exp.Literal.string(written.table_sql)
    calls = [
        sys_call("etlcheck_last_identity", [name.copy()]),
        sys_call("ident_current", [name]),
    ]
    dialect = interpreter.emulation.dialect
    sql = "SELECT " + ", ".join(call.sql(dialect=dialect) for call in calls)
    last, current = interpreter.target.query(sql).rows[0]
    return IdentityState(last, current)


def record_identity(
    scope: Scope, written: Written, before: IdentityState, after: IdentityState, rows: int
) -> None:
    """Set SCOPE_IDENTITY() and @@IDENTITY after a statement that inserted ``rows`` rows."""
    if rows <= 0 or after.current is None:
        return
    if after.last is not None and after.last != before.last:
        identity = LastIdentity(decimal.Decimal(int(after.last)))
    elif written.inserts:
        shown = written.name if written.schema == "#" else f"{written.schema}.{written.name}"
        identity = LastIdentity(unknown_table=shown)
    else:
        return
    scope.identity = identity
    scope.session.identity = identity
