"""What seeding put where, for the terminal, run.json and the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from etlcheck.wording import counted


@dataclass(frozen=True)
class SeededFile:
    """A file a seed source read, with the SHA-256 of its bytes."""

    path: str
    sha256: str
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "bytes": self.size}


@dataclass(frozen=True)
class SeededTable:
    """One table a source created or filled, with the rows it holds after seeding."""

    schema: str
    name: str
    rows: int
    source: str
    """The source, as shown: ``data/dbo.Brokers.csv``, ``sample:insurance (poc)``…"""

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.qualified_name, "rows": self.rows, "source": self.source}


@dataclass(frozen=True)
class SourceRecord:
    """One declared seed source: what it is, what it read and what it seeded."""

    kind: str
    """``ddl``, ``files``, ``sample`` or ``database``."""
    description: str
    files: tuple[SeededFile, ...] = ()
    tables: tuple[SeededTable, ...] = ()
    seconds: float = 0.0
    statements: tuple[str, ...] = ()
    """For a live database: every statement sent to it, in order (all reads)."""
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "source": self.description,
            "files": [f.to_dict() for f in self.files],
            "tables": [t.to_dict() for t in self.tables],
            "seconds": round(self.seconds, 4),
            "statements": list(self.statements),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class ClonedTable:
    """A protected table copied, structure and rows, into its sandbox schema."""

    schema: str
    name: str
    sandbox_schema: str
    rows: int
    dropped_by: int | None = None
    """The step that drops the table before anything reads it: its rows were owed to the
    copy instead of copied (:mod:`etlcheck.seeding.owed_rows`)."""

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def sandbox_name(self) -> str:
        return f"{self.sandbox_schema}.{self.name}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "table": self.qualified_name,
            "sandbox": self.sandbox_name,
            "rows": self.rows,
        }
        if self.dropped_by is not None:
            data["dropped_by_step"] = self.dropped_by
        return data


def clone_words(clones: Sequence[Mapping[str, Any]] | Sequence[ClonedTable]) -> str:
    """How many tables and rows a clone copied, and what it did not copy and why."""
    records = [c.to_dict() if isinstance(c, ClonedTable) else c for c in clones]
    owed = [c for c in records if c.get("dropped_by_step") is not None]
    copied = sum(int(c.get("rows") or 0) for c in records if c not in owed)
    text = f"{counted(len(records), 'production table')}, {counted(copied, 'row')} copied"
    if owed:
        steps = sorted({int(c["dropped_by_step"]) for c in owed})
        text += (
            f"; {counted(sum(int(c.get('rows') or 0) for c in owed), 'row')} of "
            f"{counted(len(owed), 'table')} not copied: step "
            f"{', '.join(map(str, steps))} drops them before anything reads them"
        )
    return text


@dataclass(frozen=True)
class SeedSummary:
    """Everything seeding did before the first step: sources, tables, clones."""

    sources: tuple[SourceRecord, ...] = ()
    clones: tuple[ClonedTable, ...] = ()
    clone_seconds: float = 0.0
    cloned: bool = False
    """Whether production was cloned into the sandbox (``clone_production``)."""
    expected_staging: tuple[tuple[str, int], ...] = ()
    """Staging row counts a correct run produces, where a source knows them (the sample)."""
    scale: str | None = None
    """The sample generator's scale, when a sample source ran."""
    notes: tuple[str, ...] = field(default=())

    @property
    def tables(self) -> tuple[SeededTable, ...]:
        return tuple(table for source in self.sources for table in source.tables)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(warning for source in self.sources for warning in source.warnings)

    def rows(self, qualified_name: str) -> int:
        """Rows ``schema.table`` held after seeding (matched case-insensitively; the last
        source that touched it says)."""
        for table in reversed(self.tables):
            if table.qualified_name.lower() == qualified_name.lower():
                return table.rows
        raise KeyError(qualified_name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": [source.to_dict() for source in self.sources],
            "cloned": self.cloned,
            "clones": [clone.to_dict() for clone in self.clones],
            "clone_seconds": round(self.clone_seconds, 4),
            "expected_staging": dict(self.expected_staging),
            "scale": self.scale,
            "notes": list(self.notes),
        }
