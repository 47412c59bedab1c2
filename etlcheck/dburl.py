"""``--db``: a DuckDB file, ``:memory:``, or a server URL, told apart once, here.

A URL is never taken for a file path: ``mssql://sa:…@host/db`` given to the default
engine used to create the folders ``mssql:/sa:…@host/`` and print the password. The URL's
scheme chooses the engine; a different ``--engine`` is a one-line usage error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from etlcheck.errors import UsageError
from etlcheck.redaction import redact_url, register_url

SCHEME_ENGINES: dict[str, str] = {
    "postgresql": "postgres",
    "postgres": "postgres",
    "mssql": "mssql",
    "sqlserver": "mssql",
    "mssql+pyodbc": "mssql",
}
"""URL schemes etlcheck connects to, and the engine each one means."""

_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://")
_CREDENTIALS = re.compile(r"^[^/\\]*:[^/\\]*@")
"""``user:password@host…`` without a scheme: a URL someone forgot to finish."""


@dataclass(frozen=True)
class DatabaseChoice:
    """What ``--db`` names: the engine it implies (None: any) and how to show it."""

    engine: str | None
    is_url: bool
    shown: str
    """The value fit for output: a URL's password replaced by ``***``."""


_BROKEN_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:(?!//)[^\\]*@")
"""``postgres:/user:secret@host/db``: a scheme, then no ``//``, then a login."""


def refuse_broken_url(text: str, what: str) -> None:
    """A value that looks like a URL written wrong is a usage error, its login masked,
    before anything takes it for a path and shows it."""
    if _BROKEN_URL.match(text.strip()) or _CREDENTIALS.match(text.strip()):
        masked = re.sub(r":[^:@/]*@", ":***@", re.sub(r"/[^/:@]*@", "/***@", text.strip()))
        raise UsageError(
            f"{what} {masked} looks like a server address written without scheme://",
            hint="write it as a URL: postgresql://… or mssql://…, e.g. postgresql://etl@db1/etlcheck_ci",
        )


def url_scheme(text: str) -> str | None:
    """The scheme of ``text`` when it is written as a URL (``scheme://…``), else None."""
    match = _SCHEME.match(text.strip())
    return match["scheme"].lower() if match else None


def is_url(text: str) -> bool:
    return url_scheme(text) is not None


def engine_of_url(url: str, what: str = "--db") -> str:
    """The engine a URL's scheme names; an unknown scheme is a usage error."""
    scheme = url_scheme(url) or ""
    engine = SCHEME_ENGINES.get(scheme)
    if engine is None:
        known = ", ".join(f"{name}://" for name in SCHEME_ENGINES)
        raise UsageError(
            f"{what} {redact_url(url)}: etlcheck cannot connect to {scheme}:// databases",
            hint=f"use one of {known}, or a DuckDB file path",
        )
    return engine


def classify_db(value: str, what: str = "--db") -> DatabaseChoice:
    """Parse ``--db``: a URL (its password registered for redaction) or a DuckDB path."""
    text = value.strip()
    if is_url(text):
        register_url(text)
        engine = engine_of_url(text, what)
        try:
            urlsplit(text).port  # noqa: B018 - raises ValueError for a bad port
        except ValueError:
            raise UsageError(
                f"{what} {redact_url(text)}: the port is not a number from 0 to 65535",
                hint="write host:port, e.g. localhost:5432",
            ) from None
        return DatabaseChoice(engine, True, redact_url(text))
    refuse_broken_url(text, what)
    return DatabaseChoice("duckdb", False, text)


def choose_engine(
    engine_flag: str | None, configured: str, db: str | None, what: str = "--db"
) -> str:
    """The run's engine: ``--engine``, else what a ``--db`` URL names, else ``[run] engine``.

    ``--engine`` and a ``--db`` URL that disagree, or a server engine given a file, are
    one usage error each."""
    choice = classify_db(db, what) if db else None
    flag = engine_flag.strip().lower() if engine_flag else None
    if choice is not None and choice.is_url:
        if flag is not None and flag != choice.engine:
            raise UsageError(
                f"--engine {flag} and {what} {choice.shown} disagree: that URL is a "
                f"{choice.engine} database",
                hint=f"drop --engine (the URL chooses {choice.engine}) or pass --db for {flag}",
            )
        return str(choice.engine)
    name = flag or configured.strip().lower()
    if choice is not None and name != "duckdb":
        source = "--engine" if flag else "[run] engine ="
        raise UsageError(
            f"{source} {name} needs {what} to be a server URL, not the file {choice.shown}",
            hint=f"pass a {name} URL, or leave out {what} for a disposable server",
        )
    return name
