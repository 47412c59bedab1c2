"""Schema and object names passed to procedures: ``EXEC sp_addextendedproperty ...
@level0type = N'SCHEMA', @level0name = N'etl'``, ``EXEC sp_rename N'etl.t', ...``,
``sys.sp_cdc_enable_table @source_schema = N'etl'``, ``fn_listextendedproperty(...)``.

What is known to be a schema or an object name is remapped; a constant that only might be
one (a production schema's name passed to a user procedure, or to a system procedure in a
place etlcheck does not know) and a name held in a variable are ``procedure-argument``
findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from etlcheck.isolation.literals import leading_schema
from etlcheck.isolation.located import (
    DYNAMIC_LITERAL,
    OBJECT_LITERAL,
    SCHEMA,
    SCHEMA_LITERAL,
    Located,
    Names,
    Reference,
)
from etlcheck.isolation.positions import Place
from etlcheck.tsql.tokens import STRINGS, SplitError, is_name, tokenize

PROPERTY_PROCEDURES = {
    "SP_ADDEXTENDEDPROPERTY": ("NAME", "VALUE"),
    "SP_UPDATEEXTENDEDPROPERTY": ("NAME", "VALUE"),
    "SP_DROPEXTENDEDPROPERTY": ("NAME",),
}
"""Extended property procedures and their parameters before ``@level0type``."""
_LEVELS = ("LEVEL0TYPE", "LEVEL0NAME", "LEVEL1TYPE", "LEVEL1NAME", "LEVEL2TYPE", "LEVEL2NAME")
OBJECT_PROCEDURES = {
    "SP_RENAME": "OBJNAME",
    "SP_REFRESHVIEW": "VIEWNAME",
    "SP_REFRESHSQLMODULE": "NAME",
    "SP_HELP": "OBJNAME",
    "SP_HELPTEXT": "OBJNAME",
    "SP_HELPINDEX": "OBJNAME",
    "SP_HELPCONSTRAINT": "OBJNAME",
    "SP_HELPTRIGGER": "TABNAME",
    "SP_SPACEUSED": "OBJNAME",
    "SP_DEPENDS": "OBJNAME",
    "SP_RECOMPILE": "OBJECT",
    "SP_SETTRIGGERORDER": "TRIGGERNAME",
    "SP_TABLEOPTION": "TABLENAMEPATTERN",
    "SP_AUTOSTATS": "TBLNAME",
}
"""System procedures whose first parameter is an object name (and its name when named)."""
BINDING_PROCEDURES = {
    "SP_BINDRULE": ("RULENAME", "OBJNAME"),
    "SP_BINDEFAULT": ("DEFNAME", "OBJNAME"),
    "SP_UNBINDRULE": ("OBJNAME",),
    "SP_UNBINDEFAULT": ("OBJNAME",),
}
"""Procedures that bind a rule or a default (an object of a schema) to ``@objname``: a
column (``table.column``, ``schema.table.column``) or, as one part, an alias data type."""
_SUB_OBJECT_TYPES = frozenset({"COLUMN", "INDEX", "STATISTICS"})
_RENAMED_IN_SCHEMA = _SUB_OBJECT_TYPES | {"", "NULL", "DEFAULT", "OBJECT", "USERDATATYPE"}
"""sp_rename's object types whose name is (or is in) an object of a schema (NULL and
DEFAULT: the default, OBJECT)."""


@dataclass(frozen=True)
class Argument:
    """One argument of a call: its parameter name (upper, no ``@``; "" when positional)
    and the tokens of its value."""

    parameter: str
    first: int
    last: int


def call_arguments(place: Place, first: int, stop: int) -> list[Argument]:
    """``[@name =] value`` parts between ``first`` and ``stop`` split at depth-0 commas."""
    arguments: list[Argument] = []
    depth = 0
    part = first
    for index in range(first, stop + 1):
        token = place.tokens[index] if index < stop else None
        kind = token.token_type if token is not None else TokenType.COMMA
        if kind == TokenType.L_PAREN:
            depth += 1
        elif kind == TokenType.R_PAREN:
            depth -= 1
        elif kind == TokenType.COMMA and depth == 0:
            if index > part:
                arguments.append(_argument(place, part, index - 1))
            part = index + 1
    return arguments


def _argument(place: Place, first: int, last: int) -> Argument:
    tokens = place.tokens
    if (
        last - first >= 2
        and tokens[first].token_type == TokenType.PARAMETER
        and tokens[first + 2].token_type == TokenType.EQ
    ):
        return Argument(tokens[first + 1].text.upper(), first + 3, last)
    return Argument("", first, last)


class ProcedureCall:
    """``EXEC [@rc =] procedure arguments``: what its arguments name."""

    def __init__(self, place: Place, names: Names, found: Located) -> None:
        self.place = place
        self.names = names
        self.found = found
        self.classified: set[int] = set()
        self.written = ""
        """The procedure's name as the script writes it."""

    def read(self) -> frozenset[int]:
        """Classify the call's arguments; returns the string tokens it classified."""
        place = self.place
        index = place.first + 1
        if index < place.stop and place.tokens[index].token_type == TokenType.PARAMETER:
            index += 3  # EXEC @rc = procedure
        if index >= place.stop or not is_name(place.tokens[index]):
            return frozenset()
        parts = [index]
        while index + 2 < place.stop and place.word(index + 1) == ".":
            index += 2
            parts.append(index)
        procedure = place.tokens[parts[-1]].text.upper()
        system = procedure.startswith(("SP_", "XP_")) or (
            len(parts) > 1 and place.tokens[parts[-2]].text.lower() == "sys"
        )
        arguments = call_arguments(place, index + 1, place.stop)
        self.written = place.tokens[parts[-1]].text
        self.route(procedure, system, arguments)
        return frozenset(self.classified)

    def route(self, procedure: str, system: bool, arguments: list[Argument]) -> None:
        if procedure in PROPERTY_PROCEDURES:
            named = _by_name(arguments, (*PROPERTY_PROCEDURES[procedure], *_LEVELS))
            self.extended_property(named, arguments)
        elif procedure in OBJECT_PROCEDURES:
            self.object_argument(procedure, arguments)
        elif procedure in BINDING_PROCEDURES:
            self.binding(BINDING_PROCEDURES[procedure], arguments)
        elif procedure == "SP_EXECUTESQL":
            self.first_string(arguments, "STMT", DYNAMIC_LITERAL)
        for argument in arguments:
            parameter = argument.parameter
            if system and parameter.endswith(("SCHEMA", "OWNER")) and parameter != "SCHEMA_OWNER":
                self.schema_value(argument, f"@{parameter.lower()}")
        for argument in arguments:
            self.flag_constant(argument, procedure, system)

    def extended_property(self, named: dict[str, Argument], arguments: list[Argument]) -> None:
        self.classified |= property_data(self.place, named)
        level_type = named.get("LEVEL0TYPE")
        value = self.constant(level_type) if level_type is not None else None
        start = self.place.tokens[self.place.first].start
        if level_type is not None and value is None:
            self.finding(level_type, "the object type of an extended property is in a variable")
        elif value is None or value.upper() in ("", "NULL"):
            self.found.problem(
                "database-ddl",
                start,
                "sets an extended property on the database itself, outside any schema",
                "set it on an object in a sandbox schema, or allow it with a pragma and a reason",
            )
        elif value.upper() != "SCHEMA":
            self.found.problem(
                "database-ddl",
                start,
                f"sets an extended property on a {value.upper()}, which no schema holds",
                "allow it with a pragma and a reason",
            )
        elif (level_name := named.get("LEVEL0NAME")) is not None:
            self.schema_value(level_name, "@level0name")

    def object_argument(self, procedure: str, arguments: list[Argument]) -> None:
        sub_parts = 0
        if procedure == "SP_RENAME":
            objtype = _by_name(arguments, ("OBJNAME", "NEWNAME", "OBJTYPE")).get("OBJTYPE")
            kind = self.constant(objtype) if objtype is not None else ""
            if objtype is not None and kind is None:
                self.finding(objtype, "sp_rename's object type is in a variable")
                return
            if (kind or "").upper() == "DATABASE":
                self.found.problem(
                    "database-ddl",
                    self.place.tokens[self.place.first].start,
                    "sp_rename ... 'DATABASE' renames the database itself, outside any schema",
                    "allow it with a pragma and a reason",
                )
                return
            if (kind or "").upper() not in _RENAMED_IN_SCHEMA:
                assert objtype is not None
                self.finding(objtype, f"sp_rename's object type {kind!r} is none etlcheck knows")
                return
            sub_parts = 1 if (kind or "").upper() in _SUB_OBJECT_TYPES else 0
        self.first_string(arguments, OBJECT_PROCEDURES[procedure], OBJECT_LITERAL, sub_parts)

    def binding(self, parameters: tuple[str, ...], arguments: list[Argument]) -> None:
        """The rule or default (an object name) and the column or alias type it binds to:
        ``'Policies.Premium'`` is a column of a table in the default schema; one part is
        an alias type, which the procedure cannot be given with its schema."""
        if len(parameters) > 1:
            self.first_string(arguments, parameters[0], OBJECT_LITERAL)
        target = _by_name(arguments, parameters).get("OBJNAME")
        if target is None:
            return
        token = self.place.tokens[target.first]
        one_part = token.token_type in STRINGS and _dots(token.text) == 0
        if target.first == target.last and one_part:
            self.classified.add(target.first)
            self.finding(target, "an alias data type is named here without its schema")
            return
        self.first_string(arguments, "OBJNAME", OBJECT_LITERAL, sub_parts=1, by=parameters)

    def first_string(
        self,
        arguments: list[Argument],
        parameter: str,
        kind: str,
        sub_parts: int = 0,
        by: tuple[str, ...] = (),
    ) -> None:
        """The string passed as ``parameter`` (the first positional one, or the one at its
        place in ``by``) as a reference of ``kind``; a finding when it is a variable."""
        argument = _by_name(arguments, by or (parameter,)).get(parameter)
        if argument is None:
            return
        token = self.place.tokens[argument.first]
        if argument.first == argument.last and token.token_type in STRINGS:
            self.reference(Reference(kind, token.start, token.end + 1, token.text, sub_parts))
            self.classified.add(argument.first)
        elif token.token_type == TokenType.PARAMETER and kind == OBJECT_LITERAL:
            self.finding(argument, "the object name passed here is in a variable")

    def schema_value(self, argument: Argument, what: str) -> None:
        """A value that is a schema name: a string, a bare name, or (a finding) a variable."""
        token = self.place.tokens[argument.first]
        variable = token.token_type == TokenType.PARAMETER and argument.last == argument.first + 1
        if argument.first != argument.last and not variable:
            self.finding(argument, f"the schema name passed as {what} is an expression")
        elif token.token_type in STRINGS:
            self.reference(Reference(SCHEMA_LITERAL, token.start, token.end + 1, token.text))
        elif token.token_type == TokenType.PARAMETER or not is_name(token):
            self.finding(argument, f"the schema name passed as {what} is in a variable")
        else:
            self.reference(Reference(SCHEMA, token.start, token.end + 1, token.text))
        self.classified.add(argument.first)

    def flag_constant(self, argument: Argument, procedure: str, system: bool) -> None:
        """A production schema's name passed where etlcheck does not know what it is."""
        if argument.first in self.classified or argument.first != argument.last:
            return
        token = self.place.tokens[argument.first]
        if token.token_type not in STRINGS and not (
            is_name(token) and token.token_type != TokenType.PARAMETER
        ):
            return
        leading = leading_schema(token.text)
        if leading is None or not self.names.is_production(leading[0]):
            return
        self.classified.add(argument.first)
        owner = "system procedure" if system else "procedure"
        self.found.problem(
            "procedure-argument",
            token.start,
            f"passes production schema {leading[0]!r} to {owner} {self.written}, which "
            "may use it as a schema name",
            "pass the sandbox schema, or allow it with a pragma and a reason",
        )

    def constant(self, argument: Argument) -> str | None:
        """The value of a one-token string or bare-name argument, else None."""
        token = self.place.tokens[argument.first]
        if argument.first != argument.last or token.token_type == TokenType.PARAMETER:
            return None
        if token.token_type in STRINGS or is_name(token):
            return token.text
        return None

    def reference(self, reference: Reference) -> None:
        self.found.references.append(reference)

    def finding(self, argument: Argument, message: str) -> None:
        token: Token = self.place.tokens[argument.first]
        self.found.problem(
            "procedure-argument",
            token.start,
            message + ", so etlcheck cannot prove it stays in the sandbox",
            "pass a constant name, or allow it with a pragma and a reason",
        )


