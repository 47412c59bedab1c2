"""What seeding put where, for the terminal, run.json and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def sandbox_name(self) -> str:
        return f"{self.sandbox_schema}.{self.name}"

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.qualified_name, "sandbox": self.sandbox_name, "rows": self.rows}


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
