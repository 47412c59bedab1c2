"""The engine registry states what the adapters say, so nothing has to import them to ask."""

from __future__ import annotations

import pytest

from etlcheck.engines.registry import ENGINES, get_engine_class, registered


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_the_registry_knows_which_engines_export_tables(name: str) -> None:
    try:
        adapter = get_engine_class(name)
    except ImportError as error:  # pragma: no cover - a driver missing on this machine
        pytest.skip(f"the {name} adapter does not import here: {error}")
    assert registered(name).exports_tables is adapter.exports_tables
