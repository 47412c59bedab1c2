"""The tables a script writes, as ``etlcheck init`` reads them (written.sql)."""

from __future__ import annotations

from pathlib import Path

from etlcheck.scaffold.written_tables import written_tables

WRITTEN = Path(__file__).parent / "written.sql"


def test_every_kind_of_write_names_its_table_once() -> None:
    assert written_tables(WRITTEN.read_text("utf-8"), WRITTEN) == [
        ("dv", "HubCustomer"),
        ("dv", "RefCode"),
        ("dv", "SatCustomer"),
        ("dv", "HubProduct"),
        ("dbo", "LoadLog"),
    ]
