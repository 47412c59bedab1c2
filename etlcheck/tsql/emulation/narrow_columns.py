"""``tinyint`` and ``bit`` columns on an engine whose own types are wider.

PostgreSQL has neither type: both are ``smallint`` there, which would keep 300 in a
``tinyint`` column (SQL Server fails the statement with error 220) and 5 in a ``bit``
column (SQL Server stores 1). Each such column of a ``CREATE TABLE`` gets a CHECK, which
the engine evaluates on every write (and copies with the table into the sandbox): a
``tinyint`` outside 0 to 255 fails with SQL Server's error 220, and a ``bit`` other than 0
or 1 stops the statement with a message saying how SQL Server would have stored it (a CAST
AS BIT converts as SQL Server does). As for declared text lengths
(:mod:`etlcheck.tsql.emulation.lengths`), a column added by ``ALTER TABLE`` or made by
``SELECT ... INTO`` is not checked.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from etlcheck.tsql.emulation.lengths import add_check, created_columns

NARROW = {exp.DataType.Type.UTINYINT: "tinyint", exp.DataType.Type.BIT: "bit"}
"""The narrow T-SQL types, as sqlglot reads them, and their names."""
NarrowCheck = Callable[[exp.Identifier, str, str], exp.Expression | None]
"""(column, ``tinyint`` or ``bit``, table as shown) -> the CHECK's condition, or None."""


def add_narrow_checks(tree: exp.Create, check: NarrowCheck) -> None:
    """A CHECK on each ``tinyint`` and ``bit`` column of the table ``tree`` creates."""
    for column, shown in created_columns(tree):
        kind = column.args.get("kind")
        if not isinstance(kind, exp.DataType) or kind.this not in NARROW:
            continue
        condition = check(column.this.copy(), NARROW[kind.this], shown)
        if condition is None:
            return
        add_check(column, condition)
