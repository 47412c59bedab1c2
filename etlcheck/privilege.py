"""Least privilege: on engines with permissions the pipeline runs as a principal made
for the run, which may create and write only in the sandbox schemas and read only the
allow-listed sources. A leak then fails at the database, and the runner reports it as
an isolation finding instead of an ordinary step failure."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol, cast

from etlcheck.config import SandboxConfig
from etlcheck.engines.base import Engine

PERMISSION_WORDS = (
    "permission denied",  # PostgreSQL, SQLSTATE 42501
    "must be owner of",  # PostgreSQL, DROP/ALTER of an object the role does not own
    "permission was denied",  # SQL Server 229/230/262
    "does not have permission",  # SQL Server 262, 15247
    "cannot create schemas outside",  # etlcheck's own PostgreSQL schema guard
)


class PermissionedEngine(Protocol):
    """What engines with ``supports_permissions`` offer (PostgreSQL, SQL Server)."""

    def create_sandbox_principal(self, *schemas: Any) -> str: ...

    def run_as(self, principal: str) -> AbstractContextManager[None]: ...


def is_permission_failure(message: str | None) -> bool:
    """True when a step's error is the database refusing a write outside the sandbox."""
    text = (message or "").lower()
    return any(word in text for word in PERMISSION_WORDS)


@contextmanager
def least_privilege(engine: Engine, sandbox: SandboxConfig, enabled: bool) -> Iterator[str | None]:
    """Run the body as a sandbox-only principal when the engine has permissions."""
    if not (enabled and engine.supports_permissions):
        yield None
        return
    schemas = list(sandbox.schema_map.values())
    arguments: list[Any] = [schemas, list(sandbox.read_only)]
    if engine.name == "mssql":
        arguments.append(list(sandbox.protected))
    permissioned = cast(PermissionedEngine, engine)
    principal = permissioned.create_sandbox_principal(*arguments)
    engine.info.extra["principal"] = principal
    with permissioned.run_as(principal):
        yield principal
