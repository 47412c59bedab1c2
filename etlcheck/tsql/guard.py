"""Key enforcement around one DML statement, for emulations that keep keys out of the DDL.

The statement and the check of each key it can repeat run in one transaction; a repeated
value rolls the statement back and fails it with SQL Server's error 2627. Inside a
transaction the script opened, the engine cannot undo a single statement: the violation
dooms the transaction instead, as any error does on the engine (and as SQL Server does
under ``SET XACT_ABORT ON``). It stays open, @@TRANCOUNT unchanged, until the script's
ROLLBACK; nothing more runs in it, and a COMMIT keeps none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.tsql.foreign_keys import CONFLICT, conflict_message, orphan_sql
from etlcheck.tsql.keys import Key, Written, duplicate_sql, repeats_sql, violation_message

if TYPE_CHECKING:
    from etlcheck.tsql.catalog import CatalogCache, CatalogObject
    from etlcheck.tsql.compiler import Compiled
    from etlcheck.tsql.runtime import Runtime

VIOLATION = 2627


class KeyViolation(Exception):
    """A statement repeated a key value (or broke a FOREIGN KEY); it has been rolled back."""

    def __init__(self, message: str, number: int = VIOLATION) -> None:
        super().__init__(message)
        self.message = message
        self.number = number


@dataclass(frozen=True)
class ReferenceCheck:
    """One FOREIGN KEY a statement can break: a query that finds a row without its parent,
    and SQL Server's message 547 when it does."""

    sql: str
    message: str


@dataclass
class KeyGuard:
    interpreter: Runtime
    written: Written
    keys: tuple[Key, ...]
    shown: str
    """The table as SQL Server's message names it: its schema and name as declared."""
    references: tuple[ReferenceCheck, ...] = ()

    @classmethod
    def for_statement(cls, interpreter: Runtime, compiled: Compiled) -> KeyGuard | None:
        """A guard when ``compiled`` writes a table with keys it can repeat, else None."""
        written = compiled.written
        if written is None or compiled.kind != "dml":
            return None
        table = interpreter.catalog.table(written.schema, written.name)
        if table is None:
            return None
        keys = tuple(key for key in table.keys if key.can_repeat(written))
        shown = table.name if table.schema == "#" else f"{table.schema}.{table.name}"
        references = _references(interpreter.catalog, table, written)
        if not keys and not references:
            return None
        return cls(interpreter, written, keys, shown, references)

    @classmethod
    def for_written(cls, interpreter: Runtime, written: Written) -> KeyGuard | None:
        """A guard for the table ``written`` (an OUTPUT ... INTO target), else None."""
        table = interpreter.catalog.table(written.schema, written.name)
        if table is None or not table.keys:
            return None
        shown = table.name if table.schema == "#" else f"{table.schema}.{table.name}"
        return cls(interpreter, written, table.keys, shown)

    def execute(self, sql: str) -> int:
        """Run the statement and check the keys; rows affected, or KeyViolation."""
        return self.run(sql, returning=False)[0]

    def run(self, sql: str, returning: bool) -> tuple[int, list[tuple[Any, ...]]]:
        """Run the statement (as a query when it returns rows) and check the keys: rows
        affected and rows returned, or KeyViolation."""
        target = self.interpreter.target
        session = self.interpreter.session
        own = session.transaction_count == 0
        if own:
            target.begin_transaction()
        rows: list[tuple[Any, ...]] = []
        try:
            if returning:
                rows = target.query(sql).rows
                affected = len(rows)
            else:
                affected = target.execute(sql)
            violation = self.violation() if affected != 0 else None
            number = VIOLATION
            if violation is None and affected != 0:
                violation, number = self.conflict(), CONFLICT
        except BaseException:
            if own:
                target.rollback_transaction()
            raise
        if violation is not None:
            if own:
                target.rollback_transaction()
            else:
                self._doom()
            raise KeyViolation(violation, number)
        if own:
            target.commit_transaction()
        return affected, rows

    def _doom(self) -> None:
        """Leave the script's transaction as the engine leaves it after any failed statement."""
        self.interpreter.session.doomed = True
        try:
            self.interpreter.target.query(self.interpreter.emulation.doom_transaction_sql)
        except Exception:  # the failure is the point: it marks the transaction aborted
            return

    def violation(self) -> str | None:
        """SQL Server's message for the first key the table now repeats, or None."""
        target = self.interpreter.target
        for key in self.keys:
            if not target.query(repeats_sql(self.written.table_sql, key)).scalar():
                continue
            row_id = self.interpreter.emulation.row_id
            rows = target.query(duplicate_sql(self.written.table_sql, key, row_id)).rows
            values = rows[0] if rows else ()
            return violation_message(key, self.shown, tuple(values))
        return None

    def conflict(self) -> str | None:
        """SQL Server's message for the first FOREIGN KEY the statement broke, or None."""
        for reference in self.references:
            if self.interpreter.target.query(reference.sql).rows:
                return reference.message
        return None


def _references(
    catalog: CatalogCache, table: CatalogObject, written: Written
) -> tuple[ReferenceCheck, ...]:
    """The enabled FOREIGN KEYs a write of ``table`` can break: its own (unless it only
    deletes) and those of the tables that refer to it (unless it only inserts); an UPDATE
    only those whose columns it sets."""
    if table.schema == "#":
        return ()
    found: list[ReferenceCheck] = []
    database = catalog.database() if table.foreign_keys or not written.inserts else ""
    own = (table.schema, table.name)
    if not written.deletes:
        for key in table.foreign_keys:
            if key.enabled and _sets(written, key.columns):
                message = conflict_message(written.verb, key, database, own, False)
                found.append(ReferenceCheck(orphan_sql(own, key), message))
    if not written.inserts:
        for child, key in catalog.referencing(table.schema, table.name):
            if key.enabled and _sets(written, key.parent_columns):
                name = (child.schema, child.name)
                message = conflict_message(written.verb, key, database, name, True)
                found.append(ReferenceCheck(orphan_sql(name, key), message))
    return tuple(found)


def _sets(written: Written, columns: tuple[str, ...]) -> bool:
    """Whether the statement can change ``columns`` (an UPDATE only when it sets one)."""
    if written.columns is None or written.inserts or written.deletes:
        return True
    wanted = {column.lower() for column in columns}
    return any(column.lower() in wanted for column in written.columns)
