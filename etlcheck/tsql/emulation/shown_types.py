"""The T-SQL type a statement shows a value to have, where the emulation needs it before
the engine runs: ``source_type`` names it (a variable's declared type, a CAST or CONVERT, a
string literal, a clock function: what conversions and float text read), ``shown_type``
builds it, constants typed as SQL Server types them (POWER's result type, GREATEST's). A
column's type is not known when the statement is compiled.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.plan import TSQL_TYPE

INT_RANGE = (-2147483648, 2147483647)


def shown_type(value: exp.Expression) -> exp.DataType | None:
    """The T-SQL type the statement shows ``value`` to have, or None: a constant (SQL
    Server's: an integer is int, or decimal beyond int's range; decimal(p, s) with a point;
    float with an exponent; varchar, or nvarchar with N), a variable, a CAST or CONVERT, a
    function whose type the emulation knows."""
    known = value.meta.get(TSQL_TYPE) if value.meta else None
    if known:
        return exp.DataType.build(str(known), dialect="tsql")
    if isinstance(value, exp.CurrentTimestamp):
        return exp.DataType.build("DATETIME", dialect="tsql")  # GETDATE()
    if isinstance(value, (exp.Paren, exp.Neg)):
        return shown_type(value.this)
    if isinstance(value, (exp.Cast, exp.TryCast)):
        return value.to
    if isinstance(value, exp.Convert) and isinstance(value.this, exp.DataType):
        return value.this
    if isinstance(value, exp.Literal) and not value.is_string:
        return _constant_type(value.name)
    if isinstance(value, exp.National):
        return exp.DataType.build(f"NVARCHAR({max(len(value.name), 1)})", dialect="tsql")
    if isinstance(value, exp.Literal):
        return exp.DataType.build(f"VARCHAR({max(len(value.name), 1)})", dialect="tsql")
    return None


def _constant_type(text: str) -> exp.DataType:
    if "e" in text.lower():
        return exp.DataType.build("FLOAT", dialect="tsql")
    whole, _, fraction = text.partition(".")
    digits = whole.lstrip("0")
    if not fraction and "." not in text and int(text) <= INT_RANGE[1]:
        return exp.DataType.build("INT", dialect="tsql")
    precision = max(len(digits) + len(fraction), len(fraction), 1)
    return exp.DataType.build(f"DECIMAL({precision}, {len(fraction)})", dialect="tsql")


_CLOCK_TYPES = {
    "GETUTCDATE": "DATETIME",
    "SYSUTCDATETIME": "DATETIME2",
    "SYSDATETIME": "DATETIME2",
    "SYSDATETIMEOFFSET": "DATETIMEOFFSET",
}


def source_type(value: exp.Expression) -> str | None:
    """The T-SQL type a statement shows ``value`` to have (``DATETIME``...), or None."""
    known = value.meta.get(TSQL_TYPE) if value.meta else None
    if known:
        return str(known).split("(")[0].strip().upper()
    if isinstance(value, (exp.Cast, exp.TryCast)):
        return value.to.this.name
    if isinstance(value, exp.Convert) and isinstance(value.this, exp.DataType):
        return value.this.this.name
    if isinstance(value, exp.National) or (isinstance(value, exp.Literal) and value.is_string):
        return "NVARCHAR"
    if isinstance(value, exp.Anonymous):
        return _CLOCK_TYPES.get(value.name.upper())
    if isinstance(value, exp.Paren):
        return source_type(value.this)
    if isinstance(value, (exp.DateFromParts, exp.LastDay)):
        return "DATE"  # DATEFROMPARTS, EOMONTH
    return None
