"""Rows a sandbox copy is owed: cloned without them because the first step drops the
table before anything reads it (:mod:`etlcheck.seeding.discarded`).

Each such copy has a row in ``<internal schema>.etlcheck_owed_rows`` naming the step.
The debt ends in one of two ways, and the copy is never seen without its rows:

- the step commits: the runner deletes the step's rows of this table inside the step's
  own transaction (``forgive``), so the drops and the end of the debt stand or fall
  together; a step rolled back, interrupted or killed leaves the debt as it was;
- anything else is about to run against the sandbox (another step first, the step
  outside a transaction of etlcheck's, the end of a run whose step did not commit): the
  rows are copied from production then (``pay``), in one transaction.

Until then a fingerprint of the sandbox shows each owed copy with production's content
(``as_cloned``): what the copy holds once paid, so the report's diff is the one a full
clone gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from etlcheck.state import sql_literal

if TYPE_CHECKING:
    from etlcheck.engines.base import Engine
    from etlcheck.isolation.fingerprint import Fingerprint

TABLE = "etlcheck_owed_rows"


@dataclass(frozen=True)
class OwedTable:
    schema: str
    """Production's schema, where the rows are."""
    table: str
    sandbox_schema: str
    step: int
    """The step whose drops end the debt."""


class OwedRows:
    """The engine's record of owed rows (nothing is read until asked)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        internal = engine.internal_schemas[0] if engine.internal_schemas else None
        self.table = engine.qualified(internal, TABLE) if internal else None

    def record(self, owed: Sequence[OwedTable]) -> None:
        """What a clone did not copy (replacing what an earlier clone recorded)."""
        if not owed:
            if self.table is not None and self._exists():
                self.engine.execute(f"DELETE FROM {self.table}")
            return
        if self.table is None:
            raise RuntimeError(f"{self.engine.name} keeps no record of owed rows")
        engine = self.engine
        engine.execute(
            f"CREATE TABLE IF NOT EXISTS {self.table} (source_schema VARCHAR(128), "
            "table_name VARCHAR(128), sandbox_schema VARCHAR(128), step INTEGER)"
        )
        engine.execute(f"DELETE FROM {self.table}")  # a clone made before is gone
        values = ", ".join(
            f"({sql_literal(o.schema)}, {sql_literal(o.table)}, "
            f"{sql_literal(o.sandbox_schema)}, {o.step})"
            for o in owed
        )
        engine.execute(f"INSERT INTO {self.table} VALUES {values}")

    def owed(self) -> list[OwedTable]:
        """What is owed now (nothing when no clone was made without rows)."""
        if self.table is None:
            return []
        with self.engine.owner_session():
            if not self._exists():
                return []
            rows = self.engine.query(
                "SELECT source_schema, table_name, sandbox_schema, step FROM "
                f"{self.table} ORDER BY step, source_schema, table_name"
            ).rows
        return [OwedTable(str(s), str(t), str(b), int(n)) for s, t, b, n in rows]

    def _exists(self) -> bool:
        assert self.table is not None
        schema = self.engine.internal_schemas[0]
        found = self.engine.query(
            "SELECT COUNT(*) FROM information_schema.tables WHERE "
            f"table_schema = {sql_literal(schema)} AND table_name = {sql_literal(TABLE)}"
        ).scalar()
        return bool(found)

    def forgive(self, step: int) -> None:
        """Inside ``step``'s own transaction, just before it commits: its drops happened."""
        assert self.table is not None
        with self.engine.owner_session():
            self.engine.execute(f"DELETE FROM {self.table} WHERE step = {step}")

    def pay(self, owed: Sequence[OwedTable]) -> None:
        """Copy production's rows into each owed copy and end its debt, in one
        transaction (outside any step's)."""
        if not owed:
            return
        assert self.table is not None
        engine = self.engine
        with engine.owner_session():
            engine.begin_step()
            try:
                engine.copy_rows([(o.schema, o.table, o.sandbox_schema) for o in owed])
                for o in owed:
                    engine.execute(
                        f"DELETE FROM {self.table} WHERE source_schema = {sql_literal(o.schema)}"
                        f" AND table_name = {sql_literal(o.table)}"
                    )
            except BaseException:
                engine.rollback_step()
                raise
            engine.commit_step()


def as_cloned(
    fingerprint: Fingerprint, production: Fingerprint, owed: Sequence[OwedTable]
) -> tuple[Fingerprint, list[OwedTable]]:
    """``fingerprint`` (of the sandbox) with each owed copy holding production's rows, as
    it will once paid; and the owed copies it could not show so (their columns are not
    production's, or production has no such table), which the caller pays instead."""
    if not owed:
        return fingerprint, []
    shown: set[OwedTable] = set()
    wanted = {(o.sandbox_schema.lower(), o.table.lower()): o for o in owed}
    schemas = []
    for schema in fingerprint.schemas:
        objects = []
        for item in schema.objects:
            debt = wanted.get((item.schema.lower(), item.name.lower()))
            source = production.table(debt.schema, debt.table) if debt else None
            if debt and item.is_table and source is not None and source.columns == item.columns:
                shown.add(debt)
                item = replace(
                    item,
                    row_count=source.row_count,
                    content_hash=source.content_hash,
                    row_hashes=source.row_hashes,
                    key_hashes=source.key_hashes,
                )
            objects.append(item)
        schemas.append(replace(schema, objects=tuple(objects)))
    return replace(fingerprint, schemas=tuple(schemas)), [o for o in owed if o not in shown]
