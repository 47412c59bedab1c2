"""What a ``CREATE``/``ALTER`` ``PROCEDURE`` or ``FUNCTION`` header says, read from its
tokens: the action, the name, the parameters (type, default, OUTPUT) and, for a function,
what it returns; and ``routine_refusal``, which the interpreter and the compatibility
pass both ask about a routine (so they cannot disagree).

A procedure's body is any batch of statements. A function runs when its body is one
expression (``RETURNS type AS BEGIN RETURN expr END``, a *scalar* function) or one
query (``RETURNS TABLE AS RETURN (query)``, an *inline table-valued* function), or when
it fills the table variable its header declares (``RETURNS @t TABLE (...)``, a
*multi-statement table-valued* function, see ``table_functions``); a scalar function
whose body is several statements is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlglot.tokens import TokenType

from etlcheck.tsql.catalog import split_object_name
from etlcheck.tsql.nodes import Block, Command, Fragment, Node, Routine, Sql, Variable, words
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.tokens import SplitError, matching_paren, tokenize, word_of

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame

PROCEDURE = "PROCEDURE"
FUNCTION = "FUNCTION"
_PARAMETER_ENDS = words("OUT OUTPUT READONLY VARYING")
_PROCEDURE_OPTIONS = words("RECOMPILE ENCRYPTION EXECUTE EXEC AS CALLER OWNER SELF")
_FUNCTION_OPTIONS = words(
    "SCHEMABINDING ENCRYPTION RETURNS NULL ON INPUT CALLED EXECUTE EXEC AS CALLER OWNER SELF"
)


@dataclass(frozen=True)
class Parameter:
    """``@name type [= default] [OUTPUT]`` of a routine header."""

    name: str
    type_text: str
    default: Fragment | None = None
    output: bool = False
    readonly: bool = False


@dataclass(frozen=True)
class RoutineHeader:
    """A routine header as written; ``schema`` is None when the name has none."""

    action: str
    """``CREATE``, ``ALTER`` or ``CREATE OR ALTER``."""
    kind: str
    schema: str | None
    name: str
    parameters: tuple[Parameter, ...]
    returns: str | None = None
    """A function's return type (``TABLE`` for an inline table-valued function)."""
    returns_variable: bool = False
    """``RETURNS @t TABLE (...)``: a multi-statement table-valued function."""
    options: tuple[str, ...] = ()
    number: str | None = None
    """``;n`` of a numbered procedure."""
    database: str | None = None
    external: bool = False
    """``AS EXTERNAL NAME``: a CLR routine."""
    returned: Variable | None = None
    """``RETURNS @t TABLE (...)``: the table variable the function fills."""

    @property
    def shown(self) -> str:
        """The name as the header spells it (``etl.usp_load``)."""
        return f"{self.schema}.{self.name}" if self.schema else self.name


