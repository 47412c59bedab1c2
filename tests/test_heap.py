"""heap: objects made while importing stay out of the cyclic collector's later passes."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from etlcheck import heap


@pytest.fixture
def thawed() -> Iterator[None]:
    gc.unfreeze()
    enabled = gc.isenabled()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable() if enabled else gc.disable()


def test_what_is_made_uncollected_is_frozen_and_the_collector_comes_back(thawed: None) -> None:
    with heap.uncollected():
        assert not gc.isenabled()
        made = [[index] for index in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)


def test_a_collector_switched_off_before_stays_off(thawed: None) -> None:
    gc.disable()
    with heap.uncollected():
        pass
    assert not gc.isenabled()


def test_the_collector_comes_back_when_the_import_fails(thawed: None) -> None:
    with pytest.raises(ImportError), heap.uncollected():
        raise ImportError("no such module")
    assert gc.isenabled()


def test_settle_leaves_what_is_alive_out_of_collections(thawed: None) -> None:
    alive = [[index] for index in range(1000)]
    heap.settle()
    assert gc.get_freeze_count() >= len(alive)
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1  # what is made afterwards is collected as before
