"""User-defined types (``sys.etlcheck_types``, kept by ``etlcheck.tsql.user_type_store``) as
``sys.types`` and ``sys.table_types`` list them, and ``TYPE_ID`` / ``TYPE_NAME``.

A type's id is made from its name, above 256 (the ids of SQL Server's own types), the
same as on DuckDB (``duckdb_types.sql``). ``{citext}`` is filled in with the emulation's.
"""

from __future__ import annotations

TYPE_CATALOG = """
CREATE OR REPLACE VIEW sys.types AS
SELECT t.name::{citext} AS name,
       ('x' || lpad(substr(md5(lower(t.schema_name || '.' || t.name)), 1, 7), 8, '0'))
           ::bit(32)::integer + 257 AS user_type_id,
       t.schema_id, NULL::oid AS principal_id,
       CASE WHEN t.kind = 'A' THEN t.not_null = 0 END AS is_nullable,
       true AS is_user_defined, false AS is_assembly_type, t.kind = 'TT' AS is_table_type
FROM sys.etlcheck_types t
WHERE t.schema_id IN (SELECT n.oid FROM pg_catalog.pg_namespace n);

CREATE OR REPLACE VIEW sys.table_types AS
SELECT *, false AS is_memory_optimized FROM sys.types WHERE is_table_type;

CREATE OR REPLACE FUNCTION sys.type_id(text) RETURNS integer LANGUAGE sql STABLE AS $$
    WITH parts AS (SELECT sys.etlcheck_name_parts($1) AS p)
    SELECT t.user_type_id
    FROM sys.types t JOIN pg_catalog.pg_namespace n ON n.oid = t.schema_id, parts
    WHERE cardinality(p) <= 2 AND lower(t.name) = lower(p[cardinality(p)])
      AND lower(n.nspname) = lower(CASE WHEN cardinality(p) = 2 AND p[1] <> '' THEN p[1]
                                        ELSE 'dbo' END)
    LIMIT 1
$$;

CREATE OR REPLACE FUNCTION sys.type_name(integer) RETURNS {citext} LANGUAGE sql STABLE AS $$
    SELECT t.name FROM sys.types t WHERE t.user_type_id = $1 LIMIT 1
$$;
"""
