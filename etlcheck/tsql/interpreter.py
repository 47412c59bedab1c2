"""Run T-SQL scripts on an engine that does not speak T-SQL.

Batches come from ``split_batches``, statements and control flow from
``split_statements``; control flow, variables and errors run here in Python and
every other statement is compiled (``compile_statement``) and sent to the engine.
Statements the interpreter runs itself live in their own modules: ``commands``
(PRINT, THROW, EXEC...), ``procedures`` (routines and their calls), ``cursors`` and
``tablevars``. Every node type has a rule in ``_RULES``; a node without one is refused,
never skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from etlcheck.errors import StatementFailed, UnsupportedConstruct
from etlcheck.interrupts import StepTimedOut
from etlcheck.tsql import (
    commands,
    cursors,
    datefirst,
    insert_exec,
    procedures,
    table_functions,
    tablevars,
    user_types,
)
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.catalog import CatalogCache
from etlcheck.tsql.compiler import Compiled, CompileError, compile_statement
from etlcheck.tsql.frames import (
    HINT,
    BatchReturn,
    Frame,
    Goto,
    LoopBreak,
    LoopContinue,
    split_message,
)
from etlcheck.tsql.identity import catch_up
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
    While,
)
from etlcheck.tsql.parsing import describe, word_offset
from etlcheck.tsql.running import StatementRun
from etlcheck.tsql.schema_elements import in_schema
from etlcheck.tsql.scope import IdentityUnknown, Scope, Session, TsqlError, UnknownVariable
from etlcheck.tsql.statements import SplitError, split_statements
from etlcheck.tsql.target import ScriptResult, SqlTarget

if TYPE_CHECKING:
    from etlcheck.tsql.emulation import Emulation

__all__ = ["HINT", "BatchReturn", "Frame", "Interpreter", "split_message"]

T = TypeVar("T")
Rule = Callable[["Interpreter", Any, Scope, Frame], None]


def _label(interpreter: Interpreter, node: Label, scope: Scope, frame: Frame) -> None:
    """A label does nothing when reached; GOTO finds it in its block."""


class Interpreter:
    """T-SQL on ``target``, through ``emulation`` (the target dialect's T-SQL semantics),
    in ``session`` (what lives as long as the connection; a new one when None)."""

    def __init__(
        self, target: SqlTarget, emulation: Emulation, session: Session | None = None
    ) -> None:
        self.target = target
        self.emulation = emulation
        self.session: Session = session if session is not None else Session()
        self.rows_affected = 0
        self.statements = 0
        self.messages: list[str] = []
        if self.session.catalog is None:
            emulation = self.emulation
            self.session.catalog = CatalogCache(
                lambda: emulation.load_catalog(target), lambda: target.catalog_epoch
            )
        self.catalog: CatalogCache = self.session.catalog

    # -- entry points -------------------------------------------------------------
    def run_script(self, text: str, path: Path | str) -> ScriptResult:
        self.rows_affected = self.statements = 0
        self.messages = []
        datefirst.new_session(self)
        for batch in split_batches(text, path):
            frame = Frame(text, path, batch.offset)
            block = self.split(batch.text, frame)
            first = block.body[0] if block.body else None
            end = batch.offset + len(batch.text)
            frame = Frame(text, path, batch.offset, first=first, end=end)
            for _ in range(batch.repeat):
                self._run_batch(block, frame)
        if self.session.identity_behind:  # the next script may run in another session
            catch_up(self)
        return ScriptResult(self.rows_affected, tuple(self.messages), self.statements)

    def split(self, text: str, frame: Frame) -> Block:
        try:
            return split_statements(text)
        except SplitError as error:
            raise UnsupportedConstruct(
                split_message(error), frame.location(error.offset), HINT
            ) from None

    def _run_batch(self, block: Block, frame: Frame) -> None:
        scope = Scope(self.session, self.catalog)
        try:
            self.run_node(block, scope, frame)
        except (BatchReturn, LoopBreak, LoopContinue):
            return
        except TsqlError as error:
            raise StatementFailed(
                error.message,
                error.location or frame.location(0),
                statement=error.statement,
            ) from None
        finally:
            self.end_scope(scope)

    def end_scope(self, scope: Scope) -> None:
        """What a batch, procedure call or dynamic SQL string leaves behind goes with it:
        its table variables, LOCAL cursors and (for a module) the #temp tables it made."""
        cursors.end_scope(scope)
        tablevars.end_scope(self, scope)
        procedures.drop_module_temp_tables(self, scope)

    # -- nodes ---------------------------------------------------------------------
    def run_node(self, node: Node, scope: Scope, frame: Frame) -> None:
        try:
            self._run_node(node, scope, frame)
        except IdentityUnknown as error:
            message = (
                f"{error.name}: the last INSERT into {error.table} gave the identity column "
                "its own values (SET IDENTITY_INSERT ON); which came last is not emulated"
            )
            raise UnsupportedConstruct(message, frame.location(node.start), HINT) from None

    def _run_node(self, node: Node, scope: Scope, frame: Frame) -> None:
        if isinstance(node, Block):
            self._run_block(node, scope, frame)
        elif isinstance(node, If):
            if self._condition(node.condition, scope, frame):
                self.run_node(node.then, scope, frame)
            elif node.otherwise is not None:
                self.run_node(node.otherwise, scope, frame)
        elif isinstance(node, While):
            while self._condition(node.condition, scope, frame):
                try:
                    self.run_node(node.body, scope, frame)
                except LoopBreak:
                    break
                except LoopContinue:
                    continue
        elif isinstance(node, TryCatch):
            self._try_catch(node, scope, frame)
        else:
            self.statements += 1
            self._statement(node, scope, frame)

    def _run_block(self, block: Block, scope: Scope, frame: Frame) -> None:
        """The block's statements in order; a GOTO to one of its labels goes on from there
        (``labels.check_gotos`` proved, when the batch was split, that the label exists
        in the GOTO's block or one around it)."""
        body = block.body
        index = 0
        while index < len(body):
            try:
                for position in range(index, len(body)):
                    self.run_node(body[position], scope, frame)
                return
            except Goto as jump:
                found = _label_index(body, jump.label)
                if found is None:
                    raise
                index = found + 1

    def _try_catch(self, node: TryCatch, scope: Scope, frame: Frame) -> None:
        try:
            self.run_node(node.body, scope, frame)
        except TsqlError as error:
            self.session.caught.append(error)
            self.session.last_error = error.number
            try:
                self.run_node(node.handler, scope, frame)
            finally:
                self.session.caught.pop()

    def _statement(self, node: Node, scope: Scope, frame: Frame) -> None:
        rule = _RULES.get(type(node))
        if rule is None:
            raise UnsupportedConstruct(
                f"{type(node).__name__}: the interpreter has no rule to run this statement",
                frame.location(node.start),
                HINT,
            )
        try:
            rule(self, node, scope, frame)
        except StepTimedOut as stopped:  # the innermost statement is where the step was
            stopped.location = stopped.location or frame.location(node.start)
            raise

    def run_sql_node(self, node: Sql, scope: Scope, frame: Frame) -> None:
        capture = self.session.insert_exec
        if capture is not None and node.schema is None:
            compiled = self.compile(node.fragment, scope, frame)
            if compiled.kind == "query":
                insert_exec.insert_result_set(self, capture, node.fragment, scope, frame)
                return
            if compiled.output_step is not None and compiled.output_into is None:
                raise UnsupportedConstruct(
                    "INSERT ... EXEC: a result set of OUTPUT is not supported",
                    frame.location(node.start),
                    HINT,
                )
        if node.schema is None:
            if user_types.is_type_statement(node.fragment.text):
                user_types.run(self, node.fragment, scope, frame)
                return
            fragment = node.fragment
            if node.word in ("CREATE", "ALTER"):  # a column of an alias type: its base type
                text = user_types.resolved_columns(self, fragment.text, frame, fragment.start)
                fragment = Fragment(text, fragment.start)
            self.run_sql(fragment, scope, frame, first=node is frame.first)
            return
        # An element of CREATE SCHEMA: part of the batch's first statement, in its schema.
        try:
            fragment = in_schema(node.fragment, node.schema.text)
        except CompileError as error:
            raise self.refused(error, node.fragment, frame) from None
        self.run_sql(fragment, scope, frame, first=True)

    def declare(self, node: Declare, scope: Scope, frame: Frame) -> None:
        for number, declared in enumerate(node.variables, 1):
            variable = user_types.resolve(self, declared, number, frame, node.start)
            refused = commands.declare_refusal(variable, self.emulation)
            if refused is not None:
                raise self.refused(refused, Fragment("DECLARE", node.start), frame)
            if variable.type_text == "TABLE":
                columns = user_types.resolved_columns(
                    self, variable.table_columns, frame, node.start
                )
                variable = replace(variable, table_columns=columns)
                tablevars.declare(self, variable, node, scope, frame)
                continue
            type_sql = self.emulation.type_sql(variable.type_text)
            scope.declare(variable.name, variable.type_text, type_sql)
            if variable.initial is not None:
                value = self.evaluate(variable.initial, scope, frame, variable.type_text)
                scope.set(variable.name, value)

    def assign(self, node: Assign, scope: Scope, frame: Frame) -> None:
        try:
            slot = scope.slot(node.name)
        except UnknownVariable:
            raise self.failure(
                f'Must declare the scalar variable "{node.name}".', frame, node.start
            ) from None
        value = node.value
        if node.operator:
            value = Fragment(f"{node.name} {node.operator} ({value.text})", value.start)
        scope.set(node.name, self.evaluate(value, scope, frame, slot.type_text))
        self.session.row_count = 1

    # -- evaluation ----------------------------------------------------------------
    def evaluate(
        self, fragment: Fragment, scope: Scope, frame: Frame, type_text: str | None = None
    ) -> Any:
        """The value of a T-SQL expression (cast to ``type_text`` when given)."""
        from etlcheck.tsql.local_evaluation import simple_value
        from etlcheck.tsql.scope import fast_value

        known, value = fast_value(fragment.text, type_text)
        if not known:
            known, value = simple_value(fragment.text, type_text, scope)
        if known:
            self.session.last_error = 0
            return value
        text = f"({fragment.text})"
        if type_text:
            text = f"CAST({text} AS {type_text})"
        statement = f"SELECT {text}"
        result = self.run_sql(
            Fragment(statement, fragment.start),
            scope,
            frame,
            count=False,
            lead=statement.index(fragment.text),
        )
        return result[0][0] if result else None

    def _condition(self, fragment: Fragment, scope: Scope, frame: Frame) -> bool:
        statement = Fragment(f"SELECT CASE WHEN {fragment.text} THEN 1 ELSE 0 END", fragment.start)
        lead = len("SELECT CASE WHEN ")
        null_test = self.compile(statement, scope, frame, lead=lead).null_test
        if null_test is not None:
            hole, negated = null_test
            try:
                is_null = scope.hole_is_null(hole)
            except UnknownVariable as error:
                raise self.failure(
                    f'Must declare the scalar variable "{error.name}".', frame, fragment.start
                ) from None
            self.session.last_error = 0
            return is_null != negated
        result = self.run_sql(statement, scope, frame, count=False, lead=lead)
        return bool(result and result[0][0] == 1)

    # -- statements sent to the engine ---------------------------------------------
    def compile(
        self, fragment: Fragment, scope: Scope, frame: Frame, retry: bool = False, lead: int = 0
    ) -> Compiled:
        """``fragment`` compiled; ``lead`` characters of its text were put before the
        script's own (``SELECT (`` around an expression), so a finding skips them."""
        try:
            return compile_statement(
                fragment.text, self.emulation, scope.types, unknown_add_is_concat=retry
            )
        except CompileError as error:
            offset = max(0, word_offset(fragment.text, error.word, error.occurrence) - lead)
            raise UnsupportedConstruct(
                describe(error), frame.location(fragment.start + offset), HINT
            ) from None

    def run_sql(
        self,
        fragment: Fragment,
        scope: Scope,
        frame: Frame,
        *,
        first: bool = False,
        count: bool = True,
        retry: bool = False,
        lead: int = 0,
    ) -> list[tuple[Any, ...]]:
        """Compile and run one statement; the rows it returned (queries, assignments).
        The multi-statement functions it reads run first (``table_functions``)."""
        prepared = table_functions.prepare(self, fragment, scope, frame, lead)
        if prepared is None:
            return self._run_compiled(fragment, scope, frame, first, count, retry, lead)
        try:
            return self._run_compiled(prepared.fragment, scope, frame, first, count, retry, lead)
        finally:
            table_functions.release(self, prepared, scope)

    def _run_compiled(
        self,
        fragment: Fragment,
        scope: Scope,
        frame: Frame,
        first: bool,
        count: bool,
        retry: bool,
        lead: int,
    ) -> list[tuple[Any, ...]]:
        compiled = self.compile(fragment, scope, frame, retry, lead)
        rows = StatementRun(self, compiled, fragment, scope, frame).run(first, count, retry)
        if rows is None:  # the engine would not add two strings: ``+`` is concatenation
            return self._run_compiled(fragment, scope, frame, first, count, True, lead)
        return rows

    def run_engine_statement(self, sql: str, fragment: Fragment, frame: Frame) -> None:
        """Run SQL etlcheck wrote in the engine's dialect; its errors as SQL Server's."""
        try:
            self.target.execute(sql)
        except Exception as error:
            number, message = self.emulation.error_details(error)
            raise self.failure(message, frame, fragment.start, number, fragment.text) from None

    # -- errors --------------------------------------------------------------------
    def failure(
        self, message: str, frame: Frame, start: int, number: int = 50000, statement: str = ""
    ) -> TsqlError:
        return TsqlError(
            number,
            message,
            line=frame.batch_line(start),
            location=frame.location(start),
            statement=statement,
            procedure=frame.procedure,
        )

    def refused(
        self, error: CompileError, fragment: Fragment, frame: Frame
    ) -> UnsupportedConstruct:
        """The error for a construct ``refusal`` (or the compiler) turned down."""
        offset = word_offset(fragment.text, error.word, error.occurrence)
        return UnsupportedConstruct(describe(error), frame.location(fragment.start + offset), HINT)


def _label_index(body: tuple[Node, ...], label: str) -> int | None:
    for index, node in enumerate(body):
        if isinstance(node, Label) and node.name.lower() == label.lower():
            return index
    return None


_RULES: dict[type[Node], Rule] = {
    Sql: Interpreter.run_sql_node,
    Declare: Interpreter.declare,
    Assign: Interpreter.assign,
    Command: commands.run_command,
    Routine: procedures.define,
    DropRoutine: procedures.drop,
    Cursor: cursors.declare,
    Label: _label,
    InsertExec: insert_exec.run,
}
"""How each statement node runs; ``Interpreter._statement`` refuses any other."""
