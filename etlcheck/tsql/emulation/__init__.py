"""What an interpreting engine needs beyond its dialect: catalog emulation and rewrites.

One ``Emulation`` per target dialect; everything engine-specific lives in the engine's
folder (``engines/duckdb/emulation.py``...) and reaches the interpreter through
``Engine.tsql_emulation()``; what they do alike is here (the statement plan and the
catalog snapshot, as template methods) and in ``common.py`` (node rewrites, literals).
"""

from __future__ import annotations

import functools
import json
import re
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar

from sqlglot import exp

from etlcheck.tsql.catalog import DEFAULT_SCHEMA as DEFAULT_SCHEMA
from etlcheck.tsql.catalog import CatalogCache, CatalogObject, CatalogSnapshot, with_defaults
from etlcheck.tsql.emulation.added_columns import plan_added_defaults, split_added_columns
from etlcheck.tsql.emulation.common import statement_kind, sys_call, written_table
from etlcheck.tsql.emulation.composable import COMPOSED, put_rows, split_composed
from etlcheck.tsql.emulation.functions import rewrite_functions
from etlcheck.tsql.emulation.lengths import add_length_checks
from etlcheck.tsql.emulation.merge_clauses import check_by_source
from etlcheck.tsql.emulation.merge_rows import plan_merge_rows, reads_rows_after
from etlcheck.tsql.emulation.named_defaults import plan_altered_defaults, plan_created_defaults
from etlcheck.tsql.emulation.narrow_columns import add_narrow_checks
from etlcheck.tsql.emulation.output import (
    OLD_TABLE,
    finish_target,
    merge_log_steps,
    output_target,
    plan_insert_or_delete,
    plan_merge,
    plan_update,
    take_output,
)
from etlcheck.tsql.emulation.overflow_errors import integer_overflow
from etlcheck.tsql.emulation.pivots import rewrite_pivots
from etlcheck.tsql.emulation.references import (
    COMPOSED_TARGET,
    check_output_target,
    check_referenced,
    plan_alter_constraints,
)
from etlcheck.tsql.emulation.rewrites import (
    ROW,
    SOURCE,
    TARGET,
    mark_recursive,
    normalize_tsql_forms,
    rewrite_delete,
    rewrite_update,
    strip_set_qualifiers,
)
from etlcheck.tsql.emulation.routines import RoutineSQL
from etlcheck.tsql.emulation.support import check_constructs
from etlcheck.tsql.emulation.ties import rewrite_with_ties
from etlcheck.tsql.foreign_keys import decode_foreign_keys
from etlcheck.tsql.index_statements import INDEX_KINDS, plan_index
from etlcheck.tsql.keys import Written, decode_keys
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import RESTART_IDENTITY, Check, Plan, table_name
from etlcheck.tsql.property_store import dropped_with

if TYPE_CHECKING:
    from etlcheck.tsql.identity_state import IdentityState
    from etlcheck.tsql.target import SqlTarget

_MARKED = re.compile(r"«(\d+)»(.*)", re.DOTALL)
SQL_SERVER_MESSAGES = {
    8134: "Divide by zero error encountered.",
    512: "Subquery returned more than 1 value. This is not permitted when the subquery "
    "follows =, !=, <, <= , >, >= or when the subquery is used as an expression.",
}

"""SQL Server's own words for errors whose engine message says the same thing otherwise."""


