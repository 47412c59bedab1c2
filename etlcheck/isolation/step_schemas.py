"""Sandbox schemas the pipeline creates itself, so the sandbox starts as production does.

A step that runs ``CREATE SCHEMA stage`` against a production without ``stage`` succeeds
there; in a sandbox where ``poc_stage`` was made before step 1 the same statement fails
with "already exists". Such a sandbox schema is left for its step. Every other one is
made before step 1 as always: a seed that omits a schema the scripts only use keeps
working. Seeding (``Seeder.finish``) and the run's principal (``least_privilege``) both ask
:func:`schemas_left_to_steps`, after seeding and on a continued run alike: a schema the
first run's step made exists by then, so nothing is left and it is handed over as before.

An engine whose run principal cannot create schemas (SQL Server) leaves none to the steps:
there a step's unconditional ``CREATE SCHEMA stage`` meets ``poc_stage`` and fails with
error 2714 halfway through the run, so :func:`premade_schema_findings` reports it at the
statement before anything runs, with the guarded form that runs on both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlglot.tokens import TokenType

from etlcheck import workcache
from etlcheck.isolation.findings import Finding
from etlcheck.pipeline import Pipeline
from etlcheck.script_facts import read_script_facts
from etlcheck.tsql.batches import script_location, split_batches
from etlcheck.tsql.dynamic import read_execute
from etlcheck.tsql.nodes import Block, Command, Node, Sql
from etlcheck.tsql.statements import read_batch
from etlcheck.tsql.tokens import SplitError, tokenize, word_of

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine


def schemas_created_by_steps(config: Config) -> frozenset[str]:
    """Production schemas (lower case) that a step script creates with ``CREATE SCHEMA``,
    also inside constant dynamic SQL. What an earlier run read of the same scripts comes
    from the work cache."""
    workcache.load(workcache.project_cache(config.root))
    created: set[str] = set()
    for step in Pipeline.from_config(config).scripts:
        facts = read_script_facts(step.read(), step.path)
        created.update(name.lower() for name in facts.created_schemas)
    return frozenset(created)


def schemas_left_to_steps(engine: Engine, config: Config) -> frozenset[str]:
    """The sandbox schemas (as the map spells them) to leave for the pipeline: a step
    creates their production schema, which the database does not hold, and they do not
    exist yet. None on an engine whose run principal cannot create schemas."""
    if not engine.principal_creates_schemas:
        return frozenset()
    created = schemas_created_by_steps(config)
    if not created:
        return frozenset()
    existing = {name.lower() for name in engine.schemas()}
    return frozenset(
        sandbox
        for production, sandbox in config.sandbox.schema_map.items()
        if production.lower() in created
        and production.lower() not in existing
        and sandbox.lower() not in existing
    )


_STRING = re.compile(r"\s*\(?\s*N?'((?:[^']|'')*)'\s*\)?\s*;?\s*", re.IGNORECASE)


def premade_schema_findings(text: str, path: Path | str, config: Config) -> list[Finding]:
    """``compat`` findings for the unconditional ``CREATE SCHEMA`` of a mapped schema in
    ``text``, for an engine that makes every sandbox schema before step 1."""
    mapped = {name.lower(): sandbox for name, sandbox in config.sandbox.schema_map.items()}
    findings = []
    for offset, name in unconditional_schema_creations(text, path):
        sandbox = mapped.get(name.lower())
        if sandbox is None:
            continue
        guarded = f"IF SCHEMA_ID(N'{name}') IS NULL EXEC(N'CREATE SCHEMA {name}')"
        findings.append(
            Finding(
                script_location(path, text, offset),
                "compat",
                f"CREATE SCHEMA {name}: on SQL Server the run's user cannot create schemas, "
                f"so etlcheck makes {sandbox} before step 1 and this statement would fail "
                f"there (error 2714); guard it: {guarded}",
                f"guard it ({guarded}; the objects of a CREATE SCHEMA with its objects "
                "become statements of their own), or run it on --engine duckdb or postgres, "
                "which leave the schema to the step",
            )
        )
    return findings


def unconditional_schema_creations(text: str, path: Path | str) -> list[tuple[int, str]]:
    """``(offset, schema)`` of each ``CREATE SCHEMA`` a script runs whatever happens: the
    statement (always first in its batch), or ``EXEC`` of a constant ``CREATE SCHEMA``
    string outside ``IF``, ``WHILE`` and ``TRY``."""
    found = []
    for batch in split_batches(text, path):
        try:
            block = read_batch(batch.text).block
        except SplitError:
            continue
        for node in _unconditional(block):
            name = _created_schema(node)
            if name is not None:
                found.append((batch.offset + node.start, name))
    return found


def _unconditional(block: Block) -> list[Node]:
    nodes: list[Node] = []
    for node in block.body:
        nodes += _unconditional(node) if isinstance(node, Block) else [node]
    return nodes


def _created_schema(node: Node) -> str | None:
    if isinstance(node, Sql):
        return _schema_of(node.fragment.text)
    if isinstance(node, Command) and node.word in ("EXEC", "EXECUTE") and node.arguments:
        call = read_execute(node)
        constant = _STRING.fullmatch(call.statement.text) if call is not None else None
        return _schema_of(constant.group(1).replace("''", "'")) if constant else None
    return None


def _schema_of(statement: str) -> str | None:
    """The schema ``CREATE SCHEMA name ...`` creates, or None for any other statement."""
    try:
        tokens = tokenize(statement)
    except SplitError:
        return None
    if [word_of(token) for token in tokens[:2]] != ["CREATE", "SCHEMA"] or len(tokens) < 3:
        return None
    name = tokens[2]
    return name.text if name.token_type in (TokenType.VAR, TokenType.IDENTIFIER) else None
