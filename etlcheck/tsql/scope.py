"""Run-time state of a T-SQL batch: variables, @@ system functions, the CATCH error.

A ``Scope`` is one batch, one procedure call or one dynamic SQL string: its variables,
table variables, LOCAL cursors and (for a procedure or dynamic SQL) the ``#temp`` tables
it created, which go when it ends. The ``Session`` is the connection: @@ values, the
procedure nesting level, SET options, GLOBAL cursors and the routines it has read.
"""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from etlcheck.errors import SourceLocation
from etlcheck.tsql.catalog import CatalogCache
from etlcheck.tsql.compiler import Compiled
from etlcheck.tsql.emulation.conversions import type_digits
from etlcheck.tsql.holes import TABLE_TYPE_PREFIX

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.keys import Written
    from etlcheck.tsql.nodes import Cursor
    from etlcheck.tsql.routines import RoutineDefinition

_UTC_CLOCK = frozenset(["SYSUTCDATETIME()", "GETUTCDATE()"])
_INTEGER_TYPES = {
    "INT": (-(2**31), 2**31 - 1),
    "BIGINT": (-(2**63), 2**63 - 1),
    "SMALLINT": (-(2**15), 2**15 - 1),
    "TINYINT": (0, 255),
}
"""Integer types and their ranges: a literal outside one is the engine's to refuse."""
_TEXT_TYPES = frozenset(["CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME"])


@dataclass
class InsertCapture:
    """The INSERT that an EXEC's result sets go into, while the EXEC runs."""

    insert: str
    rows: int = 0


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
        procedure: str | None = None,
    ) -> None:
        super().__init__(message)
        self.number = number
        self.message = message
        self.severity = severity
        self.state = state
        self.line = line
        self.location = location
        self.statement = statement
        self.procedure = procedure
        """``schema.name`` of the procedure the error happened in (ERROR_PROCEDURE())."""


@dataclass(frozen=True)
class LastIdentity:
    """What SCOPE_IDENTITY() or @@IDENTITY returns: numeric(38,0), NULL before any INSERT
    generated one. ``unknown_table`` names the table of an INSERT that put its own values
    in the identity column (SET IDENTITY_INSERT ON): SQL Server returns the last of those,
    which the emulation cannot tell, so reading it is refused."""

    value: decimal.Decimal | None = None
    unknown_table: str = ""


@dataclass(frozen=True)
class IdentityColumn:
    """A table's identity column and the engine sequence it draws from."""

    name: str
    sequence: str


class IdentityUnknown(Exception):
    """SCOPE_IDENTITY() or @@IDENTITY read while its ``LastIdentity`` is unknown."""

    def __init__(self, name: str, table: str) -> None:
        super().__init__(name)
        self.name = name
        self.table = table


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


def is_table_type(type_text: str) -> bool:
    """Whether a variable's scope type is a table variable's (``TABLE <engine table>``)."""
    return type_text.startswith(TABLE_TYPE_PREFIX)


@dataclass
class VariableSlot:
    type_text: str
    type_sql: str | None
    value: Any = None


@dataclass
class TableVariable:
    """``DECLARE @t TABLE (...)``: an engine temp table named ``engine_name``; ``rows``
    is what it held when last saved (see ``tablevars``), so a ROLLBACK cannot undo it."""

    name: str
    engine_name: str
    create: Compiled
    rows: list[tuple[Any, ...]] | None = None


