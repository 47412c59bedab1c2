"""The functions that say who runs a statement, from which machine and program.

SQL Server documents two families of names, and one machine name:

- the login of the current security context: ``SUSER_SNAME()``, ``SUSER_NAME()`` and
  ``SYSTEM_USER`` (after ``EXECUTE AS`` they name the impersonated context), and the
  login that connected, whatever the context: ``ORIGINAL_LOGIN()``;
- the database user of the current context: ``CURRENT_USER``, ``SESSION_USER``, ``USER``
  and ``USER_NAME()`` (after ``EXECUTE AS`` they too name the impersonated context);
- ``HOST_NAME()``, the workstation name the client sent, and ``APP_NAME()``, the program
  name it sent. The client is the machine etlcheck runs on, so ``HOST_NAME()`` is this
  machine's host name on every engine.

Each engine says in a ``SessionNames`` what these are on it (see its emulation module);
all return ``nvarchar(128)``. With an argument (``SUSER_SNAME(@sid)``, ``USER_NAME(5)``)
they are refused (``support``).
"""

from __future__ import annotations

import functools
import socket
from dataclasses import dataclass

from sqlglot import exp

from etlcheck import APPLICATION_NAME

LOGIN_FUNCTIONS = frozenset(["SUSER_SNAME", "SUSER_NAME", "SYSTEM_USER"])
DATABASE_USER_FUNCTIONS = frozenset(["CURRENT_USER", "SESSION_USER", "USER", "USER_NAME"])
FIXED_NAME = APPLICATION_NAME
"""The login and user name where an engine has no principals (DuckDB): the program's,
as ``@@SERVERNAME`` is there."""


@dataclass(frozen=True)
class SessionNames:
    """What the session functions return on one engine, as expressions of its dialect."""

    login: exp.Expression
    """The login of the current security context (``SUSER_SNAME()``, ``SYSTEM_USER``)."""
    original_login: exp.Expression
    """The login that connected (``ORIGINAL_LOGIN()``)."""
    database_user: exp.Expression
    """The database user of the current context (``CURRENT_USER``, ``USER_NAME()``)."""
    application: exp.Expression
    """The program name the connection gave (``APP_NAME()``)."""
    host: exp.Expression
    """The client machine's name (``HOST_NAME()``): ``host_name()`` as a string."""


@functools.cache
def host_name() -> str:
    """This machine's name, as SQL Server's client drivers send it (at most 128
    characters, the length of ``HOST_NAME()``)."""
    return socket.gethostname()[:128]


def session_function(node: exp.Expression, names: SessionNames) -> exp.Expression | None:
    """The engine's expression for a session function called without arguments (a copy,
    so each use stands alone), or None when ``node`` is none of them."""
    if not isinstance(node, exp.Anonymous) or node.expressions:
        return None
    name = node.name.upper()
    if name in LOGIN_FUNCTIONS:
        return names.login.copy()
    if name == "ORIGINAL_LOGIN":
        return names.original_login.copy()
    if name in DATABASE_USER_FUNCTIONS:
        return names.database_user.copy()
    if name == "APP_NAME":
        return names.application.copy()
    if name == "HOST_NAME":
        return names.host.copy()
    return None
