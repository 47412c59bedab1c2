"""One error hierarchy whose messages are written for the user who reads them.

Every error says what went wrong, where (file:line:col when there is a place),
and what to do. The CLI prints ``str(error)`` as one line and exits with
``exit_code``: 2 for bad input or usage, 1 for a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceLocation:
    """A place in a file: 1-based line and column."""

    path: Path | str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        text = str(self.path)
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text


def location_of_offset(path: Path | str, text: str, offset: int) -> SourceLocation:
    """Turn a character offset into a 1-based line:column location."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return SourceLocation(path, line, column)


class EtlcheckError(Exception):
    """Base of every error etlcheck reports to its user."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        location: SourceLocation | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        text = self.message
        if self.location is not None:
            text = f"{self.location}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class ConfigError(EtlcheckError):
    """etlcheck.toml (or [tool.etlcheck]) is missing, malformed or names unknown keys."""


class UsageError(EtlcheckError):
    """A command-line argument is not one etlcheck accepts."""


class ScriptError(EtlcheckError):
    """A SQL script cannot be read, split or parsed."""


class UnsupportedConstruct(ScriptError):
    """An emulating engine met a T-SQL construct it cannot run faithfully."""


class EngineError(EtlcheckError):
    """An engine cannot be found, started or connected to."""


class RefusalError(EtlcheckError):
    """etlcheck refuses an action that could touch something outside the sandbox."""


class StatementFailed(EtlcheckError):
    """A statement failed in the database (or an unhandled THROW), at file:line of the statement."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        location: SourceLocation | None = None,
        hint: str | None = None,
        statement: str = "",
    ) -> None:
        super().__init__(message, location, hint)
        self.statement = statement
