"""Which T-SQL functions, clauses and types an interpreting engine runs faithfully.

Everything not listed here is refused with a CompileError naming the construct, before
any SQL reaches the engine: the compatibility pass (``etlcheck.tsql.compat``) and the
interpreter both compile through ``Emulation.plan``, which calls ``check_constructs``, so
they cannot disagree. An allow-list rather than a deny-list: a function sqlglot passes
through unchanged would otherwise fail mid-run with the engine's own words, or worse,
run with other semantics (``PATINDEX`` does not exist; the engines' ``POWER`` of an
integer keeps its fraction; ``PIVOT`` is dropped).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp
from sqlglot.errors import ParseError

from etlcheck.tsql.emulation.dateparts import DATE_FUNCTIONS, PARTS, datepart_of
from etlcheck.tsql.emulation.extremes import EXTREMES, extreme_refusal
from etlcheck.tsql.emulation.hashes import HASHES, byte_family, mark_input
from etlcheck.tsql.emulation.json_functions import json_value_refusal, openjson_refusal
from etlcheck.tsql.emulation.powers import is_square, mark_power
from etlcheck.tsql.emulation.spreads import SPREADS
from etlcheck.tsql.emulation.type_ids import TYPE_FUNCTIONS, type_function_refusal
from etlcheck.tsql.emulation.xml_path import aggregates_text, is_text_value, path_options
from etlcheck.tsql.nodes import words
from etlcheck.tsql.parsing import CompileError


@dataclass(frozen=True)
class Faithful:
    """A T-SQL function etlcheck runs as SQL Server documents it; ``classes`` are the
    sqlglot nodes its spellings parse to, ``names`` the ones sqlglot leaves anonymous."""

    name: str
    classes: tuple[type[exp.Expression], ...] = ()
    names: tuple[str, ...] = ()


FUNCTIONS: tuple[Faithful, ...] = (
    Faithful("LEN", (exp.Length,)),
    Faithful("LEFT / RIGHT", (exp.Left, exp.Right)),
    Faithful("SUBSTRING", (exp.Substring,)),
    Faithful("UPPER / LOWER", (exp.Upper, exp.Lower)),
    Faithful("LTRIM / RTRIM / TRIM", (exp.Trim,)),
    Faithful("REPLACE", (exp.Replace,)),
    Faithful("CONCAT / CONCAT_WS", (exp.Concat, exp.ConcatWs)),
    Faithful("CHARINDEX", (exp.StrPosition,)),
    Faithful("REPLICATE", (exp.Repeat,)),
    Faithful("REVERSE", (exp.Reverse,)),
    Faithful("STUFF", (exp.Stuff,)),
    Faithful("SPACE", (exp.Space,)),
    Faithful("CHAR / NCHAR / ASCII / UNICODE", (exp.Chr, exp.Ascii, exp.Unicode), ("NCHAR",)),
    Faithful("QUOTENAME", (), ("QUOTENAME",)),
    Faithful("STRING_AGG", (exp.GroupConcat,)),
    Faithful("STRING_SPLIT", (), ("STRING_SPLIT",)),
    Faithful("fn_listextendedproperty", (), ("FN_LISTEXTENDEDPROPERTY",)),
    Faithful("FORMAT (exact patterns)", (), ("FORMAT",)),
    Faithful("STR (numbers whose rounding is certain)", (), ("STR",)),
    Faithful("ISNULL / COALESCE / NULLIF", (exp.Coalesce, exp.Nullif)),
    Faithful("IIF / CASE", (exp.If, exp.Case)),
    Faithful("CHOOSE", (), ("CHOOSE",)),
    Faithful("ABS / CEILING / FLOOR / SIGN", (exp.Abs, exp.Ceil, exp.Floor, exp.Sign)),
    Faithful("ROUND (its truncating form too)", (exp.Round,)),
    Faithful("GROUPING / GROUPING_ID", (exp.Grouping, exp.GroupingId)),
    Faithful("TRANSLATE (literal characters of one length)", (exp.Translate,)),
    Faithful("SQRT / EXP / LOG / LOG10 / PI", (exp.Sqrt, exp.Exp, exp.Ln, exp.Log, exp.Pi)),
    Faithful("POWER (of a type the statement shows) / SQUARE"),
    Faithful("GREATEST / LEAST (of types the statement shows)"),
    Faithful(
        "GETDATE / SYSDATETIME / CURRENT_TIMESTAMP", (exp.CurrentTimestamp,), ("SYSDATETIME",)
    ),
    Faithful("GETUTCDATE / SYSUTCDATETIME", (), ("GETUTCDATE", "SYSUTCDATETIME")),
    Faithful("SYSDATETIMEOFFSET", (), ("SYSDATETIMEOFFSET",)),
    Faithful("DATEADD / DATEDIFF", (exp.DateAdd, exp.DateDiff, exp.TimeStrToTime)),
    Faithful("YEAR / MONTH / DAY", (exp.Year, exp.Month, exp.Day, exp.TsOrDsToDate)),
    Faithful("EOMONTH", (exp.LastDay,)),
    Faithful("DATEFROMPARTS", (exp.DateFromParts,)),
    Faithful(
        "DATEPART / DATENAME (year, quarter, month, dayofyear, day, week, weekday, iso_week, "
        "hour, minute, second)",
        (),
        ("DATEPART", "DATENAME"),
    ),
    Faithful("ISNUMERIC", (), ("ISNUMERIC",)),
    Faithful("ISDATE (yyyy-mm-dd, yyyymmdd, mm/dd/yyyy)", (), ("ISDATE",)),
    Faithful("PATINDEX", (), ("PATINDEX",)),
    Faithful("JSON_VALUE (lax paths) / ISJSON", (), ("JSON_VALUE", "ISJSON")),
    Faithful("OPENJSON (lax paths, WITH)", (exp.OpenJSON,)),
    Faithful("CAST / CONVERT (listed styles)", (exp.Cast, exp.Convert)),
    Faithful("TRY_CAST / TRY_CONVERT", (exp.TryCast,)),
    Faithful("COUNT / COUNT_BIG / SUM / MIN / MAX", (exp.Count, exp.Sum, exp.Min, exp.Max)),
    Faithful("AVG (of integers: a truncated integer)", (exp.Avg,)),
    Faithful("STDEV / STDEVP / VAR / VARP", (exp.Stddev,), SPREADS),
    Faithful(
        "ROW_NUMBER / RANK / DENSE_RANK / NTILE",
        (exp.RowNumber, exp.Rank, exp.DenseRank, exp.Ntile),
    ),
    Faithful("PERCENT_RANK / CUME_DIST", (exp.PercentRank, exp.CumeDist)),
    Faithful(
        "LAG / LEAD / FIRST_VALUE / LAST_VALUE",
        (exp.Lag, exp.Lead, exp.FirstValue, exp.LastValue),
    ),
    Faithful("NEWID", (exp.Uuid,)),
    Faithful("NEXT VALUE FOR (a sequence)", (exp.NextValueFor,)),
    Faithful("EXISTS", (exp.Exists,)),
    Faithful(
        "OBJECT_ID / SCHEMA_ID / SCHEMA_NAME / OBJECT_NAME / OBJECT_SCHEMA_NAME / DB_NAME",
        (exp.ObjectId, exp.CurrentSchema),
        ("SCHEMA_ID", "SCHEMA_NAME", "OBJECT_NAME", "OBJECT_SCHEMA_NAME", "DB_NAME"),
    ),
    Faithful("TYPE_ID / TYPE_NAME (of user-defined types)", (), ("TYPE_ID", "TYPE_NAME")),
    Faithful(
        "ERROR_MESSAGE / ERROR_NUMBER / ERROR_LINE / ERROR_SEVERITY / ERROR_STATE",
        (),
        ("ERROR_MESSAGE", "ERROR_NUMBER", "ERROR_LINE", "ERROR_SEVERITY", "ERROR_STATE"),
    ),
    Faithful("HASHBYTES (of a type the statement shows)", HASHES),
    Faithful(
        "SUSER_SNAME / SUSER_NAME / SYSTEM_USER / ORIGINAL_LOGIN (the session's login)",
        (),
        ("SUSER_SNAME", "SUSER_NAME", "SYSTEM_USER", "ORIGINAL_LOGIN"),
    ),
    Faithful(
        "CURRENT_USER / SESSION_USER / USER / USER_NAME (the session's database user)",
        (),
        ("CURRENT_USER", "SESSION_USER", "USER", "USER_NAME"),
    ),
    Faithful("HOST_NAME / APP_NAME", (), ("HOST_NAME", "APP_NAME")),
    Faithful(
        "SCOPE_IDENTITY / @@IDENTITY / IDENT_CURRENT", (), ("SCOPE_IDENTITY", "IDENT_CURRENT")
    ),
)
"""Functions that run. The README lists them; ``check_constructs`` refuses the rest."""

_CLASSES = frozenset(cls for item in FUNCTIONS for cls in item.classes)
_NAMES = frozenset(name for item in FUNCTIONS for name in item.names)

_NAMED = {
    exp.Pow: "POWER",
    exp.Rand: "RAND",
    exp.TimestampFromParts: "DATETIMEFROMPARTS",
    exp.TimestampTrunc: "DATETRUNC",
    exp.CurrentUser: "CURRENT_USER",
    exp.SessionUser: "SESSION_USER",
    exp.NumberToStr: "FORMAT",
}
"""T-SQL names of refused functions that sqlglot parses to a node named otherwise."""

TYPES = words(
    """BIT TINYINT UTINYINT SMALLINT INT BIGINT DECIMAL NUMERIC MONEY SMALLMONEY FLOAT REAL
    DOUBLE DATE TIME DATETIME DATETIME2 SMALLDATETIME DATETIMEOFFSET TIMESTAMPTZ CHAR NCHAR
    VARCHAR NVARCHAR TEXT NTEXT NAME VARBINARY BINARY IMAGE UNIQUEIDENTIFIER UUID"""
)
"""sqlglot's names of the T-SQL data types the emulations map (plus ``sysname``)."""

