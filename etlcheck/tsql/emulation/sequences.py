"""CREATE SEQUENCE and NEXT VALUE FOR with SQL Server's defaults.

SQL Server's sequence is a bigint unless ``AS`` says otherwise, its range is the type's
range, and an ascending one starts at its minimum (a descending one at its maximum)
unless ``START WITH`` says otherwise; the engines start at 1. So the emulated sequence
gets all four values spelled out. ``NEXT VALUE FOR s`` becomes ``nextval``; a sequence
that has run out is SQL Server's error 11728. Refused (compat): a type other than the
integer types, bounds that are not constants, ``NEXT VALUE FOR ... OVER``, and one
statement that takes the same sequence's next value twice (SQL Server gives each row
one value for all of them, the engines a new one each time).
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.catalog import DEFAULT_SCHEMA
from etlcheck.tsql.parsing import CompileError

_RANGES = {
    "TINYINT": (0, 255),
    "UTINYINT": (0, 255),
    "SMALLINT": (-(2**15), 2**15 - 1),
    "INT": (-(2**31), 2**31 - 1),
    "BIGINT": (-(2**63), 2**63 - 1),
}
EXHAUSTED = 11728


def plan_sequence(create: exp.Create) -> None:
    """Spell out the type's range and SQL Server's start value on a CREATE SEQUENCE."""
    data_type = create.args.get("expression")
    name = data_type.this.name if isinstance(data_type, exp.DataType) else "BIGINT"
    if name not in _RANGES:
        raise _refuse(f"a sequence AS {name.lower()} is not emulated", "CREATE SEQUENCE")
    low, high = _RANGES[name]
    found = create.find(exp.SequenceProperties)
    values = {key: _constant(found.args.get(key)) if found else None for key in _KEYS}
    options = (
        [str(option.name).upper() for option in (found.args.get("options") or [])] if found else []
    )
    increment = values["increment"] if values["increment"] is not None else 1
    minimum = values["minvalue"] if values["minvalue"] is not None else low
    maximum = values["maxvalue"] if values["maxvalue"] is not None else high
    start = values["start"]
    if start is None:
        start = minimum if increment > 0 else maximum
    properties = exp.SequenceProperties(
        start=exp.Literal.number(start),
        increment=exp.Literal.number(increment),
        minvalue=exp.Literal.number(minimum),
        maxvalue=exp.Literal.number(maximum),
        options=[exp.Var(this="CYCLE")] if "CYCLE" in options else [],
    )
    create.set("expression", None)
    create.set("properties", exp.Properties(expressions=[properties]))


_KEYS = ("start", "increment", "minvalue", "maxvalue")


def _constant(node: exp.Expression | None) -> int | None:
    if node is None:
        return None
    negative = isinstance(node, exp.Neg)
    inner = node.this if negative else node
    if not (isinstance(inner, exp.Literal) and inner.is_int):
        raise _refuse("sequence bounds that are not constants are not emulated", "CREATE SEQUENCE")
    value = int(inner.name)
    return -value if negative else value


def rewrite_next_value(node: exp.NextValueFor) -> exp.Expression:
    """``NEXT VALUE FOR s`` as ``nextval('"schema"."s"')``."""
    if node.args.get("order"):
        raise _refuse("NEXT VALUE FOR ... OVER is not emulated", "NEXT VALUE FOR ... OVER")
    sequence = node.this
    schema = sequence.table if isinstance(sequence, exp.Column) else ""
    name = sequence.name
    quoted = ".".join(f'"{part}"' for part in (schema or DEFAULT_SCHEMA, name))
    return exp.Anonymous(this="nextval", expressions=[exp.Literal.string(quoted)])


def check_sequences_once(tree: exp.Expression) -> None:
    """One statement may take each sequence's next value only once (see above)."""
    seen: set[str] = set()
    for node in tree.find_all(exp.NextValueFor):
        key = node.this.sql(dialect="tsql").lower()
        if key in seen:
            raise _refuse(
                f"NEXT VALUE FOR {node.this.sql(dialect='tsql')} twice in one statement is "
                "not emulated",
                "NEXT VALUE FOR",
            )
        seen.add(key)


def _refuse(what: str, construct: str) -> CompileError:
    return CompileError(f"{construct}: {what}", construct, word=construct.split()[0])
