"""``HASHBYTES(algorithm, x)`` and ``DATALENGTH(x)`` with SQL Server's values: SQL Server
hashes (and counts) the bytes it stores, so both can be computed wherever the statement
shows ``x``'s type:

- ``NVARCHAR`` (``N'…'``, a CAST or CONVERT to NVARCHAR, an NVARCHAR variable): the
  string's UTF-16LE code units, surrogate pairs for characters beyond the BMP;
- ``VARCHAR`` (``'…'``, a CAST or CONVERT to VARCHAR, a VARCHAR variable): its bytes in
  code page 1252, the default collation's; a character that code page lacks fails the
  statement, where SQL Server would store a best-fit character or ``?``;
- ``VARBINARY`` (a CAST or CONVERT to it, a VARBINARY variable): its bytes;
- ``CONCAT`` and ``CONCAT_WS`` with an ``NVARCHAR`` argument the statement shows (the
  hash-diff idiom ``CONCAT_WS(N'|', name, segment)``): NVARCHAR, as SQL Server types the
  result whatever the other arguments are; with only ``VARCHAR`` arguments the statement
  shows, and NULLs (which CONCAT reads as empty strings): VARCHAR, its type "in all other
  cases".

``CHAR(n)`` and ``NCHAR(n)`` are refused (SQL Server pads them with blanks, the engines
do not), and so is the hash of a column or of an expression over columns: a column's type
is not known when the statement is compiled. Each engine computes the algorithms it
has: DuckDB MD5, SHA1 and SHA2_256; PostgreSQL MD5, SHA2_256 and SHA2_512.
"""

from __future__ import annotations

from sqlglot import exp

from etlcheck.tsql.emulation.common import sys_call
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.plan import TSQL_TYPE

HASHES: tuple[type[exp.Expression], ...] = (exp.MD5, exp.SHA, exp.SHA2)
"""What ``HASHBYTES('MD5' | 'SHA1' | 'SHA2_256' | 'SHA2_512', x)`` parses to."""
INPUT = "etlcheck_hash_input"
"""The meta key of a HASHBYTES node: the type family of what it hashes."""
_FAMILIES = {"NVARCHAR": "NVARCHAR", "VARCHAR": "VARCHAR", "VARBINARY": "VARBINARY"}
_ENCODERS = {"NVARCHAR": "etlcheck_utf16le", "VARCHAR": "etlcheck_cp1252"}


def hash_algorithm(node: exp.Expression) -> str | None:
    """``MD5``, ``SHA1``, ``SHA2_256`` or ``SHA2_512`` for a HASHBYTES node, else None."""
    if isinstance(node, exp.MD5):
        return "MD5"
    if isinstance(node, exp.SHA):
        return "SHA1"
    if isinstance(node, exp.SHA2):
        length = node.args.get("length")
        return f"SHA2_{length.name if length is not None else 256}"
    return None


def mark_input(node: exp.Expression) -> bool:
    """Record the type of what the HASHBYTES ``node`` hashes; False when the statement
    does not show it (see the module)."""
    family = byte_family(node.this)
    if family is not None:
        node.meta[INPUT] = family
    return family is not None


def byte_family(argument: exp.Expression) -> str | None:
    """``NVARCHAR``, ``VARCHAR`` or ``VARBINARY``: how SQL Server stores ``argument``, when
    the statement shows it (see the module); else None."""
    if isinstance(argument, exp.Paren):
        return byte_family(argument.this)
    if isinstance(argument, (exp.Concat, exp.ConcatWs)):
        families = [
            "NULL" if isinstance(part, exp.Null) else byte_family(part)
            for part in argument.expressions
        ]
        if "NVARCHAR" in families:
            return "NVARCHAR"
        return "VARCHAR" if all(family in ("VARCHAR", "NULL") for family in families) else None
    if isinstance(argument, exp.National):
        return "NVARCHAR"
    if isinstance(argument, exp.Literal):
        return "VARCHAR" if argument.is_string else None
    if isinstance(argument, exp.Cast):
        name = argument.to.this.name
    elif isinstance(argument, exp.Convert) and isinstance(argument.this, exp.DataType):
        name = argument.this.this.name
    elif argument.meta.get(TSQL_TYPE):
        name = str(argument.meta[TSQL_TYPE]).split("(")[0].strip().upper()
    else:
        return None
    return _FAMILIES.get(name)


def rewrite_hash(node: exp.Expression, algorithms: frozenset[str]) -> exp.Expression:
    """The engine's hash of the bytes SQL Server would hash (``mark_input`` ran first)."""
    algorithm = hash_algorithm(node) or ""
    if algorithm not in algorithms:
        raise CompileError(
            f"HASHBYTES('{algorithm}'): this engine has no {algorithm}",
            "HASHBYTES",
            word="HASHBYTES",
        )
    value = node.this
    encoder = _ENCODERS.get(str(node.meta.get(INPUT)))
    data = sys_call(encoder, [value]) if encoder else value
    return sys_call("etlcheck_hashbytes", [exp.Literal.string(algorithm), data])


def rewrite_datalength(node: exp.Anonymous) -> exp.Expression:
    """``DATALENGTH(x)``: the number of bytes SQL Server stores for ``x`` (two a UTF-16 code
    unit for NVARCHAR, one a character for VARCHAR), an ``int``; ``x``'s type is one the
    statement shows (``check_constructs`` refused the others)."""
    (value,) = node.expressions
    family = byte_family(value)
    encoder = _ENCODERS.get(family or "")
    data = sys_call(encoder, [value]) if encoder else value
    counted = exp.Anonymous(this="octet_length", expressions=[data])
    return exp.Cast(this=counted, to=exp.DataType.build("INT"))
