"""A child process fills a cold work cache while the database is seeded
(etlcheck.prewarm): the run then compiles nothing itself, and a cache that already holds
compiled statements starts no child at all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from etlcheck import prewarm, workcache
from etlcheck.config import load_config
from etlcheck.engines.duckdb import DuckDBEngine
from etlcheck.options import RunOptions
from etlcheck.stages import make_runner, prepare_database
from etlcheck.tsql import compiler

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.duckdb


@pytest.fixture
def options() -> RunOptions:
    # The child is started for scales above poc (scale 1 is the seed volume); what it
    # compiles does not depend on the scale, so the run below uses the poc sample.
    return RunOptions.from_config(load_config(REPO / "etlcheck.toml"), scale="1")


@pytest.fixture
def fresh_process() -> Iterator[None]:
    """This process's memo tables start empty, as a new process's do; restored after."""
    saved = {name: dict(table) for name, table in workcache.registered_tables().items()}
    for table in workcache.registered_tables().values():
        table.clear()
    try:
        yield
    finally:
        for name, table in workcache.registered_tables().items():
            table.clear()
            table.update(saved.get(name, {}))


@pytest.mark.usefixtures("fresh_process")
def test_the_child_compiles_everything_the_run_needs(
    options: RunOptions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    warming = prewarm.start(options, cache)
    assert warming is not None
    warming.wait()
    assert warming.process.returncode == 0
    assert workcache.cache_file(cache).is_file()

    parsed: list[str] = []
    parse = compiler.parse_with_holes
    monkeypatch.setattr(
        compiler, "parse_with_holes", lambda text: parsed.append(text) or parse(text)
    )
    poc = replace(options, scale="poc")
    with DuckDBEngine() as engine:
        prepare_database(engine, poc)
        runner = make_runner(engine, poc)
        runner.cache_dir = cache
        result = runner.run()
    assert result.ok
    assert parsed == [], f"the run compiled {len(parsed)} statement(s) itself: {parsed[:3]}"
    assert prewarm.start(options, cache) is None  # now warm: no child


def test_no_child_when_the_cache_is_off(
    options: RunOptions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(workcache.CACHE_ENV, "0")
    assert prewarm.start(options, tmp_path / "cache") is None
    assert not (tmp_path / "cache").exists()


def test_no_child_for_the_poc_sample(tmp_path: Path) -> None:
    # Seeding the poc sample is shorter than starting the child: the run would wait.
    options = RunOptions.from_config(load_config(REPO / "etlcheck.toml"), scale="poc")
    assert prewarm.start(options, tmp_path / "cache") is None


@pytest.mark.usefixtures("fresh_process")
def test_a_stopped_child_is_gone(options: RunOptions, tmp_path: Path) -> None:
    # verify() stops the child when the database cannot be opened.
    warming = prewarm.start(options, tmp_path / "cache")
    assert warming is not None
    warming.stop()
    assert warming.process.poll() is not None


@pytest.mark.usefixtures("fresh_process")
def test_a_child_starts_after_lint_and_syntax_checks(
    options: RunOptions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # etlcheck run lints and syntax-checks first, which rewrites and splits every script
    # in this process; the cache is still cold for compiled statements. (The project's
    # own cache is a fresh one: other tests' runs of the sample fill the repository's.)
    from etlcheck.pipeline import Pipeline
    from etlcheck.stages import lint_for
    from etlcheck.syntax import check_pipeline_syntax

    monkeypatch.setattr(workcache, "project_cache", lambda root: tmp_path / "project")
    lint_for(options)
    check_pipeline_syntax(Pipeline.from_config(options.config))
    warming = prewarm.start(options, tmp_path / "cache")
    assert warming is not None
    warming.stop()