def property_data(place: Place, named: dict[str, Argument]) -> set[int]:
    """The string tokens of an extended property's name and value: data the procedure
    stores (``N'Copied from etl.customers'``), never a name or SQL."""
    found = set()
    for parameter in ("NAME", "VALUE"):
        argument = named.get(parameter)
        single = argument is not None and argument.first == argument.last
        if argument is not None and single and place.tokens[argument.first].token_type in STRINGS:
            found.add(argument.first)
    return found


def stored_strings(place: Place) -> frozenset[int]:
    """The string tokens of ``EXEC sp_addextendedproperty``'s (or ``update``'s) name and
    value in the statement ``place``; nothing for any other statement."""
    index = place.first + 1
    if place.word(place.first) not in ("EXEC", "EXECUTE") or index >= place.stop:
        return frozenset()
    if place.tokens[index].token_type == TokenType.PARAMETER:
        index += 3  # EXEC @rc = procedure
    while index + 2 < place.stop and place.word(index + 1) == ".":
        index += 2
    if index >= place.stop:
        return frozenset()
    procedure = place.tokens[index].text.upper()
    if procedure not in PROPERTY_PROCEDURES:
        return frozenset()
    arguments = call_arguments(place, index + 1, place.stop)
    return frozenset(property_data(place, _by_name(arguments, PROPERTY_PROCEDURES[procedure])))


