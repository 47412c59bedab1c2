"""One compiled statement on the engine: its run-time checks, its steps with the holes
filled, the key checks around its writes, OUTPUT rows and what it leaves in @@ROWCOUNT.

Engine errors become SQL Server's (``TsqlError`` with the nearest error number), so a
CATCH block sees them as it would on SQL Server.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from etlcheck.errors import StatementFailed, UnsupportedConstruct
from etlcheck.tsql.emulation.references import COMPOSED_TARGET, OUTPUT_INTO_TARGET
from etlcheck.tsql.frames import HINT
from etlcheck.tsql.guard import KeyGuard, KeyViolation
from etlcheck.tsql.identity import IdentityWatch, catch_up
from etlcheck.tsql.nodes import Fragment
from etlcheck.tsql.object_names import invalid_object_message
from etlcheck.tsql.outputs import insert_output
from etlcheck.tsql.plan import ALTERED_TARGET, RESTART_IDENTITY
from etlcheck.tsql.reference_checks import REFERENCE_CHECKS
from etlcheck.tsql.scope import Scope, TsqlError, UnknownVariable
from etlcheck.tsql.tablevars import save_table_variables

if TYPE_CHECKING:
    from etlcheck.tsql.catalog import TableEffect
    from etlcheck.tsql.compiler import Compiled
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime

T = TypeVar("T")
Rows = list[tuple[Any, ...]]


class StatementRun:
    """Runs ``compiled`` (the statement ``fragment``) once."""

    def __init__(
        self,
        interpreter: Runtime,
        compiled: Compiled,
        fragment: Fragment,
        scope: Scope,
        frame: Frame,
    ) -> None:
        self.interpreter = interpreter
        self.compiled = compiled
        self.fragment = fragment
        self.scope = scope
        self.frame = frame
        self.session = interpreter.session
        self.target = interpreter.target

    def run(self, first: bool, count: bool, retry: bool) -> Rows | None:
        """The rows of a query or assignment ([] otherwise); None when the statement must
        be compiled again with ``+`` as string concatenation."""
        compiled, catalog = self.compiled, self.interpreter.catalog
        self._checks(first)
        effect = None if self.interpreter.emulation.constraint_objects else compiled.table_effect
        fresh = effect is not None and catalog.fresh()
        if compiled.changes_catalog and effect is None:
            catalog.invalidate()
        if self.session.identity_behind and "IDENT_CURRENT" in self.fragment.text.upper():
            self._guarded(lambda: catch_up(self.interpreter))
        watch = self._identity_watch(count)
        rows = self._steps(count, retry)
        if rows is None:
            return None
        self._restart_identities()
        if compiled.changes_catalog:
            self.session.identity_columns.clear()
        if watch is not None:
            row_count = self.session.row_count
            self._guarded(lambda: watch.finish(self.interpreter, self.scope, row_count))
        if effect is not None and fresh:
            catalog.apply(effect)
        elif compiled.changes_catalog:
            catalog.invalidate()
        if compiled.table_effect is not None and self.scope.module is not None:
            self._remember_temp_tables(compiled.table_effect)
        if compiled.writes_table_variables and self.session.transaction_count:
            save_table_variables(self.interpreter, self.scope, compiled.writes_table_variables)
        if compiled.kind == "assign":
            if rows:
                for name, value in zip(compiled.assigned, rows[-1], strict=False):
                    self.scope.set(name, value)
            self.session.row_count = len(rows)
        elif compiled.kind == "query" and count:
            self.session.row_count = len(rows)
        elif compiled.kind == "ddl" and count:
            self.session.row_count = 0
        self.session.last_error = 0
        return rows

    def _restart_identities(self) -> None:
        """After TRUNCATE TABLE: each table's IDENTITY starts again from its seed."""
        emulation = self.interpreter.emulation
        for check in self.compiled.checks:
            if check.kind == RESTART_IDENTITY:
                for schema, name in json.loads(check.subject):
                    restart = functools.partial(
                        emulation.restart_identity, self.target, schema, name
                    )
                    self._guarded(restart)

    def _identity_watch(self, count: bool) -> IdentityWatch | None:
        """A watch on the identity values an INSERT or MERGE generates (SCOPE_IDENTITY())."""
        written = self.compiled.inserts_into
        if written is None or not count or self.session.doomed:
            return None
        return self._guarded(lambda: IdentityWatch.start(self.interpreter, written))

    def _steps(self, count: bool, retry: bool) -> Rows | None:
        compiled = self.compiled
        guard = KeyGuard.for_statement(self.interpreter, compiled)
        rows: Rows = []
        output: Rows = []
        alone = compiled.output_into is not None or compiled.own_transaction
        own = alone and self.session.transaction_count == 0
        if own:  # the statement and its OUTPUT INTO rows stand or fall together
            self.target.begin_transaction()
            self.session.transaction_count += 1
        try:
            for index, step in enumerate(compiled.steps):
                try:
                    sql = step.render(self._render)
                except UnknownVariable as error:
                    raise self.interpreter.failure(
                        f'Must declare the scalar variable "{error.name}".',
                        self.frame,
                        self.fragment.start,
                    ) from None
                returned = self._step(index, sql, guard, count, retry)
                if returned is None:
                    return None
                if index == compiled.main and compiled.kind in ("query", "assign"):
                    rows = returned
                if index == compiled.output_step:
                    output = returned
            into = compiled.output_into
            if into is not None and output:
                self._guarded(lambda: insert_output(self.interpreter, into, output))
        except BaseException:
            if own:
                own = False
                self.session.transaction_count -= 1
                self.target.rollback_transaction()
            raise
        finally:
            if own:
                self.session.transaction_count -= 1
                self.target.commit_transaction()
        return rows

    def _step(
        self, index: int, sql: str, guard: KeyGuard | None, count: bool, retry: bool
    ) -> Rows | None:
        """Run step ``index``; the rows it returned (None: retry with ``+`` as concat)."""
        compiled = self.compiled

        def run() -> Rows:
            returning = index == compiled.output_step
            if index != compiled.main:
                if index == compiled.counted_step:
                    self._count_more(self.target.query(sql).rows, count)
                    return []
                if returning:
                    return self.target.query(sql).rows
                self.target.execute(sql)
                return []
            if compiled.kind in ("query", "assign"):
                query = self.target.query if compiled.reads_tables else self.target.query_expression
                return query(sql).rows
            if guard is not None:
                affected, rows = guard.run(sql, returning)
            elif returning:
                rows = self.target.query(sql).rows
                affected = len(rows)
            else:
                affected, rows = self.target.execute(sql), []
            if compiled.kind == "dml" and count:
                self.interpreter.rows_affected += max(affected, 0)
                self.session.row_count = max(affected, 0)
            return rows

        try:
            return self._guarded(run)
        except TsqlError as error:
            if not retry and "+(VARCHAR, VARCHAR)" in error.message:
                return None
            raise

    def _count_more(self, rows: Rows, count: bool) -> None:
        """Rows the statement changed that the engine did not count for it (one value)."""
        more = int(rows[0][0]) if rows and rows[0][0] is not None else 0
        if self.compiled.kind == "dml" and count:
            self.interpreter.rows_affected += more
            self.session.row_count += more

    def _guarded(self, run: Callable[[], T]) -> T:
        """``run()``, its engine errors turned into SQL Server's (TsqlError)."""
        fragment, frame = self.fragment, self.frame
        try:
            return run()
        except KeyViolation as violation:
            self.session.last_error = violation.number
            raise self.interpreter.failure(
                violation.message,
                frame,
                fragment.start,
                number=violation.number,
                statement=fragment.text,
            ) from None
        except (TsqlError, UnsupportedConstruct, StatementFailed):
            raise
        except Exception as error:
            number, message = self.interpreter.emulation.error_details(error)
            if number == 208:
                message = invalid_object_message(message, fragment.text) or message
            self.session.last_error = number
            if self.session.transaction_count:
                self.session.doomed = True  # the engine aborted the transaction
            raise TsqlError(
                number,
                message,
                line=frame.batch_line(fragment.start),
                location=frame.location(fragment.start),
                statement=fragment.text,
                procedure=frame.procedure,
            ) from None

    def _remember_temp_tables(self, effect: TableEffect) -> None:
        """A ``#temp`` table made in a procedure or dynamic SQL goes when that ends."""
        module = self.scope.module
        assert module is not None
        created = effect.created
        local = created is not None and created[0] == "#" and created[1][:2] not in ("##", "#@")
        if local and created is not None:  # not a global one, nor a table variable's own
            module.temp_tables.append(created[1])
        for schema, name in effect.dropped:
            if schema == "#" and name in module.temp_tables:
                module.temp_tables.remove(name)

    def _render(self, hole: str) -> str:
        value, type_sql = self.scope.hole_value(hole)
        return self.interpreter.emulation.literal(value, type_sql)

    def _fail(self, message: str, number: int) -> TsqlError:
        return self.interpreter.failure(
            message, self.frame, self.fragment.start, number, self.fragment.text
        )

    def _checks(self, first: bool) -> None:
        """The SQL Server errors a statement raises before it runs."""
        for check in self.compiled.checks:
            if check.kind == "error":
                number, message = json.loads(check.subject)
                raise self._fail(message, number)
            if check.kind == "first_in_batch" and not first:
                raise self._fail(
                    f"'{check.subject}' must be the first statement in a query batch.", 111
                )
            if check.kind == "key_columns":
                self._check_key_columns(check.subject)
            if check.kind == ALTERED_TARGET:
                self._check_altered_target(check.subject)
            if check.kind == COMPOSED_TARGET:
                self._check_composed_target(check.subject)
            if check.kind in REFERENCE_CHECKS:
                refusal = REFERENCE_CHECKS[check.kind](self.interpreter, check.subject)
                if refusal is not None:
                    self.session.last_error = refusal[0]
                    raise self._fail(refusal[1], refusal[0])
            if check.kind == "schema_empty":
                blockers = self.interpreter.emulation.schema_blockers(self.target, check.subject)
                if blockers:
                    raise self._fail(
                        f"Cannot drop schema '{check.subject}' because it is being referenced "
                        f"by object '{blockers[0]}'.",
                        3729,
                    )

    def _check_altered_target(self, subject: str) -> None:
        """The MERGE whose OUTPUT names its source's columns adds a column to its target for
        the statement (``emulation.merge_rows``): refused where the engine cannot."""
        schema, name = json.loads(subject)
        emulation = self.interpreter.emulation
        blocker = self._guarded(lambda: emulation.column_blocker(self.target, schema, name))
        if blocker is not None:
            raise UnsupportedConstruct(
                "MERGE ... OUTPUT of the source's columns (or of deleted's, where the engine's "
                f"MERGE returns the new rows only): the engine cannot add a column to {name} "
                f"for the statement ({blocker}), which follows its rows that way",
                self.frame.location(self.fragment.start),
                HINT,
            )

    def _check_composed_target(self, subject: str) -> None:
        """The INSERT around a MERGE (composable DML) into a table SQL Server refuses there:
        one with a trigger or on either side of a FOREIGN KEY (as OUTPUT INTO's target)."""
        if REFERENCE_CHECKS[OUTPUT_INTO_TARGET](self.interpreter, subject) is None:
            return
        raise UnsupportedConstruct(
            "INSERT … SELECT … FROM (MERGE … OUTPUT …): SQL Server refuses an INSERT target "
            "with a trigger or on either side of a FOREIGN KEY, with an error its "
            "documentation does not give; OUTPUT … INTO a #temp table, then INSERT from it",
            self.frame.location(self.fragment.start),
            HINT,
        )

    def _check_key_columns(self, subject: str) -> None:
        schema, name, verb, columns = json.loads(subject)
        table = self.interpreter.catalog.table(schema, name)
        used = {c.lower() for key in (table.keys if table else ()) for c in key.columns}
        used |= {c.lower() for key in (table.foreign_keys if table else ()) for c in key.columns}
        for column in columns:
            if column.lower() in used:
                raise self._fail(
                    f"ALTER TABLE {verb} COLUMN {column} failed because one or more objects "
                    "access this column.",
                    4922,
                )
