"""Report sections about the data the run started from: what it would do to production
(its copies in the sandbox), and where every seeded table came from. This module turns the
run document into plain view values; the markup is in ``preview.html`` and ``seed.html``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from etlcheck.report.templates import render
from etlcheck.report.values import as_count, as_mapping, as_records, as_seconds, as_text
from etlcheck.seeding.summary import clone_words
from etlcheck.wording import counted

if TYPE_CHECKING:
    from markupsafe import Markup

PREVIEW_COUNTS = ("rows_before", "rows_added", "rows_changed", "rows_removed", "rows_after")


@dataclass(frozen=True)
class PreviewRow:
    production: str
    copy: str
    css: str
    counts: tuple[str, ...]


def preview_section(document: Mapping[str, Any]) -> Markup:
    """Per copy of a production table: rows before, added, changed, removed, after."""
    preview = as_records(document.get("production_preview"))
    rows = [
        PreviewRow(
            production=as_text(row.get("production")),
            copy=f"{as_text(row.get('schema'))}.{as_text(row.get('name'))}",
            css="" if row.get("status") == "unchanged" else "landed",
            counts=tuple(
                as_count(row.get(key)) if row.get("kind") in (None, "table") else "—"
                for key in PREVIEW_COUNTS
            ),
        )
        for row in sorted(preview, key=lambda r: r.get("status") == "unchanged")
    ]
    tables = [row for row in preview if row.get("kind") in (None, "table")]
    return render(
        "preview.html",
        rows=rows,
        tables=len(tables),
        changed=sum(1 for row in tables if row.get("status") != "unchanged"),
        not_cloned=as_mapping(document.get("seed")).get("cloned") is False,
        production_clean=as_mapping(document.get("production")).get("is_clean") is not False,
    )


@dataclass(frozen=True)
class Cloned:
    """What was cloned into the sandbox after seeding, and how long it took."""

    what: str
    seconds: str


@dataclass(frozen=True)
class SeedTable:
    table: str
    rows: str
    source: str


@dataclass(frozen=True)
class SeedFile:
    path: str
    bytes: str
    sha256: str


@dataclass(frozen=True)
class SeedSource:
    kind: str
    source: str
    seconds: str
    warnings: tuple[str, ...]
    tables: tuple[SeedTable, ...]
    files: tuple[SeedFile, ...]
    statements: tuple[str, ...]


def seed_section(document: Mapping[str, Any]) -> Markup | str:
    """Each seed source: what it is, the files it read (SHA-256), the tables it filled."""
    if "seed" not in document:
        return ""
    seed = document.get("seed")
    if not isinstance(seed, Mapping):
        return render("seed.html", seeded=False, sources=(), clones=None)
    clones = as_records(seed.get("clones"))
    clones_line = None
    if seed.get("cloned"):
        clones_line = Cloned(clone_words(clones), as_seconds(seed.get("clone_seconds")))
    sources = tuple(_source(source) for source in as_records(seed.get("sources")))
    return render("seed.html", seeded=True, sources=sources, clones=clones_line)


def _source(source: Mapping[str, Any]) -> SeedSource:
    return SeedSource(
        kind=as_text(source.get("kind")),
        source=as_text(source.get("source")),
        seconds=as_seconds(source.get("seconds")),
        warnings=tuple(as_text(w) for w in source.get("warnings") or ()),
        tables=tuple(
            SeedTable(as_text(t.get("table")), as_count(t.get("rows")), as_text(t.get("source")))
            for t in as_records(source.get("tables"))
        ),
        files=tuple(
            SeedFile(as_text(f.get("path")), as_count(f.get("bytes")), as_text(f.get("sha256")))
            for f in as_records(source.get("files"))
        ),
        statements=tuple(as_text(str(s)) for s in source.get("statements") or ()),
    )


def seed_fact(seed: object) -> str:
    """One line for the run facts."""
    if not isinstance(seed, Mapping):
        return "not run"
    sources = as_records(seed.get("sources"))
    tables = sum(len(as_records(source.get("tables"))) for source in sources)
    kinds = ", ".join(as_text(source.get("kind")) for source in sources) or "no sources"
    clones = len(as_records(seed.get("clones")))
    cloned = f"; {counted(clones, 'table')} cloned into the sandbox" if seed.get("cloned") else ""
    return f"{kinds}: {counted(tables, 'table')}{cloned}"
