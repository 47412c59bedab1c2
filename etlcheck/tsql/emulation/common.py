"""Rewrites that every interpreting dialect makes the same way: statement kinds, temp-table
names, the emulated catalog views and functions, type mapping and plain literals.

Each dialect module keeps what differs and calls these for the rest.
"""

from __future__ import annotations

import datetime
import functools
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from sqlglot import exp

from etlcheck.tsql.catalog import DEFAULT_SCHEMA
from etlcheck.tsql.emulation.day_arithmetic import add_days
from etlcheck.tsql.keys import Written
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import TSQL_TYPE

INFORMATION_SCHEMA_VIEWS = frozenset(["tables", "columns", "schemata", "views"])
CATALOG_FUNCTIONS = {
    "OBJECT_ID": "object_id",
    "SCHEMA_ID": "schema_id",
    "SCHEMA_NAME": "schema_name",
    "OBJECT_NAME": "object_name",
    "OBJECT_SCHEMA_NAME": "object_schema_name",
    "IDENT_CURRENT": "ident_current",
    "TYPE_ID": "type_id",
    "TYPE_NAME": "type_name",
}
"""T-SQL catalog functions and their emulations in the ``sys`` schema."""
UNSUPPORTED_FUNCTIONS = frozenset(["COLUMNPROPERTY", "OBJECTPROPERTY"])


def statement_kind(tree: exp.Expression) -> str:
    """``dml``, ``query`` or ``ddl``: what the interpreter reports for a statement."""
    if isinstance(tree, (exp.Insert, exp.Update, exp.Delete, exp.Merge)):
        return "dml"
    if isinstance(tree, exp.Select) and tree.args.get("into") is not None:
        return "dml"
    if isinstance(tree, exp.Query):
        return "query"
    return "ddl"


def written_table(
    tree: exp.Insert | exp.Update | exp.Merge | exp.Delete, dialect: str
) -> Written | None:
    """The (rewritten) table an INSERT, UPDATE, MERGE or DELETE writes; None when it is no
    table."""
    table = tree.this
    if isinstance(table, exp.Schema):
        table = table.this
    if not isinstance(table, exp.Table):
        return None
    bare = table.copy()
    bare.set("alias", None)
    temporary = bare.catalog.lower() == "temp" or bare.name.startswith("#")
    columns = None
    if isinstance(tree, exp.Insert) and isinstance(tree.this, exp.Schema):
        columns = tuple(column.name for column in tree.this.expressions)
    elif isinstance(tree, exp.Update):
        columns = tuple(
            assignment.this.name
            for assignment in tree.expressions
            if isinstance(assignment, exp.EQ) and isinstance(assignment.this, exp.Column)
        )
    return Written(
        table_sql=bare.sql(dialect=dialect),
        schema="#" if temporary else (bare.db or DEFAULT_SCHEMA),
        name=bare.name,
        columns=columns,
        inserts=isinstance(tree, exp.Insert),
        deletes=isinstance(tree, exp.Delete),
        verb=type(tree).__name__.upper(),
    )


def is_temp(identifier: exp.Identifier) -> bool:
    """Whether ``identifier`` names a ``#local`` or ``##global`` temp table."""
    return bool(identifier.args.get("temporary") or identifier.args.get("global_"))


def temp_identifier(identifier: exp.Identifier) -> exp.Identifier:
    """The temp table's name with its ``#``/``##`` prefix, quoted."""
    prefix = "##" if identifier.args.get("global_") else "#"
    return exp.to_identifier(prefix + identifier.name, quoted=True)


def target_qualifier(table: exp.Expression) -> exp.Identifier:
    """What a statement's columns name ``table`` by: its alias, else its name (a
    ``#temp`` one's as the engine names it)."""
    alias = table.args.get("alias")
    if isinstance(alias, exp.TableAlias) and isinstance(alias.this, exp.Identifier):
        return alias.this.copy()
    assert isinstance(table.this, exp.Identifier)
    return table.this.copy()


def rewrite_temp_qualifier(column: exp.Column) -> None:
    """``#t.x`` names the temp table by its prefixed name, as its FROM clause now does."""
    qualifier = column.args.get("table")
    if isinstance(qualifier, exp.Identifier) and is_temp(qualifier):
        column.set("table", temp_identifier(qualifier))


def create_target(tree: exp.Expression) -> exp.Expression | None:
    """The table a ``CREATE`` statement declares (None for other statements)."""
    if not isinstance(tree, exp.Create):
        return None
    target = tree.this
    return target.this if isinstance(target, exp.Schema) else target


