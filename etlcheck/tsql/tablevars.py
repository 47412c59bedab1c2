"""Table variables: ``DECLARE @t TABLE (...)``, as SQL Server documents them.

Each is an engine temp table named after the variable and the depth of its scope
(``#@t~0`` in a batch, ``#@t~1`` in the procedure it calls...), so a procedure's ``@t``
never meets its caller's. Statements name it through the compiler: ``FROM @t`` becomes
that table (see ``compiler``). It goes when its batch, procedure or dynamic SQL string
ends.

A ROLLBACK does not undo a table variable. The engine's temp tables are transactional,
so their rows are kept here: when a transaction begins, and after every statement that
writes one inside it, the table's rows are read back; after the engine's ROLLBACK the
table is made again with those rows. (An IDENTITY column starts again from its seed
afterwards, where SQL Server goes on from the last value.)
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql.frames import Frame
from etlcheck.tsql.holes import TABLE_TYPE_PREFIX
from etlcheck.tsql.nodes import Declare, Fragment, Variable
from etlcheck.tsql.scope import Scope, TableVariable, TsqlError

if TYPE_CHECKING:
    from etlcheck.tsql.runtime import Runtime

_CLEANUP = Frame("", "<table variable>", 0)


def engine_name(variable: str, level: int) -> str:
    """The temp table behind ``variable`` in a scope ``level`` deep (without its ``#``)."""
    return f"{variable.lower()}~{level}"


def declare(
    interpreter: Runtime,
    variable: Variable,
    node: Declare,
    scope: Scope,
    frame: Frame,
    engine: str | None = None,
) -> TableVariable:
    """Make the table behind ``DECLARE @t TABLE (...)`` (once per scope: a DECLARE that
    runs again in a loop keeps the table, as SQL Server does); ``engine`` names the table
    instead of the variable and the scope's depth."""
    key = variable.name.lower()
    if key in scope.table_variables:
        return scope.table_variables[key]
    name = engine or engine_name(variable.name, scope.level)
    scope.declare(variable.name, TABLE_TYPE_PREFIX + name, None)
    create = variable.table_statement()
    session = interpreter.session
    saved = session.row_count, session.last_error
    interpreter.run_sql(
        Fragment(f"DROP TABLE IF EXISTS {variable.name}", node.start), scope, frame, count=False
    )
    interpreter.run_sql(create, scope, frame, count=False)
    session.row_count, session.last_error = saved
    compiled = interpreter.compile(create, scope, frame)
    table = TableVariable(variable.name, name, compiled, [] if session.transaction_count else None)
    scope.table_variables[key] = table
    session.table_variables.append(table)
    return table


def end_scope(interpreter: Runtime, scope: Scope) -> None:
    """Drop the tables of the scope's table variables."""
    if not scope.table_variables:
        return
    for table in list(scope.table_variables.values()):
        drop(interpreter, scope, table.name)


def drop(interpreter: Runtime, scope: Scope, name: str) -> None:
    """Drop the table of the scope's table variable ``name``; the variable is gone."""
    table = scope.table_variables.get(name.lower())
    if table is None:
        return
    session = interpreter.session
    saved = session.row_count, session.last_error, session.doomed
    with contextlib.suppress(TsqlError, UnsupportedConstruct):
        interpreter.run_sql(
            Fragment(f"DROP TABLE IF EXISTS {table.name}", 0), scope, _CLEANUP, count=False
        )
    if table in session.table_variables:
        session.table_variables.remove(table)
    del scope.table_variables[name.lower()]
    session.row_count, session.last_error, session.doomed = saved


def _read(interpreter: Runtime, table: TableVariable) -> list[tuple[object, ...]]:
    quoted = '"#' + table.engine_name.replace('"', '""') + '"'
    return interpreter.target.query(f"SELECT * FROM {quoted}").rows


def save_all(interpreter: Runtime) -> None:
    """Keep the rows of every table variable: a transaction begins."""
    for table in interpreter.session.table_variables:
        table.rows = _read(interpreter, table)


def save_table_variables(interpreter: Runtime, scope: Scope, names: tuple[str, ...]) -> None:
    """Keep the rows of the table variables a statement just wrote in a transaction."""
    for name in names:
        table = scope.table_variables.get(name.lower())
        if table is not None:
            table.rows = _read(interpreter, table)


def restore_all(interpreter: Runtime, keep: bool = False) -> None:
    """After the engine's ROLLBACK: every table variable as it was before it (``keep``:
    its rows stay kept, the transaction going on after a rollback to a savepoint)."""
    target = interpreter.target
    literal = interpreter.emulation.literal
    for table in interpreter.session.table_variables:
        if table.rows is None:  # made and last written outside any transaction
            continue
        quoted = '"#' + table.engine_name.replace('"', '""') + '"'
        target.execute(f"DROP TABLE IF EXISTS {quoted}")
        for step in table.create.steps:
            target.execute(step.render(_no_holes))
        for row in table.rows or []:
            values = ", ".join(literal(value, None) for value in row)
            target.execute(f"INSERT INTO {quoted} VALUES ({values})")
        if not keep:
            table.rows = None
    interpreter.catalog.invalidate()


def forget_saved(interpreter: Runtime) -> None:
    """A COMMIT: what was kept is no longer needed."""
    for table in interpreter.session.table_variables:
        table.rows = None


def _no_holes(hole: str) -> str:
    raise TsqlError(137, f'Must declare the scalar variable "{hole}".')
