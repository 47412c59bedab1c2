"""A small brokerage pipeline (``brokerage/``) copied into a sandbox folder per test, and
helpers to run ``etlcheck`` on it in this process or as a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BROKERAGE = HERE / "brokerage"
SQL = HERE / "sql"
DISTINCT_PASSWORD = "Qx7-Pelican!Marmalade"
"""A password no ordinary output contains by chance: every output is searched for it."""


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def error_line(self) -> str:
        """The one line an error must be (no traceback, nothing else on stderr)."""
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert "Traceback" not in self.err
        return lines[0]


@pytest.fixture
def brokerage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the brokerage project; the current directory for the test."""
    target = tmp_path / "brokerage"
    shutil.copytree(BROKERAGE, target)
    monkeypatch.chdir(target)
    return target


def run_etlcheck(
    project: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> Outcome:
    """``etlcheck ARGS`` as a real process in ``project``."""
    done = subprocess.run(
        [sys.executable, "-m", "etlcheck.cli", *args],
        cwd=project,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``folder`` with its size and modification time: what a
    command wrote shows as a difference."""
    found = {}
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        found[str(path.relative_to(folder))] = (stat.st_size, stat.st_mtime_ns)
    return found


def add_step(project: Path, phase: str, script: str, text: str, before: str | None = None) -> None:
    """Write ``sql/<script>`` and list it in ``phase`` (before ``before``, else last)."""
    (project / "sql" / script).write_text(text, encoding="utf-8")
    config = project / "etlcheck.toml"
    lines = config.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line == f'name = "{phase}"')
    scripts_at = next(i for i in range(index, len(lines)) if lines[i].startswith("scripts = ["))
    listed = lines[scripts_at].removeprefix("scripts = [").removesuffix("]")
    names = [name.strip().strip('"') for name in listed.split(",") if name.strip()]
    names.insert(names.index(before) if before else len(names), script)
    lines[scripts_at] = "scripts = [" + ", ".join(f'"{name}"' for name in names) + "]"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class PostgresServer:
    """A throwaway PostgreSQL cluster playing a shared CI server, with a login whose
    password is :data:`DISTINCT_PASSWORD`."""

    port: int
    admin: dict[str, object]

    def url(self, database: str, password: str = DISTINCT_PASSWORD) -> str:
        return f"postgresql://gate:{password}@127.0.0.1:{self.port}/{database}"

    def execute(self, database: str, sql: str) -> None:
        import psycopg

        with psycopg.connect(dbname=database, autocommit=True, **self.admin) as connection:
            connection.execute(sql)

    def create_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}" OWNER gate')


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[PostgresServer]:
    import psycopg

    from etlcheck.engines.pgcluster import ThrowawayCluster, postgres_unavailable_reason
    from etlcheck.testing import skip_unless_available

    skip_unless_available("postgres", postgres_unavailable_reason())
    cluster = ThrowawayCluster()
    address = cluster.start()
    try:
        admin: dict[str, object] = {
            "host": str(address.socket_dir),
            "port": address.port,
            "user": address.user,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as connection:
            connection.execute(f"CREATE ROLE gate LOGIN SUPERUSER PASSWORD '{DISTINCT_PASSWORD}'")
        yield PostgresServer(address.port, admin)
    finally:
        cluster.stop()
