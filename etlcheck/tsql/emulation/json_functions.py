"""``JSON_VALUE(json, 'path')`` and ``ISJSON(json [, type])`` as SQL Server answers them.

SQL Server reads the JSON text as RFC 8259 JSON (no ``NaN``, no trailing commas) and
answers a scalar as the text the document spells (``1.50`` stays ``1.50``), so neither
engine's own JSON type will do on DuckDB, which re-writes numbers (``1.5``) and accepts
what SQL Server refuses: ``sys.etlcheck_json_value`` and ``sys.etlcheck_isjson`` are
Python functions there (``engines.duckdb.json_udfs``) and ``json``-typed PL/pgSQL on
PostgreSQL, whose ``json`` keeps the document's text.

- JSON_VALUE, in the default lax mode: the scalar at the path as ``nvarchar(4000)``
  (``true``/``false`` as words); NULL for a missing path, a JSON ``null``, an object or
  an array, or a value over 4,000 characters; error 13609 when the text is not JSON.
  The path is a constant (``$``, ``.key``, ``."key with blanks"``, ``[n]``), read here:
  a malformed one is refused; ``strict`` paths are refused (they raise where lax gives
  NULL, with messages not emulated).
- OPENJSON(json [, path]): one row per member of the object or element of the array at
  the path, as ``key``, ``value`` (a scalar's text, nested JSON as written) and ``type``
  (0 null, 1 string, 2 number, 3 true/false, 4 array, 5 object); none for a missing
  path. With ``WITH (column type ['path'] [AS JSON], ...)``: one row per element of the
  array at the path (or the object itself), each column JSON_VALUE of its path
  (``$.column`` by default) converted to its type as CAST converts text, or, ``AS
  JSON``, the object or array there as written.
- ISJSON: 1 when the text is a JSON object or array (with a type: ``VALUE`` any JSON,
  ``SCALAR`` a string or number, ``ARRAY``, ``OBJECT``), 0 otherwise, NULL for NULL.
"""

from __future__ import annotations

import json
import re

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.emulation.conversions import rewrite_conversion
from etlcheck.tsql.parsing import CompileError

PathStep = str | int
_STEP = re.compile(r'\.(?:"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*))|\[(\d+)\]')
ISJSON_TYPES = ("VALUE", "SCALAR", "ARRAY", "OBJECT")


def parse_json_path(text: str) -> tuple[PathStep, ...] | None:
    """The steps of a lax SQL Server JSON path (keys and array indexes), or None when it
    is not one etlcheck reads (malformed, or ``strict``)."""
    body = text.strip()
    if body[:4].lower() == "lax ":
        body = body[4:].strip()
    if not body.startswith("$"):
        return None
    steps: list[PathStep] = []
    position = 1
    while position < len(body):
        match = _STEP.match(body, position)
        if match is None:
            return None
        quoted, plain, index = match.groups()
        if index is not None:
            steps.append(int(index))
        elif quoted is not None:
            steps.append(json.loads(f'"{quoted}"'))
        else:
            steps.append(plain)
        position = match.end()
    return tuple(steps)


def json_value_refusal(node: exp.Anonymous) -> str | None:
    """Why a JSON_VALUE call is not emulated (``support`` refuses it at the call), or None."""
    arguments = list(node.expressions)
    if len(arguments) != 2:
        return "JSON_VALUE takes a JSON text and a path"
    path = arguments[1]
    if not _is_text(path):
        return "a path that is not a constant is not emulated"
    if parse_json_path(path.name) is None:
        return (
            f"the path {path.name!r} is not emulated: only lax paths of keys and [n] indexes "
            '($.a.b, $."a b", $.items[0])'
        )
    return None


