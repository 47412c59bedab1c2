"""T-SQL semantics on DuckDB: catalog views and functions in a ``sys`` schema, SQL Server
types, temp tables, IDENTITY columns, schema DDL and UPDATE/DELETE with joins."""

from __future__ import annotations

import datetime
import decimal
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from etlcheck.engines.duckdb.identity_rename import (
    advance_identity,
    identity_bound,
    identity_state,
    move_identity,
    reseed_identity,
    restart_identity,
)
from etlcheck.engines.duckdb.routines import DuckDBRoutineSQL
from etlcheck.engines.duckdb.text_values import TEXT_TYPES, as_text, integer_of_text, textual
from etlcheck.tsql.catalog import CONSTRAINT_TYPES
from etlcheck.tsql.emulation import DEFAULT_SCHEMA, Emulation
from etlcheck.tsql.emulation.common import (
    create_target,
    dialect_type_sql,
    is_temp,
    map_type,
    plain_literal,
    rewrite_catalog_view,
    rewrite_shared_node,
    rewrite_temp_qualifier,
    sys_call,
    target_qualifier,
    temp_identifier,
)
from etlcheck.tsql.emulation.functions import bottom_up
from etlcheck.tsql.emulation.lengths import fits, short_enough, truncation_error
from etlcheck.tsql.emulation.overflow_errors import ARITHMETIC_OVERFLOW, decimal_overflow
from etlcheck.tsql.emulation.references import check_constraint_names, check_targets
from etlcheck.tsql.emulation.session_functions import (
    FIXED_NAME,
    SessionNames,
    host_name,
    session_function,
)
from etlcheck.tsql.foreign_keys import encode_table, take_foreign_keys
from etlcheck.tsql.keys import UnsupportedKey, Written, take_keys
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import Plan

if TYPE_CHECKING:
    from etlcheck.tsql.identity_state import IdentityState
    from etlcheck.tsql.target import SqlTarget

