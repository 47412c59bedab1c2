"""Tables whose rows the pipeline throws away before anything can read them.

A warehouse load usually starts by dropping its staging tables
(``IF OBJECT_ID('etl.stg_x', 'U') IS NOT NULL DROP TABLE etl.stg_x;``). Their sandbox
copies still need their structure (``OBJECT_ID`` must find them, ``DROP TABLE`` must have
something to drop), but copying their rows is work the run undoes first: at the seed
scale the sample's staging tables are 279,000 of the 754,000 rows a clone copies.

The proof is narrow on purpose. The steps are read in order from the first token of the
first one, and the reading stops at the first statement that could read a table's rows
or is not understood. Before that point only these run, none of which can see a row:

- ``SET`` of a session option, ``PRINT`` of a string literal;
- ``DROP TABLE [IF EXISTS] t, ...``, ``CREATE SCHEMA``, ``CREATE TABLE`` with column
  definitions (no ``AS SELECT``, no call of a user function);
- ``EXEC`` of a string literal holding only such statements;
- ``IF`` on ``OBJECT_ID('name'[, 'U'])`` or ``SCHEMA_ID('name')`` being (or not being)
  NULL, with such statements in its branches: the copy exists as production's table
  does, so the same branch runs.

A table counts as dropped when a ``DROP TABLE`` names it unconditionally, or under
``IF OBJECT_ID('t'[, 'U']) IS NOT NULL`` for the same ``t``, with a schema the sandbox
maps. The step that drops it must run in one transaction of etlcheck's (the engine's
step transactions, a script that does not manage its own), so its drops take effect
together with the rest of it or not at all; until they have, the table's rows are
owed (:mod:`etlcheck.seeding.owed_rows`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

import sqlglot
from sqlglot import exp

from etlcheck.errors import EtlcheckError
from etlcheck.script_scan import manages_transactions
from etlcheck.tsql.batches import split_batches
from etlcheck.tsql.nodes import Block, Command, If, Node, Sql
from etlcheck.tsql.parsing import quiet_sqlglot
from etlcheck.tsql.statements import split_statements
from etlcheck.tsql.tokens import SplitError

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine

SESSION_OPTIONS = frozenset(
    {
        "ANSI_DEFAULTS",
        "ANSI_NULLS",
        "ANSI_NULL_DFLT_ON",
        "ANSI_PADDING",
        "ANSI_WARNINGS",
        "ARITHABORT",
        "CONCAT_NULL_YIELDS_NULL",
        "DATEFIRST",
        "DATEFORMAT",
        "DEADLOCK_PRIORITY",
        "LANGUAGE",
        "LOCK_TIMEOUT",
        "NOCOUNT",
        "NUMERIC_ROUNDABORT",
        "QUOTED_IDENTIFIER",
        "XACT_ABORT",
    }
)
"""``SET`` options that change how later statements behave, never what a table holds."""


_E = TypeVar("_E", bound=exp.Expression)


class _Stop(Exception):
    """The reading met a statement that is not on the list."""


def leading_drops(text: str) -> tuple[list[tuple[str, str]], bool]:
    """``(schema, table)`` of each table the script drops before any statement that could
    read a row (see the module docstring), in order, tables without a schema left out;
    and whether the whole script is such statements (the reading may go on after it)."""
    dropped: list[tuple[str, str]] = []
    try:
        for batch in split_batches(text, "<step>"):
            if batch.repeat != 1:
                return dropped, False
            _blind_batch(batch.text, dropped)
    except (_Stop, SplitError, EtlcheckError):
        return dropped, False
    return dropped, True


def _blind_batch(text: str, dropped: list[tuple[str, str]]) -> None:
    for node in split_statements(text).body:
        _blind(node, dropped)


def _blind(node: Node, dropped: list[tuple[str, str]]) -> None:
    """Add the tables ``node`` surely drops to ``dropped``; raise ``_Stop`` when it could
    read a row."""
    if isinstance(node, Command) and node.word == "PRINT":
        if _string(_parsed(_after_word(node.fragment.text), exp.Expression)) is None:
            raise _Stop
    elif isinstance(node, Command) and node.word == "SET":
        words = node.fragment.text.split()
        if len(words) != 3 or words[1].upper() not in SESSION_OPTIONS:
            raise _Stop
    elif isinstance(node, Command) and node.word in ("EXEC", "EXECUTE"):
        called = _parsed(_after_word(node.fragment.text), exp.Paren)  # EXEC ('...'), not a name
        text = _string(called)
        if text is None:
            raise _Stop
        _blind_batch(text, dropped)
    elif isinstance(node, Sql) and node.word == "DROP":
        dropped.extend(_dropped_tables(node.fragment.text))
    elif isinstance(node, Sql) and node.word == "CREATE":
        _check_create(node.fragment.text)
    elif isinstance(node, Block):
        for item in node.body:
            _blind(item, dropped)
    elif isinstance(node, If):
        table, not_null = _existence_test(node.condition.text)
        branch: list[tuple[str, str]] = []
        _blind(node.then, branch)
        if node.otherwise is not None:
            _blind(node.otherwise, [])
        # Only the drop of the very table found to exist surely happens.
        if not_null and table and node.otherwise is None and branch == [table]:
            dropped.extend(branch)
    else:
        raise _Stop


def _after_word(text: str) -> str:
    """A statement's text after its first word (``PRINT 'x'`` -> ``'x'``)."""
    stripped = text.strip()
    word = stripped.split(None, 1)[0].split("(", 1)[0]
    return stripped[len(word) :].strip()