def sys_call(name: str, arguments: list[exp.Expression]) -> exp.Expression:
    """``sys.name(arguments)``: a function the emulation installs in ``sys``."""
    return exp.Dot(
        this=exp.to_identifier("sys"),
        expression=exp.Anonymous(this=name, expressions=arguments),
    )


CATALOG_TABLE_FUNCTIONS = frozenset(["fn_listextendedproperty"])
"""Table-valued functions of SQL Server's catalog that the emulations install in ``sys``."""


def is_catalog_function(table: exp.Table) -> bool:
    """``FROM sys.fn_listextendedproperty(...)`` once rewritten: a catalog function."""
    call = table.this
    return (
        isinstance(call, exp.Dot)
        and call.this.name.lower() == "sys"
        and isinstance(call.expression, exp.Anonymous)
        and call.expression.name.lower() in CATALOG_TABLE_FUNCTIONS
    )


def rewrite_catalog_view(table: exp.Table, sys_views: frozenset[str]) -> str | None:
    """Point ``sys.x`` and ``INFORMATION_SCHEMA.x`` at the emulated views.

    Returns ``"sys"`` or ``"information_schema"`` for a catalog view, None for any other
    table; a catalog view that is not emulated is a CompileError.
    """
    schema = table.db.lower()
    if schema == "sys":
        if table.name.lower() not in sys_views:
            raise CompileError(
                f"catalog view sys.{table.name} is not emulated", f"sys.{table.name}"
            )
        table.set("this", exp.to_identifier(table.name.lower()))
    elif schema == "information_schema":
        if table.name.lower() not in INFORMATION_SCHEMA_VIEWS:
            raise CompileError(
                f"INFORMATION_SCHEMA.{table.name} is not emulated",
                f"INFORMATION_SCHEMA.{table.name}",
            )
        table.set("this", exp.to_identifier(f"information_schema_{table.name.lower()}"))
    else:
        return None
    table.set("db", exp.to_identifier("sys"))
    table.set("catalog", None)
    return schema


def map_type(
    data_type: exp.DataType,
    types: Mapping[str, str],
    text: frozenset[str],
    text_type: exp.DataType,
    dialect: str,
) -> exp.DataType:
    """A T-SQL data type in ``dialect``: ``text`` types become ``text_type``, ``types``
    maps the others by name, and a bare DECIMAL is SQL Server's DECIMAL(18, 0)."""
    name = data_type.this.name
    if name in text or _is_sysname(data_type):
        return text_type.copy()
    if name in types:
        return exp.DataType.build(types[name], dialect=dialect)
    if name == "DECIMAL" and not data_type.expressions:
        return exp.DataType.build("DECIMAL(18, 0)")
    return data_type


def _is_sysname(data_type: exp.DataType) -> bool:
    """SQL Server's ``sysname`` (NVARCHAR(128) NOT NULL), which sqlglot reads as a
    user-defined type."""
    kind = data_type.args.get("kind")
    return data_type.this == exp.DataType.Type.USERDEFINED and str(kind).upper() == "SYSNAME"


@functools.cache
def dialect_type_sql(
    tsql_type: str, dialect: str, map_data_type: Callable[[exp.DataType], exp.DataType]
) -> str:
    """A T-SQL data type (``NVARCHAR(50)``) in ``dialect`` by ``map_data_type``; cached, as
    scripts declare the same few types over and over."""
    if tsql_type.strip().upper() == "SYSNAME":
        tsql_type = "NVARCHAR(128)"
    data_type = exp.DataType.build(tsql_type, dialect="tsql")
    return map_data_type(data_type).sql(dialect=dialect)


_CLUSTERING = (exp.ClusteredColumnConstraint, exp.NonClusteredColumnConstraint)


def _unclustered(node: exp.Constraint) -> exp.Constraint:
    """``CONSTRAINT pk PRIMARY KEY [NON]CLUSTERED (a ASC)`` (and ``UNIQUE`` so), as SSDT
    writes every key, as a plain key of the columns: the kind of index SQL Server builds
    for it changes nothing a statement sees."""
    parts = [part for part in node.expressions if not _is_index_storage(part)]
    node.set("expressions", parts)
    if (
        len(parts) == 2
        and isinstance(parts[0], exp.PrimaryKeyColumnConstraint)
        and isinstance(parts[1], _CLUSTERING)
    ):
        node.set("expressions", [exp.PrimaryKey(expressions=_key_columns(parts[1]))])
    elif (
        len(parts) == 1
        and isinstance(parts[0], exp.UniqueColumnConstraint)
        and isinstance(parts[0].this, _CLUSTERING)
    ):
        columns = [column.this for column in _key_columns(parts[0].this)]
        parts[0].set("this", exp.Schema(expressions=columns))
    return node