CLAUSES: tuple[tuple[str, str], ...] = (
    (
        "PIVOT / UNPIVOT over a table or SELECT *",
        "the columns it groups by, which the statement does not show",
    ),
    (
        "FOR XML / FOR JSON",
        "query results as XML or JSON text, except the string aggregation FOR XML PATH('')",
    ),
    ("TOP ... PERCENT", "this TOP form"),
    ("COLLATE", "collations other than the default"),
    ("FOR SYSTEM_TIME", "temporal tables"),
    ("TABLESAMPLE", "SQL Server's page sampling"),
    ("OPENXML / OPENROWSET / OPENQUERY", "these table functions"),
    ("xml and CLR type methods (x.value(...))", "methods of xml and CLR types"),
)
"""Clauses refused wherever they appear (for the README; ``check_constructs`` enforces)."""


def check_constructs(tree: exp.Expression, extra: frozenset[str] = frozenset()) -> None:
    """Raise CompileError at the first function, clause or type of ``tree`` that is not
    run faithfully; ``extra`` names anonymous functions a dialect adds to ``FUNCTIONS``."""
    _refuse_nested_dml(tree)
    for node in tree.walk():
        if isinstance(node, exp.Func) and not isinstance(node, exp.Connector):
            _check_function(node, extra)
        elif isinstance(node, exp.DataType):
            _check_type(node)
        elif isinstance(node, exp.Expression):
            _check_clause(node)


