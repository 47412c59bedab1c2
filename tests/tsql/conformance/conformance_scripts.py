"""The conformance scripts: one small T-SQL script per construct, with the results SQL
Server documents written into its comments, and the matrix they make.

Each ``*.sql`` file here starts with

    -- construct: QUOTENAME
    -- documented: https://learn.microsoft.com/...

then ``-- prints: text`` lines give, in order, every message the script prints on SQL
Server (rows, @@ROWCOUNT and error numbers are PRINTed by the script), and
``-- compat on duckdb, postgres at 4:7: CHECKSUM()`` says that on those engines the
compatibility pass reports a finding there whose message starts with ``CHECKSUM()``
(and that the interpreter refuses the script at the same place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
ENGINES = ("duckdb", "postgres", "mssql")
INTERPRETED = ("duckdb", "postgres")
RUNS = "runs, tested"
COMPAT = "compat finding, tested"
README_MATRIX_NOTE = (
    "README.md must hold the conformance matrix exactly as "
    "`python tests/tsql/conformance/conformance_scripts.py` prints it"
)
_COMPAT = re.compile(r"--\s*compat on ([\w ,]+?) at (\d+):(\d+):\s*(.+)")


@dataclass(frozen=True)
class Expected:
    """A compat finding the pass must report: where, and how its message starts."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Script:
    path: Path
    construct: str
    documented: str
    prints: tuple[str, ...]
    compat: dict[str, tuple[Expected, ...]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def expected_cell(self, engine: str) -> str:
        return COMPAT if self.compat.get(engine) else RUNS


def read_script(path: Path) -> Script:
    construct = documented = ""
    prints: list[str] = []
    compat: dict[str, list[Expected]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("-- construct:"):
            construct = stripped.split(":", 1)[1].strip()
        elif stripped.startswith("-- documented:"):
            documented = stripped.split(":", 1)[1].strip()
        elif stripped.startswith("-- prints:"):
            prints.append(line.split("-- prints:", 1)[1][1:].rstrip("\n"))
        elif match := _COMPAT.match(stripped):
            engines, row, column, message = match.groups()
            for engine in (part.strip() for part in engines.split(",")):
                compat.setdefault(engine, []).append(Expected(int(row), int(column), message))
    if not construct or not documented:
        raise ValueError(f"{path.name}: needs '-- construct:' and '-- documented:' lines")
    return Script(
        path, construct, documented, tuple(prints), {k: tuple(v) for k, v in compat.items()}
    )


def scripts() -> list[Script]:
    return [read_script(path) for path in sorted(HERE.glob("*.sql"))]


def matrix_markdown() -> str:
    """The README's matrix: construct x engine, from the scripts' expectations (which the
    conformance tests prove)."""
    lines = [
        "| construct | DuckDB | PostgreSQL | SQL Server documents |",
        "|---|---|---|---|",
    ]
    for script in scripts():
        cells = " | ".join(script.expected_cell(engine) for engine in INTERPRETED)
        lines.append(f"| {script.construct} | {cells} | [{script.name}]({script.documented}) |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(matrix_markdown(), end="")
