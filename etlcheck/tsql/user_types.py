"""User-defined types: ``CREATE TYPE s.T AS TABLE (...)`` (a table type) and ``CREATE TYPE
s.Code FROM NVARCHAR(10) [NOT NULL]`` (an alias type), and ``DROP TYPE [IF EXISTS] s.T``.

A type is kept in the database, in ``sys.etlcheck_types`` (``user_type_store``), so it
lasts across steps and sessions and a ROLLBACK undoes its creation. ``DECLARE @x s.T``
then declares what the type stands for: a table variable with the type's columns, or a
variable of the alias's base type (``resolve``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlglot.tokens import Token, TokenType

from etlcheck.tsql import user_type_store
from etlcheck.tsql.alias_columns import resolve as resolve_columns
from etlcheck.tsql.catalog import DEFAULT_SCHEMA, split_object_name
from etlcheck.tsql.nodes import Fragment, Variable
from etlcheck.tsql.parsing import CompileError
from etlcheck.tsql.tokens import SplitError, tokenize, word_of
from etlcheck.tsql.type_names import is_user_type, type_name
from etlcheck.tsql.user_type_store import UserType

if TYPE_CHECKING:
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.runtime import Runtime
    from etlcheck.tsql.scope import Scope

TABLE_KIND = user_type_store.TABLE_KIND
ALIAS_KIND = user_type_store.ALIAS_KIND


@dataclass(frozen=True)
class TypeStatement:
    """``CREATE TYPE`` or ``DROP TYPE`` as written."""

    action: str
    """``CREATE`` or ``DROP``."""
    database: str | None
    schema: str | None
    name: str
    kind: str = ""
    definition: str = ""
    not_null: bool = False
    if_exists: bool = False

    @property
    def shown(self) -> str:
        return f"{self.schema}.{self.name}" if self.schema else self.name


# -- reading CREATE TYPE / DROP TYPE ------------------------------------------------------------
def is_type_statement(text: str) -> bool:
    """Whether ``text`` is a ``CREATE TYPE`` or ``DROP TYPE`` statement."""
    head = text.lstrip()[:40].upper().split()
    return len(head) >= 2 and head[0] in ("CREATE", "DROP") and head[1] == "TYPE"


def read(text: str) -> TypeStatement:
    """The statement ``text``; CompileError when it is a form that is not emulated."""
    tokens = [token for token in tokenize(text) if token.token_type != TokenType.SEMICOLON]
    action = word_of(tokens[0]) or ""
    at = 2
    if_exists = False
    if action == "DROP" and [word_of(token) for token in tokens[2:4]] == ["IF", "EXISTS"]:
        if_exists = True
        at = 4
    first = at
    while at < len(tokens) and (
        at == first
        or tokens[at].token_type == TokenType.DOT
        or tokens[at - 1].token_type == TokenType.DOT
    ):
        at += 1
    if at == first:
        raise CompileError(f"{action} TYPE: the type has no name", f"{action} TYPE")
    parts = split_object_name(text[tokens[first].start : tokens[at - 1].end + 1])
    name = parts[-1]
    schema = parts[-2] or None if len(parts) >= 2 else None
    database = parts[-3] or None if len(parts) >= 3 else None
    if action == "DROP":
        if at != len(tokens):
            raise CompileError("DROP TYPE: only one type at a time is emulated", "DROP TYPE")
        return TypeStatement("DROP", database, schema, name, if_exists=if_exists)
    return _read_create(text, tokens, at, TypeStatement("CREATE", database, schema, name))


def _read_create(text: str, tokens: list[Token], at: int, read: TypeStatement) -> TypeStatement:
    word = word_of(tokens[at]) if at < len(tokens) else None
    if word == "AS" and at + 1 < len(tokens) and word_of(tokens[at + 1]) == "TABLE":
        opened = at + 2
        if opened >= len(tokens) or tokens[opened].token_type != TokenType.L_PAREN:
            raise CompileError("CREATE TYPE ... AS TABLE: expected (", "CREATE TYPE")
        depth = 0
        for index in range(opened, len(tokens)):
            depth += tokens[index].token_type == TokenType.L_PAREN
            depth -= tokens[index].token_type == TokenType.R_PAREN
            if depth == 0:
                if index != len(tokens) - 1:
                    raise CompileError(
                        "CREATE TYPE ... AS TABLE ... WITH: table type options are not supported",
                        "CREATE TYPE",
                        word=word_of(tokens[index + 1]) or "CREATE",
                    )
                columns = text[tokens[opened].start : tokens[index].end + 1]
                return replace(read, kind=TABLE_KIND, definition=columns)
        raise CompileError("CREATE TYPE ... AS TABLE: expected )", "CREATE TYPE")
    if word == "FROM" and at + 1 < len(tokens):
        rest = [word_of(token) for token in tokens[at + 1 :]]
        last = len(tokens)
        not_null = False
        if rest[-2:] == ["NOT", "NULL"]:
            not_null, last = True, last - 2
        elif rest[-1:] == ["NULL"]:
            last -= 1
        base = text[tokens[at + 1].start : tokens[last - 1].end + 1]
        if is_user_type(base):
            raise CompileError(
                f"CREATE TYPE ... FROM {base}: an alias type of an alias type is not valid",
                "CREATE TYPE",
            )
        return replace(read, kind=ALIAS_KIND, definition=base, not_null=not_null)
    shown = word or ""
    raise CompileError(
        f"CREATE TYPE {read.shown} {shown}: only table types (AS TABLE) and alias types (FROM "
        "base_type) are supported",
        "CREATE TYPE",
        word=shown or "CREATE",
    )


# -- DECLARE @x s.T -----------------------------------------------------------------------------
def as_declared(variable: Variable, found: UserType, start: int) -> Variable:
    """``variable`` declared as what its type stands for."""
    if found.kind == TABLE_KIND:
        columns_start = start + len(f"CREATE TABLE {variable.name} ")
        return replace(
            variable, type_text="TABLE", table_columns=found.definition, columns_start=columns_start
        )
    return replace(variable, type_text=found.definition)


def resolve(
    interpreter: Runtime, variable: Variable, number: int, frame: Frame, start: int
) -> Variable:
    """``variable`` as declared when its type is a user-defined one (SQL Server's error
    2715 when there is no such type), or as it is."""
    name = type_name(variable.type_text)
    if name is None:
        return variable
    found = find(interpreter, name)
    if found is None:
        raise missing(interpreter, variable.type_text, number, frame, start)
    return as_declared(variable, found, start)


def missing(
    interpreter: Runtime, type_text: str, number: int, frame: Frame, start: int
) -> Exception:
    shown = ".".join(split_object_name(type_text))
    return interpreter.failure(
        f"Column, parameter, or variable #{number}: Cannot find data type {shown}.",
        frame,
        start,
        2715,
    )


def find(interpreter: Runtime, name: tuple[str | None, str]) -> UserType | None:
    schema, type_ = name
    return user_type_store.load(interpreter, schema or DEFAULT_SCHEMA, type_)


def lookup(interpreter: Runtime) -> Callable[[str], UserType | None]:
    """Finds a type by its name as written, in the database."""

    def found(type_text: str) -> UserType | None:
        name = type_name(type_text)
        return None if name is None else find(interpreter, name)

    return found


def resolved_columns(
    interpreter: Runtime, text: str, frame: Frame, start: int, columns_at: int = 0
) -> str:
    """``text`` (a CREATE TABLE or a column list) with alias-typed columns given their
    base types; SQL Server's error 2715 for a type that does not exist."""
    resolved = resolve_columns(text, lookup(interpreter), columns_at)
    if resolved.unknown:
        number, written = resolved.unknown[0]
        raise missing(interpreter, written, number, frame, start)
    return resolved.text


