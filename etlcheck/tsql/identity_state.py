"""An IDENTITY column as ``DBCC CHECKIDENT`` reads it, whatever the engine keeps it in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdentityState:
    """The identity of one table: its seed and increment, the last value it gave (or was
    set to), the value the next row gets, and the highest value in the column (the lowest,
    counting down)."""

    column: str
    seed: int
    increment: int
    last: int | None
    """None while no row was inserted since the table was created or truncated (a reseed
    then only says which value the first row gets)."""
    following: int
    """The value the next generated row gets."""
    edge: int | None
    """The column's highest value (lowest when the increment is negative); None when empty."""

    @property
    def current(self) -> int | None:
        """SQL Server's current identity value: NULL before the first row, unless a reseed
        chose the value the first row gets."""
        if self.last is not None:
            return self.last
        return None if self.following == self.seed else self.following

    @property
    def behind_column(self) -> bool:
        """Whether the column holds a value past the current identity value, which
        ``DBCC CHECKIDENT (t, RESEED)`` then moves the identity to."""
        if self.edge is None:
            return False
        return self.current is None or (self.edge - self.current) * self.increment > 0