SYS_VIEWS = frozenset(
    [
        "schemas",
        "objects",
        "tables",
        "views",
        "sequences",
        "columns",
        "default_constraints",
        "procedures",
        "sql_modules",
        "extended_properties",
        "types",
        "table_types",
    ]
)
IDENTITY_SUFFIX = "__identity"
_TYPES = {
    "BIT": "BOOLEAN",
    "DATETIME": "TIMESTAMP",
    "DATETIME2": "TIMESTAMP",
    "SMALLDATETIME": "TIMESTAMP",
    "DATETIMEOFFSET": "TIMESTAMPTZ",
    "TIMESTAMPTZ": "TIMESTAMPTZ",
    "MONEY": "DECIMAL(19, 4)",
    "SMALLMONEY": "DECIMAL(10, 4)",
    "FLOAT": "DOUBLE",
    "DOUBLE": "DOUBLE",
    "VARBINARY": "BLOB",
    "BINARY": "BLOB",
    "IMAGE": "BLOB",
    "XML": "VARCHAR",
    "UNIQUEIDENTIFIER": "UUID",
    "TIME": "TIME",
    "TINYINT": "UTINYINT",
    "UTINYINT": "UTINYINT",
}
_UTC_NOW = exp.Cast(
    this=exp.AtTimeZone(
        this=exp.Anonymous(this="get_current_timestamp", expressions=[]),
        zone=exp.Literal.string("UTC"),
    ),
    to=exp.DataType.build("TIMESTAMP"),
)
_SESSION = SessionNames(
    login=exp.Literal.string(FIXED_NAME),
    original_login=exp.Literal.string(FIXED_NAME),
    database_user=exp.Literal.string(FIXED_NAME),
    application=exp.Literal.string(FIXED_NAME),
    host=exp.Literal.string(host_name()),
)
"""DuckDB has no logins or users: every session function names ``etlcheck`` (the
program, and the one principal there is), the same on every machine."""
_STRFTIME = {
    "yyyy": ("%Y", 0), "yy": ("%y", 0), "MMMM": ("%B", 0), "MMM": ("%b", 0),
    "MM": ("%m", 0), "M": ("%-m", 0), "dddd": ("%A", 0), "ddd": ("%a", 0),
    "dd": ("%d", 0), "d": ("%-d", 0), "HH": ("%H", 0), "H": ("%-H", 0),
    "hh": ("%I", 0), "h": ("%-I", 0), "mm": ("%M", 0), "m": ("%-M", 0),
    "ss": ("%S", 0), "s": ("%-S", 0), "fff": ("%g", 0), "ff": ("%g", 2), "f": ("%g", 1),
    "tt": ("%p", 0), "t": ("%p", 1),
}  # fmt: skip
"""FORMAT's date tokens as strftime codes (and how many characters of them to keep)."""
_TEXT = frozenset(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT"])
_VARCHAR = exp.DataType.build("VARCHAR")
_ERROR_NUMBERS = {
    "CatalogException": 208,
    "ConstraintException": 2627,
    "ConversionException": 245,
    "BinderException": 207,
    "ParserException": 102,
    "OutOfRangeException": 220,
    "InvalidInputException": 8114,
    "SequenceException": 11728,
}


_CATALOG_SQL = """
SELECT 'O', CASE WHEN temporary THEN '#' ELSE schema_name END, table_name, 'U', table_oid,
       CASE WHEN starts_with(comment, 'etlcheck:') THEN comment END
FROM duckdb_tables()
WHERE temporary OR (database_name = current_database() AND schema_name NOT IN ('sys', 'main'))
UNION ALL
SELECT 'O', schema_name, view_name, 'V', view_oid, NULL FROM duckdb_views()
WHERE NOT internal AND NOT temporary AND database_name = current_database()
  AND schema_name NOT IN ('sys', 'main')
UNION ALL
SELECT 'O', schema_name, sequence_name, 'SO', sequence_oid, NULL FROM duckdb_sequences()
WHERE NOT temporary AND database_name = current_database() AND schema_name NOT IN ('sys', 'main')
  AND NOT ends_with(sequence_name, '__identity')
UNION ALL
SELECT 'O', r.schema_name, r.name, r.type, r.object_id, NULL FROM sys.etlcheck_routines r
WHERE r.schema_id IN (SELECT schema_id FROM sys.schemas)
UNION ALL SELECT 'S', name, NULL, NULL, schema_id, NULL FROM sys.schemas
UNION ALL SELECT 'D', current_database(), NULL, NULL, 0, NULL
UNION ALL
SELECT 'C', schema_name, table_name, column_name, NULL, comment FROM duckdb_columns()
WHERE database_name = current_database() AND comment LIKE 'etlcheck-default:%'
"""
"""The objects ``sys.objects`` lists (plus temp tables as schema ``#``, with the keys their
comment records; routines from ``sys.etlcheck_routines``), the schemas, the database name
and the columns whose comment names their DEFAULT constraint."""


def _map_type(data_type: exp.DataType) -> exp.DataType:
    return map_type(data_type, _TYPES, _TEXT, _VARCHAR, "duckdb")


_CHECK_RAISED = re.compile(r"CHECK constraint failed .*\(Error: («\d+».*)\)\s*$", re.DOTALL)
_TINYINT_OUT = re.compile(
    r"Type \w+ with value (-?\d+) can't be cast because the value is out of range for the "
    r"destination type UINT8"
)
"""DuckDB's own cast of a whole number to a tinyint column (UTINYINT) out of its range."""


class DuckDBEmulation(Emulation):
    hashes = frozenset(["MD5", "SHA1", "SHA2_256"])
    dialect = "duckdb"
    row_id = "rowid"
    catalog_sql = _CATALOG_SQL
    enforces_keys = True
    grants_permissions = False
    drops_one_at_a_time = True
    index_includes = False
    adds_checks = False
    literal_defaults_only = True
    alters_one_at_a_time = True
    filtered_indexes = False
    returning_sees_from = False
    reads_text_as_sql_server = True
    merge_output = True
    fetch_with_ties = False
    routine_sql = DuckDBRoutineSQL()
    doom_transaction_sql = "SELECT error('a key was violated: the transaction is aborted')"
    """DuckDB's key indexes would cost more than the statements that fill the tables (a
    148,000-row insert: 195 ms with a primary key, 16 ms without, 17 ms for the check)."""

    def install(self, target: SqlTarget) -> None:
        for name in ("duckdb_catalog.sql", "duckdb_types.sql", "duckdb_functions.sql"):
            script = resources.files(__package__).joinpath(name).read_text()
            for statement in script.split(";\n"):
                if statement.strip():
                    target.execute(statement)

    def type_sql(self, tsql_type: str) -> str:
        return dialect_type_sql(tsql_type, self.dialect, _map_type)

    def _untyped_literal(self, value: Any) -> str:
        return _literal(value)

    def error_details(self, error: Exception) -> tuple[int, str]:
        if _CHECKED_TYPE in str(error):
            return 50000, _CHECKED_TYPE_MESSAGE
        if _DATE_TEXT.search(str(error)):
            number, message = super().error_details(error)
            return (
                number,
                f"{message.split(' expected format is ')[0].rstrip(', ')} ({_DATE_TEXT_HINT})",
            )
        out = _TINYINT_OUT.search(str(error))
        if out:  # SQL Server's error, as sys.etlcheck_tinyint raises it
            return 220, f"Arithmetic overflow error for data type tinyint, value = {out.group(1)}."
        raised = _CHECK_RAISED.search(str(error))  # a CHECK's error(): the message it raised
        return super().error_details(RuntimeError(raised.group(1)) if raised else error)

    def length_check(self, column: exp.Identifier, size: int, table: str) -> exp.Expression:
        failure = exp.Anonymous(this="error", expressions=[truncation_error(table, column, size)])
        case = exp.Case().when(short_enough(column, size), exp.true())
        return case.when(fits(column, size), exp.true()).else_(failure)  # CASE: in this order

    def error_number(self, error: Exception) -> int:
        if "Division by zero" in str(error):
            return 8134
        if "NOT NULL constraint failed" in str(error):
            return 515  # Cannot insert the value NULL into column ...; not a duplicate key
        if "CHECK constraint failed" in str(error):
            return 547  # The INSERT statement conflicted with the CHECK constraint ...
        if decimal_overflow(str(error)):
            return ARITHMETIC_OVERFLOW  # a number too large for the decimal's precision
        if "More than one row returned by a subquery" in str(error):
            return 512  # Subquery returned more than 1 value
        return _ERROR_NUMBERS.get(type(error).__name__, 50000)

    def restart_identity(self, target: SqlTarget, schema: str, table: str) -> None:
        restart_identity(target, schema, table, IDENTITY_SUFFIX)

    def advance_identity(self, target: SqlTarget, written: Written) -> None:
        advance_identity(target, written.schema, written.name, IDENTITY_SUFFIX)

    def after_table_rename(self, target: SqlTarget, schema: str, old: str, new: str) -> None:
        move_identity(target, schema, old, new, IDENTITY_SUFFIX)

    def datefirst_sql(self, first: int) -> str:
        return f"SET VARIABLE etlcheck_datefirst = {int(first)}"

    def identity_state(self, target: SqlTarget, schema: str, table: str) -> IdentityState | None:
        return identity_state(target, schema, table, IDENTITY_SUFFIX)

    def reseed_identity(
        self, target: SqlTarget, schema: str, table: str, value: int, first: bool
    ) -> None:
        reseed_identity(target, schema, table, IDENTITY_SUFFIX, value, first)

    def schema_blockers(self, target: SqlTarget, schema: str) -> list[str]:
        result = target.query(
            "SELECT o.name FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id "
            f"WHERE lower(s.name) = lower({_literal(schema)}) ORDER BY o.name"
        )
        return [row[0] for row in result.rows]

    def column_blocker(self, target: SqlTarget, schema: str, table: str) -> str | None:
        # DuckDB alters no table an index depends on (CREATE INDEX).
        result = target.query(
            "SELECT index_name FROM duckdb_indexes() WHERE table_name = "
            f"{_literal(table)} AND ({_literal(schema)} = '' OR schema_name = {_literal(schema)}) "
            "ORDER BY index_name"
        )
        return f"an index depends on it: {result.rows[0][0]}" if result.rows else None

    # -- FORMAT ---------------------------------------------------------------------------
    def format_moment_piece(self, value: exp.Expression, token: str) -> exp.Expression:
        code, length = _STRFTIME[token]
        moment = exp.Cast(this=value.copy(), to=exp.DataType.build("TIMESTAMP"))
        piece: exp.Expression = exp.Anonymous(
            this="strftime", expressions=[moment, exp.Literal.string(code)]
        )
        if length:
            piece = exp.Left(this=piece, expression=exp.Literal.number(length))
        return piece

    # -- statement plans ------------------------------------------------------------
    def _rewrite_tree(self, tree: exp.Expression) -> exp.Expression:
        # Children before parents: a rewritten node's children are rewritten too.
        return bottom_up(_rewrite_names(tree), _rewrite_node)

    def _check_merge_matches(self, plan: Plan, tree: exp.Merge) -> None:
        whens = tree.args.get("whens")
        matched = whens is not None and any(w.args.get("matched") for w in whens.expressions)
        if not matched:
            return
        target, source = tree.this.copy(), tree.args["using"].copy()
        row = exp.column(self.row_id, table=target_qualifier(target))  # a #temp one's too
        twice = (
            exp.select("1")
            .from_(target)
            .join(source, on=tree.args["on"].copy())
            .group_by(row)
            .having("count(*) > 1")
        )
        failure = exp.Anonymous(this="error", expressions=[exp.Literal.string(_MATCHED_TWICE)])
        check = exp.select(exp.Case().when(exp.Exists(this=twice), failure))
        ctes = tree.args.get("with_")
        if ctes is not None:  # WITH src AS (...) MERGE ... USING src: the check reads it too
            check.set("with_", ctes.copy())
        plan.before.append(self._rewrite_tree(check))

    def _plan_create(self, plan: Plan, tree: exp.Create) -> None:
        super()._plan_create(plan, tree)
        for computed in tree.find_all(exp.ComputedColumnConstraint):
            computed.set("persisted", False)  # DuckDB's are computed as they are read
        if (tree.args.get("kind") or "").upper() != "TABLE":
            return
        schema = tree.this
        table = schema.this if isinstance(schema, exp.Schema) else schema
        if not isinstance(table, exp.Table):
            return
        temporary = bool(table.this.args.get("temporary") or table.this.args.get("global_"))
        if not isinstance(schema, exp.Schema):
            return
        for column in schema.expressions:
            if isinstance(column, exp.ColumnDef):
                self._identity(plan, table, column, temporary)
        check_constraint_names(plan, schema, table)
        try:
            keys = take_keys(schema, table.name)
            foreign_keys = take_foreign_keys(schema, table.name)
        except UnsupportedKey as error:
            raise CompileError(error.message, error.construct, word=error.word) from None
        plan.keys = keys
        # SQL Server skips a temp table's FOREIGN KEYs (with a warning) and keeps the table.
        plan.foreign_keys = () if temporary else foreign_keys
        check_targets(plan, table, keys)
        if keys or plan.foreign_keys:
            named = table.copy()
            _rewrite_table(named, is_create_target=False)
            comment = plain_literal(encode_table(keys, plan.foreign_keys))
            plan.after.append(f"COMMENT ON TABLE {named.sql(dialect='duckdb')} IS {comment}")

    def _identity(
        self, plan: Plan, table: exp.Table, column: exp.ColumnDef, temporary: bool
    ) -> None:
        for constraint in column.constraints:
            kind = constraint.args.get("kind")
            if not isinstance(kind, exp.GeneratedAsIdentityColumnConstraint):
                continue
            start = kind.args.get("start") or exp.Literal.number(1)
            increment = kind.args.get("increment") or exp.Literal.number(1)
            name = _sequence_name(table, temporary)
            create = (
                "CREATE OR REPLACE TEMP SEQUENCE" if temporary else "CREATE OR REPLACE SEQUENCE"
            )
            bound = identity_bound(_whole(start), _whole(increment))
            plan.before.append(
                f"{create} {name} START WITH {start.sql()} INCREMENT BY {increment.sql()} {bound}"
            )
            default = exp.DefaultColumnConstraint(
                this=exp.Anonymous(this="nextval", expressions=[exp.Literal.string(name)])
            )
            constraint.set("kind", default)

    def _plan_drop(self, plan: Plan, tree: exp.Drop) -> None:
        super()._plan_drop(plan, tree)
        if (tree.args.get("kind") or "").upper() != "TABLE":
            return
        for table in tree.args.get("tables") or []:
            if isinstance(table, exp.Table):
                temporary = is_temp(table.this) if isinstance(table.this, exp.Identifier) else False
                plan.after.append(f"DROP SEQUENCE IF EXISTS {_sequence_name(table, temporary)}")


def _rewrite_names(tree: exp.Expression) -> exp.Expression:
    declared = create_target(tree)
    for table in list(tree.find_all(exp.Table)):
        _rewrite_table(table, is_create_target=table is declared)
    for column in tree.find_all(exp.Column):
        rewrite_temp_qualifier(column)
    return tree


def _sequence_name(table: exp.Table, temporary: bool) -> str:
    if temporary:
        prefix = "##" if table.this.args.get("global_") else "#"
        return '"' + (prefix + table.name + IDENTITY_SUFFIX).replace('"', '""') + '"'
    schema = table.db or DEFAULT_SCHEMA
    sequence = table.name + IDENTITY_SUFFIX
    return exp.table_(sequence, db=schema, quoted=True).sql(dialect="duckdb")


def _rewrite_table(table: exp.Table, is_create_target: bool) -> None:
    name = table.this
    if isinstance(name, exp.Identifier) and is_temp(name):
        table.set("this", temp_identifier(name))
        table.set("db", None)
        table.set("catalog", None if is_create_target else exp.to_identifier("temp"))
        if not is_create_target:
            table.set("db", exp.to_identifier("main"))
        return
    if rewrite_catalog_view(table, SYS_VIEWS) is not None:
        return
    if isinstance(name, exp.Identifier) and not table.db and not is_create_target:
        table.set("db", None)


def _rewrite_node(node: exp.Expression) -> exp.Expression:
    integer = integer_of_text(node)
    if integer is not None:
        return integer
    kind = _constraint_type(node.args.get("expression"))
    if isinstance(node, exp.ObjectId) and kind is not None:
        raise CompileError(
            f"OBJECT_ID(..., '{kind}'): keys and foreign keys are recorded with their table "
            "here, not as catalog objects",
            f"OBJECT_ID(..., '{kind}')",
        )
    if isinstance(node, exp.Anonymous) and node.name.upper() in ("GETUTCDATE", "SYSUTCDATETIME"):
        return _UTC_NOW.copy()
    if isinstance(node, exp.Length):
        inner = node.this
        return exp.Length(this=exp.Anonymous(this="rtrim", expressions=[inner]))
    if isinstance(node, exp.Substring):
        return _substring(node)
    if isinstance(node, exp.Replace):
        return sys_call("etlcheck_replace", [node.this, node.expression, node.args["replacement"]])
    if isinstance(node, exp.DateDiff) and _unit(node) == "WEEK":
        return _weeks_between(node)
    if isinstance(node, exp.Window) and isinstance(node.this, exp.Avg):
        return _average(node.this, node)
    if isinstance(node, exp.Avg) and not isinstance(node.parent, exp.Window):
        return _average(node, None)
    if isinstance(node, exp.Cast) and node.to.this in TEXT_TYPES and not textual(node.this):
        node.set("this", sys_call("etlcheck_text", [node.this]))
    elif isinstance(node, (exp.Concat, exp.ConcatWs)):
        node.set("expressions", [as_text(argument) for argument in node.expressions])
    return session_function(node, _SESSION) or rewrite_shared_node(node, _map_type)


def _substring(node: exp.Substring) -> exp.Expression:
    """``SUBSTRING(s, start, length)`` with a start below 1 counts the positions before the
    first character, as SQL Server does (``SUBSTRING('Hello', -1, 4)`` is ``He``), where
    DuckDB would count from the end: the start is raised to 1 and the length cut by as
    much. A start written as a positive number is left as it is."""
    start = node.args.get("start")
    if start is None or (isinstance(start, exp.Literal) and start.is_int and int(start.name) >= 1):
        return node
    first = exp.Greatest(this=start.copy(), expressions=[exp.Literal.number(1)])
    length = node.args.get("length")
    node.set("start", first)
    if length is not None:
        skipped = exp.Paren(this=exp.Sub(this=first.copy(), expression=start.copy()))
        node.set("length", exp.Sub(this=exp.Paren(this=length.copy()), expression=skipped))
    return node


def _unit(node: exp.Expression) -> str:
    unit = node.args.get("unit")
    return unit.name.upper() if isinstance(unit, (exp.Var, exp.Identifier)) else ""


def _weeks_between(node: exp.DateDiff) -> exp.Expression:
    """``DATEDIFF(week, a, b)``: the Sundays crossed, as SQL Server counts weeks (DuckDB's
    counts whole seven-day spans: 0 from a Saturday to the Sunday after). Days from a
    Sunday (1899-12-31), a week number each, subtracted."""

    def week_number(value: exp.Expression) -> str:
        day = exp.Cast(
            this=exp.Cast(this=value, to=exp.DataType.build("TIMESTAMP")),
            to=exp.DataType.build("DATE"),
        )
        days = f"date_diff('day', DATE '1899-12-31', {day.sql(dialect='duckdb')})"
        return f"floor({days} / 7.0)"

    start, end = node.expression, node.this
    return exp.maybe_parse(
        f"CAST({week_number(end)} - {week_number(start)} AS BIGINT)", dialect="duckdb"
    )


def _average(average: exp.Avg, window: exp.Window | None) -> exp.Expression:
    """``AVG(x)`` as ``SUM(x) / COUNT(x)`` (each ``OVER`` the same window): under the
    session's ``integer_division``, the average of integers is an integer truncated
    toward zero, as SQL Server's is (DuckDB's own AVG keeps the fraction). A decimal's
    average is a float here (the README says so); a float's is a float, as there."""

    def over(aggregate: exp.Expression) -> exp.Expression:
        if window is None:
            return aggregate
        windowed = window.copy()
        windowed.set("this", aggregate)
        return windowed

    total = over(exp.Sum(this=average.this.copy()))
    count = over(exp.Count(this=average.this.copy()))
    return exp.Paren(this=exp.Div(this=total, expression=count))


def _constraint_type(object_type: exp.Expression | None) -> str | None:
    """``F``, ``PK`` or ``UQ`` when OBJECT_ID asks for a key the interpreter records with its
    table (a default, ``D``, is in ``sys.objects``)."""
    if not isinstance(object_type, (exp.Literal, exp.National)):
        return None
    kind = object_type.name.strip().upper()
    return kind if kind in CONSTRAINT_TYPES - {"D"} else None


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"CAST('{value!r}' AS DOUBLE)"
    if isinstance(value, decimal.Decimal):
        return f"CAST('{value}' AS DECIMAL(38, {max(0, -value.as_tuple().exponent)}))"  # type: ignore[operator]
    if isinstance(value, datetime.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, bytes):
        return "from_hex('" + value.hex() + "')"
    return plain_literal(value)


_MATCHED_TWICE = (
    "«8672»The MERGE statement attempted to UPDATE or DELETE the same row more than once. "
    "This happens when a target row matches more than one source row. A MERGE statement "
    "cannot UPDATE/DELETE the same row of the target table multiple times. Refine the ON "
    "clause to ensure a target row matches at most one source row, or use the GROUP BY "
    "clause to group the source rows."
)
_CHECKED_TYPE = "Cannot change the type of a column that has a CHECK constraint"
_DATE_TEXT = re.compile(r"invalid (date|timestamp) field format")
_DATE_TEXT_HINT = (
    "DuckDB converts text to a date or datetime without a CAST only in the form "
    "yyyy-mm-dd [hh:mi:ss], where SQL Server also reads 'yyyymmdd' and 'mm/dd/yyyy': write "
    "'2024-01-31', CAST the text to date or datetime (read as SQL Server reads it), or run "
    "on --engine postgres"
)
_CHECKED_TYPE_MESSAGE = (
    "ALTER TABLE … ALTER COLUMN: DuckDB cannot change the type of a column declared with a "
    "length (VARCHAR(n), NVARCHAR(n), CHAR(n)), whose length etlcheck enforces with a CHECK "
    "constraint; run the pipeline with --engine postgres, or drop and create the table"
)


def _whole(number: exp.Expression) -> int:
    """An IDENTITY's seed or increment (``-5``, ``1``, ``10.``) as an integer."""
    return int(decimal.Decimal(number.sql()))
