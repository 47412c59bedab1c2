"""The fingerprint queries on PostgreSQL: SHA-256 of each row's canonical text."""

from __future__ import annotations

from collections.abc import Sequence

from etlcheck.isolation.fingerprint_sql import FingerprintSQL
from etlcheck.tsql.property_store import inventory_sql as properties_sql

STRUCTURE_SQL = (
    "md5(concat_ws('|', obj_description(c.oid, 'pg_class'), "
    "(SELECT string_agg(pg_get_indexdef(i.indexrelid), ';' ORDER BY 1) "
    "FROM pg_catalog.pg_index AS i WHERE i.indrelid = c.oid), "
    "(SELECT string_agg(k.conname || ':' || pg_get_constraintdef(k.oid), ';' ORDER BY 1) "
    "FROM pg_catalog.pg_constraint AS k WHERE k.conrelid = c.oid "
    "AND pg_get_constraintdef(k.oid) !~ 'etlcheck_(bit_|tinyint_)?fits'), "
    "(SELECT string_agg(d.adnum || '=' || pg_get_expr(d.adbin, d.adrelid), ';' ORDER BY 1) "
    "FROM pg_catalog.pg_attrdef AS d WHERE d.adrelid = c.oid), "
    "(SELECT string_agg(g.tgname || ':' || CAST(g.tgenabled AS text), ';' ORDER BY 1) "
    "FROM pg_catalog.pg_trigger AS g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal)))"
)
"""What a table is besides its columns and rows: its comment, indexes, constraints, defaults
and triggers. An index made or a foreign key dropped in production changes it, and so the
table's definition hash. Left out: its privileges (a run's least privilege grants and
revokes them, which can leave the same rights written otherwise) and the checks of declared
lengths, tinyint and bit columns (which quote the table's name, so a sandbox copy reads
otherwise)."""
SEQUENCE_SQL = (
    "(SELECT md5(concat_ws(',', q.start_value, q.increment_by, q.min_value, q.max_value, "
    "q.cycle, q.last_value)) FROM pg_catalog.pg_sequences AS q "
    "WHERE q.schemaname = n.nspname AND q.sequencename = c.relname)"
)
"""A sequence's settings and last value: ``NEXT VALUE FOR`` in production moves it. An
identity column's own sequence is left out, as every row a load inserts moves it."""


class PostgresFingerprintSQL(FingerprintSQL):
    dialect = "postgres"

    def schemata_sql(self) -> str:
        return "SELECT nspname AS schema_name FROM pg_catalog.pg_namespace"

    def inventory_sql(self, schemas: Sequence[str]) -> str:
        names = self.in_list(schemas)
        return (
            "SELECT n.nspname, c.relname, "
            "CASE WHEN c.relkind IN ('v', 'm') THEN 'view' WHEN c.relkind = 'S' THEN 'sequence' "
            "ELSE 'table' END, "
            "CAST(c.oid AS BIGINT), a.attname, a.attnum, "
            "format_type(a.atttypid, a.atttypmod), "
            "CASE WHEN c.relkind IN ('v', 'm') THEN md5(pg_get_viewdef(c.oid)) "
            f"WHEN c.relkind = 'S' THEN {SEQUENCE_SQL} ELSE {STRUCTURE_SQL} END "
            "FROM pg_catalog.pg_class AS c "
            "JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_catalog.pg_attribute AS a "
            "ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            f"WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND lower(n.nspname) IN {names} "
            "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS o "  # an IDENTITY's own
            "WHERE o.objid = c.oid AND o.classid = 'pg_class'::regclass "
            "AND o.deptype IN ('a', 'i')) "
            "UNION ALL "
            "SELECT n.nspname, "  # an overloaded function's name shows its arguments
            "CASE WHEN count(*) OVER (PARTITION BY p.pronamespace, p.proname) = 1 "
            # a T-SQL function's name as its script wrote it (the engine's is lower case)
            "THEN coalesce((SELECT min(r.name) FROM sys.etlcheck_routines AS r "
            "WHERE r.schema_id = p.pronamespace AND lower(r.name) = p.proname "
            "AND r.type <> 'P'), p.proname) "
            "ELSE p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' END, "
            "CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, "
            "CAST(p.oid AS BIGINT), NULL, NULL, NULL, md5(p.prosrc) "
            "FROM pg_catalog.pg_proc AS p "
            "JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace "
            f"WHERE p.prokind IN ('f', 'p') AND lower(n.nspname) IN {names} "
            "UNION ALL "  # T-SQL procedures the interpreter keeps (its functions are in pg_proc)
            "SELECT n.nspname, r.name, 'procedure', CAST(r.object_id AS BIGINT), NULL, NULL, "
            "NULL, md5(r.definition) FROM sys.etlcheck_routines AS r "
            "JOIN pg_catalog.pg_namespace AS n ON n.oid = r.schema_id "
            f"WHERE r.type = 'P' AND lower(n.nspname) IN {names} "
            "UNION ALL "  # extended properties (etlcheck.tsql.property_store)
            "SELECT p.schema_name, p.object_name, p.kind, p.object_id, NULL, NULL, NULL, "
            f"p.definition FROM ({properties_sql(schemas, self.literal)}) "
            "AS p (schema_name, object_name, kind, object_id, definition)"
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
