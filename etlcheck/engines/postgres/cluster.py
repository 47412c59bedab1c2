"""A throwaway PostgreSQL cluster from the local binaries, torn down whatever happens.

``initdb`` into a private temp dir, a free port on 127.0.0.1, the unix socket in that
dir, ``pg_ctl start``. PostgreSQL refuses to run as root, so as root the binaries run
as the ``postgres`` OS user. Three layers make sure nothing is left behind:
``stop()`` (normal path), atexit + SIGTERM/SIGHUP handlers that chain to the previous
handler (interpreter exit, ``kill``), and a watchdog process that holds the read end
of a pipe and cleans up when the owner dies in any way, SIGKILL included. Clusters
whose owner and watchdog both died are reaped by the next ``start()``.

Why not pytest-postgresql's ``PostgreSQLExecutor`` (on mirakuru): it was tried (commit
d85978f) and passed the kill tests, at 373 lines against 346 here. It only replaces
``pg_ctl start``/``stop``, which is short here. The guards that the kill tests check
(signals, atexit removing the folder, the watchdog for SIGKILL, reaping) have no
counterpart in it, and its port retries belong to its pytest fixture, which the CLI
cannot use. It also needed three workarounds: a wrapper script to run as root (it
runs ``pg_ctl`` directly), our own initdb (its password file is unreadable by the
postgres OS user and also locks the socket), and a wait for ``pg_ctl -w`` (its port
check fires while the server still answers "starting up"). Worse, mirakuru's atexit
SIGKILLs every process whose marker *contains* the exiting pid, so a pytest-xdist
worker or a concurrent run can kill another run's server. It also brings four
packages and a pytest plugin into every user's test session.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from etlcheck.errors import EngineError
from etlcheck.processes import process_alive

DIR_PREFIX = "etlcheck-pg-"
OWNER_FILE = "etlcheck-owner"
SUPERUSER = "postgres"
_SEARCH_GLOBS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql*/bin",
)
_INSTALL_HINT = (
    "install the PostgreSQL server (Debian: apt-get install postgresql) or pass a postgresql:// URL"
)


@dataclass(frozen=True)
class PgBinaries:
    """Where initdb, pg_ctl and postgres live, and their major version."""

    bindir: Path
    version: str

    def tool(self, name: str) -> str:
        return str(self.bindir / name)


@dataclass(frozen=True)
class ClusterAddress:
    """How to reach a running throwaway cluster; the password is for TCP only."""

    socket_dir: Path
    port: int
    user: str
    password: str

    def __repr__(self) -> str:
        return f"ClusterAddress(socket_dir={self.socket_dir!s}, port={self.port}, user={self.user})"


def find_pg_binaries() -> PgBinaries | None:
    """initdb/pg_ctl from PATH, else the newest under the usual install folders."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for pattern in _SEARCH_GLOBS:
        found = sorted(glob.glob(pattern), key=_version_key, reverse=True)
        candidates.extend(Path(p) for p in found)
    for bindir in candidates:
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return PgBinaries(bindir, _read_version(bindir))
    return None


def postgres_unavailable_reason() -> str | None:
    """Why a throwaway cluster cannot start here, or None when it can."""
    if find_pg_binaries() is None:
        return f"no initdb/pg_ctl on PATH or in /usr/lib/postgresql: {_INSTALL_HINT}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            return "running as root and there is no 'postgres' OS user to run the server as"
    return None


def _version_key(path: str) -> tuple[int, ...]:
    digits = "".join(c if c.isdigit() else " " for c in path).split()
    return tuple(int(d) for d in digits)


