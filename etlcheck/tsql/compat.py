"""The compatibility pass: before step 1, every statement of every script is classified
for the engine that will run it. It runs faithfully, or it is a ``compat`` finding at
file:line:col naming the construct, with "run it on --engine mssql".

The pass walks each batch as the interpreter would and asks the same questions: it
compiles every statement, condition and evaluated expression (``compile_statement``,
whose emulation refuses what it cannot run) and asks ``commands.refusal`` and
``commands.declare_refusal`` about the rest. A construct the pass lets through is one
the interpreter runs; one it reports is one the interpreter refuses. Dynamic SQL built
at run time is classified when it runs (``etlcheck lint`` reports it as ``dynamic-sql``).

The pass compiles the scripts as they will run (rewritten into the sandbox), so on a
cold cache it also compiles them for the run; its verdicts are kept in the work cache
by script text, so a warm run pays a lookup per script.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from etlcheck import workcache
from etlcheck.config import Config
from etlcheck.errors import UnsupportedConstruct
from etlcheck.isolation.findings import Finding
from etlcheck.tsql import udfs
from etlcheck.tsql.batches import script_location, split_batches
from etlcheck.tsql.commands import declare_refusal, refusal
from etlcheck.tsql.compiler import CompileError, compile_statement, condition_statement
from etlcheck.tsql.cursors import cursor_refusal
from etlcheck.tsql.dynamic import bind_parameters, read_execute
from etlcheck.tsql.emulation import Emulation, emulation_for
from etlcheck.tsql.frames import HINT, split_message
from etlcheck.tsql.holes import TABLE_TYPE_PREFIX
from etlcheck.tsql.nodes import (
    Assign,
    Block,
    Command,
    Cursor,
    Declare,
    DropRoutine,
    Fragment,
    If,
    Label,
    Node,
    Routine,
    Sql,
    TryCatch,
    While,
)
from etlcheck.tsql.parsing import describe, word_offset
from etlcheck.tsql.routines import PROCEDURE, read_header, routine_refusal
from etlcheck.tsql.scope import Scope, Session, fast_value
from etlcheck.tsql.statements import SplitError, split_statements
from etlcheck.tsql.tablevars import engine_name

if TYPE_CHECKING:
    from etlcheck.isolation.lint import LintReport

CODE = "compat"


@dataclass(frozen=True)
class Refused:
    """One statement the engine cannot run faithfully: where in the text, and why."""

    offset: int
    message: str


_VERDICTS: dict[tuple[str, str], tuple[Refused, ...]] = {}
workcache.register("tsql.compat", _VERDICTS)


def engine_dialect(engine: str) -> str | None:
    """The dialect an engine interprets T-SQL in; None when it runs T-SQL natively."""
    from etlcheck.engines.registry import get_engine_class

    engine_class = get_engine_class(engine)
    return engine_class.dialect if engine_class.interprets_tsql else None


def check_pipeline(
    config: Config,
    engine: str,
    rewrite: str | None = None,
    paths: Iterable[Path] = (),
    keep: bool = False,
) -> tuple[Finding, ...]:
    """``compat`` findings for ``engine`` over the pipeline's scripts (or ``paths``), each
    classified as it will run: rewritten into the sandbox by ``rewrite`` (the
    configuration's mode by default). With ``keep``, what the pass compiled is saved in
    the project's work cache when it found nothing (the run that follows compiles the same
    statements, and the compile child then has nothing left to do)."""
    from etlcheck.isolation.lint import read_script
    from etlcheck.pipeline import Pipeline

    dialect = engine_dialect(engine)
    if dialect is None:
        return ()
    mode = rewrite or config.run.rewrite
    files = list(_files(paths))
    texts = [(read_script(path), path) for path in files] or [
        (step.read(), step.path) for step in Pipeline.from_config(config).steps
    ]
    cache = workcache.project_cache(config.root)
    workcache.load(cache)
    findings: list[Finding] = []
    for text, path in texts:
        shown = _shown(path, config.root)
        findings += check_rewritten(text, shown, dialect, engine, config, mode)
    if keep and not findings:
        workcache.save(cache)
    return tuple(findings)


def check_rewritten(
    text: str, path: Path | str, dialect: str, engine: str, config: Config, mode: str
) -> list[Finding]:
    """Findings for ``text`` rewritten as the run rewrites it, placed in ``text``."""
    from etlcheck.isolation.rewrite import rewrite_script

    result = rewrite_script(text, path, config.sandbox, mode)
    refused = classify(result.text, path, dialect)
    return [
        _finding(text, path, result.original_offset(item.offset), item.message, engine)
        for item in refused
    ]


def check_script(text: str, path: Path | str, engine: str) -> tuple[Finding, ...]:
    """``compat`` findings for one script as written (no sandbox rewrite)."""
    dialect = engine_dialect(engine)
    if dialect is None:
        return ()
    refused = classify(text, path, dialect)
    return tuple(_finding(text, path, item.offset, item.message, engine) for item in refused)


def require_compatible(config: Config, engine: str, rewrite: str | None = None) -> None:
    """Raise UnsupportedConstruct (exit 2) at the first ``compat`` finding of the pipeline;
    what ``etlcheck run`` calls before step 1."""
    findings = check_pipeline(config, engine, rewrite, keep=True)
    if not findings:
        return
    first = findings[0]
    more = len(findings) - 1
    hint = f"{more} more: etlcheck lint --engine {engine}" if more else None
    raise UnsupportedConstruct(f"{CODE}: {first.message}", first.location, hint)


def with_compatibility(
    report: LintReport, config: Config, engine: str, paths: Iterable[Path] = ()
) -> LintReport:
    """``report`` (``etlcheck lint``'s) with the ``compat`` findings for ``engine`` added;
    what ``etlcheck lint --engine`` calls. A pragma does not silence them: allowing a
    construct does not make the engine run it."""
    found = check_pipeline(config, engine, report.rewrite, paths)
    if not found:
        return report
    order = {name: index for index, name in enumerate(report.scripts)}
    findings = sorted(
        (*report.findings, *found),
        key=lambda f: (
            order.get(str(f.location.path), len(order)),
            f.location.line,
            f.location.column,
        ),
    )
    return dataclasses.replace(report, findings=tuple(findings))


def _finding(text: str, path: Path | str, offset: int, message: str, engine: str) -> Finding:
    return Finding(
        script_location(path, text, offset),
        CODE,
        f"{message}; {engine} cannot run it faithfully: {HINT}",
        HINT,
    )


def classify(text: str, path: Path | str, dialect: str) -> tuple[Refused, ...]:
    """What of ``text`` the emulation of ``dialect`` refuses, in script order (cached)."""
    key = (dialect, text)
    found = _VERDICTS.get(key)
    if found is None:
        walk = _Walk(emulation_for(dialect))
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
            self.compile(node.fragment, scope)
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
        elif isinstance(node, Routine):
            self.routine(node)
        elif isinstance(node, Cursor):
            self.cursor(node, scope)
        elif not isinstance(node, (DropRoutine, Label)):
            self._add(node.start, f"{type(node).__name__}: the interpreter has no rule to run it")

    def declare(self, node: Declare, scope: Scope) -> None:
        for variable in node.variables:
            refused = declare_refusal(variable, self.emulation)
            if refused is not None:
                self._add(node.start, describe(refused))
                continue
            if variable.type_text == "TABLE":
                name = TABLE_TYPE_PREFIX + engine_name(variable.name, scope.level)
                scope.declare(variable.name, name, None)
                self.compile(variable.table_statement(), scope)
                continue
            scope.declare(variable.name, variable.type_text, None)
            if variable.initial is not None:
                self.evaluate(variable.initial, scope, variable.type_text)

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
        if header.kind != PROCEDURE:
            try:
                udfs.compile_body(self.emulation, node, header)
            except CompileError as error:
                self._add(
                    node.header.start + word_offset(node.header.text, error.word), describe(error)
                )
            return
        inner = Scope(Session(), level=1)
        for parameter in header.parameters:
            inner.declare(parameter.name, parameter.type_text, None)
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
        elif node.word in ("PRINT", "THROW", "RAISERROR"):
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
                    inner.declare(parameter.name, parameter.type_text, None)
        saved = self.offset, self.dynamic_at
        self.dynamic_at = self.dynamic_at if self.dynamic_at is not None else node.start + saved[0]
        try:
            self.batch(text, 0, inner)
        finally:
            self.offset, self.dynamic_at = saved

    def compile(self, fragment: Fragment, scope: Scope, lead: int = 0) -> None:
        try:
            compile_statement(fragment.text, self.emulation, scope.types)
        except CompileError as error:
            offset = max(0, word_offset(fragment.text, error.word) - lead)
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


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        yield from (sorted(path.rglob("*.sql")) if path.is_dir() else [path])


def _shown(path: Path, root: Path) -> Path:
    for base in (root, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve())
        except ValueError:
            continue
    return path
