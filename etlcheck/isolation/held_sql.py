"""Constant SQL held in a variable: ``SET @sql = N'...'; EXEC sp_executesql @sql``.

A T-SQL variable lives for one batch (a routine's body is its batch). When every
assignment to a variable the batch declares is one string literal (``DECLARE @sql
NVARCHAR(MAX) = N'…'``, ``SET @sql = N'…'``), that fits its declared length, and nothing
else in the batch can write it (no ``+=``, no ``SELECT @sql =``, no ``OUTPUT`` argument, no
``FETCH … INTO``), then whenever it is read it holds one of those literals or NULL, on
every path through the batch. Where such a variable is what ``EXEC (@sql)`` or
``sp_executesql @sql`` runs, its literals are constant dynamic SQL: located, remapped and
proven like ``EXEC (N'…')``, and the call is no ``dynamic-sql`` finding. Any other write,
anywhere in the batch, and the variable holds SQL built at run time: the call stays one.

The length matters: a remapped literal is longer, and SQL Server cuts a value to the
variable's length without a word. The lint proves the remapped text, where a literal that
no longer fits leaves its variable not held, so the call is a finding again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot.tokens import Token, TokenType

from etlcheck.isolation.statements import BatchStatements
from etlcheck.tsql.compound_select import COMPOUND_OPERATORS
from etlcheck.tsql.tokens import STRINGS, adjacent

_TEXT_TYPES = {"CHAR": 1, "VARCHAR": 1, "NCHAR": 1, "NVARCHAR": 1, "SYSNAME": 128}
"""Character types a variable may hold SQL in, with their length when none is given."""
_UNLIMITED = 1 << 31


@dataclass(frozen=True)
class HeldSql:
    """What the locator needs: the string literals executed variables hold (token
    indices), and the ``@`` token of each variable a call runs."""

    literals: frozenset[int] = frozenset()
    calls: frozenset[int] = frozenset()


@dataclass
class _Variable:
    length: int = 0
    literals: list[int] | None = field(default_factory=list)
    """None once something other than a fitting literal is (or may be) written."""


def held_sql(batch: BatchStatements) -> HeldSql:
    """The constant SQL variables of ``batch`` hold where they are executed."""
    tokens, words = batch.tokens, batch.words
    variables: dict[str, _Variable] = {}
    writes: set[str] = set()
    handled: set[int] = set()
    for statement in batch.statements:
        first, stop = statement.first, statement.stop
        if words[first] == "DECLARE":
            handled |= _declarations(tokens, first, stop, variables, writes)
        elif _literal_set(tokens, words, first, stop):
            name = tokens[first + 2].text.lower()
            handled.add(first + 1)
            variable = variables.setdefault(name, _Variable())
            if variable.literals is not None:
                variable.literals.append(first + 4)
    fetches = {
        index
        for statement in batch.statements
        if batch.words[statement.first] == "FETCH"
        for index in range(statement.first, statement.stop)
    }
    for index in _occurrences(tokens):
        if index not in handled and (index in fetches or _written(tokens, words, index)):
            writes.add(tokens[index + 1].text.lower())
    held = {
        name: variable
        for name, variable in variables.items()
        if name not in writes
        and variable.literals is not None
        and variable.length > 0
        and all(len(tokens[i].text) <= variable.length for i in variable.literals)
    }
    calls = [index for index in _calls(batch) if tokens[index + 1].text.lower() in held]
    literals = {i for index in calls for i in held[tokens[index + 1].text.lower()].literals or ()}
    return HeldSql(frozenset(literals), frozenset(calls))


def _occurrences(tokens: tuple[Token, ...]) -> list[int]:
    """The ``@`` token of every ``@variable`` (not ``@@ROWCOUNT``)."""
    return [
        index
        for index in range(len(tokens) - 1)
        if tokens[index].token_type == TokenType.PARAMETER
        and tokens[index].text == "@"
        and adjacent(tokens[index], tokens[index + 1])
        and tokens[index + 1].token_type != TokenType.PARAMETER
        and not (
            index > 0
            and tokens[index - 1].text == "@"
            and adjacent(tokens[index - 1], tokens[index])
        )
    ]


def _written(tokens: tuple[Token, ...], words: tuple[str, ...], index: int) -> bool:
    """Whether the variable at ``index`` may be written there: ``@v =`` (also in ``SET``,
    ``SELECT``, ``UPDATE … SET`` and ``EXEC @v = p``), ``@v += …``, ``@v OUTPUT``. A
    comparison (``IF @v = N'x'``) counts too: a read taken for a write only costs a
    finding."""
    after = index + 2
    if after >= len(tokens):
        return False
    if tokens[after].token_type == TokenType.EQ or words[after] in ("OUTPUT", "OUT"):
        return True
    return (
        tokens[after].token_type in COMPOUND_OPERATORS
        and after + 1 < len(tokens)
        and tokens[after + 1].token_type == TokenType.EQ
    )


def _literal_set(tokens: tuple[Token, ...], words: tuple[str, ...], first: int, stop: int) -> bool:
    """``SET @v = '…'``, and nothing more."""
    end = stop - 1 if tokens[stop - 1].token_type == TokenType.SEMICOLON else stop
    return (
        end - first == 5
        and words[first] == "SET"
        and tokens[first + 1].token_type == TokenType.PARAMETER
        and tokens[first + 3].token_type == TokenType.EQ
        and tokens[first + 4].token_type in STRINGS
    )


def _declarations(
    tokens: tuple[Token, ...],
    first: int,
    stop: int,
    variables: dict[str, _Variable],
    writes: set[str],
) -> set[int]:
    """Read ``DECLARE @a type [= value], …``; the ``@`` tokens of the names it declares."""
    declared: set[int] = set()
    index = first + 1
    while index + 1 < stop and tokens[index].token_type == TokenType.PARAMETER:
        name = tokens[index + 1].text.lower()
        declared.add(index)
        end = _item_end(tokens, index + 2, stop)
        type_end = _item_end(tokens, index + 2, stop, at_equals=True)
        variable = variables.setdefault(name, _Variable())
        variable.length = _length(tokens[index + 2 : type_end])
        if type_end < end:  # an initial value
            value = tokens[type_end + 1 : end]
            if len(value) == 1 and value[0].token_type in STRINGS:
                if variable.literals is not None:
                    variable.literals.append(type_end + 1)
            else:
                writes.add(name)
        index = end + 1
    return declared


def _item_end(tokens: tuple[Token, ...], index: int, stop: int, at_equals: bool = False) -> int:
    """The index of the ``,`` (or ``=``) that ends a declaration at depth 0, else ``stop``
    (or the statement's ``;``)."""
    depth = 0
    for position in range(index, stop):
        kind = tokens[position].token_type
        depth += kind == TokenType.L_PAREN
        depth -= kind == TokenType.R_PAREN
        if depth == 0 and (
            kind in (TokenType.COMMA, TokenType.SEMICOLON) or (at_equals and kind == TokenType.EQ)
        ):
            return position
    return stop


def _length(type_tokens: tuple[Token, ...]) -> int:
    """The characters a variable of this declared type holds; 0 for a type that holds no
    SQL text."""
    if not type_tokens:
        return 0
    default = _TEXT_TYPES.get(type_tokens[0].text.upper())
    if default is None:
        return 0
    if len(type_tokens) == 1:
        return default
    inside = [token.text.upper() for token in type_tokens[1:]]
    if inside == ["(", "MAX", ")"]:
        return _UNLIMITED
    if len(inside) == 3 and inside[0] == "(" and inside[2] == ")" and inside[1].isdigit():
        return int(inside[1])
    return 0


def _calls(batch: BatchStatements) -> list[int]:
    """The ``@`` token of each variable that ``EXEC (@v)`` or ``sp_executesql @v`` (by
    position or as ``@stmt = @v``) runs, the variable being the whole argument; also
    inside ``INSERT … EXEC``."""
    tokens, words = batch.tokens, batch.words
    found = []
    for statement in batch.statements:
        stop = statement.stop
        for index in range(statement.first, stop - 1):
            if words[index] in ("EXEC", "EXECUTE"):
                inside = index + 2
                if (
                    _is(tokens, index + 1, TokenType.L_PAREN)
                    and _is(tokens, index + 4, TokenType.R_PAREN)
                    and _variable_at(tokens, inside)
                ):
                    found.append(inside)
            elif tokens[index].text.upper() == "SP_EXECUTESQL" and not _is(
                tokens, index + 1, TokenType.DOT
            ):
                value = index + 1
                if _variable_at(tokens, value) and _is(tokens, value + 2, TokenType.EQ):
                    value += 3  # @stmt = @v
                after = value + 2
                if _variable_at(tokens, value) and (
                    after >= stop
                    or tokens[after].token_type in (TokenType.COMMA, TokenType.SEMICOLON)
                ):
                    found.append(value)
    return found


def _variable_at(tokens: tuple[Token, ...], index: int) -> bool:
    return (
        index + 1 < len(tokens)
        and tokens[index].token_type == TokenType.PARAMETER
        and tokens[index].text == "@"
        and adjacent(tokens[index], tokens[index + 1])
        and tokens[index + 1].token_type != TokenType.PARAMETER
    )


def _is(tokens: tuple[Token, ...], index: int, kind: TokenType) -> bool:
    return index < len(tokens) and tokens[index].token_type == kind