def _check_create(text: str) -> None:
    """A ``CREATE SCHEMA``, or a ``CREATE TABLE`` that only defines columns."""
    created = _parsed(text, exp.Create)
    if created is None:
        raise _Stop
    kind = str(created.args.get("kind") or "").upper()
    if kind == "SCHEMA":
        return
    if kind != "TABLE" or created.expression is not None:
        raise _Stop
    # A user function is called by a two-part name; a subquery reads a table.
    if any(created.find_all(exp.Dot, exp.Subquery, exp.Select)):
        raise _Stop


def _parsed(text: str, kind: type[_E]) -> _E | None:
    try:
        with quiet_sqlglot():  # a Command (CREATE SCHEMA ... AUTHORIZATION) stops the reading
            found = sqlglot.parse_one(text, read="tsql")
    except sqlglot.errors.SqlglotError:
        return None
    return found if isinstance(found, kind) else None


def _string(value: exp.Expression | None) -> str | None:
    """The text of a string literal (``'x'``, ``N'x'``, in parentheses or not), else None."""
    if isinstance(value, exp.Paren):
        return _string(value.this)
    if isinstance(value, exp.National):
        return str(value.this)
    if isinstance(value, exp.Literal) and value.is_string:
        return str(value.this)
    return None


def _dropped_tables(text: str) -> list[tuple[str, str]]:
    drop = _parsed(text, exp.Drop)
    if drop is None or str(drop.args.get("kind") or "").upper() != "TABLE":
        raise _Stop
    tables = drop.args.get("tables") or [drop.this]
    return [name for table in tables if (name := _two_part(table)) is not None]


def _existence_test(condition: str) -> tuple[tuple[str, str] | None, bool]:
    """``OBJECT_ID('t'[, 'U'])`` or ``SCHEMA_ID('s')`` tested for NULL: the table (None for
    a schema or an unqualified name) and whether the test is ``IS NOT NULL``; any other
    condition stops the reading."""
    test = _parsed(condition, exp.Expression)
    negated = isinstance(test, exp.Not)
    found = test.this if isinstance(test, exp.Not) else test
    if not isinstance(found, exp.Is) or not isinstance(found.expression, exp.Null):
        raise _Stop
    call = found.this
    if isinstance(call, exp.Anonymous) and call.name.upper() == "SCHEMA_ID":
        if len(call.expressions) != 1 or _string(call.expressions[0]) is None:
            raise _Stop
        return None, negated
    if not isinstance(call, exp.ObjectId):
        raise _Stop
    kind = call.expression
    if kind is not None and (_string(kind) or "").upper() != "U":
        raise _Stop
    name = _string(call.this)
    if name is None:
        raise _Stop
    try:
        return _two_part(exp.to_table(name, dialect="tsql")), negated
    except sqlglot.errors.SqlglotError:
        raise _Stop from None


def _two_part(table: exp.Expression) -> tuple[str, str] | None:
    if not isinstance(table, exp.Table) or table.catalog or not table.db:
        return None
    return table.db, table.name


def discarded_tables(
    engine: Engine, config: Config, tables: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], int]:
    """Which of production's ``tables`` (``(schema, table)`` as the catalog spells them)
    the steps drop before anything could read them, each with the number of the step
    that drops it; nothing when the engine cannot run a step in a transaction of its own."""
    from etlcheck.pipeline import Pipeline

    if not engine.supports_step_transactions or not engine.internal_schemas:
        return {}
    sandbox = config.sandbox
    spelled = {(schema.lower(), table.lower()): (schema, table) for schema, table in tables}
    found: dict[tuple[str, str], int] = {}
    for step in Pipeline.from_config(config).steps:
        try:
            text = step.read()
        except EtlcheckError:
            break
        drops, whole = leading_drops(text) if not step.is_call else ([], False)
        if not manages_transactions(text):
            for schema, table in drops:
                name = spelled.get((schema.lower(), table.lower()))
                if name and sandbox.is_protected(schema) and sandbox.sandbox_of(schema):
                    found.setdefault(name, step.number)
        if not whole:
            break
    return found
