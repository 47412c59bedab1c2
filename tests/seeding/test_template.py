"""The seeded database kept as a template: a second run with the same inputs copies it
and fingerprints exactly what seeding would have made; any changed input, a damaged
template, another kind of source or ``ETLCHECK_CACHE=0`` seeds afresh."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from etlcheck import stages
from etlcheck.config import load_config
from etlcheck.config_values import DdlSource
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.options import RunOptions
from etlcheck.seeding.seeder import Seeder
from etlcheck.seeding.template import SeedTemplate

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.duckdb


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(REPO / "etlcheck.toml", folder / "etlcheck.toml")
    shutil.copytree(REPO / "sql", folder / "sql")
    shutil.copytree(
        REPO / "suites", folder / "suites", ignore=shutil.ignore_patterns("__pycache__")
    )
    return folder


def options_for(project: Path) -> RunOptions:
    return RunOptions.from_config(load_config(project / "etlcheck.toml"), scale="poc")


def seeded(project: Path, name: str) -> tuple[DuckDBEngine, stages.Snapshot, object]:
    """A fresh database file, seeded as a run seeds it, and its before-snapshot."""
    engine = DuckDBEngine(str(project / f"{name}.duckdb")).start()
    options = options_for(project)
    summary = stages.seed(engine, options)
    return engine, stages.snapshot(engine, options), summary


def contents(snapshot: stages.Snapshot) -> list[tuple[str, str, int | None, str | None]]:
    """Every object of both fingerprints with its row count and content hash."""
    return [
        (schema.name, item.name, item.row_count, item.content_hash)
        for fingerprint in snapshot
        for schema in fingerprint.schemas
        for item in schema.objects
    ]


def test_a_second_run_copies_what_the_first_seeded(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ETLCHECK_CACHE", raising=False)
    first, before, summary = seeded(project, "first")
    first.close()
    with DuckDBEngine(str(project / "x.duckdb")) as other:
        template = SeedTemplate.for_run(other, options_for(project))
    assert template is not None and template.exists

    def must_not_seed(self: Seeder) -> None:
        raise AssertionError("seeded although a template exists")

    monkeypatch.setattr(Seeder, "declared", must_not_seed)
    second, again, restored = seeded(project, "second")
    try:
        assert contents(again) == contents(before)
        assert len(contents(before)) > 40
        assert restored.tables == summary.tables and restored.clones == summary.clones
        assert restored.notes[-1].startswith(f"seeded by copying {template.database.name}")
        options = options_for(project)
        runner = stages.make_runner(second, options)
        assert stages.run_steps(runner, options).ok
    finally:
        second.close()


def test_a_changed_script_seeds_afresh(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ETLCHECK_CACHE", raising=False)
    first, _, _ = seeded(project, "first")
    kept = SeedTemplate.for_run(first, options_for(project))
    first.close()
    script = project / "sql" / "15-input-policies.sql"
    script.write_text(script.read_text() + "\n-- one more line\n")
    engine = DuckDBEngine(str(project / "second.duckdb")).start()
    try:
        changed = SeedTemplate.for_run(engine, options_for(project))
        assert kept is not None and changed is not None
        assert changed.database != kept.database and not changed.exists
        stages.seed(engine, options_for(project))
        assert changed.exists and not kept.database.exists()  # one template a project
    finally:
        engine.close()


def test_a_damaged_template_is_seeded_over(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ETLCHECK_CACHE", raising=False)
    first, before, _ = seeded(project, "first")
    template = SeedTemplate.for_run(first, options_for(project))
    first.close()
    assert template is not None
    template.database.write_bytes(b"not a database" * 1000)
    second, again, summary = seeded(project, "second")
    try:
        assert contents(again) == contents(before)
        assert not any("seeded by copying" in note for note in summary.notes)
        assert template.exists and template.database.stat().st_size > 14_000
    finally:
        second.close()


def test_no_template_without_a_file_a_sample_only_seed_or_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ETLCHECK_CACHE", raising=False)
    options = options_for(project)
    with DuckDBEngine(None) as memory:
        assert SeedTemplate.for_run(memory, options) is None
    engine = DuckDBEngine(str(project / "x.duckdb")).start()
    engine.close()
    assert SeedTemplate.for_run(engine, options) is not None
    ddl = replace(options, seed_sources=(*options.seed_sources, DdlSource(kind="ddl", path="db")))
    assert SeedTemplate.for_run(engine, ddl) is None
    monkeypatch.setenv("ETLCHECK_CACHE", "0")
    assert SeedTemplate.for_run(engine, options) is None
    first, _, _ = seeded(project, "first")
    first.close()
    assert not list((project / ".etlcheck").glob("cache/seed-*"))