@dataclass
class ModuleState:
    """What a procedure call or dynamic SQL string owns until it ends."""

    procedure: str | None = None
    """``schema.name`` of the running procedure (None for dynamic SQL)."""
    procedure_id: int | None = None
    temp_tables: list[str] = field(default_factory=list)
    """``#temp`` tables created here, dropped when the module ends."""


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
    """Variables of one batch, procedure call or dynamic SQL string, and the session's
    @@ values; ``module`` is set for a procedure call or a dynamic SQL string."""

    def __init__(
        self,
        session: Session,
        catalog: CatalogCache | None = None,
        module: ModuleState | None = None,
        level: int = 0,
    ) -> None:
        self.session = session
        self.catalog = catalog
        self.module = module
        self.level = level
        """How many scopes enclose this one (names this scope's table variables)."""
        self.variables: dict[str, VariableSlot] = {}
        self.types = TypeView(self)
        self.table_variables: dict[str, TableVariable] = {}
        self.cursors: dict[str, CursorState] = {}
        """LOCAL cursors by lower-cased name."""
        self.identity = LastIdentity()
        """SCOPE_IDENTITY(): the last identity value an INSERT of this scope generated."""

    def declare(self, name: str, type_text: str, type_sql: str | None) -> None:
        self.variables[name.lower()] = VariableSlot(type_text, type_sql)

    def set(self, name: str, value: Any) -> None:
        slot = self.variables.get(name.lower())
        if slot is None:
            raise UnknownVariable(name)
        slot.value = fit_text(value, slot.type_text) if isinstance(value, str) else value

    def get(self, name: str) -> Any:
        slot = self.variables.get(name.lower())
        if slot is None or is_table_type(slot.type_text):
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
            if name.upper() == "@@PROCID":
                return (self.module.procedure_id if self.module else None) or 0, None
            return self.session.system_value(name), None
        if name == "SCOPE_IDENTITY()":
            return identity_value(name, self.identity), None
        if name.endswith("()"):
            return self.session.error_value(name), None
        if name.startswith(("OBJECT_ID|", "SCHEMA_ID|")):
            return self.catalog_value(name), None
        slot = self.slot(name)
        if is_table_type(slot.type_text):
            raise UnknownVariable(name)
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


DEFAULT_OPTIONS = 5496
"""@@OPTIONS of a session with SQL Server's default ANSI settings (ANSI_WARNINGS,
ANSI_PADDING, ANSI_NULLS, ARITHABORT, QUOTED_IDENTIFIER, ANSI_NULL_DFLT_ON,
CONCAT_NULL_YIELDS_NULL), the only ones the emulation accepts."""
OPTION_BITS = {"NOCOUNT": 512, "XACT_ABORT": 16384}


@dataclass(frozen=True)
class Savepoint:
    """A SAVE TRANSACTION: its name, and the engine's savepoint that stands for it."""

    name: str
    engine_name: str


DEFAULT_DATEFIRST = 7
"""A us_english session's first day of the week: Sunday."""
"""The @@OPTIONS bits of the SET options a script may switch."""


