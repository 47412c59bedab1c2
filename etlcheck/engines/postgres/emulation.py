"""T-SQL semantics on PostgreSQL: names, types, temp tables, TRY_CAST, DATEDIFF and errors.

Catalog views (``sys.*``, ``OBJECT_ID``...) come from ``system_catalog``;
``postgres_catalog.sql`` adds INFORMATION_SCHEMA views, TRY_CAST/DATEDIFF helpers and
the ``+`` and BIT operators. Choices (and their limits):

- every identifier is quoted as written, so ``[Brokers]`` and ``Brokers`` meet, but a
  name matches only when spelled with the case it was created with (T-SQL ignores case);
  ``sys.*`` and ``INFORMATION_SCHEMA`` names are case-insensitive;
- character types become ``citext``: comparisons, GROUP BY, DISTINCT, LIKE and keys
  ignore case as under SQL Server's default collation; comparing with a plain ``text``
  column (a table not created through T-SQL) is case-sensitive;
- ``BIT`` is ``smallint``; a cast to ``boolean`` on assignment and ``boolean = int``
  operators let it meet ``boolean`` columns;
- ``#t`` is a temporary table named ``"#t"``.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from etlcheck.engines.postgres.identity_reseed import identity_state, reseed_identity
from etlcheck.engines.postgres.literal_text import literal_columns_as_citext
from etlcheck.engines.postgres.merge_by_source import plan_by_source
from etlcheck.engines.postgres.routines import PostgresRoutineSQL
from etlcheck.tsql.emulation import DEFAULT_SCHEMA, Emulation
from etlcheck.tsql.emulation.common import (
    create_target,
    dialect_type_sql,
    is_catalog_function,
    is_temp,
    map_type,
    plain_literal,
    rewrite_catalog_view,
    rewrite_shared_node,
    rewrite_temp_qualifier,
    sys_call,
    temp_identifier,
)
from etlcheck.tsql.emulation.lengths import declared_length, short_enough, shown_table
from etlcheck.tsql.emulation.session_functions import SessionNames, host_name, session_function
from etlcheck.tsql.emulation.spreads import float_result
from etlcheck.tsql.nodes import words
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import Plan

if TYPE_CHECKING:
    from etlcheck.tsql.catalog import CatalogCache, CatalogObject, CatalogSnapshot
    from etlcheck.tsql.identity_state import IdentityState
    from etlcheck.tsql.keys import Written
    from etlcheck.tsql.target import SqlTarget

SYS_VIEWS = frozenset(
    [
        "schemas",
        "objects",
        "tables",
        "views",
        "procedures",
        "sequences",
        "columns",
        "default_constraints",
        "indexes",
        "sql_modules",
        "extended_properties",
        "types",
        "table_types",
    ]
)
SYS_COLUMNS = words(
    """name object_id principal_id schema_id parent_object_id type type_desc create_date
    modify_date is_ms_shipped column_id system_type_id user_type_id max_length precision
    scale is_nullable is_identity index_id is_unique is_primary_key definition class
    class_desc major_id minor_id value objtype objname parent_column_id is_system_named
    is_user_defined is_assembly_type is_table_type is_memory_optimized"""
)
INFORMATION_SCHEMA_COLUMNS = words(
    """CATALOG_NAME SCHEMA_NAME SCHEMA_OWNER TABLE_CATALOG TABLE_SCHEMA TABLE_NAME TABLE_TYPE
    VIEW_DEFINITION COLUMN_NAME ORDINAL_POSITION COLUMN_DEFAULT IS_NULLABLE DATA_TYPE
    CHARACTER_MAXIMUM_LENGTH NUMERIC_PRECISION NUMERIC_SCALE"""
)
TEMP_SCHEMA = "pg_temp"
_TEXT = frozenset(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT", "NAME"])
_TYPES = {
    "BIT": "SMALLINT",
    "TINYINT": "SMALLINT",
    "UTINYINT": "SMALLINT",
    "DATETIME": "TIMESTAMP",
    "DATETIME2": "TIMESTAMP",
    "SMALLDATETIME": "TIMESTAMP",
    "DATETIMEOFFSET": "TIMESTAMPTZ",
    "MONEY": "DECIMAL(19, 4)",
    "SMALLMONEY": "DECIMAL(10, 4)",
    "FLOAT": "DOUBLE PRECISION",
    "DOUBLE": "DOUBLE PRECISION",
    "VARBINARY": "BYTEA",
    "BINARY": "BYTEA",
    "IMAGE": "BYTEA",
    "XML": "TEXT",
    "UNIQUEIDENTIFIER": "UUID",
}
_INTEGER_RANGES = {
    "SMALLINT": (-32768, 32767),
    "INT": (-2147483648, 2147483647),
    "BIGINT": (-9223372036854775808, 9223372036854775807),
    "TINYINT": (0, 255),
    "UTINYINT": (0, 255),
}
_DATE_PARTS = {
    "YEAR": "year", "YY": "year", "YYYY": "year",
    "QUARTER": "quarter", "QQ": "quarter", "Q": "quarter",
    "MONTH": "month", "MM": "month", "M": "month",
    "WEEK": "week", "WK": "week", "WW": "week",
    "DAY": "day", "DD": "day", "D": "day", "DAYOFYEAR": "day", "DY": "day", "Y": "day",
    "HOUR": "hour", "HH": "hour",
    "MINUTE": "minute", "MI": "minute", "N": "minute",
    "SECOND": "second", "SS": "second", "S": "second",
    "MILLISECOND": "millisecond", "MS": "millisecond",
    "MICROSECOND": "microsecond", "MCS": "microsecond",
}  # fmt: skip
_ERROR_NUMBERS = {
    "42P01": 208,  # undefined table: Invalid object name
    "42P07": 2714,  # duplicate table: There is already an object named
    "42P06": 2714,  # duplicate schema
    "23505": 2627,  # unique violation
    "42501": 229,  # permission denied
    "23502": 515,  # not null violation
    "42703": 207,  # undefined column: Invalid column name
    "22P02": 245,  # invalid text representation: Conversion failed
    "22003": 8115,  # numeric value out of range: Arithmetic overflow
    "22012": 8134,  # division by zero
    "23503": 547,  # foreign key violation
    "23514": 547,  # check violation
    "42601": 102,  # syntax error
    "2BP01": 3729,  # dependent objects still exist
    "2200H": 11728,  # sequence generator limit exceeded
    "22007": 241,  # invalid datetime format: Conversion failed when converting date and/or time
    "22008": 242,  # datetime field overflow: out-of-range value
    "21000": 8672,  # cardinality violation: MERGE would change one row twice
}
_CATALOG_SQL = """
SELECT 'O', CASE WHEN schema_id = pg_my_temp_schema() THEN '#' ELSE schema_name END, name,
       rtrim(type), object_id::bigint, NULL::text
