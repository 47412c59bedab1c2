"""Whether a type as written names a user-defined type (``s.Code``, ``[OrderIdList]``)
or one of SQL Server's own."""

from __future__ import annotations

from sqlglot.tokens import TokenType

from etlcheck.tsql.catalog import split_object_name
from etlcheck.tsql.nodes import words
from etlcheck.tsql.tokens import SplitError, tokenize

BUILT_IN = words(
    """BIGINT BINARY BIT CHAR CHARACTER CURSOR DATE DATETIME DATETIME2 DATETIMEOFFSET DEC
    DECIMAL DOUBLE FLOAT GEOGRAPHY GEOMETRY HIERARCHYID IMAGE INT INTEGER JSON MONEY NATIONAL
    NCHAR NTEXT NUMERIC NVARCHAR REAL ROWVERSION SMALLDATETIME SMALLINT SMALLMONEY
    SQL_VARIANT SYSNAME TABLE TEXT TIME TIMESTAMP TINYINT UNIQUEIDENTIFIER VARBINARY VARCHAR
    VECTOR XML"""
)
"""SQL Server's own type names: a type written with any other name is a user-defined one."""


def type_name(type_text: str) -> tuple[str | None, str] | None:
    """``(schema, name)`` when ``type_text`` names a user-defined type (``s.T``, ``[T]``),
    None for a type of SQL Server's own or anything that is not a plain name."""
    text = type_text.strip()
    if not text or "(" in text:
        return None
    try:
        tokens = tokenize(text)
    except SplitError:
        return None
    for index, token in enumerate(tokens):
        if (token.token_type == TokenType.DOT) != (index % 2 == 1):
            return None
    parts = split_object_name(text)
    if len(tokens) % 2 == 0 or len(parts) > 2 or not all(parts):
        return None
    if len(parts) == 1 and parts[0].upper() in BUILT_IN:
        return None
    return (parts[0] if len(parts) == 2 else None), parts[-1]


def is_user_type(type_text: str) -> bool:
    return type_name(type_text) is not None
