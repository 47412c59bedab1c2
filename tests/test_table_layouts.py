"""The PRIMARY KEY of a CREATE TABLE, however SQL Server's tools script it."""

from __future__ import annotations

from pathlib import Path

from etlcheck.table_layouts import layouts_in_text

KEYS = Path(__file__).parent / "table_layouts_keys.sql"


def test_clustered_and_nonclustered_keys_are_read() -> None:
    layouts = layouts_in_text(KEYS.read_text("utf-8"), KEYS)
    assert [(t.table, t.primary_key) for t in layouts] == [
        ("HubCustomer", ("CustomerHashKey",)),
        ("SatCustomer", ("CustomerHashKey", "LoadDate")),
        ("HubProduct", ("ProductHashKey",)),
        ("Plain", ("a", "b")),
        ("Unique_only", ()),
    ]
