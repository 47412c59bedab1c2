"""SET DATEFIRST n: the session's first day of the week, from 1 (Monday) to 7 (Sunday, a
us_english session's). DATEPART's weekday and week (and DATENAME's week) count from it.

The interpreter keeps the value (``@@DATEFIRST``) and gives it to the engine as a session
variable that ``sys.etlcheck_datefirst()`` reads, so a statement compiled once, and a user
function made an engine object, answer with the caller's setting, as in SQL Server. A
procedure's own SET DATEFIRST is undone when it returns, as SQL Server undoes the SET
options a procedure makes; each script starts a new session, with the default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from etlcheck.tsql.scope import DEFAULT_DATEFIRST

if TYPE_CHECKING:
    from etlcheck.tsql.runtime import Runtime


def datefirst_value(text: str) -> int | None:
    """SET DATEFIRST's value when it is a number from 1 (Monday) to 7 (Sunday)."""
    text = text.strip().rstrip(";")
    return int(text) if text.isdigit() and 1 <= int(text) <= 7 else None


def set_datefirst(interpreter: Runtime, first: int) -> None:
    """Make ``first`` the session's first day of the week, on the engine too."""
    if interpreter.session.datefirst != first:
        interpreter.target.execute(interpreter.emulation.datefirst_sql(first))
        interpreter.session.datefirst = first


def new_session(interpreter: Runtime) -> None:
    """A script starts with the default first day of the week."""
    set_datefirst(interpreter, DEFAULT_DATEFIRST)
