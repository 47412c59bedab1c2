"""Sandbox schemas the pipeline creates itself, so the sandbox starts as production does.

A step that runs ``CREATE SCHEMA stage`` against a production without ``stage`` succeeds
there; in a sandbox where ``poc_stage`` was made before step 1 the same statement fails
with "already exists". Such a sandbox schema is left for its step. Every other one is
made before step 1 as always: a seed that omits a schema the scripts only use keeps
working. Seeding (``Seeder.finish``) and the run's principal (``least_privilege``) both ask
:func:`schemas_left_to_steps`, after seeding and on a continued run alike: a schema the
first run's step made exists by then, so nothing is left and it is handed over as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck import workcache
from etlcheck.pipeline import Pipeline
from etlcheck.script_facts import read_script_facts

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