class Emulation(ABC):
    """T-SQL semantics for one target dialect."""

    dialect: ClassVar[str]
    internal_schemas: ClassVar[tuple[str, ...]] = ("sys",)
    """Schemas etlcheck creates for emulation (the catalog views and functions live in
    ``sys``); fingerprints and inventories skip them."""
    row_id: ClassVar[str]
    """The pseudo-column that identifies a row (UPDATE/DELETE with joins use it)."""
    catalog_sql: ClassVar[str]
    """One query for what OBJECT_ID/SCHEMA_ID need: rows ``(kind, schema, name, type, id,
    comment)`` of kind ``O`` (an object; temp ones in schema ``#``; the comment is a
    table's, where ``enforces_keys`` emulations record its keys), ``S`` (a schema), ``D``
    (the database name, in the schema column) and ``C`` (a column whose comment records a
    DEFAULT constraint's name, ``etlcheck.tsql.default_constraints``: the table in the name
    column, the column in the type column)."""
    constraint_objects: ClassVar[bool] = False
    """True when ``catalog_sql`` lists constraints as objects (as ``sys.objects`` does):
    then a CREATE or DROP TABLE changes more than the table, and the catalog is reloaded
    instead of updated in place."""
    doom_transaction_sql: ClassVar[str] = ""
    """A statement that fails, leaving the open transaction aborted (``enforces_keys``)."""
    reads_text_as_sql_server: ClassVar[bool] = False
    """True when casts of strings to numbers and dates go through etlcheck's readers
    (``emulation.conversions``) because the engine's own read other forms."""
    returning_sees_from: ClassVar[bool] = True
    """True when UPDATE ... RETURNING may name the tables of the UPDATE's FROM."""
    merge_output: ClassVar[bool] = False
    """True when MERGE has a RETURNING clause (with ``merge_action``)."""
    merge_output_logged: ClassVar[bool] = False
    """True when MERGE ... OUTPUT is read from a row trigger's log instead
    (``emulation.output.merge_log_steps``)."""
    enforces_keys: ClassVar[bool] = False
    """True when tables are created without their PRIMARY KEY/UNIQUE constraints, which
    the interpreter then checks after each write (``etlcheck.tsql.keys``)."""
    routine_sql: ClassVar[RoutineSQL]
    """How T-SQL functions become engine objects (``etlcheck.tsql.udfs``)."""
    drops_one_at_a_time: ClassVar[bool] = False
    """True where DROP names one object only (DuckDB): ``DROP TABLE a, b`` becomes two."""
    hashes: ClassVar[frozenset[str]] = frozenset()
    """The HASHBYTES algorithms the engine computes (``etlcheck.tsql.emulation.hashes``)."""
    adds_checks: ClassVar[bool] = True
    """False where a CHECK constraint can only be declared with its table (DuckDB)."""
    alters_one_at_a_time: ClassVar[bool] = False
    """True where ALTER TABLE takes one change (DuckDB): ``ADD a, b`` becomes two."""
    literal_defaults_only: ClassVar[bool] = False
    """True where a NOT NULL column added to a table with rows takes only a constant
    default (DuckDB; see ``emulation.added_columns``)."""
    index_includes: ClassVar[bool] = True
    """False where an index has no INCLUDE columns (DuckDB): they are dropped."""
    filtered_indexes: ClassVar[bool] = True
    """False where an index has no WHERE (DuckDB; see ``etlcheck.tsql.index_statements``)."""
    fetch_with_ties: ClassVar[bool] = True
    """False where there is no ``FETCH FIRST n ROWS WITH TIES`` (DuckDB): ``TOP (n) WITH
    TIES`` becomes a ``QUALIFY`` on the rank (see ``emulation.ties``)."""
    grants_permissions: ClassVar[bool] = True
    """False where the engine has no permissions (DuckDB): GRANT and REVOKE are refused
    before anything runs, instead of failing at the engine halfway through the run."""

    def may_create_in(self, target: SqlTarget, schema_id: int) -> bool:
        """Whether the session may create a routine in the schema of id ``schema_id``."""
        return self.routine_sql.may_create_in(target, schema_id)

    @abstractmethod
    def install(self, target: SqlTarget) -> None:
        """Create catalog views and functions in ``target`` (idempotent)."""

    def plan(self, tree: exp.Expression) -> Plan:
        """Rewrite a T-SQL statement tree for this dialect; may add steps before/after it."""
        composed = split_composed(tree)
        if composed is not None:
            return self._plan_composed(*composed)
        tree = rewrite_pivots(tree)
        check_constructs(tree)
        if isinstance(tree, exp.Grant | exp.Revoke) and not self.grants_permissions:
            word = "GRANT" if isinstance(tree, exp.Grant) else "REVOKE"
            raise CompileError(f"{word}: the engine has no permissions", word)
        tree = normalize_tsql_forms(tree)
        mark_recursive(tree)
        output = take_output(tree)
        checks: list[Check] = []
        tree = rewrite_functions(tree, checks, self.reads_text_as_sql_server, self)
        rewrite_with_ties(tree, self.fetch_with_ties, checks)
        if output is not None:
            rewritten = rewrite_functions(output, checks, self.reads_text_as_sql_server, self)
            assert isinstance(rewritten, exp.Returning)
            output = rewritten
        plan = Plan(tree, statement_kind(tree), checks=checks)
        returned: list[exp.Expression] = []
        if isinstance(tree, exp.Create):
            plan_created_defaults(plan, tree)
            self._plan_create(plan, tree)
        elif isinstance(tree, exp.Drop):
            self._plan_drop(plan, tree)
        elif isinstance(tree, exp.TruncateTable):
            self._plan_truncate(plan, tree)
        elif isinstance(tree, exp.Update) and output is not None:
            plan.tree, returned = plan_update(tree, output, self.row_id)
        elif isinstance(tree, exp.Update):
            plan.tree = rewrite_update(tree, self.row_id)
        elif isinstance(tree, exp.Delete):
            plan.tree = rewrite_delete(tree, self.row_id)
        elif isinstance(tree, exp.Merge):
            self._plan_merge(plan, tree, output)
            self._check_merge_matches(plan, tree)
        elif isinstance(tree, exp.Alter):
            _refuse_added(tree, self.adds_checks)
            if self.enforces_keys:
                _check_key_columns(plan, tree)
            recorded = plan_altered_defaults(plan, tree, self.enforces_keys)
            plan_alter_constraints(plan, tree, self.enforces_keys)
            self._plan_alter_columns(plan, tree)
            plan_added_defaults(tree, plan.after, self._rewrite_tree, self.literal_defaults_only)
            if self.alters_one_at_a_time:
                split_added_columns(plan.tree, plan.after, self._rewrite_tree)
            plan.after.extend(recorded)
        if self.enforces_keys:
            check_referenced(plan, tree)
        if isinstance(tree, (exp.Drop, exp.Alter)):
            plan.after.extend(dropped_with(tree, functools.partial(self.literal, type_sql=None)))
        if output is not None:
            self._plan_output(plan, output, returned)
        plan.tree = self._rewrite_tree(plan.tree)
        if output is not None and returned and not self.returning_sees_from:
            self._output_after_update(plan, returned)
        if self.enforces_keys and isinstance(
            plan.tree, (exp.Insert, exp.Update, exp.Merge, exp.Delete)
        ):
            plan.written = written_table(plan.tree, self.dialect)
        if isinstance(plan.tree, exp.Insert) or (
            isinstance(plan.tree, exp.Merge) and _merge_inserts(plan.tree)
        ):
            plan.inserts_into = written_table(plan.tree, self.dialect)
        return plan

    def _plan_composed(self, insert: exp.Insert, merge: exp.Merge) -> Plan:
        """Composable DML (``emulation.composable``): the MERGE, its OUTPUT rows read after
        it, and the INSERT that reads them as the statement."""
        inner = self.plan(merge)
        outer = self.plan(insert)
        check_output_target(outer, insert, COMPOSED_TARGET)
        construct = "MERGE inside another statement"
        if not inner.output_step or outer.output_step is not None or outer.counted_step:
            raise CompileError(f"{construct}: this form is not supported", construct, word="MERGE")
        if self.enforces_keys and inner.written is not None:
            # the keys are checked once, after the INSERT: of the MERGE's target, any column
            if outer.written is None or outer.written.table_sql != inner.written.table_sql:
                raise CompileError(
                    f"{construct}: on this engine the INSERT around the MERGE writes the "
                    "MERGE's target only (OUTPUT … INTO a #temp table, then INSERT from it)",
                    construct,
                    word="MERGE",
                )
            outer.written = inner.written
        query = inner.after.pop(inner.output_step - 1)
        assert isinstance(query, exp.Expression)
        put_rows(outer.tree, query)
        outer.before = [*inner.before, inner.tree, *outer.before]
        outer.after = [*outer.after, *inner.after]
        outer.checks = [*inner.checks, *outer.checks]
        outer.own_transaction = True
        outer.inserts_into = inner.inserts_into  # SCOPE_IDENTITY() follows the MERGE's
        return outer

    def _plan_output(
        self, plan: Plan, output: exp.Returning, returned: list[exp.Expression]
    ) -> None:
        """RETURNING for the OUTPUT clause (see ``emulation.output``), and its INTO."""
        tree = plan.tree
        planned = plan.output_step is not None  # read after the statement (merge_rows)
        plan.output_step = 0 if plan.output_step is None else plan.output_step
        if planned:
            pass
        elif isinstance(tree, (exp.Insert, exp.Delete)):
            plan_insert_or_delete(tree, output)
        elif isinstance(tree, exp.Merge) and self.merge_output:
            plan_merge(tree, output)
        elif isinstance(tree, exp.Merge):
            self._plan_merge_logged(plan, tree, output)
        elif self.returning_sees_from:
            tree.set("returning", exp.Returning(expressions=returned))
        target = output_target(output)
        if target is not None:
            check_output_target(plan, target)
            finish_target(plan, self._rewrite_tree(target), self.dialect)

    def _plan_merge_logged(self, plan: Plan, merge: exp.Merge, output: exp.Returning) -> None:
        """MERGE ... OUTPUT through a row trigger's log (``merge_log_steps``)."""
        target = merge.this.copy()
        target.set("alias", None)
        target_sql = self._rewrite_tree(target).sql(dialect=self.dialect)
        before, query, after = merge_log_steps(merge, output, target_sql)
        plan.before.extend(before)
        plan.output_step = 1 + len(plan.after)
        plan.after.append(self._rewrite_tree(query))
        plan.after.extend(after)

    def _output_after_update(self, plan: Plan, returned: list[exp.Expression]) -> None:
        """For engines whose RETURNING sees only the target: the rows picked (with their
        old values) go to a temporary table first, and the OUTPUT rows are read by
        joining it to the updated rows by row id."""
        update = plan.tree
        source = update.args["from_"].this
        inner = source.this if isinstance(source, exp.Subquery) else None
        if inner is None:
            raise CompileError("OUTPUT: this UPDATE form is not supported", "OUTPUT", word="OUTPUT")
        kept = exp.alias_(exp.to_table(OLD_TABLE), SOURCE, table=True)
        update.args["from_"].set("this", kept)
        target = update.this.copy()
        select = exp.Select(expressions=[e.copy() for e in returned]).from_(kept.copy())
        select = select.join(
            target,
            on=exp.EQ(
                this=exp.column(self.row_id, table=TARGET), expression=exp.column(ROW, table=SOURCE)
            ),
        )
        rewritten = self._rewrite_tree(select)
        plan.before.append(
            f"CREATE OR REPLACE TEMP TABLE {OLD_TABLE} AS {inner.sql(dialect=self.dialect)}"
        )
        plan.output_step = 1 + len(plan.after)
        plan.after.append(rewritten)
        plan.after.append(f"DROP TABLE IF EXISTS {OLD_TABLE}")

    @abstractmethod
    def format_moment_piece(self, value: exp.Expression, token: str) -> exp.Expression:
        """One .NET date token of FORMAT (``yyyy``, ``MMM``...) in this dialect."""

    def format_number(
        self, value: exp.Expression, decimals: int, grouped: bool, digits: int
    ) -> exp.Expression:
        """FORMAT of a number: ``decimals`` places, thousands separators when ``grouped``,
        at least ``digits`` digits before the point, rounded half away from zero."""
        arguments = [exp.Literal.number(decimals), exp.Boolean(this=grouped)]
        return sys_call("etlcheck_format_number", [value, *arguments, exp.Literal.number(digits)])

    def hash_algorithms(self) -> frozenset[str]:
        return self.hashes

    def format_integer(self, value: exp.Expression, digits: int) -> exp.Expression:
        """FORMAT's ``Dn``: an integer with at least ``digits`` digits (NULL otherwise)."""
        return sys_call("etlcheck_format_integer", [value, exp.Literal.number(digits)])

    @abstractmethod
    def _rewrite_tree(self, tree: exp.Expression) -> exp.Expression:
        """Names, types and functions of a planned statement in this dialect."""

    def length_check(self, column: exp.Identifier, size: int, table: str) -> exp.Expression | None:
        """The CHECK condition that fails a value of ``column`` longer than ``size``
        characters with SQL Server's error 2628 (``etlcheck.tsql.emulation.lengths``); None
        where the engine enforces declared lengths itself."""
        return None

    def narrow_check(self, column: exp.Identifier, kind: str, table: str) -> exp.Expression | None:
        """The CHECK condition that keeps a ``tinyint`` or ``bit`` column within its values
        (``etlcheck.tsql.emulation.narrow_columns``); None where the engine's own types do."""
        return None

    def _plan_create(self, plan: Plan, tree: exp.Create) -> None:
        kind = (tree.args.get("kind") or "").upper()
        if kind == "TABLE":
            add_length_checks(tree, self.length_check)
            add_narrow_checks(tree, self.narrow_check)
        if kind in INDEX_KINDS:
            plan_index(tree, self.index_includes, self.filtered_indexes)
        if kind in ("SCHEMA", "VIEW"):
            plan.checks.append(Check("first_in_batch", f"CREATE {kind}"))
        if kind in ("PROCEDURE", "FUNCTION", "TRIGGER"):
            raise CompileError(f"CREATE {kind} is not supported", f"CREATE {kind}")

    def _plan_alter_columns(self, plan: Plan, tree: exp.Alter) -> None:
        """ALTER TABLE … ALTER COLUMN c type [NULL | NOT NULL]: the engines take the
        nullability in a statement of its own (sqlglot would drop it), and the column's
        declared length is checked anew (``_recheck_length``)."""
        for action in tree.args.get("actions") or []:
            if not isinstance(action, exp.AlterColumn) or action.args.get("dtype") is None:
                continue
            nullable = action.args.get("allow_null")
            if nullable is not None:
                action.set("allow_null", None)
                change = exp.AlterColumn(this=action.this.copy(), allow_null=bool(nullable))
                change.set("drop", True if nullable else None)
                alter = exp.Alter(this=tree.this.copy(), kind="TABLE", actions=[change])
                plan.after.append(self._rewrite_tree(alter))
            self._recheck_length(plan, tree.this, action)

    def _recheck_length(self, plan: Plan, table: exp.Table, action: exp.AlterColumn) -> None:
        """The length check of a column whose type ALTER COLUMN changes, replaced by one
        for its new type (nothing by default)."""
        return None

    def _plan_truncate(self, plan: Plan, tree: exp.TruncateTable) -> None:
        """TRUNCATE TABLE starts each table's IDENTITY again from its seed, as SQL Server
        does: here by ``restart_identity`` once the tables are empty."""
        names = [name for name in map(table_name, tree.expressions) if name is not None]
        if names:
            plan.checks.append(Check(RESTART_IDENTITY, json.dumps(names)))

    def restart_identity(self, target: SqlTarget, schema: str, table: str) -> None:
        """Start the IDENTITY of ``schema.table`` (``#``: a temp table) again from its seed
        (after TRUNCATE TABLE; nothing by default)."""
        return None

    def advance_identity(self, target: SqlTarget, written: Written) -> None:
        """After an INSERT gave the IDENTITY of the table ``written`` names values of its own
        (SET IDENTITY_INSERT ON): SQL Server's identity goes on from the highest of them
        when that is past its last value (the lowest, counting down), so the sequence moves
        there (nothing by default)."""
        return None

    @abstractmethod
    def datefirst_sql(self, first: int) -> str:
        """The statement that makes ``first`` the session's SET DATEFIRST, which
        ``sys.etlcheck_datefirst()`` (and so DATEPART's weekday and week) reads."""

    @abstractmethod
    def identity_state(self, target: SqlTarget, schema: str, table: str) -> IdentityState | None:
        """The IDENTITY of ``schema.table`` (``#``: a temp table) as DBCC CHECKIDENT reads
        it; None when the table has no identity column."""

    @abstractmethod
    def reseed_identity(
        self, target: SqlTarget, schema: str, table: str, value: int, first: bool
    ) -> None:
        """Make ``value`` the current identity value of ``schema.table``: the next row gets
        the value after it, or ``value`` itself when ``first`` (no row was inserted since
        the table was created or truncated)."""

    def _plan_drop(self, plan: Plan, tree: exp.Drop) -> None:
        kind = (tree.args.get("kind") or "").upper()
        if kind == "SCHEMA":
            for table in tree.args.get("tables") or []:
                if isinstance(table, exp.Table):
                    plan.checks.append(Check("schema_empty", table.db or table.name))
            tree.set("cascade", True)
        elif kind in ("PROCEDURE", "FUNCTION", "TRIGGER"):
            raise CompileError(f"DROP {kind} is not supported", f"DROP {kind}")
        tables = list(tree.args.get("tables") or [])
        if self.drops_one_at_a_time and len(tables) > 1:
            # DROP TABLE a, b drops a, then b, as SQL Server does.
            for table in tables[1:]:
                single = tree.copy()
                single.set("tables", [table.copy()])
                plan.after.append(self._rewrite_tree(single))  # #temp names as the engine's
            tree.set("tables", [tables[0]])

    def _check_merge_matches(self, plan: Plan, tree: exp.Merge) -> None:
        """SQL Server's error 8672 when a target row matches more than one source row of a
        MERGE that updates or deletes matched rows, where the engine would update the row
        once per match, silently (nothing by default: the engine raises an error itself)."""
        return None

    def _plan_merge(self, plan: Plan, tree: exp.Merge, output: exp.Returning | None) -> None:
        check_by_source(tree)
        if output is not None and not (self.merge_output or self.merge_output_logged):
            raise CompileError(
                "MERGE ... OUTPUT: this engine's MERGE cannot return the rows it changed",
                "MERGE ... OUTPUT",
                word="OUTPUT",
            )
        composed = tree.meta.get(COMPOSED, False)
        if output is not None and (
            composed or reads_rows_after(tree, output, self.merge_output_logged)
        ):
            plan_merge_rows(plan, tree, output, self.row_id, self._rewrite_tree, self.dialect)
        for update in tree.find_all(exp.Update):
            strip_set_qualifiers(update)

    def literal(self, value: Any, type_sql: str | None) -> str:
        """``value`` as a SQL literal of this dialect (``type_sql`` in this dialect, or None)."""
        text = self._untyped_literal(value)
        return f"CAST({text} AS {type_sql})" if type_sql else text

    @abstractmethod
    def _untyped_literal(self, value: Any) -> str:
        """``value`` as a literal of this dialect, of the type its spelling gives it."""

    @abstractmethod
    def type_sql(self, tsql_type: str) -> str:
        """A T-SQL data type (``NVARCHAR(50)``) in this dialect."""

    def load_catalog(self, target: SqlTarget) -> CatalogSnapshot:
        """Tables, views and schemas as OBJECT_ID and SCHEMA_ID see them."""
        objects: list[CatalogObject] = []
        schemas: list[tuple[str, int]] = []
        defaults: list[tuple[object, ...]] = []
        database = ""
        for row in target.query(self.catalog_sql).rows:
            kind, schema, name, object_type, object_id, comment = row
            if kind == "O":
                objects.append(
                    CatalogObject(
                        str(schema),
                        str(name),
                        str(object_type),
                        object_id,
                        decode_keys(comment),
                        decode_foreign_keys(comment),
                    )
                )
            elif kind == "S":
                schemas.append((str(schema), int(object_id)))
            elif kind == "C":
                defaults.append((schema, name, object_type, comment))
            else:
                database = str(schema)
        objects = with_defaults(objects, defaults)
        return CatalogSnapshot(tuple(objects), tuple(schemas), database)

    def reference_constraint(
        self, target: SqlTarget, catalog: CatalogCache, table: CatalogObject
    ) -> str | None:
        """The name of a FOREIGN KEY ``table`` is on either side of (one of its own first),
        or None; here the keys the interpreter records (``etlcheck.tsql.foreign_keys``)."""
        if table.foreign_keys:
            return table.foreign_keys[0].name
        referencing = catalog.referencing(table.schema, table.name)
        return referencing[0][1].name if referencing else None

    def enabled_trigger(self, target: SqlTarget, table: CatalogObject) -> str | None:
        """The name of an enabled trigger on ``table``, or None (CREATE TRIGGER is refused
        before anything runs, so an emulation without triggers of its own has none)."""
        return None

    def constraint_table(
        self, target: SqlTarget, catalog: CatalogCache, schema: str, name: str
    ) -> tuple[CatalogObject, str] | None:
        """The table whose constraint ``schema.name`` is (and the constraint's name as
        spelled), or None; here the keys the interpreter records."""
        return catalog.constraint(schema, name)

    def rename_constraint(
        self, target: SqlTarget, table: CatalogObject, old: str, new: str
    ) -> None:
        """Rename a constraint the engine holds itself (``enforces_keys`` emulations
        rewrite what they record instead)."""
        name = f"{_double_quoted(table.schema)}.{_double_quoted(table.name)}"
        target.execute(
            f"ALTER TABLE {name} RENAME CONSTRAINT {_double_quoted(old)} TO {_double_quoted(new)}"
        )

    def after_table_rename(self, target: SqlTarget, schema: str, old: str, new: str) -> None:
        """What the emulation keeps under a table's name, moved to its new name after
        ``sp_rename`` renamed ``schema.old`` to ``new`` (nothing by default)."""
        return None

    def column_blocker(self, target: SqlTarget, schema: str, table: str) -> str | None:
        """What keeps the engine from adding a column to ``schema.table`` for the length of
        a statement (``emulation.merge_rows``), or None."""
        return None

    @abstractmethod
    def schema_blockers(self, target: SqlTarget, schema: str) -> list[str]:
        """Objects that keep SQL Server from dropping ``schema`` (empty when it may go)."""

    def error_number(self, error: Exception) -> int:
        """SQL Server's error number for a database error, as near as can be told."""
        return 50000

    def error_details(self, error: Exception) -> tuple[int, str]:
        """SQL Server's error number and message for a database error: an emulation's own
        errors carry them as ``«number»message``, the engine's are mapped."""
        message = str(error).split("\n\n")[0].strip()
        marked = _MARKED.search(message)
        if marked is not None:
            return int(marked.group(1)), marked.group(2).strip()
        overflow = integer_overflow(message)
        if overflow is not None:
            return overflow
        number = self.error_number(error)
        return number, SQL_SERVER_MESSAGES.get(number, message)


