"""Where a disposable SQL Server comes from: testcontainers, or a URL, and why neither may work.

The container's SA password is generated with ``secrets`` for each run and lives only
in memory: it is never printed, logged or written to a report.
"""

from __future__ import annotations

import os
import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etlcheck.errors import EngineError

DEFAULT_IMAGE = "mcr.microsoft.com/mssql/server:2022-latest"
URL_VARIABLE = "ETLCHECK_MSSQL_URL"
IMAGE_VARIABLE = "ETLCHECK_MSSQL_IMAGE"
SERVER_PORT = 1433
_SYMBOLS = "!#%*+-_.~"


def generate_password(length: int = 24) -> str:
    """A password SQL Server accepts: upper, lower, digit and symbol, nothing to quote."""
    alphabet = string.ascii_letters + string.digits + _SYMBOLS
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c.isupper() for c in password)
            and any(c.islower() for c in password)
            and any(c.isdigit() for c in password)
            and any(c in _SYMBOLS for c in password)
        ):
            return password


@dataclass(frozen=True)
class ContainerSettings:
    """How to run the SQL Server container; the password stays out of repr."""

    image: str = DEFAULT_IMAGE
    password: str = field(default_factory=generate_password, repr=False)
    user: str = "SA"
    port: int = SERVER_PORT


def docker_unavailable_reason(environ: Mapping[str, str] | None = None) -> str | None:
    """Why no Docker engine is reachable here, or None when one seems to be."""
    env = os.environ if environ is None else environ
    host = env.get("DOCKER_HOST", "")
    if host:
        if host.startswith("unix://") and not Path(host.removeprefix("unix://")).exists():
            return f"DOCKER_HOST points at {host}, which does not exist"
        return None
    for socket_path in ("/var/run/docker.sock", "/run/docker.sock"):
        if Path(socket_path).exists():
            return None
    home_socket = Path(env.get("HOME", "~")).expanduser() / ".docker/run/docker.sock"
    if home_socket.exists():
        return None
    return "no Docker engine socket (/var/run/docker.sock) and DOCKER_HOST is not set"


def mssql_unavailable_reason(
    url: str | None = None, environ: Mapping[str, str] | None = None
) -> str | None:
    """Why SQL Server cannot run here (no URL and no Docker), or None when it can."""
    env = os.environ if environ is None else environ
    if url or env.get(URL_VARIABLE):
        return None
    docker = docker_unavailable_reason(env)
    if docker is None:
        return None
    return (
        f"SQL Server needs Docker or a server URL: {docker}, and neither {URL_VARIABLE} "
        "nor --etl-mssql-url is given"
    )


def _container_class() -> Any:
    try:
        from testcontainers.community.mssql import SqlServerContainer
    except ImportError:
        try:
            from testcontainers.mssql import SqlServerContainer
        except ImportError:
            raise EngineError(
                "starting SQL Server in Docker needs testcontainers",
                hint="pip install 'etlcheck[mssql]'",
            ) from None
    return SqlServerContainer


def container_arguments(settings: ContainerSettings) -> dict[str, Any]:
    """Keyword arguments for SqlServerContainer (the password among them: never log this)."""
    return {
        "image": settings.image,
        "username": settings.user,
        "password": settings.password,
        "port": settings.port,
        "dbname": "master",
    }


def make_container(settings: ContainerSettings) -> Any:
    """A configured, not yet started SqlServerContainer (its constructor already asks Docker)."""
    container_class = _container_class()
    try:
        return container_class(**container_arguments(settings))
    except Exception as error:
        raise EngineError(
            f"cannot reach Docker to run {settings.image}: {type(error).__name__}",
            hint=f"start Docker, or set {URL_VARIABLE} to a disposable SQL Server",
        ) from None
