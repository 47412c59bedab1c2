"""Production is byte-for-byte unchanged: one case per protected table, comparing its
row count and order-independent content hash before and after the run."""

from __future__ import annotations

from etlcheck.assertions import leak_sentence


def test_production_table_unchanged(etl_protected_table, etl_after, etl_options) -> None:
    production, _ = etl_after
    schema, _, name = etl_protected_table.partition(".")
    table = production.table(schema, name)
    assert table is not None, f"{etl_protected_table} was not fingerprinted after the run"
    assert table.status == "unchanged", leak_sentence(table, etl_options.config.sandbox)
    assert table.rows_after == table.rows_before
