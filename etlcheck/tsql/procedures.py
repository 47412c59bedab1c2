"""Stored procedures and functions: ``CREATE``/``ALTER``/``CREATE OR ALTER``, ``DROP [IF
EXISTS]`` and ``EXEC``, as SQL Server documents them.

A routine is kept in the database (``routine_store``), so the emulated catalog sees it;
the session remembers what it has read, by object id. A call binds its arguments
(``binding``), runs the body with a scope of its own one nesting level down
(``@@NESTLEVEL``, at most 32: error 217), copies OUTPUT parameters back and sets the
return status of ``EXEC @rc = p``. SET NOCOUNT and XACT_ABORT made in a procedure are
undone when it returns, and the #temp tables it created are dropped. ``EXEC`` leaves
``@@ROWCOUNT`` as the procedure's last statement left it.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from etlcheck.errors import UnsupportedConstruct
from etlcheck.tsql import function_bodies, routine_store, table_parameters, udfs
from etlcheck.tsql.binding import bind
from etlcheck.tsql.calls import ProcedureCall
from etlcheck.tsql.catalog import DEFAULT_SCHEMA, CatalogObject, split_object_name
from etlcheck.tsql.datefirst import set_datefirst
from etlcheck.tsql.frames import HINT, BatchReturn, Frame, LoopBreak, LoopContinue, split_message
from etlcheck.tsql.function_calls import engine_object_refusal, in_catalog
from etlcheck.tsql.nodes import Block, Command, DropRoutine, Fragment, Routine
from etlcheck.tsql.property_store import forget_sql
from etlcheck.tsql.routine_store import StoredRoutine
from etlcheck.tsql.routines import (
    FUNCTION,
    RoutineDefinition,
    RoutineHeader,
    read_header,
    routine_refusal,
)
from etlcheck.tsql.scope import ModuleState, Scope, TsqlError, UnknownVariable
from etlcheck.tsql.statements import SplitError, split_statements

if TYPE_CHECKING:
    from etlcheck.tsql.runtime import Runtime

MAX_NESTING = 32
ROUTINE_TYPES = frozenset(["P", "FN", "IF", "TF"])
ENGINE_OBJECTS = frozenset(["FN", "IF"])
"""The routines that are engine objects (``udfs``); a procedure or a multi-statement
function is kept by the interpreter only."""


def routine_type(routine: Routine, header: RoutineHeader) -> str:
    if header.kind != FUNCTION:
        return "P"
    if header.returns_variable:
        return "TF"
    return "IF" if (header.returns or "").strip().upper() == "TABLE" else "FN"


def read_routine_header(interpreter: Runtime, routine: Routine, frame: Frame) -> RoutineHeader:
    try:
        return read_header(routine)
    except SplitError as error:
        raise UnsupportedConstruct(
            split_message(error), frame.location(error.offset), HINT
        ) from None


# -- CREATE / ALTER ---------------------------------------------------------------------------
def define(interpreter: Runtime, node: Routine, scope: Scope, frame: Frame) -> None:
    """CREATE, ALTER or CREATE OR ALTER a procedure or function."""
    header = read_routine_header(interpreter, node, frame)
    refused = routine_refusal(node, header)
    if refused is not None:
        raise interpreter.refused(refused, node.header, frame)
    construct = f"CREATE/ALTER {header.kind}"
    if node is not frame.first:
        raise interpreter.failure(
            f"'{construct}' must be the first statement in a query batch.", frame, node.start, 111
        )
    if header.database is not None:
        raise interpreter.failure(
            f"'{construct}' does not allow specifying the database name as a prefix to the "
            "object name.",
            frame,
            node.start,
            166,
        )
    schema = header.schema or DEFAULT_SCHEMA
    schema_id = routine_store.creatable_schema_id(interpreter, schema, frame, node.start)
    type_ = routine_type(node, header)
    existing = interpreter.catalog.table(schema, header.name)
    _check_existing(interpreter, header, type_, existing, frame, node.start)
    if type_ == "P":
        table_parameters.resolve(interpreter, header, frame, node.start)
        table_parameters.check_not_written(interpreter, header, node.body, frame)
    elif type_ == "TF":
        function_bodies.check_body(interpreter, node, frame)
    else:
        body = udfs.body_statement(node, header)
        construct = f"{header.action} FUNCTION {header.shown}"
        refused = engine_object_refusal(construct, body.text, in_catalog(interpreter.catalog))
        if refused is not None:
            raise interpreter.refused(refused, body, frame)
        udfs.create(interpreter, node, header, scope, frame, replaces=existing is not None)
    stored = StoredRoutine(
        0, schema, header.name, type_, frame.batch_text, str(frame.path), frame.location(0).line
    )
    replaces = existing.object_id if existing is not None else None
    object_id = routine_store.save(interpreter, schema_id, stored, replaces)
    interpreter.catalog.invalidate()
    interpreter.session.routines[object_id] = _definition(
        interpreter, object_id, stored, header, node.body, frame
    )
    interpreter.session.row_count = 0


def _check_existing(
    interpreter: Runtime,
    header: RoutineHeader,
    type_: str,
    existing: CatalogObject | None,
    frame: Frame,
    start: int,
) -> None:
    if existing is not None and header.action == "CREATE":
        raise interpreter.failure(
            f"There is already an object named '{header.name}' in the database.",
            frame,
            start,
            2714,
        )
    if existing is None and header.action == "ALTER":
        raise interpreter.failure(f"Invalid object name '{header.shown}'.", frame, start, 208)
    if existing is not None and existing.type != type_:
        raise interpreter.failure(
            f"Cannot perform alter on '{header.shown}' because it is an incompatible object type.",
            frame,
            start,
            2010,
        )


def _definition(
    interpreter: Runtime,
    object_id: int,
    stored: StoredRoutine,
    header: RoutineHeader,
    body: Block,
    frame: Frame,
) -> RoutineDefinition:
    shown = f"{stored.schema}.{stored.name}"
    own = Frame(
        frame.script,
        frame.path,
        frame.offset,
        dynamic_at=frame.dynamic_at,
        procedure=shown,
        line_base=frame.line_base,
        end=frame.end,
    )
    header, tables = table_parameters.resolve(interpreter, header, frame, 0)
    types = tuple(
        None if table is not None else interpreter.emulation.type_sql(p.type_text)
        for p, table in zip(header.parameters, tables, strict=True)
    )
    return RoutineDefinition(
        object_id, stored.schema, stored.name, stored.type, header, body, own, types, tables
    )


# -- DROP ---------------------------------------------------------------------------------------
def drop(interpreter: Runtime, node: DropRoutine, scope: Scope, frame: Frame) -> None:
    """DROP PROCEDURE|FUNCTION [IF EXISTS] name, ..."""
    kinds = frozenset(["P"]) if node.kind != FUNCTION else frozenset(["FN", "IF", "TF"])
    for name in node.names:
        parts = split_object_name(name.text)
        schema = parts[-2] if len(parts) >= 2 and parts[-2] else DEFAULT_SCHEMA
        found = interpreter.catalog.table(schema, parts[-1])
        if found is None or found.type not in kinds or found.object_id is None:
            if node.if_exists:
                continue
            raise interpreter.failure(
                f"Cannot drop the {node.kind.lower()} '{name.text.strip()}', because it does "
                "not exist or you do not have permission.",
                frame,
                name.start,
                3701,
            )
        # the permission to drop it
        routine_store.creatable_schema_id(interpreter, schema, frame, name.start)
        if found.type in ENGINE_OBJECTS:
            udfs.drop(interpreter, found.schema, found.name, found.type)
        routine_store.delete(interpreter, found.object_id)
        literal = functools.partial(interpreter.emulation.literal, type_sql=None)
        interpreter.target.execute(forget_sql(literal, found.schema, found.name))
        interpreter.session.routines.pop(found.object_id, None)
        interpreter.catalog.invalidate()
    interpreter.session.row_count = 0


# -- lookup -----------------------------------------------------------------------------------
def find(interpreter: Runtime, parts: list[str]) -> RoutineDefinition | None:
    """The routine ``parts`` names (``[schema.]name``), or None when there is none."""
    schema = parts[-2] if len(parts) >= 2 and parts[-2] else DEFAULT_SCHEMA
    found = interpreter.catalog.table(schema, parts[-1])
    if found is None or found.type not in ROUTINE_TYPES or found.object_id is None:
        return None
    known = interpreter.session.routines.get(found.object_id)
    return known if known is not None else _load(interpreter, found.object_id)


def _load(interpreter: Runtime, object_id: int) -> RoutineDefinition | None:
    """A routine read back from the database (created by an earlier session)."""
    stored = routine_store.load(interpreter, object_id)
    if stored is None:
        return None
    frame = Frame(stored.definition, stored.source_path, 0, line_base=stored.source_line - 1)
    try:
        block = split_statements(stored.definition)
    except SplitError as error:
        raise UnsupportedConstruct(
            split_message(error), frame.location(error.offset), HINT
        ) from None
    routine = next((node for node in block.body if isinstance(node, Routine)), None)
    if routine is None:
        return None
    header = read_routine_header(interpreter, routine, frame)
    definition = _definition(interpreter, object_id, stored, header, routine.body, frame)
    interpreter.session.routines[object_id] = definition
    return definition


# -- EXEC ---------------------------------------------------------------------------------------
def call(
    interpreter: Runtime, node: Command, called: ProcedureCall, scope: Scope, frame: Frame
) -> None:
    """Run ``EXEC [@status =] procedure arguments``."""
    routine = _callee(interpreter, node, called, scope, frame)
    session = interpreter.session
    inner = Scope(
        session,
        interpreter.catalog,
        ModuleState(routine.shown, routine.object_id),
        level=scope.level + 1,
    )
    receivers = bind(interpreter, routine, called, scope, inner, frame, node.start)
    transactions = session.transaction_count
    status = run_body(interpreter, routine, inner)
    for parameter, receiver in receivers:
        _set(interpreter, scope, receiver, inner.get(parameter), frame, node.start)
    if called.status is not None:
        _set(interpreter, scope, called.status, status, frame, node.start)
    if session.transaction_count != transactions:
        raise interpreter.failure(
            "Transaction count after EXECUTE indicates a mismatching number of BEGIN and "
            f"COMMIT statements. Previous count = {transactions}, current count = "
            f"{session.transaction_count}.",
            routine.frame,
            0,
            266,
        )


def _callee(
    interpreter: Runtime, node: Command, called: ProcedureCall, scope: Scope, frame: Frame
) -> RoutineDefinition:
    """The procedure ``called`` names; SQL Server's error when there is none, when it is a
    function, or when the call would nest deeper than 32 levels."""
    name = called.name.text.strip()
    if called.by_variable:
        name = str(interpreter.evaluate(called.name, scope, frame) or "")
    routine = find(interpreter, split_object_name(name)) if name else None
    if routine is None:
        raise interpreter.failure(
            f"Could not find stored procedure '{name}'.", frame, called.name.start, 2812
        )
    if routine.type != "P":
        raise interpreter.failure(
            f"The request for procedure '{routine.name}' failed because '{routine.name}' is a "
            "function object.",
            frame,
            called.name.start,
            2809,
        )
    if interpreter.session.nest_level >= MAX_NESTING:
        raise interpreter.failure(
            "Maximum stored procedure, function, trigger, or view nesting level exceeded "
            f"(limit {MAX_NESTING}).",
            frame,
            node.start,
            217,
        )
    return routine


def run_body(interpreter: Runtime, routine: RoutineDefinition, inner: Scope) -> int:
    """Run the body; the return status (0 unless RETURN gave another)."""
    session = interpreter.session
    options = dict(session.options)
    datefirst = session.datefirst
    session.nest_level += 1
    status = 0
    try:
        interpreter.run_node(routine.body, inner, routine.frame)
    except BatchReturn as returned:
        status = int(returned.value or 0)
    except (LoopBreak, LoopContinue):
        pass
    finally:
        session.nest_level -= 1
        session.options = options
        set_datefirst(interpreter, datefirst)
        interpreter.end_scope(inner)
    return status


def _set(
    interpreter: Runtime, scope: Scope, name: str, value: Any, frame: Frame, start: int
) -> None:
    try:
        scope.set(name, value)
    except UnknownVariable:
        raise interpreter.failure(
            f'Must declare the scalar variable "{name}".', frame, start, 137
        ) from None


# -- module end ---------------------------------------------------------------------------------
def drop_module_temp_tables(interpreter: Runtime, scope: Scope) -> None:
    """The #temp tables a procedure or dynamic SQL created go when it ends."""
    module = scope.module
    if module is None or not module.temp_tables:
        return
    cleanup = Frame("", "<end of procedure>", 0)
    with quietly(interpreter):
        for name in list(module.temp_tables):
            with contextlib.suppress(TsqlError, UnsupportedConstruct):
                interpreter.run_sql(
                    Fragment(f"DROP TABLE IF EXISTS {name}", 0), scope, cleanup, count=False
                )
    module.temp_tables.clear()


@contextlib.contextmanager
def quietly(interpreter: Runtime) -> Iterator[None]:
    """Statements the interpreter runs for itself leave @@ROWCOUNT and @@ERROR as they were."""
    session = interpreter.session
    saved = session.row_count, session.last_error, session.doomed
    try:
        yield
    finally:
        session.row_count, session.last_error, session.doomed = saved