def _dots(value: str) -> int:
    """The dots that separate the parts of a name written in a string (none inside
    brackets or quotes); -1 when it cannot be read."""
    try:
        return sum(token.token_type == TokenType.DOT for token in tokenize(value))
    except SplitError:
        return -1


def _by_name(arguments: list[Argument], parameters: tuple[str, ...]) -> dict[str, Argument]:
    """Arguments by parameter name: named ones by their name, positional ones by position."""
    found: dict[str, Argument] = {}
    for position, argument in enumerate(arguments):
        if argument.parameter:
            found[argument.parameter] = argument
        elif position < len(parameters):
            found[parameters[position]] = argument
    return found


def listed_property(place: Place, opening: int, names: Names, found: Located) -> frozenset[int]:
    """``fn_listextendedproperty(name, 'SCHEMA', 'etl', ...)``: the schema argument."""
    closing = opening
    depth = 0
    for index in range(opening, place.stop):
        depth += place.word(index) == "("
        depth -= place.word(index) == ")"
        if depth == 0:
            closing = index
            break
    call = ProcedureCall(place, names, found)
    arguments = call_arguments(place, opening + 1, closing)
    named = _by_name(arguments, ("NAME", *_LEVELS))
    level_type = named.get("LEVEL0TYPE")
    value = call.constant(level_type) if level_type is not None else None
    level_name = named.get("LEVEL0NAME")
    if value is not None and value.upper() == "SCHEMA" and level_name is not None:
        call.schema_value(level_name, "level0name")
    return frozenset(call.classified)
