"""The interpreter as the modules that run its statements see it.

``interpreter.py`` imports ``commands``, ``cursors``, ``procedures``, ``tablevars``,
``running``...; they in turn need the interpreter (its target, session, catalog, and its
services: evaluate, run SQL, make an error). They are typed against this Protocol, one
layer below all of them, so that none imports ``interpreter`` back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from etlcheck.errors import UnsupportedConstruct
    from etlcheck.tsql.catalog import CatalogCache
    from etlcheck.tsql.compiler import Compiled
    from etlcheck.tsql.emulation import Emulation
    from etlcheck.tsql.frames import Frame
    from etlcheck.tsql.nodes import Block, Fragment, Node
    from etlcheck.tsql.parsing import CompileError
    from etlcheck.tsql.scope import Scope, Session, TsqlError
    from etlcheck.tsql.target import SqlTarget


class Runtime(Protocol):
    """What a running script offers the statements it runs (``Interpreter`` is one)."""

    target: SqlTarget
    emulation: Emulation
    session: Session
    catalog: CatalogCache
    rows_affected: int
    statements: int
    messages: list[str]

    def split(self, text: str, frame: Frame) -> Block:
        """A batch's text as the interpreter's statement tree."""
        ...

    def run_node(self, node: Node, scope: Scope, frame: Frame) -> None: ...

    def end_scope(self, scope: Scope) -> None:
        """Drop what a batch, procedure call or dynamic SQL string leaves behind."""
        ...

    def evaluate(
        self, fragment: Fragment, scope: Scope, frame: Frame, type_text: str | None = None
    ) -> Any:
        """The value of a T-SQL expression (cast to ``type_text`` when given)."""
        ...

    def compile(
        self, fragment: Fragment, scope: Scope, frame: Frame, retry: bool = False, lead: int = 0
    ) -> Compiled: ...

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
        """Compile and run one statement; the rows it returned."""
        ...

    def run_engine_statement(self, sql: str, fragment: Fragment, frame: Frame) -> None:
        """Run SQL etlcheck wrote in the engine's dialect; its errors as SQL Server's."""
        ...

    def failure(
        self, message: str, frame: Frame, start: int, number: int = 50000, statement: str = ""
    ) -> TsqlError:
        """A T-SQL error raised at ``start`` of the frame's text."""
        ...

    def refused(
        self, error: CompileError, fragment: Fragment, frame: Frame
    ) -> UnsupportedConstruct:
        """The error for a construct the interpreter turns down."""
        ...
