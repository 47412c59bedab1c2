"""Stored results: the autosave layout, numbering, names, choosing a baseline, and the
one-line refusals when a baseline cannot be found or read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etlcheck.bench.keys import CacheState
from etlcheck.bench.storage import BenchStore, benchmarks_dir, check_name, load_result
from etlcheck.errors import UsageError
from tests.bench.conftest import KEY, Make

WALLS = {"10-stage-orders.sql": [0.1] * 5, "20-merge-customers.sql": [0.2] * 5}


def test_results_are_saved_in_the_autosave_layout(tmp_path: Path, make: Make) -> None:
    store = BenchStore(tmp_path, "ci-box")
    first = store.save(make(WALLS))
    second = store.save(make(WALLS, name="before-refactor"))
    assert first.path.parent == benchmarks_dir(tmp_path) / "ci-box"
    assert re.fullmatch(r"0001_0a0b0c0d_20260501T120000Z\.json", first.path.name)
    assert second.path.name.startswith("0002_")
    assert (first.result.number, second.result.number) == (1, 2)
    assert load_result(second.path) == second.result
    assert second.result.label == "0002 (before-refactor)"


def test_latest_is_the_newest_result_with_equal_keys(tmp_path: Path, make: Make) -> None:
    store = BenchStore(tmp_path, "ci-box")
    store.save(make(WALLS))
    wanted = store.save(make(WALLS))
    store.save(make(WALLS, key=KEY.model_copy(update={"cache": CacheState.COLD})))
    store.save(make(WALLS, pipeline="billing"))
    assert store.baseline("latest", KEY, "orders").result.number == wanted.result.number


def test_latest_without_equal_keys_names_the_differing_key(tmp_path: Path, make: Make) -> None:
    store = BenchStore(tmp_path, "ci-box")
    store.save(make(WALLS, key=KEY.model_copy(update={"scale": "poc"})))
    with pytest.raises(UsageError) as refused:
        store.baseline("latest", KEY, "orders")
    message = str(refused.value)
    assert "scale poc where this run has none" in message
    assert "\n" not in message and refused.value.exit_code == 2


def test_latest_with_nothing_stored_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="run etlcheck bench once"):
        BenchStore(tmp_path, "ci-box").baseline("latest", KEY, "orders")


def test_a_baseline_by_name_number_or_path(tmp_path: Path, make: Make) -> None:
    store = BenchStore(tmp_path, "ci-box")
    named = store.save(make(WALLS, name="v1.4"))
    store.save(make(WALLS))
    assert store.baseline("v1.4", KEY, "orders").path == named.path
    assert store.baseline("1", KEY, "orders").path == named.path
    assert store.baseline(str(named.path), KEY, "orders").result == named.result


def test_an_unknown_name_lists_the_saved_ones(tmp_path: Path, make: Make) -> None:
    store = BenchStore(tmp_path, "ci-box")
    store.save(make(WALLS, name="v1.4"))
    with pytest.raises(UsageError) as refused:
        store.baseline("v1.5", KEY, "orders")
    assert "saved names: v1.4" in str(refused.value)
    with pytest.raises(UsageError, match="no such file"):
        store.baseline(str(tmp_path / "gone.json"), KEY, "orders")


def test_a_file_that_is_not_a_result_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "0001_abcdef01_20260501T120000Z.json"
    broken.write_text('{"format": 1, "pipeline": "orders"}', "utf-8")
    with pytest.raises(UsageError) as refused:
        load_result(broken)
    message = str(refused.value)
    assert message.startswith(f"{broken}: not an etlcheck benchmark result: ")
    assert "\n" not in message


@pytest.mark.parametrize("bad", ["", "12", "latest", "with space", "a/b", "x" * 65])
def test_save_names_are_checked(bad: str) -> None:
    with pytest.raises(UsageError):
        check_name(bad)
    assert check_name("before-refactor_2.1") == "before-refactor_2.1"