def _refuse_nested_dml(tree: exp.Expression) -> None:
    """DML inside another statement, SQL Server's composable DML: the engines cannot read
    rows from a statement that writes, so it failed halfway through the run. The INSERT
    around a MERGE (a type 2 dimension's classic load) is taken apart before this
    (``emulation.composable``)."""
    for node in tree.find_all(exp.Merge, exp.Insert, exp.Update, exp.Delete):
        if node is not tree and not isinstance(node.parent, exp.When):
            verb = type(node).__name__.upper()
            raise CompileError(
                f"{verb} inside another statement (composable DML, FROM ({verb} … OUTPUT …)) "
                "is not supported; OUTPUT … INTO a table variable or #temp table, then read it",
                f"{verb} inside another statement",
                word=verb,
            )


_REASONS = {
    "CHECKSUM": "SQL Server's checksum values, and which inputs collide, cannot be reproduced",
    "BINARY_CHECKSUM": "SQL Server's checksum values, and which inputs collide, cannot be "
    "reproduced",
    "HASHBYTES": "SQL Server hashes the bytes it stores, which depend on the type; CAST the "
    "argument to NVARCHAR(n), VARCHAR(n) or VARBINARY(n)",
    "COL_LENGTH": "a column's length in bytes is not emulated; COL_LENGTH(table, column) "
    "IS [NOT] NULL (whether the column exists) is",
    "POWER": "SQL Server's POWER returns the type of its first argument, which the statement "
    "does not show; CAST the first argument (CAST(x AS FLOAT), CAST(x AS DECIMAL(p, s)), "
    "CAST(x AS INT)...)",
    "DATALENGTH": "SQL Server counts the bytes it stores, which depend on the type (two a "
    "character for NVARCHAR); CAST the argument to NVARCHAR(n), VARCHAR(n) or VARBINARY(n)",
    "CURRENT_USER": "SQL Server takes CURRENT_USER, SYSTEM_USER and SESSION_USER without "
    "parentheses",
    "SESSION_USER": "SQL Server takes CURRENT_USER, SYSTEM_USER and SESSION_USER without "
    "parentheses",
}