def _read_version(bindir: Path) -> str:
    try:
        out = subprocess.run(
            [str(bindir / "pg_ctl"), "--version"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    match = re.search(r"\d+(?:\.\d+)+|\d+", out)
    return match.group(0) if match else ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses root: run as the postgres OS user when we are root."""
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", SUPERUSER, "--", *command]
    return ["su", SUPERUSER, "-s", "/bin/sh", "-c", " ".join(_shell_quote(c) for c in command)]


def _shell_quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


class ThrowawayCluster:
    """One private PostgreSQL cluster; ``start()`` then ``stop()`` (or let the guards do it)."""

    def __init__(self, binaries: PgBinaries | None = None, base_dir: Path | None = None) -> None:
        found = binaries or find_pg_binaries()
        if found is None:
            raise EngineError("cannot start a throwaway PostgreSQL cluster", hint=_INSTALL_HINT)
        self.binaries = found
        self.base_dir = base_dir
        self.root: Path | None = None
        self.address: ClusterAddress | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None

    @property
    def data_dir(self) -> Path:
        if self.root is None:
            raise EngineError("the throwaway cluster is not started")
        return self.root / "data"

    def start(self) -> ClusterAddress:
        reap_orphans(self.base_dir)
        self.root = Path(tempfile.mkdtemp(prefix=DIR_PREFIX, dir=self.base_dir))
        (self.root / OWNER_FILE).write_text(str(os.getpid()), encoding="utf-8")
        _register(self)
        self._watchdog = _start_watchdog(self.root, self.binaries)
        try:
            password = secrets.token_urlsafe(24)
            self._initdb(password)
            port = self._start_server()
        except BaseException:
            self.stop()
            raise
        self.address = ClusterAddress(self.root, port, SUPERUSER, password)
        return self.address

    def _initdb(self, password: str) -> None:
        assert self.root is not None
        password_file = self.root / "pwfile"
        password_file.write_text(password + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            account = pwd.getpwnam(SUPERUSER)
            for path in (self.root, password_file):
                os.chown(path, account.pw_uid, account.pw_gid)
        command = [
            self.binaries.tool("initdb"), "-D", str(self.data_dir), "-U", SUPERUSER,
            "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={password_file}",
            "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ]  # fmt: skip
        self._run(command, "initdb")
        password_file.unlink()

    def _start_server(self, attempts: int = 3) -> int:
        assert self.root is not None
        for attempt in range(attempts):
            port = free_port()
            settings = {
                "listen_addresses": "'127.0.0.1'",
                "port": str(port),
                "unix_socket_directories": f"'{self.root}'",
                "fsync": "off",
                "synchronous_commit": "off",
                "full_page_writes": "off",
                "max_connections": "30",
                "shared_buffers": "32MB",
            }
            with (self.data_dir / "postgresql.auto.conf").open("a", encoding="utf-8") as conf:
                conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
            log = self.root / "server.log"
            command = [self.binaries.tool("pg_ctl"), "start", "-w", "-t", "60",
                       "-D", str(self.data_dir), "-l", str(log)]  # fmt: skip
            try:
                self._run(command, "pg_ctl start")
                return port
            except EngineError:
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    def _run(self, command: list[str], what: str) -> None:
        result = subprocess.run(
            _as_server_user(command), capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            last = detail[-1] if detail else f"exit code {result.returncode}"
            raise EngineError(
                f"{what} failed for the throwaway cluster: {last}", hint=_INSTALL_HINT
            )

    def stop(self) -> None:
        """Stop the server (immediate mode: it is thrown away) and remove its directory."""
        root, self.root = self.root, None
        if root is not None:
            _stop_and_remove(root, self.binaries)
            _unregister(root)
        if self._watchdog is not None:
            with contextlib.suppress(OSError):
                if self._watchdog.stdin is not None:
                    self._watchdog.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._watchdog.wait(timeout=10)
            self._watchdog = None
        self.address = None


def _stop_and_remove(root: Path, binaries: PgBinaries) -> None:
    data = root / "data"
    if (data / "postmaster.pid").exists():
        command = [binaries.tool("pg_ctl"), "stop", "-m", "immediate", "-w", "-D", str(data)]
        subprocess.run(_as_server_user(command), capture_output=True, timeout=60, check=False)
    shutil.rmtree(root, ignore_errors=True)


# --- guards: atexit, signals, watchdog, orphan reaping -------------------------------------

_LIVE: dict[Path, PgBinaries] = {}
_LOCK = threading.Lock()
_INSTALLED = False
_PREVIOUS: dict[int, Any] = {}


def _register(cluster: ThrowawayCluster) -> None:
    global _INSTALLED
    assert cluster.root is not None
    with _LOCK:
        _LIVE[cluster.root] = cluster.binaries
        if not _INSTALLED:
            atexit.register(cleanup_all)
            _install_signal_handlers()
            _INSTALLED = True


def _unregister(root: Path) -> None:
    with _LOCK:
        _LIVE.pop(root, None)


def cleanup_all() -> None:
    """Stop and remove every cluster this process started and has not stopped."""
    with _LOCK:
        live = list(_LIVE.items())
        _LIVE.clear()
    for root, binaries in live:
        _stop_and_remove(root, binaries)


def _install_signal_handlers() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        _PREVIOUS[signum] = signal.getsignal(signum)
        signal.signal(signum, _on_signal)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    cleanup_all()
    previous = _PREVIOUS.get(signum, signal.SIG_DFL)
    if callable(previous):
        previous(signum, frame)
    elif previous != signal.SIG_IGN:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


_WATCHDOG = """
import os, shutil, subprocess, sys
root, pg_ctl, prefix = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.stdin.buffer.read()
data = os.path.join(root, "data")
if os.path.exists(os.path.join(data, "postmaster.pid")):
    subprocess.run(prefix + [pg_ctl, "stop", "-m", "immediate", "-w", "-D", data],
                   capture_output=True, timeout=60)
shutil.rmtree(root, ignore_errors=True)
"""


def _start_watchdog(root: Path, binaries: PgBinaries) -> subprocess.Popen[bytes]:
    """A process that cleans up when our end of its stdin pipe closes, i.e. when we die."""
    prefix = _as_server_user(["x"])[:-1]
    return subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, str(root), binaries.tool("pg_ctl"), *prefix],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def reap_orphans(base_dir: Path | None = None) -> list[Path]:
    """Remove clusters left by owners that died without cleaning up; returns what was reaped."""
    binaries = find_pg_binaries()
    reaped: list[Path] = []
    for root in Path(base_dir or tempfile.gettempdir()).glob(DIR_PREFIX + "*"):
        try:
            owner = int((root / OWNER_FILE).read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            continue
        if owner == os.getpid() or process_alive(owner) or binaries is None:
            continue
        _stop_and_remove(root, binaries)
        reaped.append(root)
    return reaped