class _HeaderReader:
    def __init__(self, header: Fragment) -> None:
        self.header = header
        self.text = header.text
        self.tokens = tokenize(header.text)
        self.position = 0
        self.returns_text: str | None = None

    def error(self, message: str, index: int | None = None) -> SplitError:
        token = self.tokens[
            min(index if index is not None else self.position, len(self.tokens) - 1)
        ]
        return SplitError(message, self.header.start + token.start, "CREATE PROCEDURE")

    def word(self, ahead: int = 0) -> str | None:
        index = self.position + ahead
        return word_of(self.tokens[index]) if index < len(self.tokens) else None

    def kind(self, ahead: int = 0) -> TokenType | None:
        index = self.position + ahead
        return self.tokens[index].token_type if index < len(self.tokens) else None

    def raw(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end + 1]

    def read(self) -> RoutineHeader:
        action = self.action()
        kind = FUNCTION if self.word() == FUNCTION else PROCEDURE
        self.position += 1
        database, schema, name = self.routine_name()
        number = None
        if self.kind() == TokenType.SEMICOLON and self.kind(1) == TokenType.NUMBER:
            number = self.tokens[self.position + 1].text
            self.position += 2
        parenthesized = self.kind() == TokenType.L_PAREN
        if parenthesized:
            self.position += 1
        parameters = self.parameters(parenthesized)
        returned = None
        if kind == FUNCTION and self.returns():
            returned = self.returned_table()
        returns = "TABLE" if returned is not None else self.returns_text
        options = self.options()
        external = self.word() == "AS" and self.word(1) == "EXTERNAL"
        return RoutineHeader(
            action,
            kind,
            schema,
            name,
            tuple(parameters),
            returns,
            returned is not None,
            tuple(options),
            number,
            database,
            external,
            returned,
        )

    def action(self) -> str:
        if self.word() == "ALTER":
            self.position += 1
            return "ALTER"
        self.position += 1
        if self.word() == "OR" and self.word(1) == "ALTER":
            self.position += 2
            return "CREATE OR ALTER"
        return "CREATE"

    def routine_name(self) -> tuple[str | None, str | None, str]:
        first = self.position
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            if token.token_type in (TokenType.L_PAREN, TokenType.SEMICOLON, TokenType.PARAMETER):
                break
            if self.position > first and token.token_type != TokenType.DOT:
                previous = self.tokens[self.position - 1]
                if previous.token_type != TokenType.DOT:
                    break
            self.position += 1
        if self.position == first:
            raise self.error("the routine has no name")
        parts = split_object_name(self.raw(first, self.position - 1))
        if len(parts) > 3:
            raise self.error("a routine name has at most three parts", first)
        name = parts[-1]
        schema = parts[-2] or None if len(parts) >= 2 else None
        database = parts[-3] or None if len(parts) == 3 else None
        return database, schema, name

    def parameters(self, parenthesized: bool) -> list[Parameter]:
        found: list[Parameter] = []
        while self.kind() == TokenType.PARAMETER:
            found.append(self.parameter())
            if self.kind() == TokenType.COMMA:
                self.position += 1
        if parenthesized:
            if self.kind() != TokenType.R_PAREN:
                raise self.error("expected ) after the parameters")
            self.position += 1
        return found

    def parameter(self) -> Parameter:
        self.position += 1
        name = "@" + self.tokens[self.position].text
        self.position += 1
        if self.word() == "AS":
            self.position += 1
        type_first = self.position
        depth = 0
        while self.position < len(self.tokens):
            kind = self.tokens[self.position].token_type
            if kind == TokenType.L_PAREN:
                depth += 1
            elif kind == TokenType.R_PAREN:
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and (
                kind in (TokenType.EQ, TokenType.COMMA)
                or self.word() in _PARAMETER_ENDS
                or (self.position > type_first and self.word() in ("AS", "WITH", "RETURNS"))
            ):
                break
            self.position += 1
        if self.position == type_first:
            raise self.error(f"parameter {name} has no type")
        type_text = self.raw(type_first, self.position - 1)
        default = None
        if self.kind() == TokenType.EQ:
            self.position += 1
            default = self.default(name)
        output = readonly = False
        while self.word() in _PARAMETER_ENDS:
            output = output or self.word() in ("OUT", "OUTPUT")
            readonly = readonly or self.word() == "READONLY"
            self.position += 1
        return Parameter(name, type_text, default, output, readonly)

    def default(self, name: str) -> Fragment:
        first = self.position
        if self.kind() in (TokenType.DASH, TokenType.PLUS):
            self.position += 1
        if self.position >= len(self.tokens):
            raise self.error(f"parameter {name} has no default after =")
        self.position += 1
        token = self.tokens[first]
        return Fragment(self.raw(first, self.position - 1), self.header.start + token.start)

    def returns(self) -> bool:
        """Past RETURNS; True when a table variable follows (``RETURNS @t TABLE``), else
        the return type is read into ``returns_text``."""
        if self.word() != "RETURNS":
            raise self.error("a function needs RETURNS")
        self.position += 1
        if self.kind() == TokenType.PARAMETER:
            return True
        first = self.position
        depth = 0
        while self.position < len(self.tokens):
            kind = self.tokens[self.position].token_type
            depth += kind == TokenType.L_PAREN
            depth -= kind == TokenType.R_PAREN
            if depth == 0 and self.position > first and self.word() in ("AS", "WITH"):
                break
            self.position += 1
        self.returns_text = self.raw(first, self.position - 1)
        return False

    def returned_table(self) -> Variable:
        """``@t TABLE (column definitions)`` after RETURNS."""
        self.position += 1
        if self.position >= len(self.tokens):
            raise self.error("expected the name of the table variable after RETURNS @")
        name = "@" + self.tokens[self.position].text
        self.position += 1
        if self.word() != "TABLE" or self.kind(1) != TokenType.L_PAREN:
            raise self.error(f"expected TABLE (...) after RETURNS {name}")
        self.position += 1
        first = self.position
        closing = matching_paren(self.tokens, first)
        if closing is None:
            raise self.error(f"expected ) after the columns of RETURNS {name}", first)
        self.position = closing + 1
        columns = self.raw(first, closing)
        start = self.header.start + self.tokens[first].start
        return Variable(name, "TABLE", None, columns, start)

    def options(self) -> list[str]:
        options: list[str] = []
        if self.word() == "WITH":
            self.position += 1
            while self.position < len(self.tokens) and not (
                self.word() == "AS" and self.word(-1) not in ("EXEC", "EXECUTE")
            ):
                word = self.word()
                if word is not None:
                    options.append(word)
                self.position += 1
        if self.word() == "FOR" and self.word(1) == "REPLICATION":
            options.append("FOR REPLICATION")
            self.position += 2
        return options