def run(interpreter: Runtime, fragment: Fragment, scope: Scope, frame: Frame) -> None:
    """Run ``CREATE TYPE`` or ``DROP TYPE``."""

    try:
        statement = read(fragment.text)
    except CompileError as error:
        raise interpreter.refused(error, fragment, frame) from None
    except SplitError as error:
        raise interpreter.refused(
            CompileError(error.message, "CREATE TYPE"), fragment, frame
        ) from None
    if statement.database is not None:
        raise interpreter.refused(
            CompileError(
                f"{statement.action} TYPE {statement.shown}: a database name before the type "
                "is not supported",
                f"{statement.action} TYPE",
            ),
            fragment,
            frame,
        )
    if statement.action == "DROP":
        user_type_store.drop(
            interpreter,
            statement.schema,
            statement.name,
            statement.if_exists,
            frame,
            fragment.start,
        )
    else:
        if statement.kind == TABLE_KIND:  # the columns must make a table
            definition = resolved_columns(interpreter, statement.definition, frame, fragment.start)
            statement = replace(statement, definition=definition)
            interpreter.compile(
                Fragment(f"CREATE TABLE @type {statement.definition}", fragment.start),
                scope,
                frame,
            )
        user_type_store.create(
            interpreter,
            UserType(
                statement.schema or DEFAULT_SCHEMA,
                statement.name,
                statement.kind,
                statement.definition,
                statement.not_null,
            ),
            frame,
            fragment.start,
        )
    interpreter.session.row_count = 0
