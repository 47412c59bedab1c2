"""Least privilege: on engines with permissions the pipeline runs as a principal made
for the run, which may create and write only in the sandbox schemas and read only the
allow-listed sources. A leak then fails at the database, and the runner reports it as
an isolation finding instead of an ordinary step failure."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from etlcheck.engines.registry import permission_words

if TYPE_CHECKING:
    from etlcheck.config import Config
    from etlcheck.engines.base import Engine


def is_permission_failure(message: str | None) -> bool:
    """True when a step's error is the database refusing a write outside the sandbox."""
    text = (message or "").lower()
    return any(word in text for word in permission_words())


@contextmanager
def least_privilege(engine: Engine, config: Config, enabled: bool) -> Iterator[str | None]:
    """Run the body as a sandbox-only principal when the engine has permissions. The
    sandbox schemas a step creates are left to it (``isolation.step_schemas``)."""
    if not (enabled and engine.supports_least_privilege):
        yield None
        return
    from etlcheck.isolation.step_schemas import schemas_left_to_steps

    sandbox = config.sandbox
    principal = engine.create_sandbox_principal(
        list(sandbox.schema_map.values()),
        list(sandbox.read_only),
        list(sandbox.protected),
        left_to_steps=sorted(schemas_left_to_steps(engine, config)),
    )
    engine.info.extra["principal"] = principal
    with engine.run_as(principal):
        yield principal
