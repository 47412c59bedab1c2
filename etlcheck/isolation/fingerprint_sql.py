"""The SQL a fingerprint runs: what every engine's queries share. Each engine's own
subclass lives in its folder and is what ``Engine.fingerprint_sql()`` returns.

Every query returns the same columns on every engine, so ``fingerprint.py`` reads
the answers without knowing the dialect. Row hashes are 64-bit integers computed in
the database: the first 8 bytes of SHA-256 over a canonical text of the row
(length-prefixed values, ``n`` for NULL, so NULL and '' differ), or DuckDB's own
typed ``hash()`` where the caller asks for ``native`` speed. Never CHECKSUM.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

HashMethod = Literal["sha256", "native"]
HASH_METHODS: tuple[HashMethod, ...] = ("sha256", "native")
UINT64 = 1 << 64

INVENTORY_COLUMNS = (
    "schema_name",
    "object_name",
    "kind",
    "object_id",
    "column_name",
    "ordinal",
    "data_type",
    "definition",
)
"""What every ``inventory_sql`` returns: one row per column (one per object without columns)."""
CATALOG_COLUMNS = (*INVENTORY_COLUMNS, "primary_key", "comment")
"""What ``catalog_sql`` returns: the inventory, the engine's primary key columns of a
table, and its comment (where the T-SQL interpreter records the keys it enforces)."""


@dataclass(frozen=True)
class HashedTable:
    """A table to hash: its place, columns with types, and key columns (may be empty)."""

    schema: str
    name: str
    columns: tuple[tuple[str, str], ...]
    key_columns: tuple[str, ...] = ()


class FingerprintSQL:
    """The queries of one dialect. Subclasses fill in quoting and the row expressions."""

    dialect: ClassVar[str]
    native_hash: ClassVar[bool] = False
    """True when the engine has a fast typed row hash worth offering as ``native``."""
    batched_content: ClassVar[bool] = False
    """True when ``content_sql`` hashes many tables in one pass (embedded engines)."""

    def default_method(self) -> HashMethod:
        """``native`` where the engine's own row hash is fast and typed, else ``sha256``."""
        return "native" if self.native_hash else "sha256"

    def quote(self, name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    def literal(self, text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    def qualified(self, schema: str, table: str) -> str:
        return f"{self.quote(schema)}.{self.quote(table)}"

    def in_list(self, names: Iterable[str]) -> str:
        return "(" + ", ".join(self.literal(name.lower()) for name in names) + ")"

    # -- catalog -------------------------------------------------------------------------
    def schemata_sql(self) -> str:
        raise NotImplementedError

    def inventory_sql(self, schemas: Sequence[str]) -> str:
        raise NotImplementedError

    def catalog_sql(self, schemas: Sequence[str]) -> str | None:
        """Schemas, objects, columns and keys in one round trip, where the dialect can:
        rows of ``CATALOG_COLUMNS``, one a column of an object of ``schemas`` and one for
        each of those schemas that holds nothing. None: ``schemata_sql``, ``inventory_sql``
        and ``primary_keys_sql`` one after another."""
        return None

    def primary_keys_sql(self, schemas: Sequence[str]) -> str:
        """Rows of (schema_name, table_name, column_name, ordinal) for primary keys."""
        return (
            "SELECT kcu.table_schema AS schema_name, kcu.table_name AS table_name, "
            "kcu.column_name AS column_name, kcu.ordinal_position AS ordinal "
            "FROM information_schema.table_constraints AS tc "
            "JOIN information_schema.key_column_usage AS kcu "
            "ON kcu.constraint_schema = tc.constraint_schema "
            "AND kcu.constraint_name = tc.constraint_name "
            "AND kcu.table_name = tc.table_name "
            "WHERE tc.constraint_type = 'PRIMARY KEY' "
            f"AND LOWER(tc.table_schema) IN {self.in_list(schemas)}"
        )

    # -- content -------------------------------------------------------------------------
    def value_text(self, column: str, data_type: str) -> str:
        """A column's value as text in this dialect (never NULL-propagating tricks here)."""
        raise NotImplementedError

    def canonical_text(self, columns: Sequence[tuple[str, str]]) -> str:
        """Length-prefixed values joined; NULL becomes 'n', so NULL and '' differ."""
        raise NotImplementedError

    def sha_hash(self, text: str) -> str:
        """The first 8 bytes of SHA-256 of ``text`` as a 64-bit integer expression."""
        raise NotImplementedError

    def native_row_hash(self, columns: Sequence[tuple[str, str]]) -> str:
        raise NotImplementedError(f"{self.dialect} has no native row hash; use sha256")

    def row_hash(self, columns: Sequence[tuple[str, str]], method: HashMethod) -> str:
        if method == "native" and self.native_hash:
            return self.native_row_hash(columns)
        return self.sha_hash(self.canonical_text(columns))

    def row_hashes_sql(self, table: HashedTable, method: HashMethod) -> str:
        """One row per table row: row_hash, and key_hash when the table has key columns."""
        select = [f"{self.row_hash(table.columns, method)} AS row_hash"]
        if table.key_columns:
            types = dict(table.columns)
            keys = [(name, types.get(name, "")) for name in table.key_columns]
            select.insert(0, f"{self.row_hash(keys, method)} AS key_hash")
        return f"SELECT {', '.join(select)} FROM {self.qualified(table.schema, table.name)}"

    def count_all(self) -> str:
        return "COUNT(*)"

    def sum_hashes(self, expression: str) -> str:
        return f"SUM({expression})"

    def totals_sql(self, tables: Sequence[HashedTable], method: HashMethod) -> str:
        """One row per table: (table_index, row_count, hash_sum), all in one round trip."""
        parts = []
        for index, table in enumerate(tables):
            parts.append(
                f"SELECT {index} AS table_index, {self.count_all()} AS row_count, "
                f"{self.sum_hashes('h.row_hash')} AS hash_sum FROM "
                f"(SELECT {self.row_hash(table.columns, method)} AS row_hash "
                f"FROM {self.qualified(table.schema, table.name)}) AS h"
            )
        return " UNION ALL ".join(parts)

    def content_sql(
        self, tables: Sequence[HashedTable], method: HashMethod, row_detail: bool
    ) -> str:
        """Many tables in one pass. With ``row_detail``: rows of (table_index, key_hash,
        row_hash), one per table row (the caller counts and sums them). Without: rows of
        (table_index, row_count, hash_sum), the sum taken mod 2**64, one per non-empty table.
        """
        raise NotImplementedError(f"{self.dialect} hashes tables one query at a time")
