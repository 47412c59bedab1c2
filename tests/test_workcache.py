"""Compiled statements and sandbox rewrites carried between processes in
``<root>/.etlcheck/cache/work-<fingerprint>.pickle`` (etlcheck.workcache)."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import sqlglot

from etlcheck import workcache

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def own_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test registers its own tables; the modules' real memos stay untouched."""
    monkeypatch.setattr(workcache, "_TABLES", {})
    monkeypatch.setattr(workcache, "_SAVED_SIZES", {})
    monkeypatch.delenv(workcache.CACHE_ENV, raising=False)


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / ".etlcheck" / "cache"


def fresh_process(name: str = "memo") -> dict[Any, Any]:
    """What a new process has: the module's memo registered again, empty."""
    workcache.forget_tables()
    table: dict[Any, Any] = {}
    workcache.register(name, table)
    return table


def test_entries_come_back_in_the_next_process(cache_dir: Path) -> None:
    table = fresh_process()
    table[("duckdb", "SELECT 1", ())] = "compiled"
    table["text"] = ("@a", "@b")
    workcache.save(cache_dir)
    assert workcache.cache_file(cache_dir).is_file()

    table = fresh_process()
    assert table == {}
    workcache.load(cache_dir)
    assert table == {("duckdb", "SELECT 1", ()): "compiled", "text": ("@a", "@b")}


def test_tables_are_kept_apart_by_name(cache_dir: Path) -> None:
    compiled = fresh_process("compiled")
    rewritten: dict[Any, Any] = {}
    workcache.register("rewritten", rewritten)
    compiled["k"] = 1
    rewritten["k"] = 2
    workcache.save(cache_dir)

    compiled = fresh_process("compiled")
    rewritten = {}
    workcache.register("rewritten", rewritten)
    workcache.load(cache_dir)
    assert (compiled, rewritten) == ({"k": 1}, {"k": 2})


def test_load_keeps_what_this_process_already_computed(cache_dir: Path) -> None:
    table = fresh_process()
    table.update({"a": "saved", "b": "saved"})
    workcache.save(cache_dir)

    table = fresh_process()
    table["a"] = "computed here"
    workcache.load(cache_dir)
    assert table == {"a": "computed here", "b": "saved"}


def test_nothing_is_written_when_nothing_grew_since_load(cache_dir: Path) -> None:
    table = fresh_process()
    workcache.load(cache_dir)
    workcache.save(cache_dir)
    assert not cache_dir.exists()

    table["a"] = 1
    workcache.save(cache_dir)
    written = workcache.cache_file(cache_dir)
    before = written.stat().st_mtime_ns
    os.utime(written, ns=(before - 10**9, before - 10**9))  # coarse clocks

    table = fresh_process()
    workcache.load(cache_dir)
    workcache.save(cache_dir)
    assert written.stat().st_mtime_ns == before - 10**9

    table["b"] = 2
    workcache.save(cache_dir)
    assert written.stat().st_mtime_ns != before - 10**9
    with written.open("rb") as handle:
        assert pickle.load(handle) == {"memo": {"a": 1, "b": 2}}


def test_a_corrupt_file_counts_as_empty(cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True)
    written = workcache.cache_file(cache_dir)
    written.write_bytes(b"\x80\x05not a pickle")
    table = fresh_process()
    workcache.load(cache_dir)
    assert table == {}

    table["a"] = 1
    workcache.save(cache_dir)
    fresh = fresh_process()
    workcache.load(cache_dir)
    assert fresh == {"a": 1}


@pytest.mark.parametrize("saved", [["not", "a", "dict"], {"memo": ["not", "a", "dict"]}])
def test_a_pickle_of_another_shape_counts_as_empty(cache_dir: Path, saved: object) -> None:
    cache_dir.mkdir(parents=True)
    workcache.cache_file(cache_dir).write_bytes(pickle.dumps(saved))
    table = fresh_process()
    workcache.load(cache_dir)
    assert table == {}


