"""The SQL a fingerprint runs, one class per dialect, keyed by ``Engine.dialect``.

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


ROUTINES_SQL = (
    "SELECT s.schema_name, r.name, CASE r.type WHEN 'P' THEN 'procedure' ELSE 'function' END, "
    "r.object_id, md5(r.definition) FROM sys.etlcheck_routines AS r "
    "JOIN duckdb_schemas() AS s ON s.oid = r.schema_id AND s.database_name = current_database()"
)
"""Procedures and functions the T-SQL interpreter keeps in DuckDB (``tsql.routine_store``)."""


class FingerprintSQL:
    """The queries of one dialect. Subclasses fill in quoting and the row expressions."""

    dialect: ClassVar[str]
    native_hash: ClassVar[bool] = False
    """True when the engine has a fast typed row hash worth offering as ``native``."""
    batched_content: ClassVar[bool] = False
    """True when ``content_sql`` hashes many tables in one pass (embedded engines)."""

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


class DuckDBFingerprintSQL(FingerprintSQL):
    dialect = "duckdb"
    native_hash = True
    batched_content = True

    def content_sql(
        self, tables: Sequence[HashedTable], method: HashMethod, row_detail: bool
    ) -> str:
        parts = []
        for index, table in enumerate(tables):
            types = dict(table.columns)
            keys = [(name, types.get(name, "")) for name in table.key_columns]
            key = self.row_hash(keys, method) if keys and row_detail else "NULL"
            parts.append(
                f"SELECT {index} AS table_index, CAST({key} AS UBIGINT) AS key_hash, "
                f"{self.row_hash(table.columns, method)} AS row_hash "
                f"FROM {self.qualified(table.schema, table.name)}"
            )
        hashed = " UNION ALL ".join(parts)
        if row_detail:
            return hashed
        return (
            "SELECT table_index, count(*) AS row_count, "
            f"CAST(sum(CAST(row_hash AS HUGEINT)) % {UINT64} AS UBIGINT) AS hash_sum "
            f"FROM ({hashed}) AS h GROUP BY table_index"
        )

    def schemata_sql(self) -> str:
        return (
            "SELECT schema_name FROM duckdb_schemas() "
            "WHERE database_name = current_database() AND NOT internal"
        )

    def inventory_sql(self, schemas: Sequence[str]) -> str:
        # DuckDB has no procedures: the T-SQL interpreter keeps them (and the functions it
        # made macros of) in sys.etlcheck_routines. Macros themselves are left out because
        # listing them (duckdb_functions()) costs ~20 ms, half the fingerprint budget.
        where = (
            "WHERE database_name = current_database() AND NOT internal AND NOT temporary "
            f"AND lower(schema_name) IN {self.in_list(schemas)}"
        )
        return (
            "SELECT o.schema_name, o.object_name, o.kind, o.object_id, c.column_name, "
            "c.column_index, c.data_type, o.definition FROM ("
            "SELECT schema_name, table_name AS object_name, 'table' AS kind, "
            f"table_oid AS object_id, NULL AS definition FROM duckdb_tables() {where} "
            "UNION ALL "
            f"SELECT schema_name, view_name, 'view', view_oid, sql FROM duckdb_views() {where} "
            "UNION ALL "
            f"{ROUTINES_SQL} WHERE lower(s.schema_name) IN {self.in_list(schemas)}"
            ") AS o LEFT JOIN duckdb_columns() AS c ON c.table_oid = o.object_id"
        )

    def catalog_sql(self, schemas: Sequence[str]) -> str:
        # One query instead of three saves a third of the catalog's cost (about 2 ms):
        # duckdb_columns() binds every view of the database, whatever is asked.
        names = self.in_list(schemas)
        where = (
            "WHERE t.database_name = current_database() AND NOT t.internal AND NOT t.temporary "
            f"AND lower(t.schema_name) IN {names}"
        )
        return (
            "SELECT s.schema_name, o.object_name, o.kind, o.object_id, c.column_name, "
            "c.column_index, c.data_type, o.definition, o.primary_key, o.comment FROM ("
            "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database() "
            f"AND NOT internal AND lower(schema_name) IN {names}) AS s LEFT JOIN ("
            "SELECT t.schema_name, t.table_name AS object_name, 'table' AS kind, "
            "t.table_oid AS object_id, NULL AS definition, "
            "k.constraint_column_names AS primary_key, t.comment AS comment "
            "FROM duckdb_tables() AS t LEFT JOIN duckdb_constraints() AS k "
            f"ON k.table_oid = t.table_oid AND k.constraint_type = 'PRIMARY KEY' {where} "
            "UNION ALL "
            "SELECT t.schema_name, t.view_name, 'view', t.view_oid, t.sql, NULL, NULL "
            f"FROM duckdb_views() AS t {where} "
            "UNION ALL "
            f"SELECT *, NULL, NULL FROM ({ROUTINES_SQL} WHERE lower(s.schema_name) IN {names})"
            ") AS o ON o.schema_name = s.schema_name "
            # only the wanted schemas' columns: the rest (the sys views) cost 1 ms more
            "LEFT JOIN (SELECT table_oid, column_name, column_index, data_type "
            "FROM duckdb_columns() WHERE database_name = current_database() "
            f"AND lower(schema_name) IN {names}) AS c ON c.table_oid = o.object_id"
        )

    def primary_keys_sql(self, schemas: Sequence[str]) -> str:
        # DuckDB's own keys, and those the T-SQL interpreter enforces, recorded in the
        # table's comment (etlcheck.tsql.keys).
        where = (
            f"database_name = current_database() AND lower(schema_name) IN {self.in_list(schemas)}"
        )
        return (
            "SELECT schema_name, table_name, unnest(constraint_column_names) AS column_name, "
            "unnest(generate_series(1, len(constraint_column_names))) AS ordinal "
            f"FROM duckdb_constraints() WHERE {where} AND constraint_type = 'PRIMARY KEY' "
            "UNION ALL "
            "SELECT schema_name, table_name, unnest(CAST(k->'columns' AS VARCHAR[])), "
            "unnest(generate_series(1, CAST(json_array_length(k->'columns') AS BIGINT))) "
            "FROM (SELECT schema_name, table_name, unnest(CAST(json_extract("
            "substr(comment, 10), '$.keys') AS JSON[])) AS k FROM duckdb_tables() "
            f"WHERE {where} AND NOT temporary AND starts_with(comment, 'etlcheck:')) "
            "WHERE k->>'kind' = 'PRIMARY KEY'"
        )

    def value_text(self, column: str, data_type: str) -> str:
        return f"CAST({self.quote(column)} AS VARCHAR)"

    def canonical_text(self, columns: Sequence[tuple[str, str]]) -> str:
        # A JSON array of the row: strings quoted and escaped, NULL as null, doubles in
        # round-trip form; twice as fast as length-prefixed text in DuckDB.
        return "to_json(row(" + ", ".join(self.quote(name) for name, _ in columns) + "))"

    def sha_hash(self, text: str) -> str:
        return f"CAST('0x' || left(sha256({text}), 16) AS UBIGINT)"

    def native_row_hash(self, columns: Sequence[tuple[str, str]]) -> str:
        return "hash(" + ", ".join(self._binary(name, kind) for name, kind in columns) + ")"

    def _binary(self, column: str, data_type: str) -> str:
        """The column as hash() should see it: strings compared byte for byte.

        DuckDB's hash() follows the collation, and etlcheck runs DuckDB with SQL Server's
        case-insensitive one, under which 'Ann' and 'ANN' would hash alike.
        """
        name = self.quote(column)
        kind = data_type.upper()
        if kind.startswith("VARCHAR"):
            return f'{name} COLLATE "binary"'
        if "VARCHAR" in kind or "JSON" in kind:
            return f'CAST(to_json({name}) AS VARCHAR) COLLATE "binary"'
        return name

    def sum_hashes(self, expression: str) -> str:
        return f"SUM(CAST({expression} AS HUGEINT))"


class PostgresFingerprintSQL(FingerprintSQL):
    dialect = "postgres"

    def schemata_sql(self) -> str:
        return "SELECT nspname AS schema_name FROM pg_catalog.pg_namespace"

    def inventory_sql(self, schemas: Sequence[str]) -> str:
        names = self.in_list(schemas)
        return (
            "SELECT n.nspname, c.relname, "
            "CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END, "
            "CAST(c.oid AS BIGINT), a.attname, a.attnum, "
            "format_type(a.atttypid, a.atttypmod), "
            "CASE WHEN c.relkind IN ('v', 'm') THEN md5(pg_get_viewdef(c.oid)) END "
            "FROM pg_catalog.pg_class AS c "
            "JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_catalog.pg_attribute AS a "
            "ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            f"WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND lower(n.nspname) IN {names} "
            "UNION ALL "
            "SELECT n.nspname, "
            "p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
            "CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, "
            "CAST(p.oid AS BIGINT), NULL, NULL, NULL, md5(p.prosrc) "
            "FROM pg_catalog.pg_proc AS p "
            "JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace "
            f"WHERE p.prokind IN ('f', 'p') AND lower(n.nspname) IN {names} "
            "UNION ALL "  # T-SQL procedures the interpreter keeps (its functions are in pg_proc)
            "SELECT n.nspname, r.name, 'procedure', CAST(r.object_id AS BIGINT), NULL, NULL, "
            "NULL, md5(r.definition) FROM sys.etlcheck_routines AS r "
            "JOIN pg_catalog.pg_namespace AS n ON n.oid = r.schema_id "
            f"WHERE r.type = 'P' AND lower(n.nspname) IN {names}"
        )

    def value_text(self, column: str, data_type: str) -> str:
        return f"CAST({self.quote(column)} AS TEXT)"

    def canonical_text(self, columns: Sequence[tuple[str, str]]) -> str:
        parts = []
        for name, data_type in columns:
            value = self.value_text(name, data_type)
            parts.append(f"COALESCE('v' || length({value}) || ':' || {value}, 'n')")
        return " || ".join(parts)

    def sha_hash(self, text: str) -> str:
        digest = f"sha256(convert_to({text}, 'UTF8'))"
        return f"CAST(CAST('x' || left(encode({digest}, 'hex'), 16) AS BIT(64)) AS BIGINT)"


_TSQL_DATETIME = {"date", "datetime", "datetime2", "smalldatetime", "time", "datetimeoffset"}
_TSQL_FLOAT = {"float", "real"}
_TSQL_MONEY = {"money", "smallmoney"}
_TSQL_BINARY = {
    "binary",
    "varbinary",
    "image",
    "timestamp",
    "rowversion",
    "geography",
    "geometry",
    "hierarchyid",
}


class SqlServerFingerprintSQL(FingerprintSQL):
    dialect = "tsql"

    def quote(self, name: str) -> str:
        return "[" + name.replace("]", "]]") + "]"

    def literal(self, text: str) -> str:
        return "N'" + text.replace("'", "''") + "'"

    def schemata_sql(self) -> str:
        return "SELECT name AS schema_name FROM sys.schemas"

    def inventory_sql(self, schemas: Sequence[str]) -> str:
        type_name = (
            "TYPE_NAME(c.user_type_id) + CASE "
            "WHEN TYPE_NAME(c.system_type_id) IN ('varchar', 'char', 'varbinary', 'binary') "
            "THEN '(' + CASE WHEN c.max_length = -1 THEN 'max' "
            "ELSE CAST(c.max_length AS VARCHAR(10)) END + ')' "
            "WHEN TYPE_NAME(c.system_type_id) IN ('nvarchar', 'nchar') "
            "THEN '(' + CASE WHEN c.max_length = -1 THEN 'max' "
            "ELSE CAST(c.max_length / 2 AS VARCHAR(10)) END + ')' "
            "WHEN TYPE_NAME(c.system_type_id) IN ('decimal', 'numeric') "
            "THEN '(' + CAST(c.precision AS VARCHAR(10)) + ',' "
            "+ CAST(c.scale AS VARCHAR(10)) + ')' "
            "ELSE '' END"
        )
        return (
            "SELECT s.name, o.name, CASE o.type WHEN 'U' THEN 'table' WHEN 'V' THEN 'view' "
            "WHEN 'P' THEN 'procedure' ELSE 'function' END, CAST(o.object_id AS BIGINT), "
            f"c.name, c.column_id, {type_name}, "
            "CONVERT(CHAR(64), HASHBYTES('SHA2_256', OBJECT_DEFINITION(o.object_id)), 2) "
            "FROM sys.objects AS o JOIN sys.schemas AS s ON s.schema_id = o.schema_id "
            "LEFT JOIN sys.columns AS c ON c.object_id = o.object_id AND o.type IN ('U', 'V') "
            "WHERE o.type IN ('U', 'V', 'P', 'FN', 'IF', 'TF') AND o.is_ms_shipped = 0 "
            f"AND LOWER(s.name) IN {self.in_list(schemas)}"
        )

    def value_text(self, column: str, data_type: str) -> str:
        name = self.quote(column)
        base = data_type.split("(", 1)[0].strip().lower()
        if base in _TSQL_DATETIME:
            return f"CONVERT(NVARCHAR(MAX), {name}, 126)"
        if base in _TSQL_FLOAT:
            return f"CONVERT(NVARCHAR(MAX), {name}, 3)"
        if base in _TSQL_MONEY:
            return f"CONVERT(NVARCHAR(MAX), {name}, 2)"
        if base in _TSQL_BINARY:
            return f"CONVERT(NVARCHAR(MAX), CAST({name} AS VARBINARY(MAX)), 1)"
        return f"CAST({name} AS NVARCHAR(MAX))"

    def canonical_text(self, columns: Sequence[tuple[str, str]]) -> str:
        parts = []
        for name, data_type in columns:
            value = self.value_text(name, data_type)
            parts.append(
                f"COALESCE(N'v' + CAST(DATALENGTH({value}) AS NVARCHAR(20)) + N':' + {value}, N'n')"
            )
        return " + ".join(parts)

    def sha_hash(self, text: str) -> str:
        return f"CAST(SUBSTRING(HASHBYTES('SHA2_256', {text}), 1, 8) AS BIGINT)"

    def count_all(self) -> str:
        return "COUNT_BIG(*)"

    def sum_hashes(self, expression: str) -> str:
        return f"SUM(CAST({expression} AS DECIMAL(38, 0)))"


FINGERPRINT_SQL: dict[str, FingerprintSQL] = {
    sql.dialect: sql
    for sql in (DuckDBFingerprintSQL(), PostgresFingerprintSQL(), SqlServerFingerprintSQL())
}


def fingerprint_sql(dialect: str) -> FingerprintSQL:
    """The fingerprint queries for an engine's dialect."""
    try:
        return FINGERPRINT_SQL[dialect]
    except KeyError:
        known = ", ".join(FINGERPRINT_SQL)
        raise ValueError(f"no fingerprint SQL for dialect {dialect!r} (known: {known})") from None


def default_method(dialect: str) -> HashMethod:
    """``native`` where the engine's own row hash is fast and typed (DuckDB), else ``sha256``."""
    return "native" if fingerprint_sql(dialect).native_hash else "sha256"