def rewrite_json_value(node: exp.Anonymous) -> exp.Expression:
    """``JSON_VALUE(json, path)`` -> ``sys.etlcheck_json_value(json, steps)``: the steps
    as a JSON array (``["a", 0]``), which both engines' functions read (the call was
    checked by ``support``)."""
    document, path = node.expressions
    steps = parse_json_path(path.name)
    assert steps is not None
    text = exp.Cast(this=document, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    return sys_call("etlcheck_json_value", [text, exp.Literal.string(json.dumps(steps))])


def openjson_refusal(node: exp.OpenJSON) -> str | None:
    """Why an OPENJSON call is not emulated, or None."""
    paths = [node.args.get("path")]
    paths += [column.args.get("path") for column in node.expressions]
    for path in paths:
        if not isinstance(path, exp.Expression):
            continue
        if not _is_text(path):
            return "a path that is not a constant is not emulated"
        if parse_json_path(path.name) is None:
            return (
                f"the path {path.name!r} is not emulated: only lax paths of keys and [n] "
                'indexes ($.a.b, $."a b", $.items[0])'
            )
    return None


def rewrite_openjson(node: exp.OpenJSON, reads_text: bool) -> exp.Expression:
    """OPENJSON as ``sys.etlcheck_openjson(json, steps, explicit)``, and with a WITH
    clause, a subquery that reads each column from its rows (checked by ``support``)."""
    path = node.args.get("path")
    steps = parse_json_path(path.name) if isinstance(path, exp.Expression) else ()
    text = exp.Cast(this=node.this, to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    steps_sql = exp.Literal.string(json.dumps(steps))
    columns = [c for c in node.expressions if isinstance(c, exp.OpenJSONColumnDef)]
    rows = sys_call("etlcheck_openjson", [text, steps_sql, exp.Boolean(this=bool(columns))])
    if not columns:
        return rows
    holder = node.parent
    if isinstance(holder, (exp.Table, exp.Lateral)) and not holder.alias:
        # SQL Server names no alias for OPENJSON; PostgreSQL 15 needs one for a subquery.
        holder.set("alias", exp.TableAlias(this=exp.to_identifier("openjson")))
    source = exp.Table(this=rows, alias=exp.TableAlias(this=exp.to_identifier("etlcheck_rows")))
    select = exp.Select(expressions=[_column(column, reads_text) for column in columns])
    return exp.Subquery(this=select.from_(source))


def _column(column: exp.OpenJSONColumnDef, reads_text: bool) -> exp.Expression:
    path = column.args.get("path")
    name = column.this.name
    steps = parse_json_path(path.name) if isinstance(path, exp.Expression) else (name,)
    value = exp.column("value", table="etlcheck_rows")
    arguments = [value, exp.Literal.string(json.dumps(steps))]
    if column.args.get("as_json"):
        read = sys_call("etlcheck_json_query", arguments)
    else:
        cast = exp.Cast(this=sys_call("etlcheck_json_value", arguments), to=column.args["kind"])
        read = rewrite_conversion(cast, reads_text)
    return exp.Alias(this=read, alias=exp.to_identifier(name, quoted=True))


def rewrite_isjson(node: exp.Anonymous) -> exp.Expression:
    """``ISJSON(json [, type])`` -> ``sys.etlcheck_isjson(json, type)``."""
    arguments = list(node.expressions)
    kind = "OBJECT_OR_ARRAY"
    if len(arguments) == 2:
        written = arguments[1]
        kind = written.name.upper() if isinstance(written, (exp.Column, exp.Var)) else ""
        if kind not in ISJSON_TYPES:
            raise CompileError(
                "ISJSON: the type must be VALUE, SCALAR, ARRAY or OBJECT", "ISJSON", word="ISJSON"
            )
    elif len(arguments) != 1:
        raise CompileError("ISJSON: takes a JSON text and a type", "ISJSON", word="ISJSON")
    text = exp.Cast(this=arguments[0], to=exp.DataType.build("NVARCHAR(MAX)", dialect="tsql"))
    return sys_call("etlcheck_isjson", [text, exp.Literal.string(kind)])


def _is_text(node: exp.Expression) -> bool:
    return isinstance(node, exp.National) or (isinstance(node, exp.Literal) and node.is_string)