class Session:
    """What lives as long as the connection: @@ROWCOUNT, @@ERROR, @@TRANCOUNT, CATCH
    errors, the procedure nesting level, SET options, GLOBAL cursors, routines."""

    def __init__(self) -> None:
        self.row_count = 0
        self.last_error = 0
        self.transaction_count = 0
        self.doomed = False
        """The engine aborted the open transaction (XACT_STATE() is -1)."""
        self.transaction_name: str | None = None
        """The outermost BEGIN TRANSACTION's name, while it is open."""
        self.savepoints: list[Savepoint] = []
        """SAVE TRANSACTION's savepoints in the open transaction, oldest first."""
        self.nest_level = 0
        self.fetch_status = -1
        self.options: dict[str, bool] = dict.fromkeys(OPTION_BITS, False)
        self.datefirst = DEFAULT_DATEFIRST
        """SET DATEFIRST: the first day of the week, 1 (Monday) to 7 (Sunday)."""
        self.caught: list[TsqlError] = []
        self.catalog: CatalogCache | None = None
        """The connection's catalog cache, made by the first interpreter that needs it."""
        self.routines: dict[int, RoutineDefinition] = {}
        """Routines read so far, by object id (the catalog says which exist)."""
        self.cursors: dict[str, CursorState] = {}
        """GLOBAL cursors by lower-cased name."""
        self.table_variables: list[TableVariable] = []
        """Every table variable alive, in any scope (saved and restored around ROLLBACK)."""
        self.identity = LastIdentity()
        """@@IDENTITY: the last identity value an INSERT of any scope generated."""
        self.identity_columns: dict[str, IdentityColumn | None] = {}
        """Identity columns by the engine table's name, until the catalog changes."""
        self.identity_behind: dict[str, Written] = {}
        """Tables given identity values of their own (SET IDENTITY_INSERT ON), by the engine
        table's name, whose identity has not caught up with them yet (``identity.catch_up``)."""
        self.insert_exec: InsertCapture | None = None
        """The INSERT ... EXEC whose EXEC is running: its result sets are inserted."""

    def system_value(self, name: str) -> Any:
        upper = name.upper()
        if upper == "@@ROWCOUNT":
            return self.row_count
        if upper == "@@ERROR":
            return self.last_error
        if upper == "@@TRANCOUNT":
            return self.transaction_count
        if upper == "@@NESTLEVEL":
            return self.nest_level
        if upper == "@@FETCH_STATUS":
            return self.fetch_status
        if upper == "@@DATEFIRST":
            return self.datefirst
        if upper == "@@OPTIONS":
            bits = (bit for option, bit in OPTION_BITS.items() if self.options[option])
            return DEFAULT_OPTIONS + sum(bits)
        if upper == "@@SERVERNAME":
            return "etlcheck"
        if upper == "@@SPID":
            return 1
        if upper == "@@IDENTITY":
            return identity_value(upper, self.identity)
        raise UnknownVariable(name)

    def error_value(self, name: str) -> Any:
        if name == "XACT_STATE()":
            if self.transaction_count == 0:
                return 0
            return -1 if self.doomed else 1
        if not self.caught:
            return None
        error = self.caught[-1]
        return {
            "ERROR_MESSAGE()": error.message,
            "ERROR_NUMBER()": error.number,
            "ERROR_SEVERITY()": error.severity,
            "ERROR_STATE()": error.state,
            "ERROR_LINE()": error.line,
            "ERROR_PROCEDURE()": error.procedure,
        }[name]


def identity_value(name: str, identity: LastIdentity) -> decimal.Decimal | None:
    """The value of SCOPE_IDENTITY() or @@IDENTITY, or IdentityUnknown."""
    if identity.unknown_table:
        raise IdentityUnknown(name, identity.unknown_table)
    return identity.value


def rounded_moment(moment: datetime.datetime, type_text: str) -> datetime.datetime:
    """``moment`` rounded (half up) to the digits of a second ``datetime2(p)`` keeps."""
    digits = type_digits(type_text) if base_type(type_text) == "DATETIME2" else 7
    if digits >= 6:
        return moment
    unit = 10 ** (6 - digits)
    micros = (moment.microsecond + unit // 2) // unit * unit
    return moment.replace(microsecond=0) + datetime.timedelta(microseconds=micros)


def fast_value(text: str, type_text: str | None) -> tuple[bool, Any]:
    """Literals, and the UTC clock, that need no database round trip: (True, value) or
    (False, None)."""
    stripped = text.strip()
    base = base_type(type_text) if type_text else ""
    upper = stripped.upper()
    if upper == "NULL":
        return True, None
    sized = "(" in (type_text or "")
    if upper in _UTC_CLOCK and base in ("", "DATETIME2", "DATETIME"):
        now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        return True, rounded_moment(now, type_text or "")
    if re.fullmatch(r"-?\d{1,18}", stripped) and (not base or base in _INTEGER_TYPES):
        low, high = _INTEGER_TYPES.get(base, (-(2**63), 2**63 - 1))
        if low <= int(stripped) <= high:
            return True, int(stripped)
    match = re.fullmatch(r"N?'((?:[^']|'')*)'", stripped, re.DOTALL)
    if match and (not base or base in _TEXT_TYPES) and not sized:
        return True, match.group(1).replace("''", "'")
    return False, None


@dataclass
class CursorState:
    """A declared cursor: its query, where it was declared, and its rows once open."""

    name: str
    cursor: Cursor
    scope: Scope
    frame: Frame
    rows: list[tuple[Any, ...]] | None = None
    position: int = 0
    local: bool = False