_STORAGE_OPTIONS = frozenset(["DATA_COMPRESSION", "XML_COMPRESSION"])


def _is_table_storage(part: exp.Expression) -> bool:
    """``ON [PRIMARY]`` (a filegroup, of which a disposable database has one) and ``WITH
    (DATA_COMPRESSION = PAGE)`` after a CREATE TABLE: how rows are stored, nothing a
    statement sees. Other options (``SYSTEM_VERSIONING``...) stay for what reads them."""
    if isinstance(part, exp.OnProperty):
        return True
    return isinstance(part, exp.Property) and part.name.upper() in _STORAGE_OPTIONS


def _is_index_storage(part: exp.Expression) -> bool:
    """``WITH (PAD_INDEX = OFF, ...)`` and ``ON [PRIMARY]`` after a key's columns, as SSMS
    writes every key: how the index is stored, nothing a statement sees. ``IGNORE_DUP_KEY
    = ON`` changes what an INSERT does, so it stays (and is refused where it is read)."""
    if isinstance(part, exp.OnProperty):
        return True
    if not isinstance(part, exp.Properties):
        return False
    return not any(
        prop.name.upper() == "IGNORE_DUP_KEY" and prop.text("value").upper() == "ON"
        for prop in part.expressions
        if isinstance(prop, exp.Property)
    )


def _key_columns(clustering: exp.Expression) -> list[exp.Expression]:
    items = clustering.this if isinstance(clustering.this, list) else [clustering.this]
    return [item.this if isinstance(item, exp.Ordered) else item for item in items]


def rewrite_shared_node(
    node: exp.Expression, map_data_type: Callable[[exp.DataType], exp.DataType]
) -> exp.Expression:
    """Rewrite one node the way every dialect does (``node`` itself when none applies):
    key column order dropped, types mapped, catalog functions called in ``sys``."""
    if isinstance(node, exp.Ordered) and isinstance(
        node.parent, (exp.PrimaryKey, exp.UniqueColumnConstraint, exp.Schema)
    ):
        return node.this
    if isinstance(node, exp.DataType):
        return map_data_type(node) if not isinstance(node.parent, exp.DataType) else node
    if isinstance(node, exp.Constraint):
        return _unclustered(node)
    if isinstance(node, exp.Properties):
        node.set("expressions", [p for p in node.expressions if not _is_table_storage(p)])
    if isinstance(node, exp.ObjectId):
        arguments = [node.this, *([node.args["expression"]] if node.args.get("expression") else [])]
        return sys_call("object_id", arguments)
    if isinstance(node, exp.CurrentSchema):
        return sys_call("schema_name", [node.this] if node.this else [])
    if isinstance(node, exp.Anonymous):
        upper = node.name.upper()
        if upper in CATALOG_FUNCTIONS:
            return sys_call(CATALOG_FUNCTIONS[upper], list(node.expressions))
        if upper == "COL_LENGTH":  # only ever tested for NULL (support)
            return sys_call("etlcheck_column_exists", list(node.expressions))
        if upper == "DB_NAME" and not node.expressions:
            return exp.Anonymous(this="current_database", expressions=[])
        if upper in UNSUPPORTED_FUNCTIONS:
            raise CompileError(f"{upper}() is not supported", f"{upper}()")
    if isinstance(node, (exp.Add, exp.Sub)):
        return add_days(node) or node
    if isinstance(node, exp.CurrentTimestamp) and not isinstance(node.parent, exp.Cast):
        if node.meta.get(TSQL_TYPE) == "DATETIMEOFFSET":
            return node  # the engines' CURRENT_TIMESTAMP has a time zone, as datetimeoffset
        # a copy: wrapping ``node`` itself would move it out of the tree before replace()
        return exp.Cast(this=node.copy(), to=exp.DataType.build("TIMESTAMP"))
    return node


def plain_literal(value: Any) -> str:
    """NULL, an integer, a date, a time, a UUID or (for anything else) a string literal,
    spelled alike in every dialect; booleans, floats, decimals, timestamps and bytes
    differ and are the dialect's to spell before it calls this."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, datetime.time):
        return f"TIME '{value.isoformat()}'"
    if isinstance(value, uuid.UUID):
        return f"CAST('{value}' AS UUID)"
    return "'" + str(value).replace("'", "''") + "'"
