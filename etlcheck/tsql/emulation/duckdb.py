"""T-SQL semantics on DuckDB: catalog views and functions in a ``sys`` schema, SQL Server
types, temp tables, IDENTITY columns, schema DDL and UPDATE/DELETE with joins."""

from __future__ import annotations

import datetime
import decimal
import functools
import uuid
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

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

SYS_VIEWS = frozenset(["schemas", "objects", "tables", "views", "sequences", "columns"])
INFORMATION_SCHEMA_VIEWS = frozenset(["tables", "columns", "schemata", "views"])
IDENTITY_SUFFIX = "__identity"
_FUNCTIONS = {
    "OBJECT_ID": "object_id",
    "SCHEMA_ID": "schema_id",
    "SCHEMA_NAME": "schema_name",
    "OBJECT_NAME": "object_name",
    "OBJECT_SCHEMA_NAME": "object_schema_name",
}
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
_TEXT = frozenset(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT"])
_ERROR_NUMBERS = {
    "CatalogException": 208,
    "ConstraintException": 2627,
    "ConversionException": 245,
    "BinderException": 207,
    "ParserException": 102,
    "OutOfRangeException": 220,
    "InvalidInputException": 8114,
}


_CATALOG_SQL = """
SELECT 'O', CASE WHEN temporary THEN '#' ELSE schema_name END, table_name, 'U', table_oid
FROM duckdb_tables()
WHERE temporary OR (database_name = current_database() AND schema_name NOT IN ('sys', 'main'))
UNION ALL
SELECT 'O', schema_name, view_name, 'V', view_oid FROM duckdb_views()
WHERE NOT internal AND NOT temporary AND database_name = current_database()
  AND schema_name NOT IN ('sys', 'main')
UNION ALL
SELECT 'O', schema_name, sequence_name, 'SO', sequence_oid FROM duckdb_sequences()
WHERE NOT temporary AND database_name = current_database() AND schema_name NOT IN ('sys', 'main')
  AND NOT ends_with(sequence_name, '__identity')
UNION ALL SELECT 'S', name, NULL, NULL, schema_id FROM sys.schemas
UNION ALL SELECT 'D', current_database(), NULL, NULL, 0
"""
"""One round trip for what OBJECT_ID/SCHEMA_ID need: the objects ``sys.objects`` lists
(plus temp tables as schema ``#``), the schemas and the database name."""


@functools.cache
def _duck_type(tsql_type: str) -> str:
    data_type = exp.DataType.build(tsql_type, dialect="tsql")
    return _map_type(data_type).sql(dialect="duckdb")


def _map_type(data_type: exp.DataType) -> exp.DataType:
    name = data_type.this.name
    if name in _TEXT:
        return exp.DataType.build("VARCHAR")
    if name in _TYPES:
        return exp.DataType.build(_TYPES[name], dialect="duckdb")
    if name == "DECIMAL" and not data_type.expressions:
        return exp.DataType.build("DECIMAL(18, 0)")
    return data_type


class DuckDBEmulation(Emulation):
    dialect = "duckdb"
    internal_schemas: ClassVar[tuple[str, ...]] = ("sys",)
    row_id = "rowid"

    def install(self, target: Engine) -> None:
        script = resources.files(__package__).joinpath("duckdb_catalog.sql").read_text()
        for statement in script.split(";\n"):
            if statement.strip():
                target.execute(statement)

    def type_sql(self, tsql_type: str) -> str:
        return _duck_type(tsql_type)

    def literal(self, value: Any, type_sql: str | None) -> str:
        text = _literal(value)
        return f"CAST({text} AS {type_sql})" if type_sql else text

    def error_number(self, error: Exception) -> int:
        return _ERROR_NUMBERS.get(type(error).__name__, 50000)

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
        return CatalogSnapshot(tuple(objects), tuple(schemas), database)

    def schema_blockers(self, target: Engine, schema: str) -> list[str]:
        result = target.query(
            "SELECT o.name FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id "
            f"WHERE lower(s.name) = lower({_literal(schema)}) ORDER BY o.name"
        )
        return [row[0] for row in result.rows]

    # -- statement plans ------------------------------------------------------------
    def plan(self, tree: exp.Expression) -> Plan:
        tree = normalize_tsql_forms(tree)
        plan = Plan(tree, _kind(tree))
        if isinstance(tree, exp.Create):
            self._plan_create(plan, tree)
        elif isinstance(tree, exp.Drop):
            self._plan_drop(plan, tree)
        elif isinstance(tree, exp.Update):
            plan.tree = rewrite_update(tree, self.row_id)
        elif isinstance(tree, exp.Delete):
            plan.tree = rewrite_delete(tree, self.row_id)
        elif isinstance(tree, exp.Merge):
            for update in tree.find_all(exp.Update):
                strip_set_qualifiers(update)
        plan.tree = self._rewrite_names(plan.tree)
        plan.tree = plan.tree.transform(_rewrite_node, copy=False)
        return plan

    def _plan_create(self, plan: Plan, tree: exp.Create) -> None:
        kind = (tree.args.get("kind") or "").upper()
        if kind in ("SCHEMA", "VIEW"):
            plan.checks.append(Check("first_in_batch", f"CREATE {kind}"))
        if kind in ("PROCEDURE", "FUNCTION", "TRIGGER"):
            raise CompileError(f"CREATE {kind} is not supported", f"CREATE {kind}")
        if kind != "TABLE":
            return
        schema = tree.this
        table = schema.this if isinstance(schema, exp.Schema) else schema
        if not isinstance(table, exp.Table):
            return
        temporary = bool(table.this.args.get("temporary") or table.this.args.get("global_"))
        for column in schema.expressions if isinstance(schema, exp.Schema) else []:
            if isinstance(column, exp.ColumnDef):
                self._identity(plan, table, column, temporary)

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
            plan.before.append(
                f"{create} {name} START WITH {start.sql()} INCREMENT BY {increment.sql()}"
            )
            default = exp.DefaultColumnConstraint(
                this=exp.Anonymous(this="nextval", expressions=[exp.Literal.string(name)])
            )
            constraint.set("kind", default)

    def _plan_drop(self, plan: Plan, tree: exp.Drop) -> None:
        kind = (tree.args.get("kind") or "").upper()
        tables = [table for table in tree.args.get("tables") or [] if isinstance(table, exp.Table)]
        if kind == "SCHEMA":
            for table in tables:
                plan.checks.append(Check("schema_empty", table.db or table.name))
            tree.set("cascade", True)
        elif kind == "TABLE":
            for table in tables:
                temporary = (
                    _is_temp(table.this) if isinstance(table.this, exp.Identifier) else False
                )
                plan.after.append(f"DROP SEQUENCE IF EXISTS {_sequence_name(table, temporary)}")
        elif kind in ("PROCEDURE", "FUNCTION", "TRIGGER"):
            raise CompileError(f"DROP {kind} is not supported", f"DROP {kind}")

    def _rewrite_names(self, tree: exp.Expression) -> exp.Expression:
        create_target = None
        if isinstance(tree, exp.Create):
            target = tree.this
            create_target = target.this if isinstance(target, exp.Schema) else target
        for table in list(tree.find_all(exp.Table)):
            _rewrite_table(table, is_create_target=table is create_target)
        for column in tree.find_all(exp.Column):
            qualifier = column.args.get("table")
            if isinstance(qualifier, exp.Identifier) and _is_temp(qualifier):
                column.set("table", _temp_identifier(qualifier))
        return tree


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


def _sequence_name(table: exp.Table, temporary: bool) -> str:
    if temporary:
        prefix = "##" if table.this.args.get("global_") else "#"
        return '"' + (prefix + table.name + IDENTITY_SUFFIX).replace('"', '""') + '"'
    schema = table.db or DEFAULT_SCHEMA
    sequence = table.name + IDENTITY_SUFFIX
    return exp.table_(sequence, db=schema, quoted=True).sql(dialect="duckdb")


def _rewrite_table(table: exp.Table, is_create_target: bool) -> None:
    name = table.this
    if isinstance(name, exp.Identifier) and _is_temp(name):
        table.set("this", _temp_identifier(name))
        table.set("db", None)
        table.set("catalog", None if is_create_target else exp.to_identifier("temp"))
        if not is_create_target:
            table.set("db", exp.to_identifier("main"))
        return
    schema = table.db.lower()
    if schema == "sys":
        if table.name.lower() not in SYS_VIEWS:
            raise CompileError(
                f"catalog view sys.{table.name} is not emulated", f"sys.{table.name}"
            )
        table.set("this", exp.to_identifier(table.name.lower()))
        table.set("db", exp.to_identifier("sys"))
        table.set("catalog", None)
    elif schema == "information_schema":
        if table.name.lower() not in INFORMATION_SCHEMA_VIEWS:
            raise CompileError(
                f"INFORMATION_SCHEMA.{table.name} is not emulated",
                f"INFORMATION_SCHEMA.{table.name}",
            )
        table.set("this", exp.to_identifier(f"information_schema_{table.name.lower()}"))
        table.set("db", exp.to_identifier("sys"))
        table.set("catalog", None)
    elif isinstance(name, exp.Identifier) and not table.db and not is_create_target:
        table.set("db", None)


def _sys_call(name: str, arguments: list[exp.Expression]) -> exp.Expression:
    return exp.Dot(
        this=exp.to_identifier("sys"),
        expression=exp.Anonymous(this=name, expressions=arguments),
    )


def _rewrite_node(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.Ordered) and isinstance(
        node.parent, (exp.PrimaryKey, exp.UniqueColumnConstraint, exp.Schema)
    ):
        return node.this
    if isinstance(node, exp.DataType):
        return _map_type(node) if not isinstance(node.parent, exp.DataType) else node
    if isinstance(node, exp.ObjectId):
        arguments = [node.this, *([node.args["expression"]] if node.args.get("expression") else [])]
        return _sys_call("object_id", arguments)
    if isinstance(node, exp.CurrentSchema):
        return _sys_call("schema_name", [node.this] if node.this else [])
    if isinstance(node, exp.Anonymous):
        upper = node.name.upper()
        if upper in _FUNCTIONS:
            return _sys_call(_FUNCTIONS[upper], list(node.expressions))
        if upper == "DB_NAME" and not node.expressions:
            return exp.Anonymous(this="current_database", expressions=[])
        if upper in ("GETUTCDATE", "SYSUTCDATETIME"):
            return _UTC_NOW.copy()
        if upper in ("SCOPE_IDENTITY", "IDENT_CURRENT", "COLUMNPROPERTY", "OBJECTPROPERTY"):
            raise CompileError(f"{upper}() is not supported", f"{upper}()")
    if isinstance(node, exp.CurrentTimestamp) and not isinstance(node.parent, exp.Cast):
        return exp.Cast(this=node, to=exp.DataType.build("TIMESTAMP"))
    if isinstance(node, exp.Length):
        inner = node.this
        return exp.Length(this=exp.Anonymous(this="rtrim", expressions=[inner]))
    return node


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"CAST('{value!r}' AS DOUBLE)"
    if isinstance(value, decimal.Decimal):
        return f"CAST('{value}' AS DECIMAL(38, {max(0, -value.as_tuple().exponent)}))"  # type: ignore[operator]
    if isinstance(value, datetime.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, datetime.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, datetime.time):
        return f"TIME '{value.isoformat()}'"
    if isinstance(value, uuid.UUID):
        return f"CAST('{value}' AS UUID)"
    if isinstance(value, bytes):
        return "from_hex('" + value.hex() + "')"
    return "'" + str(value).replace("'", "''") + "'"