def read_header(routine: Routine) -> RoutineHeader:
    """The header of ``routine``; SplitError (at its place in the batch) when it cannot
    be read."""
    return _HeaderReader(routine.header).read()


def routine_refusal(routine: Routine, header: RoutineHeader) -> CompileError | None:
    """Why the interpreter cannot run ``routine``, or None when it can."""
    construct = f"{header.action} {header.kind}"
    if header.external:
        return CompileError(
            f"{construct} ... EXTERNAL NAME: CLR routines are not supported", construct
        )
    if header.number is not None:
        return CompileError(
            f"{construct} {header.shown};{header.number}: numbered procedures are not supported",
            construct,
        )
    for parameter in header.parameters:
        if parameter.readonly and header.kind == FUNCTION:
            return CompileError(
                f"{parameter.name} READONLY: table-valued parameters of functions are not "
                "supported (those of procedures are)",
                f"{parameter.name} READONLY",
                word="READONLY",
            )
    allowed = _PROCEDURE_OPTIONS if header.kind == PROCEDURE else _FUNCTION_OPTIONS
    for option in header.options:
        if option not in allowed and option != "FOR REPLICATION":
            return CompileError(
                f"{construct} WITH {option}: this option is not supported",
                f"WITH {option}",
                word=option,
            )
    if (
        header.kind == FUNCTION
        and not header.returns_variable
        and function_body(routine, header) is None
    ):
        return CompileError(
            f"{construct} {header.shown}: only functions whose body is one RETURN of an "
            "expression or a query are supported",
            construct,
        )
    return None


def function_body(routine: Routine, header: RoutineHeader) -> Fragment | None:
    """The expression a scalar function returns, or the query an inline table-valued
    function returns; None when the body is anything else."""
    body: tuple[Node, ...] = routine.body.body
    if (header.returns or "").strip().upper() == "TABLE":
        return _returned_query(body)
    while len(body) == 1 and isinstance(body[0], Block):
        body = body[0].body
    if len(body) == 1 and isinstance(body[0], Command) and body[0].word == "RETURN":
        arguments = body[0].arguments
        return arguments[0] if len(arguments) == 1 else None
    return None


def _returned_query(body: tuple[Node, ...]) -> Fragment | None:
    """``RETURN (query)`` or ``RETURN query`` (which the splitter reads as RETURN, then
    the query)."""
    if len(body) == 1 and isinstance(body[0], Command) and body[0].word == "RETURN":
        arguments = body[0].arguments
        if len(arguments) == 1:
            text = arguments[0].text.strip()
            if text.startswith("(") and text.endswith(")"):
                inner = text[1:-1]
                start = arguments[0].start + arguments[0].text.index("(") + 1
                return Fragment(inner, start)
        return None
    if len(body) == 2 and isinstance(body[0], Command) and body[0].word == "RETURN":
        query = body[1]
        if not body[0].arguments and isinstance(query, Sql) and query.word in ("SELECT", "WITH"):
            return query.fragment
    return None


@dataclass(frozen=True)
class RoutineDefinition:
    """A routine ready to run: its header, body and where its text sits."""

    object_id: int
    schema: str
    name: str
    type: str
    header: RoutineHeader
    body: Block
    frame: Frame
    parameter_types: tuple[str | None, ...]
    """Each parameter's type in the engine's dialect."""
    tables: tuple[str | None, ...] = ()
    """Each table-valued parameter's columns (its table type's), None for the others."""

    @property
    def shown(self) -> str:
        return f"{self.schema}.{self.name}"
