"""Storage keys: a formatting-only edit keeps a step's digest, a code edit changes it; the
seed digest follows what was seeded, not how long it took; keys name what differs."""

from __future__ import annotations

from pathlib import Path

import pytest

from etlcheck.bench.keys import (
    BenchKey,
    CacheState,
    bench_key,
    machine_id,
    script_digest,
    scripts_digest,
    seed_digest,
)
from etlcheck.config import load_config
from etlcheck.errors import UsageError
from etlcheck.options import RunOptions
from etlcheck.seeding.summary import ClonedTable, SeededFile, SeededTable, SeedSummary, SourceRecord

SCRIPTS = Path(__file__).resolve().parent / "scripts"


def _digest(name: str) -> str:
    return script_digest((SCRIPTS / name).read_text("utf-8"))


def test_a_formatting_only_edit_keeps_the_digest() -> None:
    # keyword case, name case, layout, comments moved and added
    assert _digest("merge_customers_reformatted.sql") == _digest("merge_customers.sql")


@pytest.mark.parametrize("edited", ["merge_customers_changed.sql", "merge_customers_literal.sql"])
def test_a_code_edit_changes_the_digest(edited: str) -> None:
    assert _digest(edited) != _digest("merge_customers.sql")


def test_string_contents_and_quoted_names_count_as_code() -> None:
    assert script_digest("SELECT N'abc'") != script_digest("SELECT N'ABC'")
    assert script_digest("SELECT 1 FROM [sales].[Orders]") != script_digest(
        "SELECT 1 FROM [sales].[orders]"
    )
    assert script_digest("select 1 from sales.Orders") == script_digest(
        "SELECT 1 FROM SALES.ORDERS"
    )


def test_a_script_the_tokenizer_cannot_read_still_has_a_digest() -> None:
    broken = "SELECT 'never closed"
    assert script_digest(broken) == script_digest("SELECT   'never closed")
    assert script_digest(broken) != script_digest("SELECT 'never ended")


def test_scripts_digest_follows_names_order_and_digests() -> None:
    pairs = [("10-a.sql", "1111"), ("20-b.sql", "2222")]
    assert scripts_digest(pairs) == scripts_digest(list(pairs))
    assert scripts_digest(pairs) != scripts_digest(pairs[::-1])
    assert scripts_digest(pairs) != scripts_digest([("10-a.sql", "1111"), ("20-b.sql", "3333")])
    assert len(scripts_digest(pairs)) == 8


def _seed(rows: int = 6, seconds: float = 0.1, sha: str = "ab" * 32) -> SeedSummary:
    source = SourceRecord(
        "files",
        "files data",
        files=(SeededFile("/home/ana/orders/data/landing.orders.csv", sha, 330),),
        tables=(SeededTable("landing", "orders", rows, "data/landing.orders.csv"),),
        seconds=seconds,
    )
    return SeedSummary(
        sources=(source,),
        clones=(ClonedTable("landing", "orders", "poc_landing", rows),),
        clone_seconds=seconds,
        cloned=True,
    )


def test_the_seed_digest_ignores_timings_and_folders() -> None:
    assert seed_digest(_seed(seconds=0.1)) == seed_digest(_seed(seconds=9.0))
    moved = _seed()
    record = moved.sources[0]
    elsewhere = SourceRecord(
        record.kind,
        record.description,
        files=(SeededFile("/ci/work/orders/data/landing.orders.csv", "ab" * 32, 330),),
        tables=record.tables,
    )
    assert seed_digest(SeedSummary((elsewhere,), moved.clones, cloned=True)) == seed_digest(moved)


def test_the_seed_digest_follows_rows_and_file_contents() -> None:
    assert seed_digest(_seed(rows=6)) != seed_digest(_seed(rows=7))
    assert seed_digest(_seed()) != seed_digest(_seed(sha="cd" * 32))


def test_the_key_of_run_options(orders_project: Path) -> None:
    options = RunOptions.from_config(load_config(orders_project / "etlcheck.toml"))
    key = bench_key(options, "5eed", CacheState.COLD)
    assert (key.engine, key.scale, key.rewrite, key.cache) == ("duckdb", "none", "ast", "cold")
    regex = bench_key(
        RunOptions.from_config(options.config, rewrite="regex"), "5eed", CacheState.COLD
    )
    assert key.differing(regex) == ("rewrite", "ast", "regex")
    assert key.differing(key) is None


def test_keys_round_trip_and_refuse_unknown_fields() -> None:
    key = BenchKey(
        engine="duckdb",
        scale="poc",
        rewrite="ast",
        seed_digest="5eed",
        cache=CacheState.WARM,
        etlcheck_version="0.1.0",
    )
    assert BenchKey.model_validate_json(key.model_dump_json()) == key
    with pytest.raises(ValueError):
        BenchKey.model_validate({**key.model_dump(), "colour": "blue"})


def test_cache_states_parse_and_refuse() -> None:
    assert CacheState.parse(" Cold ") is CacheState.COLD
    with pytest.raises(UsageError):
        CacheState.parse("tepid")


def test_machine_id_is_a_folder_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETLCHECK_BENCH_MACHINE", "build agent #3")
    assert machine_id() == "build_agent_3"
    monkeypatch.delenv("ETLCHECK_BENCH_MACHINE")
    assert "/" not in machine_id() and machine_id()
