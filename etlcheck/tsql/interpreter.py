"""Run T-SQL scripts on an engine that does not speak T-SQL.

Batches come from ``split_batches``, statements and control flow from
``split_statements``; control flow, variables and errors run here in Python and
every other statement is compiled (``compile_statement``) and sent to the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from etlcheck.engines.base import ScriptResult
from etlcheck.errors import SourceLocation, StatementFailed, UnsupportedConstruct
from etlcheck.tsql.batches import script_location, split_batches
from etlcheck.tsql.catalog import CatalogCache
from etlcheck.tsql.compiler import Compiled, CompileError, compile_statement
from etlcheck.tsql.emulation import emulation_for
from etlcheck.tsql.parsing import describe, word_offset
from etlcheck.tsql.running import StatementRun
from etlcheck.tsql.scope import Scope, Session, TsqlError, UnknownVariable
from etlcheck.tsql.statements import (
    Assign,
    Block,
    Command,
    Declare,
    Fragment,
    If,
    Node,
    SplitError,
    Sql,
    TryCatch,
    While,
    split_statements,
)

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

HINT = "run it on --engine mssql"
T = TypeVar("T")


class LoopBreak(Exception):
    """BREAK: leave the innermost WHILE."""


class LoopContinue(Exception):
    """CONTINUE: start the innermost WHILE's next round."""


class BatchReturn(Exception):
    """RETURN: leave the batch (or the dynamic SQL string)."""


def split_message(error: SplitError) -> str:
    """What cannot be split, as a finding or an error says it."""
    return f"{error.construct or 'statement'}: {error.message}"


@dataclass(frozen=True)
class Frame:
    """Where a batch's text sits: in the script at ``offset``, or inside dynamic SQL."""

    script: str
    path: Path | str
    offset: int
    dynamic_at: SourceLocation | None = None
    first: Node | None = None

    def location(self, start: int) -> SourceLocation:
        if self.dynamic_at is not None:
            return self.dynamic_at
        return script_location(self.path, self.script, self.offset + start)

    def batch_line(self, start: int) -> int:
        text = self.script if self.dynamic_at is None else ""
        if not text:
            return 1
        return text.count("\n", self.offset, self.offset + start) + 1


class Interpreter:
    """T-SQL on ``target`` (an engine whose dialect has an emulation)."""

    def __init__(self, target: Engine) -> None:
        self.target = target
        self.emulation = emulation_for(target.dialect)
        session = getattr(target, "tsql_session", None)
        self.session: Session = session if isinstance(session, Session) else Session()
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
        for batch in split_batches(text, path):
            frame = Frame(text, path, batch.offset)
            block = self.split(batch.text, frame)
            frame = Frame(text, path, batch.offset, first=block.body[0] if block.body else None)
            for _ in range(batch.repeat):
                self._run_batch(block, frame)
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
        except BatchReturn:
            return
        except (LoopBreak, LoopContinue):
            return
        except TsqlError as error:
            raise StatementFailed(
                error.message,
                error.location or frame.location(0),
                statement=error.statement,
            ) from None

    # -- nodes ---------------------------------------------------------------------
    def run_node(self, node: Node, scope: Scope, frame: Frame) -> None:
        if isinstance(node, Block):
            for child in node.body:
                self.run_node(child, scope, frame)
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
        from etlcheck.tsql import commands
        from etlcheck.tsql.commands import declare_refusal

        if isinstance(node, Sql):
            self.run_sql(node.fragment, scope, frame, first=node is frame.first)
        elif isinstance(node, Declare):
            for variable in node.variables:
                refused = declare_refusal(variable, self.emulation)
                if refused is not None:
                    raise self.refused(refused, Fragment("DECLARE", node.start), frame)
                type_sql = self.emulation.type_sql(variable.type_text)
                scope.declare(variable.name, variable.type_text, type_sql)
                if variable.initial is not None:
                    value = self.evaluate(variable.initial, scope, frame, variable.type_text)
                    scope.set(variable.name, value)
        elif isinstance(node, Assign):
            self._assign(node, scope, frame)
        elif isinstance(node, Command):
            commands.run_command(self, node, scope, frame)

    def _assign(self, node: Assign, scope: Scope, frame: Frame) -> None:
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
        from etlcheck.tsql.scope import fast_value
        from etlcheck.tsql.simple import simple_value

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
            offset = max(0, word_offset(fragment.text, error.word) - lead)
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
        """Compile and run one statement; the rows it returned (queries, assignments)."""
        compiled = self.compile(fragment, scope, frame, retry, lead)
        rows = StatementRun(self, compiled, fragment, scope, frame).run(first, count, retry)
        if rows is None:  # the engine would not add two strings: ``+`` is concatenation
            return self.run_sql(
                fragment, scope, frame, first=first, count=count, retry=True, lead=lead
            )
        return rows

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
        )

    def refused(
        self, error: CompileError, fragment: Fragment, frame: Frame
    ) -> UnsupportedConstruct:
        """The error for a construct ``refusal`` (or the compiler) turned down."""
        offset = word_offset(fragment.text, error.word)
        return UnsupportedConstruct(describe(error), frame.location(fragment.start + offset), HINT)
