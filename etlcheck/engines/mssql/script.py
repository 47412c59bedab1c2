"""Native T-SQL on SQL Server: batches sent as written, PRINT captured, errors placed.

A script is split on ``GO`` lines and each batch goes to the server unchanged, ``GO n``
repeating it n times. PRINT output comes back through ``cursor.messages``. A failing
batch raises :class:`StatementFailed` at file:line of the script: SQL Server's line
within the batch (from the message when the driver reports it; pyodbc does not expose
the diagnostic field, so otherwise the first line of the batch naming the object the
error names) plus the line where the batch starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etlcheck.engines.base import ScriptResult
from etlcheck.errors import SourceLocation, StatementFailed

_DRIVER_PREFIX = re.compile(r"^(\[[^\]]*\]\s*)+")
_NATIVE_NUMBER = re.compile(r"\((\d+)\)\s*(?:\(SQL\w+\))?\s*$")
_CALL_SUFFIX = re.compile(r"\s*\(\d+\)\s*(\(SQL\w+\))?\s*$")
_SERVER_LINE = re.compile(r"\bLine (\d+)\b")
_QUOTED_NAME = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class ServerError:
    """One SQL Server error as pyodbc reports it, cleaned for the user."""

    number: int
    text: str
    line: int | None


def clean_message(raw: str) -> str:
    """Strip the ``[Microsoft][ODBC Driver 18 for SQL Server][SQL Server]`` prefix."""
    text = _DRIVER_PREFIX.sub("", raw.strip())
    return _CALL_SUFFIX.sub("", text).strip()


def parse_server_error(error: BaseException) -> ServerError:
    """Number, text and (when reported) batch line of a pyodbc error."""
    args: tuple[object, ...] = tuple(getattr(error, "args", ()))
    raw = str(args[1]) if len(args) > 1 else str(error)
    first = raw.split("; [", 1)[0]  # several diagnostic records are joined with '; '
    number_match = _NATIVE_NUMBER.search(first)
    line_match = _SERVER_LINE.search(first)
    return ServerError(
        number=int(number_match.group(1)) if number_match else 0,
        text=clean_message(first),
        line=int(line_match.group(1)) if line_match else None,
    )


def line_in_batch(batch_text: str, error: ServerError) -> int:
    """1-based line within the batch: the server's, else the first naming the quoted object."""
    if error.line is not None:
        return error.line
    match = _QUOTED_NAME.search(error.text)
    if match:
        name = match.group(1).split(".")[-1].strip('[]"')
        pattern = re.compile(rf"(?<![\w#@$]){re.escape(name)}(?![\w#@$])", re.IGNORECASE)
        found = pattern.search(batch_text)
        if found:
            return batch_text.count("\n", 0, found.start()) + 1
    first_code = len(batch_text) - len(batch_text.lstrip())
    return batch_text.count("\n", 0, first_code) + 1


def error_location(
    path: Path | str, batch_line: int, batch_text: str, error: ServerError
) -> SourceLocation:
    return SourceLocation(path, batch_line + line_in_batch(batch_text, error) - 1)


def _messages(cursor: Any) -> Iterator[str]:
    for entry in getattr(cursor, "messages", None) or ():
        text = entry[1] if isinstance(entry, tuple | list) and len(entry) > 1 else entry
        yield clean_message(str(text))


def run_batches(
    cursor_factory: Callable[[], Any],
    text: str,
    path: Path,
    driver_error: type[BaseException] | tuple[type[BaseException], ...],
) -> ScriptResult:
    """Send every batch of ``text`` in order on cursors from ``cursor_factory``."""
    from etlcheck.tsql.batches import split_batches

    rows = 0
    statements = 0
    messages: list[str] = []
    for batch in split_batches(text, path):
        for _ in range(batch.repeat):
            cursor = cursor_factory()
            try:
                cursor.execute(batch.text)
                while True:
                    messages.extend(_messages(cursor))
                    if cursor.description is None and cursor.rowcount > 0:
                        rows += cursor.rowcount
                    if not cursor.nextset():
                        break
            except driver_error as raised:
                messages.extend(_messages(cursor))
                server_error = parse_server_error(raised)
                location = error_location(path, batch.line, batch.text, server_error)
                raise StatementFailed(
                    f"SQL Server error {server_error.number}: {server_error.text}",
                    location,
                    "fix the statement, or run the script alone with sqlcmd to see it fail",
                    statement=batch.text,
                ) from None
            finally:
                close = getattr(cursor, "close", None)
                if close is not None:
                    close()
            statements += 1
    return ScriptResult(rows_affected=rows, messages=tuple(messages), statements=statements)