_ADDED_REFUSALS = (
    (
        exp.ColumnDef,
        exp.ComputedColumnConstraint,
        "computed column: a computed column cannot be added to a table here; declare it in "
        "the CREATE TABLE",
        "computed column",
        "AS",
    ),
    (
        exp.AddConstraint,
        exp.CheckColumnConstraint,
        "ALTER TABLE … ADD CONSTRAINT … CHECK: this engine cannot add a CHECK constraint to "
        "a table that exists; declare it in the CREATE TABLE",
        "ALTER TABLE … ADD CONSTRAINT … CHECK",
        "CONSTRAINT",
    ),
)
"""What ``ALTER TABLE … ADD`` may ask that an engine cannot do to a table that exists: a
computed column (neither engine; PostgreSQL would also need its type), and a CHECK
constraint (where ``adds_checks`` is False)."""


def _merge_inserts(merge: exp.Merge) -> bool:
    """Whether a MERGE has a WHEN NOT MATCHED ... THEN INSERT clause."""
    return any(isinstance(when.args.get("then"), exp.Insert) for when in merge.find_all(exp.When))


def _refuse_added(tree: exp.Alter, checks: bool) -> None:
    for action in tree.args.get("actions") or []:
        for added, inner, message, construct, word in _ADDED_REFUSALS:
            if inner is exp.CheckColumnConstraint and checks:
                continue
            if isinstance(action, added) and action.find(inner):
                raise CompileError(message, construct, word=word)


def _double_quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _check_key_columns(plan: Plan, tree: exp.Alter) -> None:
    """ALTER TABLE ... DROP/ALTER COLUMN must leave the interpreter's keys whole: SQL Server
    refuses to drop or change a column a key uses (error 4922)."""
    table = table_name(tree.this)
    if table is None:
        return
    for action in tree.args.get("actions") or []:
        if isinstance(action, exp.Drop) and (action.args.get("kind") or "").upper() == "COLUMN":
            verb, columns = "DROP", [c.name for c in action.args.get("tables") or []]
        elif isinstance(action, exp.AlterColumn) and action.args.get("default") is None:
            verb, columns = "ALTER", [action.name]  # a default (ADD ... FOR) leaves keys be
        else:
            continue
        plan.checks.append(Check("key_columns", json.dumps([*table, verb, columns])))