@pytest.mark.parametrize("value", ["0", "false", "OFF", " no "])
def test_etlcheck_cache_off_neither_reads_nor_writes(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    table = fresh_process()
    table["a"] = 1
    workcache.save(cache_dir)
    written = workcache.cache_file(cache_dir)
    saved = written.read_bytes()

    monkeypatch.setenv(workcache.CACHE_ENV, value)
    assert not workcache.enabled()
    table = fresh_process()
    workcache.load(cache_dir)
    assert table == {}
    table["b"] = 2
    workcache.save(cache_dir)
    assert written.read_bytes() == saved
    assert sorted(p.name for p in cache_dir.iterdir()) == [written.name]


def test_etlcheck_cache_off_creates_no_folder(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(workcache.CACHE_ENV, "0")
    fresh_process()["a"] = 1
    workcache.save(cache_dir)
    assert not cache_dir.exists()


def test_no_directory_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    table = fresh_process()
    table["a"] = 1
    workcache.save(None)
    workcache.load(None)
    assert list(tmp_path.iterdir()) == []
    assert table == {"a": 1}


def test_files_of_other_fingerprints_are_removed_on_save(cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True)
    stale = [cache_dir / "work-0123456789abcdef.pickle", cache_dir / "work-old.pickle"]
    for path in stale:
        path.write_bytes(pickle.dumps({"memo": {"a": "stale"}}))
    unrelated = cache_dir / "notes.txt"
    unrelated.write_text("kept")

    fresh_process()["a"] = "current"
    workcache.save(cache_dir)
    names = sorted(p.name for p in cache_dir.iterdir())
    assert names == sorted([workcache.cache_file(cache_dir).name, "notes.txt"])
    assert not any(path.exists() for path in stale)


def test_the_file_is_named_by_the_code_fingerprint(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workcache, "code_fingerprint", lambda: "aaaa")
    assert workcache.cache_file(cache_dir) == cache_dir / "work-aaaa.pickle"
    table = fresh_process()
    table["a"] = "from aaaa"
    workcache.save(cache_dir)

    monkeypatch.setattr(workcache, "code_fingerprint", lambda: "bbbb")
    assert workcache.cache_file(cache_dir) == cache_dir / "work-bbbb.pickle"
    table = fresh_process()
    workcache.load(cache_dir)
    assert table == {}, "another code's entries are never read"
    table["b"] = "from bbbb"
    workcache.save(cache_dir)
    assert sorted(p.name for p in cache_dir.iterdir()) == ["work-bbbb.pickle"]


def test_the_fingerprint_follows_sqlglot_and_is_stable(monkeypatch: pytest.MonkeyPatch) -> None:
    compute = workcache.code_fingerprint.__wrapped__
    first = compute()
    assert len(first) == 16 and int(first, 16) >= 0
    assert compute() == first == workcache.code_fingerprint()
    monkeypatch.setattr(sqlglot, "__version__", "0.0.0-other")
    assert compute() != first


def test_a_table_beyond_the_limit_is_left_out(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workcache, "MAX_ENTRIES", 2)
    small = fresh_process("small")
    large: dict[Any, Any] = {}
    workcache.register("large", large)
    small["a"] = 1
    large.update({"a": 1, "b": 2, "c": 3})
    workcache.save(cache_dir)

    small = fresh_process("small")
    large = {}
    workcache.register("large", large)
    workcache.load(cache_dir)
    assert (small, large) == ({"a": 1}, {})


# -- end to end: two processes, one cache ----------------------------------------------

PIPELINE = """\
[project]
name = "cached"
sql_dir = "sql"

[sandbox]
schemas = { etl = "poc_etl" }
protected = ["etl"]
state_schema = "etl"

[[phases]]
name = "schema"
title = "Schema"
budget_seconds = 30
scripts = ["00a-state-management-tables.sql", "01-events.sql"]

[[phases]]
name = "load"
title = "Load"
budget_seconds = 30
scripts = ["10-load-events.sql"]
"""

EVENTS = """\
SET NOCOUNT ON;
IF OBJECT_ID('etl.events', 'U') IS NOT NULL DROP TABLE etl.events;
CREATE TABLE etl.events (
    id        INT IDENTITY(1,1) PRIMARY KEY,
    code      NVARCHAR(10) NOT NULL,
    loaded_at DATETIME2    NULL
);
GO
"""

LOAD_EVENTS = """\
DECLARE @now DATETIME2 = SYSUTCDATETIME();
DECLARE @prefix NVARCHAR(5) = N'ev-';
INSERT INTO etl.events (code, loaded_at) VALUES (@prefix + 'a', @now), (@prefix + 'b', @now);
INSERT INTO etl.events (code, loaded_at) SELECT code + 'x', @now FROM etl.events WHERE id = 1;
UPDATE etl.events SET code = UPPER(code) WHERE id >= 2;
IF (SELECT COUNT(*) FROM etl.events) = 3
    PRINT 'three events';
ELSE
    THROW 50000, 'wrong count', 1;
GO
"""

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    from etlcheck import workcache
    from etlcheck.config import load_config
    from etlcheck.engines.duckdb import DuckDBEngine
    from etlcheck.isolation import rewrite
    from etlcheck.isolation.sandbox import setup_sandbox
    from etlcheck.tsql import compiler
    from etlcheck.options import RunOptions
    from etlcheck.stages import make_runner

    root = Path(sys.argv[1])
    calls = {"parse": 0, "rewrite": 0}
    loaded = {}
    real_load, real_rewrite = workcache.load, rewrite._rewrite
    real_parse = compiler.parse_with_holes

    def load(directory):
        real_load(directory)
        loaded["directory"] = str(directory)
        loaded["compiled"] = [key[1] for key in compiler._COMPILED]
        loaded["rewritten"] = len(rewrite._REWRITTEN)

    def parse(text):
        calls["parse"] += 1
        return real_parse(text)

    def rewrite_anew(*args):
        calls["rewrite"] += 1
        return real_rewrite(*args)

    workcache.load, compiler.parse_with_holes, rewrite._rewrite = load, parse, rewrite_anew
    config = load_config(root / "etlcheck.toml")
    with DuckDBEngine(None) as engine:
        setup_sandbox(engine, config.sandbox)
        result = make_runner(engine, RunOptions.from_config(config)).run()
        rows = engine.query("SELECT id, code FROM poc_etl.events ORDER BY id").rows
    steps = [
        [r.step.name, r.status, r.rows_affected, list(r.messages), r.error]
        for r in result.results
    ]
    print(json.dumps({
        "steps": steps,
        "rows": [list(row) for row in rows],
        "loaded": loaded,
        "calls": calls,
        "file": workcache.cache_file(root / ".etlcheck" / "cache").name,
    }))
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "sql").mkdir(parents=True)
    (root / "etlcheck.toml").write_text(PIPELINE, encoding="utf-8")
    state = "00a-state-management-tables.sql"
    shutil.copy(REPO / "sql" / state, root / "sql" / state)
    (root / "sql" / "01-events.sql").write_text(EVENTS, encoding="utf-8")
    (root / "sql" / "10-load-events.sql").write_text(LOAD_EVENTS, encoding="utf-8")
    return root


def run_in_new_process(root: Path, cache: str = "1") -> dict[str, Any]:
    env = {**os.environ, workcache.CACHE_ENV: cache}
    finished = subprocess.run(
        [sys.executable, "-c", CHILD, str(root)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    answer: dict[str, Any] = json.loads(finished.stdout.strip().splitlines()[-1])
    return answer


@pytest.mark.duckdb
def test_a_second_process_runs_from_the_cache_with_the_same_results(project: Path) -> None:
    cache_dir = project / ".etlcheck" / "cache"
    cold = run_in_new_process(project)
    assert [step[:2] for step in cold["steps"]] == [
        ["00a-state-management-tables.sql", "ok"],
        ["01-events.sql", "ok"],
        ["10-load-events.sql", "ok"],
    ]
    assert cold["rows"] == [[1, "ev-a"], [2, "EV-B"], [3, "EV-AX"]]
    assert cold["steps"][2][3] == ["three events"]
    assert cold["loaded"] == {
        "directory": str(cache_dir),
        "compiled": [],
        "rewritten": 0,
    }
    assert cold["calls"]["parse"] > 0 and cold["calls"]["rewrite"] == 3
    assert sorted(p.name for p in cache_dir.iterdir()) == [cold["file"]]

    warm = run_in_new_process(project)
    assert warm["file"] == cold["file"], "a fresh process computes the same fingerprint"
    assert warm["steps"] == cold["steps"]
    assert warm["rows"] == cold["rows"]
    compiled = warm["loaded"]["compiled"]  # as rewritten into the sandbox
    assert any(text.startswith("INSERT INTO poc_etl.events (code, loaded_at)") for text in compiled)
    assert any(text.startswith("CREATE TABLE poc_etl.events") for text in compiled)
    assert warm["loaded"]["rewritten"] == 3
    assert warm["calls"] == {"parse": 0, "rewrite": 0}, "nothing parsed or rewritten anew"
    assert sorted(p.name for p in cache_dir.iterdir()) == [cold["file"]]


@pytest.mark.duckdb
def test_a_run_with_the_cache_off_leaves_no_cache(project: Path) -> None:
    off = run_in_new_process(project, cache="0")
    assert [step[1] for step in off["steps"]] == ["ok", "ok", "ok"]
    assert off["loaded"]["compiled"] == [] and off["calls"]["rewrite"] == 3
    assert not (project / ".etlcheck").exists()


def test_a_second_load_reads_the_file_only_when_something_changed(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = fresh_process()
    table["a"] = 1
    workcache.save(cache_dir)
    reads: list[object] = []
    real_load = pickle.load

    def counted(handle: Any) -> Any:
        reads.append(handle)
        return real_load(handle)

    monkeypatch.setattr(workcache.pickle, "load", counted)
    table = fresh_process()
    workcache.load(cache_dir)
    workcache.load(cache_dir)
    assert (table, len(reads)) == ({"a": 1}, 1)

    later: dict[Any, Any] = {}
    workcache.register("later", later)  # a module imported after the first load
    workcache.load(cache_dir)
    assert len(reads) == 2

    table.clear()  # as a test that starts from an empty memo does
    workcache.load(cache_dir)
    assert (table, len(reads)) == ({"a": 1}, 3)

    written = workcache.cache_file(cache_dir)
    written.write_bytes(pickle.dumps({"memo": {"b": 2}}))  # another process saved
    stamp = written.stat().st_mtime_ns + 10**9
    os.utime(written, ns=(stamp, stamp))
    workcache.load(cache_dir)
    assert (table, len(reads)) == ({"a": 1, "b": 2}, 4)
