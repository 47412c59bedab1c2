"""Run-time state of a T-SQL batch: variables, @@ system functions, the CATCH error."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from etlcheck.errors import SourceLocation
from etlcheck.tsql.catalog import CatalogCache

_UTC_CLOCK = frozenset(["SYSUTCDATETIME()", "GETUTCDATE()"])
_INTEGER_TYPES = frozenset(["INT", "BIGINT", "SMALLINT", "TINYINT"])
_TEXT_TYPES = frozenset(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME"])


class TsqlError(Exception):
    """A T-SQL error in flight: CATCH can handle it, otherwise it fails the script."""

    def __init__(
        self,
        number: int,
        message: str,
        severity: int = 16,
        state: int = 1,
        line: int = 0,
        location: SourceLocation | None = None,
        statement: str = "",
    ) -> None:
        super().__init__(message)
        self.number = number
        self.message = message
        self.severity = severity
        self.state = state
        self.line = line
        self.location = location
        self.statement = statement


class UnknownVariable(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def base_type(type_text: str) -> str:
    return re.split(r"[\s(]", type_text.strip(), maxsplit=1)[0].upper()


_LENGTH = re.compile(r"\(\s*(\d+|MAX)\s*\)", re.IGNORECASE)
_FIXED_TEXT = frozenset(["CHAR", "NCHAR"])
_VARIABLE_TEXT = frozenset(["VARCHAR", "NVARCHAR"])


def fit_text(value: str, type_text: str) -> str:
    """A string as a variable of ``type_text`` holds it: SQL Server silently truncates to
    the declared length (1 when none is given). It also pads CHAR/NCHAR with blanks; that
    is not done here, because the engines do not ignore trailing blanks in comparisons as
    SQL Server does, and a padded value would then stop matching."""
    base = base_type(type_text)
    if base == "SYSNAME":
        return value[:128]
    if base not in _FIXED_TEXT and base not in _VARIABLE_TEXT:
        return value
    match = _LENGTH.search(type_text)
    if match and match.group(1).upper() == "MAX":
        return value
    length = int(match.group(1)) if match else 1
    return value[:length]


@dataclass
class VariableSlot:
    type_text: str
    type_sql: str | None
    value: Any = None


class TypeView(Mapping[str, str]):
    """Declared T-SQL types of the variables in scope, looked up case-insensitively."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def __getitem__(self, name: str) -> str:
        slot = self.scope.variables.get(name.lower())
        if slot is None:
            raise KeyError(name)
        return slot.type_text

    def __iter__(self) -> Iterator[str]:
        return iter(self.scope.variables)

    def __len__(self) -> int:
        return len(self.scope.variables)


class Scope:
    """Variables of one batch (or one dynamic SQL string) and the session's @@ values."""

    def __init__(self, session: Session, catalog: CatalogCache | None = None) -> None:
        self.session = session
        self.catalog = catalog
        self.variables: dict[str, VariableSlot] = {}
        self.types = TypeView(self)

    def declare(self, name: str, type_text: str, type_sql: str | None) -> None:
        self.variables[name.lower()] = VariableSlot(type_text, type_sql)

    def set(self, name: str, value: Any) -> None:
        slot = self.variables.get(name.lower())
        if slot is None:
            raise UnknownVariable(name)
        slot.value = fit_text(value, slot.type_text) if isinstance(value, str) else value

    def get(self, name: str) -> Any:
        slot = self.variables.get(name.lower())
        if slot is None:
            raise UnknownVariable(name)
        return slot.value

    def slot(self, name: str) -> VariableSlot:
        slot = self.variables.get(name.lower())
        if slot is None:
            raise UnknownVariable(name)
        return slot

    def hole_value(self, name: str) -> tuple[Any, str | None]:
        """The value of a hole (variable, @@function or ERROR_...()) and its SQL type."""
        if name.startswith("@@"):
            return self.session.system_value(name), None
        if name.endswith("()"):
            return self.session.error_value(name), None
        if name.startswith(("OBJECT_ID|", "SCHEMA_ID|")):
            return self.catalog_value(name), None
        slot = self.slot(name)
        return slot.value, slot.type_sql

    def hole_is_null(self, name: str) -> bool:
        """Whether a hole's value is NULL (OBJECT_ID needs only whether the object exists)."""
        parts = name.split("|")
        if parts[0] == "OBJECT_ID" and len(parts) == 3 and self.catalog is not None:
            return not self.catalog.exists(parts[1], parts[2] or None)
        return self.hole_value(name)[0] is None

    def catalog_value(self, hole: str) -> int | None:
        if self.catalog is None:
            raise UnknownVariable(hole)
        kind, *arguments = hole.split("|")
        if kind == "SCHEMA_ID":
            return self.catalog.schema_id(arguments[0] or None)
        return self.catalog.object_id(arguments[0], arguments[1] or None)


class Session:
    """What lives as long as the connection: @@ROWCOUNT, @@ERROR, @@TRANCOUNT, CATCH errors."""

    def __init__(self) -> None:
        self.row_count = 0
        self.last_error = 0
        self.transaction_count = 0
        self.caught: list[TsqlError] = []
        self.catalog: CatalogCache | None = None
        """The connection's catalog cache, made by the first interpreter that needs it."""

    def system_value(self, name: str) -> Any:
        upper = name.upper()
        if upper == "@@ROWCOUNT":
            return self.row_count
        if upper == "@@ERROR":
            return self.last_error
        if upper == "@@TRANCOUNT":
            return self.transaction_count
        if upper == "@@SERVERNAME":
            return "etlcheck"
        if upper == "@@SPID":
            return 1
        raise UnknownVariable(name)

    def error_value(self, name: str) -> Any:
        if not self.caught:
            return None
        error = self.caught[-1]
        return {
            "ERROR_MESSAGE()": error.message,
            "ERROR_NUMBER()": error.number,
            "ERROR_SEVERITY()": error.severity,
            "ERROR_STATE()": error.state,
            "ERROR_LINE()": error.line,
            "ERROR_PROCEDURE()": None,
        }[name]


def fast_value(text: str, type_text: str | None) -> tuple[bool, Any]:
    """Literals, and the UTC clock, that need no database round trip: (True, value) or
    (False, None)."""
    stripped = text.strip()
    base = base_type(type_text) if type_text else ""
    upper = stripped.upper()
    if upper == "NULL":
        return True, None
    if upper in _UTC_CLOCK and base in ("", "DATETIME2", "DATETIME"):
        return True, datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    if re.fullmatch(r"-?\d{1,18}", stripped) and (not base or base in _INTEGER_TYPES):
        return True, int(stripped)
    match = re.fullmatch(r"N?'((?:[^']|'')*)'", stripped, re.DOTALL)
    if match and (not base or base in _TEXT_TYPES) and "(" not in (type_text or ""):
        return True, match.group(1).replace("''", "'")
    return False, None
