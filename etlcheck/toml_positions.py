"""Where each key and each value of a TOML document stands, as 1-based line and column.

``tomllib`` gives values without positions. This scanner walks a document that
``tomllib`` has already accepted and records the position of every key and every value
under its path (``("phases", 1, "budget_seconds")``, ``("sandbox", "schemas", "etl")``,
``("phases", 0, "scripts", 2)``), so an error can point at the exact place, not at the
first line that happens to hold the same word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]
Position = tuple[int, int]

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


@dataclass
class TomlPositions:
    """Positions of keys (and table headers) and of values, by path."""

    keys: dict[Path, Position] = field(default_factory=dict)
    values: dict[Path, Position] = field(default_factory=dict)

    def of_key(self, path: Path) -> Position | None:
        """The key at ``path``, or the nearest enclosing key or header that has a position."""
        return _nearest(self.keys, path)

    def of_value(self, path: Path) -> Position | None:
        """The value at ``path``, or else its key, or else the nearest enclosing one."""
        return self.values.get(path) or _nearest(self.keys, path)


def _nearest(table: dict[Path, Position], path: Path) -> Position | None:
    for end in range(len(path), 0, -1):
        found = table.get(path[:end])
        if found is not None:
            return found
    return None


def scan(text: str) -> TomlPositions:
    """Positions of everything in ``text`` (which must be valid TOML)."""
    return _Scanner(text).run()


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.found = TomlPositions()
        self.table: Path = ()
        self.arrays: dict[Path, int] = {}

    # -- positions -------------------------------------------------------------------
    def position(self, offset: int) -> Position:
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def peek(self, ahead: int = 0) -> str:
        index = self.at + ahead
        return self.text[index] if index < len(self.text) else ""

    def skip_blank(self, newlines: bool) -> None:
        while self.at < len(self.text):
            char = self.text[self.at]
            if char == "#":
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            elif char in " \t\r" or (newlines and char == "\n"):
                self.at += 1
            else:
                return

    # -- document --------------------------------------------------------------------
    def run(self) -> TomlPositions:
        while True:
            self.skip_blank(newlines=True)
            if self.at >= len(self.text):
                return self.found
            if self.text.startswith("[[", self.at):
                self.header(array=True)
            elif self.peek() == "[":
                self.header(array=False)
            else:
                self.key_value(self.table)

    def header(self, array: bool) -> None:
        start = self.at
        self.at += 2 if array else 1
        self.skip_blank(newlines=False)
        parts = self.dotted_key()
        self.at += 2 if array else 1
        path: Path = (*self._resolve(parts[:-1]), parts[-1])
        if array:
            index = self.arrays.get(path, -1) + 1
            self.arrays[path] = index
            self.found.keys.setdefault(path, self.position(start))
            path = (*path, index)
        self.found.keys[path] = self.position(start)
        self.table = path

    def _resolve(self, parts: list[str]) -> Path:
        """``[[a]]`` then ``[a.b]`` means ``a[last].b``: insert the array indexes."""
        resolved: list[str | int] = []
        for part in parts:
            resolved.append(part)
            index = self.arrays.get(tuple(resolved))
            if index is not None:
                resolved.append(index)
        return tuple(resolved)

    def key_value(self, table: Path) -> None:
        start = self.at
        parts = self.dotted_key()
        path: Path = (*table, *parts)
        self.found.keys[path] = self.position(start)
        self.skip_blank(newlines=False)
        self.at += 1  # '='
        self.skip_blank(newlines=False)
        self.value(path)

    def dotted_key(self) -> list[str]:
        parts = [self.simple_key()]
        while True:
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.at += 1
            self.skip_blank(newlines=False)
            parts.append(self.simple_key())

    def simple_key(self) -> str:
        char = self.peek()
        if char in "\"'":
            return self.string()
        start = self.at
        while self.peek() in _BARE_KEY and self.peek():
            self.at += 1
        return self.text[start : self.at]

    # -- values ----------------------------------------------------------------------
    def value(self, path: Path) -> None:
        self.found.values[path] = self.position(self.at)
        char = self.peek()
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in "\"'":
            self.string()
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.at += 1

    def array(self, path: Path) -> None:
        self.at += 1
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "]":
                self.at += 1
                return
            self.value((*path, index))
            index += 1
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.at += 1

    def inline_table(self, path: Path) -> None:
        self.at += 1
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "}":
                self.at += 1
                return
            self.key_value(path)
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.at += 1

    def string(self) -> str:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.at):
            end = self.text.find(quote * 3, self.at + 3)
            while self.text.startswith(quote, end + 3):  # up to two quotes may end the content
                end += 1
            value = self.text[self.at + 3 : end]
            self.at = end + 3
            return value
        self.at += 1
        start = self.at
        while self.peek() not in (quote, ""):
            self.at += 2 if quote == '"' and self.peek() == "\\" else 1
        self.at += 1
        return self.text[start : self.at - 1]