_WITHOUT_ARGUMENT = {
    "SUSER_SNAME": ("server_user_sid", "the login of a given SID"),
    "SUSER_NAME": ("server_user_id", "the login of a given id"),
    "USER_NAME": ("id", "the database user of a given id"),
    "DB_NAME": ("database_id", "the name of a given database id"),
}
"""Functions that run only without their optional argument: its name, and what the
argument asks for (which etlcheck cannot look up)."""
_NO_ARGUMENTS = frozenset(["ORIGINAL_LOGIN", "HOST_NAME", "APP_NAME", "SYSDATETIMEOFFSET"])
"""Functions that take no argument at all (SQL Server refuses one, error 174)."""


_METHODS = words("VALUE QUERY EXIST NODES MODIFY TOSTRING PARSE GETANCESTOR GETDESCENDANT")
"""Methods of the xml and hierarchyid types (spatial ones start with ST: ``STDistance``)."""


def is_method(node: exp.Anonymous) -> bool:
    """``x.value(...)``, ``geo.STDistance(...)``: a method of an xml or CLR value."""
    name = node.name
    return name.upper() in _METHODS or (name[:2] == "ST" and name[2:3].isupper())


def user_function(node: exp.Anonymous) -> bool:
    """A call of a user-defined function: ``schema.f(...)`` (a scalar function, which T-SQL
    always calls with its schema) or ``FROM schema.f(...)`` (a table-valued one)."""
    parent = node.parent
    if isinstance(parent, exp.Dot) and parent.expression is node and not is_method(node):
        return isinstance(parent.this, (exp.Identifier, exp.Var)) and not isinstance(
            parent.parent, exp.Dot
        )
    if isinstance(parent, exp.Table) and parent.this is node:
        return bool(parent.db)
    return False


