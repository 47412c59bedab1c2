"""The control-flow tree of a T-SQL batch; offsets are relative to the batch text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar


def words(text: str) -> frozenset[str]:
    """A set of upper-case keywords written as one whitespace-separated string."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Fragment:
    """A piece of the batch (a statement or an expression) and where it starts."""

    text: str
    start: int


@dataclass(frozen=True)
class Node:
    start: int


N = TypeVar("N", bound=Node)


def nodes_of(node: object, kind: type[N]) -> Iterator[N]:
    """Every node of type ``kind`` in ``node`` (a tree, or a tuple or list of trees), in
    order; below one of that type, none."""
    if isinstance(node, kind):
        yield node
        return
    if isinstance(node, tuple | list):
        for item in node:
            yield from nodes_of(item, kind)
        return
    if isinstance(node, Node):
        for member in dataclasses.fields(node):
            yield from nodes_of(getattr(node, member.name), kind)


@dataclass(frozen=True)
class Sql(Node):
    """A statement for the compiler (DML, DDL, queries)."""

    fragment: Fragment
    word: str
    schema: Fragment | None = None
    """The name of the schema a ``CREATE SCHEMA`` creates when this statement is one of
    its elements: its unqualified names are that schema's (``schema_elements``)."""


@dataclass(frozen=True)
class Block(Node):
    body: tuple[Node, ...] = ()


@dataclass(frozen=True)
class If(Node):
    condition: Fragment
    then: Node
    otherwise: Node | None = None


@dataclass(frozen=True)
class While(Node):
    condition: Fragment
    body: Node


@dataclass(frozen=True)
class TryCatch(Node):
    body: Block
    handler: Block


@dataclass(frozen=True)
class Variable:
    name: str
    type_text: str
    initial: Fragment | None = None
    table_columns: str = ""
    """For ``@t TABLE (...)``: the column list, which starts at ``columns_start``."""
    columns_start: int = 0

    def table_statement(self) -> Fragment:
        """``CREATE TABLE @t (...)``, placed so its column list stands where it is written."""
        text = f"CREATE TABLE {self.name} "
        return Fragment(text + self.table_columns, self.columns_start - len(text))


@dataclass(frozen=True)
class Declare(Node):
    variables: tuple[Variable, ...]


@dataclass(frozen=True)
class Assign(Node):
    """``SET @v = expr`` and compound forms (``+=``...); ``operator`` is '' for plain '='."""

    name: str
    operator: str
    value: Fragment


@dataclass(frozen=True)
class Command(Node):
    """A T-SQL-only statement the interpreter runs itself (PRINT, THROW, EXEC...)."""

    word: str
    fragment: Fragment
    arguments: tuple[Fragment, ...] = field(default=())


@dataclass(frozen=True)
class InsertExec(Node):
    """``INSERT [INTO] target [(columns)] EXEC ...``: ``insert`` is the statement up to the
    EXEC, ``call`` the EXEC whose result sets are the rows inserted."""

    insert: Fragment
    call: Command


@dataclass(frozen=True)
class Routine(Node):
    """``CREATE``/``ALTER`` ``PROCEDURE``, ``FUNCTION`` or ``TRIGGER``: the header up to
    ``AS`` and the body, which runs to the end of the batch as in SQL Server."""

    kind: str
    header: Fragment
    body: Block


@dataclass(frozen=True)
class DropRoutine(Node):
    """``DROP PROCEDURE|FUNCTION [IF EXISTS] name [, name...]``."""

    kind: str
    names: tuple[Fragment, ...]
    if_exists: bool
    fragment: Fragment


@dataclass(frozen=True)
class Cursor(Node):
    """``DECLARE name CURSOR [options] FOR query [FOR UPDATE ...]``; ``fragment`` is the
    whole declaration, ``options`` its upper-cased option words (``LOCAL``, ``STATIC``...)
    and ``for_update`` the ``FOR UPDATE [OF ...]`` tail, if any."""

    name: str
    query: Fragment
    fragment: Fragment
    options: tuple[str, ...] = ()
    for_update: Fragment | None = None


@dataclass(frozen=True)
class Label(Node):
    """A ``name:`` label, the target of ``GOTO name``."""

    name: str


@dataclass(frozen=True)
class Directive(Node):
    """A sqlcmd line (``:setvar``, ``:r``, ``:on error``...) that sqlcmd reads, not SQL Server."""

    word: str
    fragment: Fragment


@dataclass(frozen=True)
class Unparsed(Node):
    """A region the splitter could not read as statements (only in a total reading)."""

    fragment: Fragment
    message: str
    construct: str = ""


STATEMENT = "statement"
CONDITION = "condition"
HEADER = "header"
LABEL = "label"
DIRECTIVE = "directive"
UNPARSED = "unparsed"


@dataclass(frozen=True)
class Span:
    """Tokens ``first`` to ``last`` (inclusive) of one statement, condition, routine header,
    label, sqlcmd line or unparsed region, in batch order. ``word`` is its first keyword."""

    first: int
    last: int
    word: str
    role: str
    schema: int | None = None
    """For an element of ``CREATE SCHEMA`` (``schema_elements``): the index of the token
    naming the schema it creates."""