FROM sys.etlcheck_objects
UNION ALL SELECT 'S', name::text, NULL, NULL, schema_id::bigint, NULL FROM sys.schemas
UNION ALL SELECT 'D', current_database()::text, NULL, NULL, 0, NULL
UNION ALL
SELECT 'C', n.nspname::text, c.relname::text, a.attname::text, NULL, d.description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_class c ON c.oid = d.objoid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
WHERE d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid > 0
  AND n.oid <> pg_catalog.pg_my_temp_schema() AND d.description LIKE 'etlcheck-default:%'
"""
"""Every object ``sys.objects`` lists (temp ones as schema ``#``), the schemas, the
database name and the columns whose comment names their DEFAULT constraint (temp tables'
are not kept); ``load_catalog`` puts tables and views last, so they win a name shared
with a constraint."""
_TO_CHAR = {
    "yyyy": ("YYYY", 0), "yy": ("YY", 0), "MMMM": ("FMMonth", 0), "MMM": ("Mon", 0),
    "MM": ("MM", 0), "M": ("FMMM", 0), "dddd": ("FMDay", 0), "ddd": ("Dy", 0),
    "dd": ("DD", 0), "d": ("FMDD", 0), "HH": ("HH24", 0), "H": ("FMHH24", 0),
    "hh": ("HH12", 0), "h": ("FMHH12", 0), "mm": ("MI", 0), "m": ("FMMI", 0),
    "ss": ("SS", 0), "s": ("FMSS", 0), "fff": ("MS", 0), "ff": ("MS", 2), "f": ("MS", 1),
    "tt": ("AM", 0), "t": ("AM", 1),
}  # fmt: skip
"""FORMAT's date tokens as to_char codes (and how many characters of them to keep)."""
_CITEXT = exp.DataType.build("citext", udt=True)
_UTC_NOW = exp.Paren(  # parenthesised: a column DEFAULT takes no bare AT TIME ZONE
    this=exp.AtTimeZone(
        this=exp.Anonymous(this="now", expressions=[]), zone=exp.Literal.string("UTC")
    )
)


def _citext(value: exp.Expression) -> exp.Expression:
    return exp.Cast(this=value, to=_CITEXT.copy())


_SESSION = SessionNames(
    login=_citext(exp.CurrentUser()),
    original_login=_citext(exp.SessionUser()),
    database_user=_citext(exp.CurrentUser()),
    application=_citext(
        exp.Anonymous(this="current_setting", expressions=[exp.Literal.string("application_name")])
    ),
    host=_citext(exp.Literal.string(host_name())),
)
"""A PostgreSQL role is login and database user at once. ``current_user`` is the role of
the current context: it follows ``SET ROLE`` (etlcheck's least-privilege role for a run)
as SQL Server's login and user functions follow ``EXECUTE AS``; ``session_user`` is the
role that connected, as ``ORIGINAL_LOGIN()`` is. ``APP_NAME()`` is the connection's
``application_name`` (``etlcheck`` unless the URL sets another)."""


def _map_type(data_type: exp.DataType) -> exp.DataType:
    return map_type(data_type, _TYPES, _TEXT, _CITEXT, "postgres")


class PostgresEmulation(Emulation):
    hashes = frozenset(["MD5", "SHA2_256", "SHA2_512"])
    dialect = "postgres"
    constraint_objects = True
    row_id = "ctid"
    catalog_sql = _CATALOG_SQL
    routine_sql = PostgresRoutineSQL()
    merge_output_logged = True

    def install(self, target: SqlTarget) -> None:
        for name in ("postgres_catalog.sql", "postgres_functions.sql"):
            target.execute(resources.files(__package__).joinpath(name).read_text())

    def type_sql(self, tsql_type: str) -> str:
        return dialect_type_sql(tsql_type, self.dialect, _map_type)

    def _untyped_literal(self, value: Any) -> str:
        return _literal(value)

    def length_check(self, column: exp.Identifier, size: int, table: str) -> exp.Expression:
        arguments: list[exp.Expression] = [exp.column(column.copy()), exp.Literal.number(size)]
        arguments += [exp.Literal.string(table), exp.Literal.string(column.name)]
        return exp.Or(
            this=short_enough(column, size), expression=sys_call("etlcheck_fits", arguments)
        )

    def narrow_check(self, column: exp.Identifier, kind: str, table: str) -> exp.Expression:
        value = exp.column(column.copy())
        if kind == "tinyint":
            return sys_call("etlcheck_tinyint_fits", [value])
        shown = [exp.Literal.string(table), exp.Literal.string(column.name)]
        return sys_call("etlcheck_bit_fits", [value, *shown])

    def error_number(self, error: Exception) -> int:
        state = str(
            getattr(error, "sqlstate", None) or getattr(error.__cause__, "sqlstate", None) or ""
        )
        if state[:1] == "E" and state[1:].isdigit():
            return int(state[1:])  # raised by etlcheck's own functions with SQL Server's number
        details = [
            getattr(getattr(e, "diag", None), "message_detail", "")
            for e in (error, error.__cause__)
        ]
        text = " ".join([str(error), *(detail for detail in details if detail)])
        if state == "0A000" and "truncate a table referenced in a foreign key" in text:
            return 4712  # Cannot truncate table ... referenced by a FOREIGN KEY constraint
        if state == "2BP01" and text.startswith("cannot drop table") and "constraint " in text:
            return 3726  # Could not drop object ... referenced by a FOREIGN KEY constraint
        if state == "21000" and text.startswith("more than one row returned by a subquery"):
            return 512  # Subquery returned more than 1 value (21000 is MERGE's 8672 otherwise)
        return _ERROR_NUMBERS.get(state, 50000)

    def load_catalog(self, target: SqlTarget) -> CatalogSnapshot:
        snapshot = super().load_catalog(target)
        objects = sorted(snapshot.objects, key=lambda found: found.type in ("U", "V"))
        return dataclasses.replace(snapshot, objects=tuple(objects))

    def schema_blockers(self, target: SqlTarget, schema: str) -> list[str]:
        result = target.query(
            "SELECT o.name::text FROM sys.objects o JOIN sys.schemas s "
            f"ON s.schema_id = o.schema_id WHERE s.name = {_literal(schema)}::citext "
            "ORDER BY o.type <> 'U', o.name"
        )
        return [row[0] for row in result.rows]

    def reference_constraint(
        self, target: SqlTarget, catalog: CatalogCache, table: CatalogObject
    ) -> str | None:
        """PostgreSQL holds the FOREIGN KEYs itself: one on either side of the table."""
        found = target.query(
            "SELECT k.conname::text FROM pg_constraint k JOIN pg_class c ON c.oid IN "
            "(k.conrelid, k.confrelid) JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE k.contype = 'f' AND n.nspname = {_literal(table.schema)} "
            f"AND c.relname = {_literal(table.name)} "
            "ORDER BY c.oid <> k.conrelid, k.conname LIMIT 1"
        ).rows
        return str(found[0][0]) if found else None

    def constraint_table(
        self, target: SqlTarget, catalog: CatalogCache, schema: str, name: str
    ) -> tuple[CatalogObject, str] | None:
        """PostgreSQL's own constraint of that name in the schema, and its table."""
        found = target.query(
            "SELECT c.relname::text, k.conname::text FROM pg_constraint k "
            "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = k.connamespace "
            f"WHERE n.nspname::citext = {_literal(schema)}::citext "
            f"AND k.conname::citext = {_literal(name)}::citext LIMIT 1"
        ).rows
        if not found:
            return None
        table = catalog.table(schema, str(found[0][0]))
        return None if table is None else (table, str(found[0][1]))

    def enabled_trigger(self, target: SqlTarget, table: CatalogObject) -> str | None:
        """A trigger of the table's own (not one PostgreSQL makes for a key), enabled."""
        found = target.query(
            "SELECT t.tgname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = "
            f"{_literal(table.schema)} AND c.relname = {_literal(table.name)} "
            "ORDER BY t.tgname LIMIT 1"
        ).rows
        return str(found[0][0]) if found else None

    # -- FORMAT ---------------------------------------------------------------------------
    def format_moment_piece(self, value: exp.Expression, token: str) -> exp.Expression:
        code, length = _TO_CHAR[token]
        moment = exp.Cast(this=value.copy(), to=exp.DataType.build("TIMESTAMP"))
        piece: exp.Expression = exp.Anonymous(
            this="to_char", expressions=[moment, exp.Literal.string(code)]
        )
        if length:
            piece = exp.Left(this=piece, expression=exp.Literal.number(length))
        return piece

    # -- statement plans ------------------------------------------------------------
    def _rewrite_tree(self, tree: exp.Expression) -> exp.Expression:
        tree = _rewrite_names(tree)
        tree = _bottom_up(tree, _rewrite_conversion)
        tree = _bottom_up(tree, _case_insensitive(_rewrite_node))
        tree = literal_columns_as_citext(tree, _citext)
        for identifier in tree.find_all(exp.Identifier):
            identifier.set("quoted", True)
        return tree

    def _plan_create(self, plan: Plan, tree: exp.Create) -> None:
        super()._plan_create(plan, tree)
        for attribute in list(tree.find_all(exp.ViewAttributeProperty)):
            attribute.pop()  # SCHEMABINDING, VIEW_METADATA: nothing PostgreSQL reads
        if tree.find(exp.ComputedColumnConstraint) is not None:
            raise CompileError(
                "computed column: PostgreSQL needs the type of a computed column, which T-SQL "
                "does not declare",
                "computed column",
                word="AS",
            )

    def _recheck_length(self, plan: Plan, table: exp.Table, action: exp.AlterColumn) -> None:
        # The CHECK of the old length goes (PostgreSQL keeps it through a change of type),
        # and one of the new length comes; existing longer values then fail with 2628.
        named = self._rewrite_tree(table.copy()).sql(dialect="postgres")
        column = action.this.name
        plan.before.append(
            "DO $$ DECLARE found text; BEGIN FOR found IN SELECT k.conname FROM pg_constraint k "
            f"JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) "
            f"WHERE k.conrelid = {_literal(named)}::regclass AND k.contype = 'c' "
            f"AND a.attname = {_literal(column)} "
            "AND pg_get_constraintdef(k.oid) LIKE '%etlcheck_fits%' LOOP "
            f"EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', {_literal(named)}, found); "
            "END LOOP; END $$"
        )
        size = declared_length(action.args.get("dtype"))
        if size is not None:
            condition = self.length_check(action.this.copy(), size, shown_table(table))
            check = self._rewrite_tree(exp.Paren(this=condition)).sql(dialect="postgres")
            plan.after.append(f"ALTER TABLE {named} ADD CHECK {check}")

    def _plan_truncate(self, plan: Plan, tree: exp.TruncateTable) -> None:
        # The identity columns' own sequences start again from their seeds.
        tree.set("identity", "RESTART")

    def advance_identity(self, target: SqlTarget, written: Written) -> None:
        table = _literal(written.table_sql)
        target.query(f"SELECT sys.etlcheck_advance_identity({table})")

    def datefirst_sql(self, first: int) -> str:
        return f"SELECT set_config('etlcheck.datefirst', '{int(first)}', false)"

    def identity_state(self, target: SqlTarget, schema: str, table: str) -> IdentityState | None:
        return identity_state(target, schema, table)

    def reseed_identity(
        self, target: SqlTarget, schema: str, table: str, value: int, first: bool
    ) -> None:
        reseed_identity(target, schema, table, value, first)

    def _plan_merge(self, plan: Plan, tree: exp.Merge, output: exp.Returning | None) -> None:
        super()._plan_merge(plan, tree, output)
        plan_by_source(plan, tree)  # PostgreSQL 15's MERGE has no WHEN NOT MATCHED BY SOURCE


def _rewrite_names(tree: exp.Expression) -> exp.Expression:
    declared = create_target(tree)
    into = tree.args.get("into") if isinstance(tree, exp.Select) else None
    if isinstance(into, exp.Into):
        declared = into.this
    catalog_columns: frozenset[str] = frozenset()
    for table in list(tree.find_all(exp.Table)):
        catalog_columns |= _rewrite_table(table, is_declared=table is declared)
    for column in tree.find_all(exp.Column):
        rewrite_temp_qualifier(column)
        name = column.args.get("this")
        if catalog_columns and isinstance(name, exp.Identifier):
            _catalog_column(name, catalog_columns)
    return tree


def _catalog_column(name: exp.Identifier, views: frozenset[str]) -> None:
    """Columns of the emulated catalog views are found whatever case the script uses."""
    if "sys" in views and name.name.lower() in SYS_COLUMNS:
        name.set("this", name.name.lower())
    elif "information_schema" in views and name.name.upper() in INFORMATION_SCHEMA_COLUMNS:
        name.set("this", name.name.upper())


def _rewrite_table(table: exp.Table, is_declared: bool) -> frozenset[str]:
    name = table.this
    if isinstance(name, exp.Identifier) and is_temp(name):
        table.set("this", temp_identifier(name))
        table.set("catalog", None)
        table.set("db", None if is_declared else exp.to_identifier(TEMP_SCHEMA))
        return frozenset()
    catalog_view = rewrite_catalog_view(table, SYS_VIEWS)
    if catalog_view is not None:
        return frozenset([catalog_view])
    if is_catalog_function(table):
        return frozenset(["sys"])
    if table.catalog:
        raise CompileError(
            f"three-part name {table.sql(dialect='tsql')} (another database) is not supported",
            "three-part name",
        )
    return frozenset()


_BYTEA = exp.DataType.build("BYTEA")


def _as_text(node: exp.Expression) -> exp.Expression:
    return exp.Cast(this=node, to=exp.DataType(this=exp.DataType.Type.USERDEFINED, kind="text"))


def _bottom_up(
    tree: exp.Expression, rewrite: Callable[[exp.Expression], exp.Expression]
) -> exp.Expression:
    """Apply ``rewrite`` to every node, children before their parent."""
    for node in reversed(list(tree.walk())):
        assert isinstance(node, exp.Expression)
        new = rewrite(node)
        if new is node:
            continue
        if node is tree:
            tree = new
        else:
            node.replace(new)
    return tree


def _try_cast(node: exp.TryCast) -> exp.Expression:
    to = _map_type(node.to)
    name = node.to.this.name
    value = _as_text(node.this)
    if name in ("DECIMAL", "NUMERIC"):
        params = [p.name for p in to.expressions]
        precision, scale = (*params, "18", "0")[:2] if params else ("18", "0")
        call = sys_call(
            "etlcheck_try_decimal",
            [value, exp.Literal.number(precision), exp.Literal.number(scale)],
        )
    elif name in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[name]
        call = sys_call(
            "etlcheck_try_integer", [value, exp.Literal.number(low), exp.Literal.number(high)]
        )
    else:
        call = sys_call("etlcheck_try_cast", [value, exp.Literal.string(to.sql("postgres"))])
    return exp.Cast(this=call, to=to)


def _date_diff(node: exp.DateDiff) -> exp.Expression:
    unit = node.args.get("unit")
    part = _DATE_PARTS.get(unit.name.upper() if unit is not None else "DAY")
    if part is None:
        raise CompileError(f"DATEDIFF({unit.name if unit else ''}) is not supported", "DATEDIFF")

    def timestamp(value: exp.Expression) -> exp.Expression:
        if isinstance(value, exp.TimeStrToTime):
            value = value.this
        return exp.Cast(this=value, to=exp.DataType.build("TIMESTAMP"))

    return sys_call(
        "etlcheck_datediff",
        [exp.Literal.string(part), timestamp(node.expression), timestamp(node.this)],
    )


def _sized_text_cast(node: exp.Cast) -> exp.Expression:
    """CAST(x AS NVARCHAR(n)) truncates to n characters in T-SQL."""
    to = node.to
    size = to.expressions[0] if to.expressions else None
    length = size.this if isinstance(size, exp.DataTypeParam) else size
    inner = node.this
    if isinstance(length, exp.Literal) and length.is_int:
        inner = exp.Left(this=_as_text(inner), expression=exp.Literal.number(length.name))
    return exp.Cast(this=inner, to=_CITEXT.copy())


def _rewrite_conversion(node: exp.Expression) -> exp.Expression:
    """TRY_CAST, CAST to sized text and DATEDIFF, while types are still T-SQL's."""
    if isinstance(node, exp.TryCast):
        return _try_cast(node)
    if isinstance(node, exp.Cast) and node.to.this.name in _TEXT:
        return _sized_text_cast(node)
    if isinstance(node, exp.Cast) and node.to.this == exp.DataType.Type.BIT:
        return exp.Cast(this=sys_call("etlcheck_to_bit", [node.this]), to=node.to)
    if isinstance(node, exp.DateDiff):
        return _date_diff(node)
    return node


_TEXT_FUNCTIONS = (
    exp.Trim,
    exp.Upper,
    exp.Lower,
    exp.Substring,
    exp.Left,
    exp.Right,
    exp.Replace,
    exp.Concat,
    exp.ConcatWs,
    exp.Repeat,
    exp.Reverse,
    exp.Translate,
    exp.Chr,
)
"""String functions whose PostgreSQL result is ``text``, which compares, groups and sorts
with case; SQL Server's keeps its argument's collation, which ignores case."""


def _case_insensitive(
    rewrite: Callable[[exp.Expression], exp.Expression],
) -> Callable[[exp.Expression], exp.Expression]:
    """``rewrite``, with the result of a string function a ``citext`` (``LTRIM(code) =
    'ab'``, ``LEFT(sku, 2)`` grouped or stored by ``SELECT … INTO``), unless a CAST
    around it says what it is."""

    def rewritten(node: exp.Expression) -> exp.Expression:
        result = rewrite(node)
        if not isinstance(node, _TEXT_FUNCTIONS) or isinstance(node.parent, exp.Cast):
            return result
        return _citext(node.copy() if result is node else result)

    return rewritten


def _rewrite_node(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.National):
        return exp.Literal.string(node.this)
    if isinstance(node, exp.HexString):  # 0x00FF: binary, where PostgreSQL's x'00FF' is bits
        return exp.Cast(this=exp.Literal.string("\\x" + node.this), to=_BYTEA.copy())
    if isinstance(node, exp.Round):
        # sqlglot's PostgreSQL ROUND needs type annotation; round(float, n) is in sys.
        arguments = [node.this, *([node.args["decimals"]] if node.args.get("decimals") else [])]
        function = "trunc" if node.args.get("truncate") else "round"
        return exp.Anonymous(this=function, expressions=arguments)
    if isinstance(node, exp.DateFromParts):
        parts = [node.args.get(key) for key in ("year", "month", "day")]
        integers = [exp.Cast(this=part, to=exp.DataType.build("INT")) for part in parts if part]
        return exp.Anonymous(this="make_date", expressions=integers)
    if isinstance(node, exp.CurrentSchema) and not node.this:
        return exp.Literal.string(DEFAULT_SCHEMA)
    if isinstance(node, exp.Anonymous):
        upper = node.name.upper()
        if upper == "SCHEMA_NAME" and not node.expressions:
            return exp.Literal.string(DEFAULT_SCHEMA)
        if upper in ("GETUTCDATE", "SYSUTCDATETIME"):
            return _UTC_NOW.copy()
        if upper in ("SYSDATETIME",):
            return exp.Anonymous(this="localtimestamp", expressions=[])
    if isinstance(node, exp.Length):
        return exp.Length(this=exp.Anonymous(this="rtrim", expressions=[_as_text(node.this)]))
    if isinstance(node, exp.Replace):
        arguments = [node.this, node.expression, node.args["replacement"]]
        return sys_call("etlcheck_replace", [_as_text(argument) for argument in arguments])
    if isinstance(node, exp.StrPosition):  # CHARINDEX ignores case, as on SQL Server
        node.set("this", exp.Lower(this=_as_text(node.this)))
        node.set("substr", exp.Lower(this=_as_text(node.args["substr"])))
        return node
    if isinstance(node, exp.GroupConcat) and isinstance(node.this, exp.Order):
        return _ordered_string_agg(node)
    if isinstance(node, exp.GeneratedAsIdentityColumnConstraint):
        _bound_identity(node)
    if isinstance(node, exp.Literal) and node.is_number and "e" in node.name.lower():
        # 1.5E0 is a float in SQL Server; PostgreSQL reads it as numeric.
        return exp.Cast(this=node.copy(), to=exp.DataType.build("DOUBLE PRECISION"))
    if (spread := float_result(node)) is not None:
        return spread
    if isinstance(node, exp.Avg):
        # One aggregate per argument type, with SQL Server's result type (the
        # functions file): PostgreSQL's avg of integers is a numeric with a fraction.
        return sys_call("etlcheck_avg", [node.this])
    return session_function(node, _SESSION) or rewrite_shared_node(node, _map_type)


def _bound_identity(identity: exp.GeneratedAsIdentityColumnConstraint) -> None:
    """The seed as the bound of the identity's sequence (MINVALUE counting up, MAXVALUE
    counting down): PostgreSQL's default bounds, 1 and -1, refuse ``IDENTITY(0, 1)``."""
    start = identity.args.get("start") or exp.Literal.number(1)
    increment = identity.args.get("increment") or exp.Literal.number(1)
    if identity.args.get("minvalue") is None and identity.args.get("maxvalue") is None:
        downwards = decimal.Decimal(increment.sql()) < 0
        identity.set("maxvalue" if downwards else "minvalue", start.copy())


def _ordered_string_agg(node: exp.GroupConcat) -> exp.Expression:
    """``STRING_AGG(x, s) WITHIN GROUP (ORDER BY k)``: PostgreSQL orders a ``citext`` value
    by text (``EUR,Usd,eur``), ignoring ``k``'s case-insensitive order, unless the value it
    concatenates is ``text``. The value goes in as text, the result comes out as citext."""
    ordered = node.copy()
    ordered.this.set("this", _as_text(ordered.this.this))
    return exp.Cast(this=ordered, to=_CITEXT.copy())


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"CAST('{value!r}' AS DOUBLE PRECISION)"
    if isinstance(value, decimal.Decimal):
        return f"CAST('{value}' AS NUMERIC)"
    if isinstance(value, datetime.datetime):
        kind = "TIMESTAMPTZ" if value.tzinfo is not None else "TIMESTAMP"
        return f"{kind} '{value.isoformat(sep=' ')}'"
    if isinstance(value, bytes):
        return "'\\x" + value.hex() + "'::bytea"
    return plain_literal(value)