def _check_function(node: exp.Func, extra: frozenset[str]) -> None:
    if isinstance(node, exp.Anonymous):
        name = node.name.upper()
        refusal = _call_refusal(node, name)
        if refusal is not None:
            construct, what = refusal
            occurrence = _occurrence(node, name)
            raise CompileError(f"{construct}: {what}", construct, word=name, occurrence=occurrence)
        if name in _NAMES or name in extra or user_function(node):
            return
        if name == "COL_LENGTH" and len(node.expressions) == 2 and _tested_for_null(node):
            return  # does the column exist: see common.rewrite_shared_node
        if name == "DATALENGTH" and len(node.expressions) == 1 and byte_family(node.expressions[0]):
            return  # of a type the statement shows: see hashes.rewrite_datalength
        if isinstance(node.parent, exp.Dot) and is_text_value(node.parent):
            return
        if isinstance(node.parent, exp.Dot) and node.parent.expression is node:
            what = "methods of xml and CLR types are not emulated"
            _refuse(f"{node.name}() method", what, node.name)
        if isinstance(node.parent, exp.Table) and node.parent.this is node:
            what = "call a table-valued function with its schema (dbo.f)"
            _refuse(f"{node.name}()", what, node.name)
        _refuse(f"{name}()", _REASONS.get(name, "this function is not emulated"), name)
    if isinstance(node, HASHES):
        if not mark_input(node):
            _refuse("HASHBYTES()", _REASONS["HASHBYTES"], "HASHBYTES")
        return
    if isinstance(node, exp.Pow) and mark_power(node):
        return  # see powers.rewrite_power
    if isinstance(node, EXTREMES):
        why = extreme_refusal(node)
        if why is None:
            return  # see extremes.rewrite_extreme
        name = type(node).__name__.upper()
        occurrence = _same_calls(node).index(id(node))
        raise CompileError(f"{name}(): {why}", f"{name}()", word=name, occurrence=occurrence)
    if isinstance(node, exp.OpenJSON) and (why := openjson_refusal(node)) is not None:
        _refuse("OPENJSON()", why, "OPENJSON")
    if type(node) in _CLASSES:
        return
    name = _NAMED.get(type(node)) or node.sql_name()
    word = name.split()[0]
    spellings = "|".join(name.split(" / "))
    why = _REASONS.get(word, "this function is not emulated")
    occurrence = _same_calls(node).index(id(node))
    raise CompileError(f"{name}(): {why}", f"{name}()", word=spellings, occurrence=occurrence)


def _same_calls(node: exp.Func) -> list[int]:
    """The ids of the statement's calls written like ``node`` (a POWER, not a SQUARE, for
    a POWER), in the order they are written."""
    return [
        id(other)
        for other in node.root().dfs()
        if type(other) is type(node) and not (isinstance(other, exp.Pow) and is_square(other))
    ]


def _tested_for_null(node: exp.Expression) -> bool:
    """``node IS NULL`` or ``node IS NOT NULL``."""
    parent = node.parent
    return isinstance(parent, exp.Is) and isinstance(parent.expression, exp.Null)


def _occurrence(node: exp.Anonymous, name: str) -> int:
    """Which of the statement's calls of ``name`` ``node`` is, so that a refusal points
    at this call, not the statement's first call of the same function."""
    same = [
        other
        for other in node.root().dfs()
        if isinstance(other, exp.Anonymous) and other.name.upper() == name
    ]
    return next(index for index, other in enumerate(same) if other is node)


