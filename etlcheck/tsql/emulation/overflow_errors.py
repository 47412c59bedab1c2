"""Integer arithmetic that overflows its type: SQL Server's error 8115, "Arithmetic
overflow error converting expression to data type int." (``2147483647 + 1``), where
DuckDB says ``Overflow in addition of INT32`` (an error it numbers as 220) and PostgreSQL
``integer out of range``. A decimal that overflows keeps the engine's words (its number
is 8115 on both engines).
"""

from __future__ import annotations

import re

_OVERFLOWS = (
    re.compile(r"Overflow in (?:addition|subtraction|multiplication|negation) of (INT32|INT64)"),
    re.compile(r"^(integer|bigint) out of range"),
)
_TYPE_NAMES = {"INT32": "int", "INT64": "bigint", "integer": "int", "bigint": "bigint"}
_DECIMAL_OUT_OF_RANGE = re.compile(
    r"Casting value .* to type DECIMAL.* failed: value is out of range"
)
ARITHMETIC_OVERFLOW = 8115


def integer_overflow(message: str) -> tuple[int, str] | None:
    """SQL Server's error number and message for an engine's integer overflow, if it is one."""
    for pattern in _OVERFLOWS:
        found = pattern.search(message)
        if found is not None:
            name = _TYPE_NAMES[found.group(1)]
            return (
                ARITHMETIC_OVERFLOW,
                f"Arithmetic overflow error converting expression to data type {name}.",
            )
    return None


def decimal_overflow(message: str) -> bool:
    """True for DuckDB's cast of a number that does not fit a decimal's precision."""
    return _DECIMAL_OUT_OF_RANGE.search(message) is not None
