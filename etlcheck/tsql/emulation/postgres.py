"""T-SQL semantics on PostgreSQL: names, types, temp tables, TRY_CAST, DATEDIFF and errors.

Catalog views (``sys.*``, ``OBJECT_ID``...) come from ``etlcheck.engines.pgsys``;
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

import datetime
import decimal
import functools
import uuid
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar

from sqlglot import exp

from etlcheck.tsql.catalog import CatalogObject, CatalogSnapshot
from etlcheck.tsql.compiler import Check, CompileError, Plan
from etlcheck.tsql.emulation import DEFAULT_SCHEMA, Emulation
from etlcheck.tsql.emulation.rewrites import (
    normalize_tsql_forms,
    rewrite_delete,
    rewrite_update,
    strip_set_qualifiers,
)
from etlcheck.tsql.nodes import words

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

SYS_VIEWS = frozenset(
    ["schemas", "objects", "tables", "views", "procedures", "sequences", "columns", "indexes"]
)
SYS_COLUMNS = words(
    """name object_id principal_id schema_id parent_object_id type type_desc create_date
    modify_date is_ms_shipped column_id system_type_id user_type_id max_length precision
    scale is_nullable is_identity index_id is_unique is_primary_key"""
)
INFORMATION_SCHEMA_VIEWS = frozenset(["tables", "columns", "schemata", "views"])
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
_FUNCTIONS = {
    "OBJECT_ID": "object_id",
    "SCHEMA_ID": "schema_id",
    "SCHEMA_NAME": "schema_name",
    "OBJECT_NAME": "object_name",
    "OBJECT_SCHEMA_NAME": "object_schema_name",
}
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
}
_CATALOG_SQL = """
SELECT 'O', CASE WHEN schema_id = pg_my_temp_schema() THEN '#' ELSE schema_name END, name,
       rtrim(type), object_id::bigint
