"""The compatibility pass: before step 1, every statement of every script is classified
for the engine that will run it. It runs faithfully, or it is a ``compat`` finding at
file:line:col naming the construct, with "run it on --engine mssql".

The pass walks each batch as the interpreter would and asks the same questions: it
compiles every statement, condition and evaluated expression (``compile_statement``,
whose emulation refuses what it cannot run) and asks ``commands.refusal`` and
``commands.declare_refusal`` about the rest. A construct the pass lets through is one
the interpreter runs; one it reports is one the interpreter refuses. Dynamic SQL built
at run time is classified when it runs (``etlcheck lint`` reports it as ``dynamic-sql``).

The pass compiles the scripts as they will run (rewritten into the sandbox, see
``etlcheck.compatibility``), so on a cold cache it also compiles them for the run; its
verdicts are kept in the work cache by script text, so a warm run pays a lookup per script.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from etlcheck import workcache
from etlcheck.tsql import alias_columns, table_parameters, udfs, user_types
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.catalog import DEFAULT_SCHEMA
from etlcheck.tsql.commands import PRINTED, declare_refusal, refusal
from etlcheck.tsql.compiler import CompileError, compile_statement, condition_statement
from etlcheck.tsql.cursors import cursor_refusal
from etlcheck.tsql.dynamic import bind_parameters, read_execute
from etlcheck.tsql.emulation import Emulation
from etlcheck.tsql.frames import split_message
from etlcheck.tsql.function_bodies import body_problems
from etlcheck.tsql.function_calls import call_refusal, engine_object_refusal, find_calls
from etlcheck.tsql.holes import TABLE_TYPE_PREFIX
from etlcheck.tsql.insert_exec import target_refusal
from etlcheck.tsql.nodes import (
    Assign,
    Block,
    Command,
    Cursor,
    Declare,
    DropRoutine,
    Fragment,
    If,
    InsertExec,
    Label,
    Node,
    Routine,
    Sql,
    TryCatch,
    Variable,
    While,
)
from etlcheck.tsql.parsing import describe, word_offset
from etlcheck.tsql.routines import PROCEDURE, RoutineHeader, read_header, routine_refusal
from etlcheck.tsql.schema_elements import in_schema
from etlcheck.tsql.scope import Scope, Session, fast_value
from etlcheck.tsql.statements import SplitError, split_statements
from etlcheck.tsql.tablevars import engine_name

CODE = "compat"


@dataclass(frozen=True)
class Refused:
    """One statement the engine cannot run faithfully: where in the text, and why."""

    offset: int
    message: str


_VERDICTS: dict[tuple[str, str], tuple[Refused, ...]] = {}
workcache.register("tsql.compat", _VERDICTS)


def classify(text: str, path: Path | str, emulation: Emulation) -> tuple[Refused, ...]:
    """What of ``text`` the emulation refuses, in script order (cached by its dialect)."""
    key = (emulation.dialect, text)
    found = _VERDICTS.get(key)
    if found is None:
        walk = _Walk(emulation)
        for batch in split_batches(text, path):
            walk.batch(batch.text, batch.offset)
        found = _VERDICTS[key] = tuple(walk.refused)
    return found


class _Walk:
    """Visits a batch's nodes as the interpreter runs them, collecting refusals."""

    def __init__(self, emulation: Emulation) -> None:
        self.emulation = emulation
        self.refused: list[Refused] = []
        self.offset = 0
        self.dynamic_at: int | None = None
        self.types: dict[tuple[str, str], user_types.UserType] = {}
        self.table_functions: set[tuple[str, str]] = set()
        """The multi-statement functions the scripts walked so far define."""

    def is_table_function(self, schema: str, name: str) -> bool:
        return (schema.lower(), name.lower()) in self.table_functions

    def batch(self, text: str, offset: int, scope: Scope | None = None) -> None:
        self.offset = offset
        try:
            block = split_statements(text)
        except SplitError as error:
            self._add(error.offset, split_message(error))
            return
        self.node(block, scope or Scope(Session()))

    def node(self, node: Node, scope: Scope) -> None:
        if isinstance(node, Block):
            for child in node.body:
                self.node(child, scope)
        elif isinstance(node, Sql):
            fragment = self.statement(node)
            if fragment is not None and user_types.is_type_statement(fragment.text):
                self.type_statement(fragment, scope)
            elif fragment is not None:
                fragment = self.resolved(fragment) if node.word in ("CREATE", "ALTER") else fragment
                if fragment is not None:
                    self.compile(fragment, scope)
        elif isinstance(node, Declare):
            self.declare(node, scope)
        elif isinstance(node, Assign):
            if node.name.lower() in scope.variables:
                value = node.value.text
                if node.operator:
                    value = f"{node.name} {node.operator} ({value})"
                typed = scope.variables[node.name.lower()].type_text
                self.evaluate(Fragment(value, node.value.start), scope, typed)
        elif isinstance(node, (If, While)):
            self.condition(node.condition, scope)
            for body in (node.then, node.otherwise) if isinstance(node, If) else (node.body,):
                if body is not None:
                    self.node(body, scope)
        elif isinstance(node, TryCatch):
            self.node(node.body, scope)
            self.node(node.handler, scope)
        elif isinstance(node, Command):
            self.command(node, scope)
        elif isinstance(node, InsertExec):
            refused = target_refusal(node)
            if refused is not None:
                self._add(
                    node.start + word_offset(node.insert.text, refused.word), describe(refused)
                )
            self.command(node.call, scope)
        elif isinstance(node, Routine):
            self.routine(node)
        elif isinstance(node, Cursor):
            self.cursor(node, scope)
        elif not isinstance(node, (DropRoutine, Label)):
            self._add(node.start, f"{type(node).__name__}: the interpreter has no rule to run it")

    def declare(self, node: Declare, scope: Scope) -> None:
        for declared in node.variables:
            variable = self.declared(declared, node.start)
            if variable is None:  # a type made elsewhere: checked when it runs
                if declared.initial is not None:
                    self.evaluate(declared.initial, scope)
                continue
            refused = declare_refusal(variable, self.emulation)
            if refused is not None:
                self._add(node.start, describe(refused))
                continue
            if variable.type_text == "TABLE":
                name = TABLE_TYPE_PREFIX + engine_name(variable.name, scope.level)
                scope.declare(variable.name, name, None)
                statement = self.resolved(variable.table_statement())
                if statement is not None:
                    self.compile(statement, scope)
                continue
            scope.declare(variable.name, variable.type_text, None)
            if variable.initial is not None:
                self.evaluate(variable.initial, scope, variable.type_text)

    def declared(self, variable: Variable, start: int) -> Variable | None:
        """``variable`` declared as its type stands for; None when it is of a user-defined
        type this walk has not seen made."""
        name = user_types.type_name(variable.type_text)
        if name is None:
            return variable
        schema, type_ = name
        found = self.types.get(((schema or DEFAULT_SCHEMA).lower(), type_.lower()))
        return None if found is None else user_types.as_declared(variable, found, start)

    def lookup(self, type_text: str) -> user_types.UserType | None:
        name = user_types.type_name(type_text)
        if name is None:
            return None
        return self.types.get(((name[0] or DEFAULT_SCHEMA).lower(), name[1].lower()))

    def resolved(self, fragment: Fragment, columns_at: int = 0) -> Fragment | None:
        """``fragment`` with alias-typed columns given their base types; None when it has
        a column of a type made elsewhere (checked when it runs)."""
        resolved = alias_columns.resolve(fragment.text, self.lookup, columns_at)
        return None if resolved.unknown else Fragment(resolved.text, fragment.start)

    def type_statement(self, fragment: Fragment, scope: Scope) -> None:
        """CREATE TYPE or DROP TYPE: the type is remembered for the DECLAREs after it."""
        try:
            statement = user_types.read(fragment.text)
        except CompileError as error:
            self._add(fragment.start + word_offset(fragment.text, error.word), describe(error))
            return
        except SplitError as error:
            self._add(fragment.start + error.offset, split_message(error))
            return
        key = ((statement.schema or DEFAULT_SCHEMA).lower(), statement.name.lower())
        if statement.action == "DROP":
            self.types.pop(key, None)
            return
        if statement.kind == user_types.TABLE_KIND:
            columns = alias_columns.resolve(statement.definition, self.lookup)
            if columns.unknown:
                return  # made of a type made elsewhere: checked when it runs
            statement = replace(statement, definition=columns.text)
            self.compile(
                Fragment(f"CREATE TABLE @type {statement.definition}", fragment.start), scope
            )
        self.types[key] = user_types.UserType(
            statement.schema or DEFAULT_SCHEMA,
            statement.name,
            statement.kind,
            statement.definition,
            statement.not_null,
        )

    def routine(self, node: Routine) -> None:
        """A procedure's body is walked with its parameters declared; a function's body
        is compiled as the engine object it becomes."""
        try:
            header = read_header(node)
        except SplitError as error:
            self._add(error.offset, split_message(error))
            return
        refused = routine_refusal(node, header)
        if refused is not None:
            self._add(
                node.header.start + word_offset(node.header.text, refused.word), describe(refused)
            )
            return
        if header.returns_variable:
            self.table_function(node, header)
            return
        if header.kind != PROCEDURE:
            body = udfs.body_statement(node, header)
            construct = f"{header.action} FUNCTION {header.shown}"
            refused = engine_object_refusal(construct, body.text, self.is_table_function)
            if refused is not None:
                self._add(body.start + word_offset(body.text, refused.word), describe(refused))
                return
            try:
                udfs.compile_body(self.emulation, node, header)
            except CompileError as error:
                self._add(
                    node.header.start + word_offset(node.header.text, error.word), describe(error)
                )
            return
        inner = Scope(Session(), level=1)
        for name, type_text, columns in table_parameters.declared_types(header, self.types):
            if columns is not None:
                inner.declare(name, TABLE_TYPE_PREFIX + engine_name(name, 1), None)
            elif type_text is not None:
                inner.declare(name, type_text, None)
        self.node(node.body, inner)

    def table_function(self, node: Routine, header: RoutineHeader) -> None:
        """A multi-statement function's body is walked as a procedure's, with its table
        variable declared; what it may not hold is reported; its calls are known from now."""
        schema = (header.schema or DEFAULT_SCHEMA).lower()
        self.table_functions.add((schema, header.name.lower()))
        for problem in body_problems(node):
            if problem.number is None:
                self._add(problem.start, problem.message)
        inner = Scope(Session(), level=1)
        for parameter in header.parameters:
            inner.declare(parameter.name, parameter.type_text, None)
        returned = header.returned
        if returned is not None:
            inner.declare(returned.name, TABLE_TYPE_PREFIX + engine_name(returned.name, 1), None)
            self.compile(returned.table_statement(), inner)
        self.node(node.body, inner)

    def cursor(self, node: Cursor, scope: Scope) -> None:
        refused = cursor_refusal(node)
        if refused is not None:
            self._add(node.start + word_offset(node.fragment.text, refused.word), describe(refused))
            return
        self.compile(node.query, scope)

    def command(self, node: Command, scope: Scope) -> None:
        refused = refusal(node)
        if refused is not None:
            self._add(node.start + word_offset(node.fragment.text, refused.word), describe(refused))
            return
        if node.word in ("EXEC", "EXECUTE"):
            self.execute(node, scope)
        elif node.word == "WAITFOR":
            argument = node.arguments[0]
            delay = argument.text.split(None, 1)
            if len(delay) == 2:
                start = argument.start + argument.text.index(delay[1])
                self.evaluate(Fragment(delay[1], start), scope)
        elif node.word == "PRINT" and node.arguments:
            self.evaluate(node.arguments[0], scope, PRINTED)
        elif node.word in ("THROW", "RAISERROR"):
            for argument in node.arguments:
                self.evaluate(argument, scope)

    def execute(self, node: Command, scope: Scope) -> None:
        """Constant dynamic SQL is classified now, with sp_executesql's parameters."""
        call = read_execute(node)
        if call is None:
            return
        known, text = fast_value(call.statement.text.strip().strip("()"), None)
        if not known or not isinstance(text, str):
            return
        inner = Scope(Session())
        if call.parameters is not None:
            known, definitions = fast_value(call.parameters.text, None)
            if known and isinstance(definitions, str):
                try:
                    parameters = bind_parameters(definitions, call.values)
                except Exception:  # the run reports a bad call with SQL Server's error
                    parameters = []
                for parameter in parameters:
                    if table_parameters.is_readonly(parameter.type_text):
                        type_ = TABLE_TYPE_PREFIX + engine_name(parameter.name, 1)
                        inner.declare(parameter.name, type_, None)
                    elif not user_types.is_user_type(parameter.type_text):
                        inner.declare(parameter.name, parameter.type_text, None)
        saved = self.offset, self.dynamic_at
        self.dynamic_at = self.dynamic_at if self.dynamic_at is not None else node.start + saved[0]
        try:
            self.batch(text, 0, inner)
        finally:
            self.offset, self.dynamic_at = saved

    def statement(self, node: Sql) -> Fragment | None:
        """The statement as the interpreter runs it (an element of CREATE SCHEMA in its
        schema); None, and refused, when it cannot be read so."""
        if node.schema is None:
            return node.fragment
        try:
            return in_schema(node.fragment, node.schema.text)
        except CompileError as error:
            self._add(node.start + word_offset(node.fragment.text, error.word), describe(error))
            return None

    def compile(self, fragment: Fragment, scope: Scope, lead: int = 0) -> None:
        if self.table_functions:
            for call in find_calls(fragment.text, self.is_table_function):
                refused = call_refusal(fragment.text, call)
                if refused is not None:
                    offset = call.first
                    self._add(fragment.start + max(0, offset - lead), describe(refused))
                    return
        try:
            compile_statement(fragment.text, self.emulation, scope.types)
        except CompileError as error:
            offset = max(0, word_offset(fragment.text, error.word, error.occurrence) - lead)
            self._add(fragment.start + offset, describe(error))

    def evaluate(self, fragment: Fragment, scope: Scope, type_text: str | None = None) -> None:
        expression = f"({fragment.text})"
        if type_text:
            expression = f"CAST({expression} AS {type_text})"
        statement = f"SELECT {expression}"
        self.compile(Fragment(statement, fragment.start), scope, statement.index(fragment.text))

    def condition(self, fragment: Fragment, scope: Scope) -> None:
        statement = condition_statement(fragment.text)
        self.compile(Fragment(statement, fragment.start), scope, len("SELECT CASE WHEN "))

    def _add(self, offset: int, message: str) -> None:
        where = self.dynamic_at if self.dynamic_at is not None else self.offset + offset
        self.refused.append(Refused(where, message))
