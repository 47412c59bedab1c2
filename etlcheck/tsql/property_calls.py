"""``sp_addextendedproperty``, ``sp_updateextendedproperty`` and ``sp_dropextendedproperty``
as SQL Server declares them, and which of their level types the emulation runs.

SQL Server's own definitions (``sys.sp_addextendedproperty``)::

    @name sysname, @value sql_variant = NULL,
    @level0type varchar(128) = NULL, @level0name sysname = NULL,
    @level1type varchar(128) = NULL, @level1name sysname = NULL,
    @level2type varchar(128) = NULL, @level2name sysname = NULL

``sp_dropextendedproperty`` has no ``@value``. Arguments go by position or by name, as to
any procedure. ``read_levels`` checks the levels as SQL Server does (error 15600 for a
type without a name, a level below a missing one, or a type SQL Server does not know) and
refuses the types SQL Server knows that the emulation does not run (an assembly, a user,
an index...): ``property_refusal`` tells the compatibility pass the same about constant
level types before anything runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from etlcheck.tsql.calls import (
    Argument,
    ProcedureCall,
    arguments_by_name,
    constant_text,
    options_refusal,
)
from etlcheck.tsql.parsing import CompileError

ADD = "sp_addextendedproperty"
UPDATE = "sp_updateextendedproperty"
DROP = "sp_dropextendedproperty"
PROCEDURES = (ADD, UPDATE, DROP)
_SCHEMAS = ("", "sys", "dbo")
"""How a call may qualify them: SQL Server finds its ``sys`` procedures from either."""

NAME_TYPE = "NVARCHAR(128)"
"""``sysname``, as the emulation declares it."""
LEVEL_TYPE = "VARCHAR(128)"
VARIANT = "SQL_VARIANT"
"""``@value``: kept as it was passed, with the type it was passed as."""

INVALID = 15600
TOO_LONG = 15097
MAX_VALUE_BYTES = 7500

OBJECT_TYPES = {
    "TABLE": ("U",),
    "VIEW": ("V",),
    "PROCEDURE": ("P",),
    "FUNCTION": ("FN", "IF", "TF"),
    "SEQUENCE": ("SO",),
}
"""Level-1 types the emulation runs, and the ``sys.objects`` types each one names."""
CHILD_TYPES = {"COLUMN": ("TABLE", "VIEW"), "PARAMETER": ("PROCEDURE", "FUNCTION")}
"""Level-2 types the emulation runs, and the level-1 types that have them."""
TRIGGER = "TRIGGER"
"""A level-2 type that runs: the engines have no triggers, so none is ever found (15135)."""

_EMULATED = (
    frozenset(["SCHEMA"]),
    frozenset(OBJECT_TYPES),
    frozenset([*CHILD_TYPES, TRIGGER]),
)
_NOT_EMULATED = (
    frozenset(
        [
            "ASSEMBLY",
            "CONTRACT",
            "EVENT NOTIFICATION",
            "FILEGROUP",
            "MESSAGE TYPE",
            "PARTITION FUNCTION",
            "PARTITION SCHEME",
            "PLAN GUIDE",
            "REMOTE SERVICE BINDING",
            "ROUTE",
            "SERVICE",
            "TRIGGER",
            "TYPE",
            "USER",
        ]
    ),
    frozenset(
        [
            "AGGREGATE",
            "DEFAULT",
            "LOGICAL FILE NAME",
            "QUEUE",
            "RULE",
            "SYNONYM",
            "TABLE_TYPE",
            "TYPE",
            "XML SCHEMA COLLECTION",
        ]
    ),
    frozenset(["CONSTRAINT", "EVENT NOTIFICATION", "INDEX"]),
)
"""Level types SQL Server accepts (its documentation lists them) that are not emulated."""


class InvalidPropertyCall(Exception):
    """SQL Server's error 15600: a parameter or option the procedure does not accept."""

    number = INVALID

    def __init__(self, procedure: str) -> None:
        message = f"An invalid parameter or option was specified for procedure '{procedure}'."
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Levels:
    """The object a property is on: level types (upper case) and names, None when not
    given; all None for the database itself."""

    types: tuple[str | None, str | None, str | None]
    names: tuple[str | None, str | None, str | None]

    @property
    def depth(self) -> int:
        """How many levels are given (0: the database)."""
        return sum(kind is not None for kind in self.types)


def property_procedure(call: ProcedureCall) -> str | None:
    """Which of the three procedures ``call`` runs (``[sys.|dbo.]name``), or None."""
    if call.by_variable:
        return None
    parts = call.parts
    if len(parts) > 2 or (len(parts) == 2 and parts[0].lower() not in _SCHEMAS):
        return None
    name = parts[-1].lower()
    return name if name in PROCEDURES else None


def parameter_names(procedure: str) -> tuple[str, ...]:
    """The procedure's parameters, in order."""
    levels = tuple(f"@level{n}{part}" for n in range(3) for part in ("type", "name"))
    return ("@name", *(() if procedure == DROP else ("@value",)), *levels)


def arguments_by_parameter(procedure: str, call: ProcedureCall) -> dict[str, Argument]:
    """The call's arguments by the parameter each is for (lower case)."""
    return arguments_by_name(parameter_names(procedure), call)


def level_type(text: str | None) -> str | None:
    """A level type as SQL Server compares it: case and trailing blanks ignored."""
    return None if text is None else text.rstrip().upper()


def property_refusal(procedure: str, call: ProcedureCall) -> CompileError | None:
    """Why the interpreter cannot run ``call`` faithfully, as far as its constant
    arguments show, or None."""
    refused = options_refusal(call)
    if refused is not None:
        return refused
    named = arguments_by_parameter(procedure, call)
    for level in range(3):
        kind = level_type(constant_text(named.get(f"@level{level}type")))
        if kind is not None and kind in _NOT_EMULATED[level]:
            return not_emulated(procedure, kind)
    return None


def not_emulated(procedure: str, kind: str) -> CompileError:
    return CompileError(
        f"{procedure}: extended properties on the level type {kind} are not emulated", procedure
    )


def read_levels(procedure: str, types: Sequence[str | None], names: Sequence[str | None]) -> Levels:
    """The levels of a call as SQL Server checks them: InvalidPropertyCall (15600) for a
    type without a name or a name without a type, a level below one not given, or a type
    SQL Server does not know there; CompileError for a type it knows that is not emulated."""
    kinds = [level_type(kind) for kind in types]
    for level in range(3):
        if (kinds[level] is None) != (names[level] is None):
            raise InvalidPropertyCall(procedure)
        if level and kinds[level] is not None and kinds[level - 1] is None:
            raise InvalidPropertyCall(procedure)
    for level, kind in enumerate(kinds):
        if kind is None or kind in _EMULATED[level]:
            continue
        if kind in _NOT_EMULATED[level]:
            raise not_emulated(procedure, kind)
        raise InvalidPropertyCall(procedure)
    return Levels(
        (kinds[0], kinds[1], kinds[2]),
        (names[0], names[1], names[2]),
    )
