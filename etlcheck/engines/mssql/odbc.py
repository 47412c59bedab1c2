"""ODBC plumbing for SQL Server: the driver, the URL and the connection string.

pyodbc is imported only here and only when asked for. The driver is whichever
SQL Server driver ``pyodbc.drivers()`` lists, Microsoft's 18 first, then 17, then
FreeTDS; each gets the connection-string keys it understands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from etlcheck import APPLICATION_NAME
from etlcheck.errors import EngineError

PREFERRED_DRIVERS = (
    "ODBC Driver 18 for SQL Server",
    "ODBC Driver 17 for SQL Server",
    "FreeTDS",
)
PIP_HINT = "pip install 'etlcheck[mssql]'"
DRIVER_HINT = (
    "install an ODBC driver for SQL Server: Microsoft's msodbcsql18 "
    "(https://learn.microsoft.com/sql/connect/odbc/linux-mac/installing-the-microsoft-odbc-driver-for-sql-server)"
    " or, on Debian/Ubuntu, apt-get install tdsodbc unixodbc"
)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def import_pyodbc() -> Any:
    """pyodbc, or an EngineError saying what to install (the module or the unixODBC library)."""
    try:
        import pyodbc
    except ImportError as error:
        if "libodbc" in str(error):
            raise EngineError(
                f"pyodbc is installed but cannot load the unixODBC library ({error})",
                hint="install unixODBC: apt-get install unixodbc (Debian/Ubuntu) or "
                "brew install unixodbc (macOS)",
            ) from None
        raise EngineError("the SQL Server engine needs pyodbc", hint=PIP_HINT) from None
    return pyodbc


def choose_driver(available: Sequence[str], requested: str | None = None) -> str:
    """The ODBC driver to use among ``available``: the requested one, else the preferred order."""
    if requested:
        if requested in available:
            return requested
        listed = ", ".join(available) or "none"
        raise EngineError(
            f"ODBC driver {requested!r} is not installed (installed: {listed})",
            hint=DRIVER_HINT,
        )
    for preferred in PREFERRED_DRIVERS:
        for name in available:
            if name.lower() == preferred.lower():
                return name
    for name in available:
        if "sql server" in name.lower() or "freetds" in name.lower():
            return name
    listed = ", ".join(available) or "none"
    raise EngineError(
        f"no ODBC driver for SQL Server is installed (installed drivers: {listed})",
        hint=DRIVER_HINT,
    )


def discover_driver(requested: str | None = None) -> str:
    """Choose among the drivers pyodbc reports on this machine."""
    pyodbc = import_pyodbc()
    return choose_driver(list(pyodbc.drivers()), requested)


@dataclass(frozen=True)
class ServerAddress:
    """Where a SQL Server listens and how to log in; the password never shows in repr."""

    host: str
    port: int = 1433
    user: str = ""
    password: str = field(default="", repr=False)
    database: str = "master"
    driver: str | None = None
    options: tuple[tuple[str, str], ...] = ()

    def redacted(self) -> str:
        """The address as a URL without the password, for logs and run.json."""
        who = f"{self.user}:***@" if self.user else ""
        return f"mssql://{who}{self.host}:{self.port}/{self.database}"

    def with_database(self, database: str) -> ServerAddress:
        return ServerAddress(
            self.host, self.port, self.user, self.password, database, self.driver, self.options
        )


def parse_mssql_url(url: str) -> ServerAddress:
    """``mssql://user:password@host:port/database?driver=...&Encrypt=yes`` -> ServerAddress."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("mssql", "sqlserver", "mssql+pyodbc"):
        raise EngineError(
            f"not a SQL Server URL: {parts.scheme or '(no scheme)'}://...",
            hint="use mssql://user:password@host:1433/database?driver=ODBC+Driver+18+for+SQL+Server",
        )
    if not parts.hostname:
        raise EngineError("the SQL Server URL names no host", hint="mssql://user:pass@host:1433/db")
    try:
        port = parts.port or 1433
    except ValueError:
        raise EngineError("the SQL Server URL has an invalid port", hint="e.g. host:1433") from None
    query = parse_qsl(parts.query, keep_blank_values=True)
    driver = next((value for key, value in query if key.lower() == "driver"), None)
    options = tuple((key, value) for key, value in query if key.lower() != "driver")
    return ServerAddress(
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        database=unquote(parts.path.lstrip("/")) or "master",
        driver=driver,
        options=options,
    )


def odbc_value(value: str) -> str:
    """A connection-string value, braced when it holds characters ODBC would misread."""
    if re.search(r"[;{}=\s]", value) or value != value.strip() or value == "":
        return "{" + value.replace("}", "}}") + "}"
    return value


def connection_string(address: ServerAddress, driver: str) -> str:
    """The connection string for ``driver``: encryption keys for Microsoft's, TDS for FreeTDS."""
    pairs: list[tuple[str, str]] = [("DRIVER", "{" + driver + "}")]
    if "freetds" in driver.lower():
        pairs += [("SERVER", address.host), ("PORT", str(address.port))]
        defaults = [("TDS_Version", "7.4"), ("ClientCharset", "UTF-8")]
    else:
        pairs.append(("SERVER", f"{address.host},{address.port}"))
        local = address.host.lower() in LOCAL_HOSTS
        defaults = [("Encrypt", "yes"), ("TrustServerCertificate", "yes" if local else "no")]
    pairs += [("DATABASE", odbc_value(address.database)), ("UID", odbc_value(address.user))]
    pairs.append(("PWD", "{" + address.password.replace("}", "}}") + "}"))
    defaults.append(("APP", APPLICATION_NAME))  # what APP_NAME() and sys.dm_exec_sessions show
    given = {key.lower() for key, _ in address.options}
    pairs += [(key, value) for key, value in defaults if key.lower() not in given]
    pairs += [(key, odbc_value(value)) for key, value in address.options]
    return ";".join(f"{key}={value}" for key, value in pairs)