def _call_refusal(node: exp.Anonymous, name: str) -> tuple[str, str] | None:
    """What a call of a function that runs asks for that is not emulated (``SUSER_SNAME(@sid)``,
    ``DATEPART(tzoffset, d)``, a strict JSON path), and why; None when it runs."""
    if node.expressions and name in _WITHOUT_ARGUMENT:
        parameter, asked = _WITHOUT_ARGUMENT[name]
        return f"{name}({parameter})", f"{asked} is not emulated; {name}() without an argument is"
    if node.expressions and name in _NO_ARGUMENTS:
        return f"{name}() with an argument", f"{name} takes no argument"
    if name in DATE_FUNCTIONS and datepart_of(node) is None:
        if len(node.expressions) != 2:
            return f"{name}()", f"{name} takes a datepart and a date"
        written = node.expressions[0].sql(dialect="tsql")
        return f"{name}({written})", f"only the dateparts {', '.join(PARTS)} are emulated"
    if name == "JSON_VALUE" and (why := json_value_refusal(node)) is not None:
        return "JSON_VALUE()", why
    if name in SPREADS and len(node.expressions) != 1:
        return f"{name}()", f"{name} takes one argument"
    if name in TYPE_FUNCTIONS:
        return type_function_refusal(node, name)
    return None


def check_type_text(type_text: str) -> None:
    """CompileError unless ``type_text`` (as a DECLARE writes it) is a type that runs."""
    if type_text.strip().upper() == "SYSNAME":
        return
    try:
        data_type = exp.DataType.build(type_text, dialect="tsql")
    except (ParseError, ValueError):
        raise CompileError(
            f"data type {type_text}: this data type is not emulated", f"data type {type_text}"
        ) from None
    _check_type(data_type)


def _check_type(node: exp.DataType) -> None:
    name = node.this.name
    if name in TYPES or (name == "USERDEFINED" and str(node.args.get("kind")).upper() == "SYSNAME"):
        return
    if isinstance(node.parent, exp.DataType):
        return
    shown = node.sql(dialect="tsql").upper()
    _refuse(f"data type {shown}", "this data type is not emulated", shown.split("(")[0])


def _check_clause(node: exp.Expression) -> None:
    if isinstance(node, exp.Pivot):
        word = "UNPIVOT" if node.args.get("unpivot") else "PIVOT"
        _refuse(
            word,
            "only over a derived table that lists its columns, (SELECT a, b, c FROM t) AS s "
            f"{word} (...), is emulated: the columns it groups by must show in the statement",
            word,
        )
    elif isinstance(node, exp.ForClause) and not _string_aggregation(node):
        kind = str(node.args.get("kind") or "XML").upper()
        what = "query results as XML or JSON text are not emulated"
        if kind == "XML":
            what += (
                " (only the string aggregation (SELECT <one unnamed value> ... FOR XML "
                "PATH('')[, TYPE).value('.', 'NVARCHAR(MAX)')] is)"
            )
        _refuse(f"FOR {kind}", what, "FOR")
    elif isinstance(node, exp.LimitOptions) and node.args.get("percent"):
        _refuse("TOP ... PERCENT", "this TOP form is not emulated", "PERCENT")
    elif isinstance(node, exp.Collate):
        _refuse("COLLATE", "collations other than the default are not emulated", "COLLATE")
    elif isinstance(node, exp.Version):
        _refuse("FOR SYSTEM_TIME", "temporal tables are not emulated", "SYSTEM_TIME")
    elif isinstance(node, exp.TableSample):
        _refuse("TABLESAMPLE", "SQL Server's page sampling is not emulated", "TABLESAMPLE")


def _string_aggregation(clause: exp.ForClause) -> bool:
    """``FOR XML PATH('')`` of one unnamed value (``emulation.xml_path``); with ``TYPE``
    only under ``.value('.', 'NVARCHAR(MAX)')``, as an xml value is not emulated."""
    select = clause.parent
    if not isinstance(select, exp.Select) or not aggregates_text(select):
        return False
    if path_options(select) == ("PATH",):
        return True
    holder = select.parent
    return isinstance(holder, exp.Subquery) and (
        isinstance(holder.parent, exp.Dot) and is_text_value(holder.parent)
    )


def _refuse(construct: str, what: str, word: str) -> None:
    raise CompileError(f"{construct}: {what}", construct, word=word)
