"""Table contents hashed in the database: row counts, hash sums and per-row hashes.

Embedded engines (DuckDB) hash up to ``BATCH_TABLES`` tables in one pass and hand the
hashes over as numpy arrays; server engines get one totals query and a query per table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from etlcheck.isolation.fingerprint_sql import UINT64, FingerprintSQL, HashedTable, HashMethod

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine

HashArray = npt.NDArray[np.uint64]

BATCH_TABLES = 40
"""Tables hashed per query on engines that batch; bigger unions plan more slowly."""


@dataclass(frozen=True)
class TableContent:
    """A table's row count and hash sum, and its per-row hashes when asked for."""

    row_count: int
    hash_sum: int
    row_hashes: HashArray | None = None
    key_hashes: HashArray | None = None


def _split_content(
    arrays: Mapping[str, Any], specs: Sequence[HashedTable], row_detail: bool
) -> list[TableContent]:
    """Cut one ``content_sql`` answer into per-table contents. Row counts and hash sums
    of the row hashes are taken here: numpy's uint64 sum wraps mod 2**64 as the SQL does."""
    index = np.asarray(arrays["table_index"])
    if not row_detail:
        counts = np.asarray(arrays["row_count"])
        sums = np.asarray(arrays["hash_sum"]).astype(np.uint64, copy=False)
        found = {int(i): (int(c), int(t)) for i, c, t in zip(index, counts, sums, strict=True)}
        return [TableContent(*found.get(i, (0, 0))) for i in range(len(specs))]
    keys = np.ma.getdata(arrays["key_hash"]).astype(np.uint64, copy=False)
    rows = np.asarray(arrays["row_hash"]).astype(np.uint64, copy=False)
    if len(index) and not np.all(index[:-1] <= index[1:]):
        order = np.argsort(index, kind="stable")
        index, keys, rows = index[order], keys[order], rows[order]
    bounds = np.searchsorted(index, np.arange(len(specs) + 1))
    result = []
    for i, spec in enumerate(specs):
        low, high = int(bounds[i]), int(bounds[i + 1])
        hashes = rows[low:high]
        total = int(hashes.sum(dtype=np.uint64)) if high > low else 0
        key_hashes = keys[low:high] if spec.key_columns else None
        result.append(TableContent(high - low, total, hashes, key_hashes))
    return result


def hash_contents(
    engine: Engine,
    sql: FingerprintSQL,
    specs: Sequence[HashedTable],
    method: HashMethod,
    row_detail: bool,
) -> list[TableContent]:
    """Hash every table in the database: batched where the engine can, else one by one."""
    if not (sql.batched_content and engine.queries_arrays):
        return _content_per_table(engine, sql, specs, method, row_detail)
    contents: list[TableContent] = []
    for start in range(0, len(specs), BATCH_TABLES):
        chunk = specs[start : start + BATCH_TABLES]
        arrays = engine.query_arrays(sql.content_sql(chunk, method, row_detail))
        contents += _split_content(arrays, chunk, row_detail)
    return contents


def _content_per_table(
    engine: Engine,
    sql: FingerprintSQL,
    specs: Sequence[HashedTable],
    method: HashMethod,
    row_detail: bool,
) -> list[TableContent]:
    """Totals for all tables in one query, then each table's row hashes (server engines)."""
    totals = {
        int(index): (int(count), int(total or 0) % UINT64)
        for index, count, total in engine.query(sql.totals_sql(specs, method)).rows
    }
    result = []
    for index, spec in enumerate(specs):
        count, total = totals[index]
        if not row_detail:
            result.append(TableContent(count, total))
            continue
        row_hashes, key_hashes = _fetch_hashes(engine, sql.row_hashes_sql(spec, method))
        result.append(TableContent(count, total, row_hashes, key_hashes))
    return result


def _fetch_hashes(engine: Engine, query: str) -> tuple[HashArray, HashArray | None]:
    """Per-row (row_hash, key_hash) as uint64 arrays, through the driver's rows."""
    result = engine.query(query)
    columns = [name.lower() for name in result.columns]
    mask = UINT64 - 1

    def column(name: str) -> HashArray:
        index = columns.index(name)
        return np.array([int(row[index]) & mask for row in result.rows], dtype=np.uint64)

    return column("row_hash"), (column("key_hash") if "key_hash" in columns else None)
