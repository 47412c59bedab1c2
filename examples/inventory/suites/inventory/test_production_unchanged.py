"""Production is byte-for-byte unchanged: one case per protected table the seed sources
declare, comparing its row count and order-independent content hash before and after
the run. (``etl_protected_table`` is None when no declaration names a table: the case then
covers every table of the before-fingerprint.)"""

from __future__ import annotations

from etlcheck.assertions import bullet_list, leak_sentence


def test_production_table_unchanged(
    etl_protected_table, etl_before, etl_after, etl_options
) -> None:
    production, _ = etl_after
    if etl_protected_table is None:
        names = [t.qualified_name for s in etl_before.production.schemas for t in s.tables]
    else:
        names = [etl_protected_table]
    problems = []
    for qualified in names:
        schema, _, name = qualified.partition(".")
        if etl_before.production.table(schema, name) is None:
            problems.append(f"{qualified} was declared by a seed source but not seeded")
            continue
        table = production.table(schema, name)
        if table is None or table.status != "unchanged" or table.rows_after != table.rows_before:
            problems.append(
                leak_sentence(table, etl_options.config.sandbox)
                if table is not None
                else f"{qualified} was not fingerprinted after the run"
            )
    assert not problems, "production changed:\n" + bullet_list(problems)
