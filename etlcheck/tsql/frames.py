"""Where the interpreter is in a script (``Frame``), and the exceptions control flow
travels by: BREAK, CONTINUE, RETURN and GOTO."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etlcheck.errors import SourceLocation
from etlcheck.tsql.batches import script_location
from etlcheck.tsql.nodes import Node
from etlcheck.tsql.tokens import SplitError

HINT = "run it on --engine mssql"


class LoopBreak(Exception):
    """BREAK: leave the innermost WHILE."""


class LoopContinue(Exception):
    """CONTINUE: start the innermost WHILE's next round."""


class BatchReturn(Exception):
    """RETURN: leave the batch, the dynamic SQL string or the procedure; ``value`` is a
    procedure's return status (None when RETURN gives none)."""

    def __init__(self, value: Any = None) -> None:
        super().__init__(value)
        self.value = value


class Goto(Exception):
    """GOTO label: the block holding the label goes on from there."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.label = label


def split_message(error: SplitError) -> str:
    """What cannot be split, as a finding or an error says it."""
    return f"{error.construct or 'statement'}: {error.message}"


@dataclass(frozen=True)
class Frame:
    """Where a batch's text sits: in the script at ``offset``, or inside dynamic SQL.

    ``line_base`` lines are added to every location (a procedure read back from the
    database knows the line its batch started on); ``procedure`` names the procedure
    the text belongs to (ERROR_PROCEDURE()).
    """

    script: str
    path: Path | str
    offset: int
    dynamic_at: SourceLocation | None = None
    first: Node | None = None
    procedure: str | None = None
    line_base: int = 0
    end: int | None = None
    """Where the batch ends in ``script`` (its end when None)."""

    @property
    def batch_text(self) -> str:
        """The text of the batch this frame runs."""
        return self.script[self.offset : self.end]

    def location(self, start: int) -> SourceLocation:
        if self.dynamic_at is not None:
            return self.dynamic_at
        found = script_location(self.path, self.script, self.offset + start)
        if self.line_base:
            return SourceLocation(found.path, found.line + self.line_base, found.column)
        return found

    def batch_line(self, start: int) -> int:
        """The line of ``start`` counted from the batch's first line (ERROR_LINE())."""
        text = self.script if self.dynamic_at is None else ""
        if not text:
            return 1
        return text.count("\n", self.offset, self.offset + start) + 1