FROM sys.etlcheck_objects
UNION ALL SELECT 'S', name::text, NULL, NULL, schema_id::bigint FROM sys.schemas
UNION ALL SELECT 'D', current_database()::text, NULL, NULL, 0
"""
"""One round trip for OBJECT_ID/SCHEMA_ID: every object ``sys.objects`` lists (temp ones
as schema ``#``; tables and views last, so they win a name shared with a constraint),
the schemas and the database name."""
_CITEXT = exp.DataType.build("citext", udt=True)
_UTC_NOW = exp.AtTimeZone(
    this=exp.Anonymous(this="now", expressions=[]), zone=exp.Literal.string("UTC")
)


@functools.cache
def _pg_type(tsql_type: str) -> str:
    data_type = exp.DataType.build(tsql_type, dialect="tsql")
    return _map_type(data_type).sql(dialect="postgres")


def _map_type(data_type: exp.DataType) -> exp.DataType:
    name = data_type.this.name
    if name in _TEXT:
        return _CITEXT.copy()
    if name in _TYPES:
        return exp.DataType.build(_TYPES[name], dialect="postgres")
    if name == "DECIMAL" and not data_type.expressions:
        return exp.DataType.build("DECIMAL(18, 0)")
    return data_type


class PostgresEmulation(Emulation):
    dialect = "postgres"
    internal_schemas: ClassVar[tuple[str, ...]] = ("sys",)
    row_id = "ctid"

    def install(self, target: Engine) -> None:
        script = resources.files(__package__).joinpath("postgres_catalog.sql").read_text()
        target.execute(script)

    def type_sql(self, tsql_type: str) -> str:
        return _pg_type(tsql_type)

    def literal(self, value: Any, type_sql: str | None) -> str:
        text = _literal(value)
        return f"CAST({text} AS {type_sql})" if type_sql else text

    def error_number(self, error: Exception) -> int:
        return _ERROR_NUMBERS.get(str(getattr(error, "sqlstate", "") or ""), 50000)

    def load_catalog(self, target: Engine) -> CatalogSnapshot:
        objects: list[CatalogObject] = []
        schemas: list[tuple[str, int]] = []
        database = ""
        for kind, schema, name, object_type, object_id in target.query(_CATALOG_SQL).rows:
            if kind == "O":
                objects.append(CatalogObject(str(schema), str(name), str(object_type), object_id))
            elif kind == "S":
                schemas.append((str(schema), int(object_id)))
            else:
                database = str(schema)
        objects.sort(key=lambda found: found.type in ("U", "V"))
        return CatalogSnapshot(tuple(objects), tuple(schemas), database)

    def schema_blockers(self, target: Engine, schema: str) -> list[str]:
        result = target.query(
            "SELECT o.name::text FROM sys.objects o JOIN sys.schemas s "
            f"ON s.schema_id = o.schema_id WHERE s.name = {_literal(schema)}::citext "
            "ORDER BY o.type <> 'U', o.name"
        )
        return [row[0] for row in result.rows]

    # -- statement plans ------------------------------------------------------------
    def plan(self, tree: exp.Expression) -> Plan:
        tree = normalize_tsql_forms(tree)
        plan = Plan(tree, _kind(tree))
        if isinstance(tree, exp.Create):
            _plan_create(plan, tree)
        elif isinstance(tree, exp.Drop):
            _plan_drop(plan, tree)
        elif isinstance(tree, exp.Update):
            plan.tree = rewrite_update(tree, self.row_id)
        elif isinstance(tree, exp.Delete):
            plan.tree = rewrite_delete(tree, self.row_id)
        elif isinstance(tree, exp.Merge):
            _plan_merge(tree)
        plan.tree = _rewrite_names(plan.tree)
        plan.tree = _bottom_up(plan.tree, _rewrite_conversion)
        plan.tree = _bottom_up(plan.tree, _rewrite_node)
        for identifier in plan.tree.find_all(exp.Identifier):
            identifier.set("quoted", True)
        return plan


def _plan_create(plan: Plan, tree: exp.Create) -> None:
    kind = (tree.args.get("kind") or "").upper()
    if kind in ("SCHEMA", "VIEW"):
        plan.checks.append(Check("first_in_batch", f"CREATE {kind}"))
    if kind in ("PROCEDURE", "FUNCTION", "TRIGGER"):
        raise CompileError(f"CREATE {kind} is not supported", f"CREATE {kind}")


def _plan_drop(plan: Plan, tree: exp.Drop) -> None:
    kind = (tree.args.get("kind") or "").upper()
    tables = [table for table in tree.args.get("tables") or [] if isinstance(table, exp.Table)]
    if kind == "SCHEMA":
        for table in tables:
            plan.checks.append(Check("schema_empty", table.db or table.name))
        tree.set("cascade", True)
    elif kind in ("PROCEDURE", "FUNCTION", "TRIGGER"):
        raise CompileError(f"DROP {kind} is not supported", f"DROP {kind}")


def _plan_merge(tree: exp.Merge) -> None:
    for when in tree.find_all(exp.When):
        if when.args.get("source"):
            raise CompileError(
                "MERGE ... WHEN NOT MATCHED BY SOURCE is not supported on PostgreSQL 15",
                "WHEN NOT MATCHED BY SOURCE",
            )
    if tree.args.get("returning") is not None:
        raise CompileError("MERGE ... OUTPUT is not supported", "MERGE OUTPUT")
    for update in tree.find_all(exp.Update):
        strip_set_qualifiers(update)


def _kind(tree: exp.Expression) -> str:
    if isinstance(tree, (exp.Insert, exp.Update, exp.Delete, exp.Merge)):
        return "dml"
    if isinstance(tree, exp.Select) and tree.args.get("into") is not None:
        return "dml"
    if isinstance(tree, exp.Query):
        return "query"
    return "ddl"


def _is_temp(identifier: exp.Identifier) -> bool:
    return bool(identifier.args.get("temporary") or identifier.args.get("global_"))


def _temp_identifier(identifier: exp.Identifier) -> exp.Identifier:
    prefix = "##" if identifier.args.get("global_") else "#"
    return exp.to_identifier(prefix + identifier.name, quoted=True)


def _rewrite_names(tree: exp.Expression) -> exp.Expression:
    declared = None
    if isinstance(tree, exp.Create):
        target = tree.this
        declared = target.this if isinstance(target, exp.Schema) else target
    into = tree.args.get("into") if isinstance(tree, exp.Select) else None
    if isinstance(into, exp.Into):
        declared = into.this
    catalog_columns: frozenset[str] = frozenset()
    for table in list(tree.find_all(exp.Table)):
        catalog_columns |= _rewrite_table(table, is_declared=table is declared)
    for column in tree.find_all(exp.Column):
        qualifier = column.args.get("table")
        if isinstance(qualifier, exp.Identifier) and _is_temp(qualifier):
            column.set("table", _temp_identifier(qualifier))
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
    if isinstance(name, exp.Identifier) and _is_temp(name):
        table.set("this", _temp_identifier(name))
        table.set("catalog", None)
        table.set("db", None if is_declared else exp.to_identifier(TEMP_SCHEMA))
        return frozenset()
    schema = table.db.lower()
    if schema == "sys":
        if table.name.lower() not in SYS_VIEWS:
            raise CompileError(
                f"catalog view sys.{table.name} is not emulated", f"sys.{table.name}"
            )
        table.set("this", exp.to_identifier(table.name.lower()))
        table.set("db", exp.to_identifier("sys"))
        table.set("catalog", None)
        return frozenset(["sys"])
    if schema == "information_schema":
        if table.name.lower() not in INFORMATION_SCHEMA_VIEWS:
            raise CompileError(
                f"INFORMATION_SCHEMA.{table.name} is not emulated",
                f"INFORMATION_SCHEMA.{table.name}",
            )
        table.set("this", exp.to_identifier(f"information_schema_{table.name.lower()}"))
        table.set("db", exp.to_identifier("sys"))
        table.set("catalog", None)
        return frozenset(["information_schema"])
    if table.catalog:
        raise CompileError(
            f"three-part name {table.sql(dialect='tsql')} (another database) is not supported",
            "three-part name",
        )
    return frozenset()


def _sys_call(name: str, arguments: list[exp.Expression]) -> exp.Expression:
    return exp.Dot(
        this=exp.to_identifier("sys"),
        expression=exp.Anonymous(this=name, expressions=arguments),
    )


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
        call = _sys_call(
            "etlcheck_try_decimal",
            [value, exp.Literal.number(precision), exp.Literal.number(scale)],
        )
    elif name in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[name]
        call = _sys_call(
            "etlcheck_try_integer", [value, exp.Literal.number(low), exp.Literal.number(high)]
        )
    else:
        call = _sys_call("etlcheck_try_cast", [value, exp.Literal.string(to.sql("postgres"))])
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

    return _sys_call(
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
    if isinstance(node, exp.DateDiff):
        return _date_diff(node)
    return node


def _rewrite_node(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.National):
        return exp.Literal.string(node.this)
    if isinstance(node, exp.Ordered) and isinstance(
        node.parent, (exp.PrimaryKey, exp.UniqueColumnConstraint, exp.Schema)
    ):
        return node.this
    if isinstance(node, exp.DataType):
        return _map_type(node) if not isinstance(node.parent, exp.DataType) else node
    if isinstance(node, exp.Round):
        # sqlglot's PostgreSQL ROUND needs type annotation; round(float, n) is in sys.
        arguments = [node.this, *([node.args["decimals"]] if node.args.get("decimals") else [])]
        function = "trunc" if node.args.get("truncate") else "round"
        return exp.Anonymous(this=function, expressions=arguments)
    if isinstance(node, exp.DateFromParts):
        parts = [node.args.get(key) for key in ("year", "month", "day")]
        integers = [exp.Cast(this=part, to=exp.DataType.build("INT")) for part in parts if part]
        return exp.Anonymous(this="make_date", expressions=integers)
    if isinstance(node, exp.ObjectId):
        arguments = [node.this, *([node.args["expression"]] if node.args.get("expression") else [])]
        return _sys_call("object_id", arguments)
    if isinstance(node, exp.CurrentSchema):
        if not node.this:
            return exp.Literal.string(DEFAULT_SCHEMA)
        return _sys_call("schema_name", [node.this])
    if isinstance(node, exp.Anonymous):
        upper = node.name.upper()
        if upper == "SCHEMA_NAME" and not node.expressions:
            return exp.Literal.string(DEFAULT_SCHEMA)
        if upper in _FUNCTIONS:
            return _sys_call(_FUNCTIONS[upper], list(node.expressions))
        if upper == "DB_NAME" and not node.expressions:
            return exp.Anonymous(this="current_database", expressions=[])
        if upper in ("GETUTCDATE", "SYSUTCDATETIME"):
            return _UTC_NOW.copy()
        if upper in ("SYSDATETIME",):
            return exp.Anonymous(this="localtimestamp", expressions=[])
        if upper in ("SCOPE_IDENTITY", "IDENT_CURRENT", "COLUMNPROPERTY", "OBJECTPROPERTY"):
            raise CompileError(f"{upper}() is not supported", f"{upper}()")
    if isinstance(node, exp.CurrentTimestamp) and not isinstance(node.parent, exp.Cast):
        return exp.Cast(this=node, to=exp.DataType.build("TIMESTAMP"))
    if isinstance(node, exp.Length):
        return exp.Length(this=exp.Anonymous(this="rtrim", expressions=[_as_text(node.this)]))
    return node


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"CAST('{value!r}' AS DOUBLE PRECISION)"
    if isinstance(value, decimal.Decimal):
        return f"CAST('{value}' AS NUMERIC)"
    if isinstance(value, datetime.datetime):
        kind = "TIMESTAMPTZ" if value.tzinfo is not None else "TIMESTAMP"
        return f"{kind} '{value.isoformat(sep=' ')}'"
    if isinstance(value, datetime.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, datetime.time):
        return f"TIME '{value.isoformat()}'"
    if isinstance(value, uuid.UUID):
        return f"CAST('{value}' AS UUID)"
    if isinstance(value, bytes):
        return "'\\x" + value.hex() + "'::bytea"
    return "'" + str(value).replace("'", "''") + "'"
