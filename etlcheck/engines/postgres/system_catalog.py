"""T-SQL catalog emulation for PostgreSQL: ``sys.*`` views and ``OBJECT_ID``-style functions.

Scripts written for SQL Server ask ``sys.schemas``/``sys.tables``/``sys.objects`` and call
``OBJECT_ID``/``SCHEMA_ID``. sqlglot leaves those names as they are when it transpiles to
PostgreSQL, so a schema named ``sys`` holding views and functions of the same shape answers
them unchanged. Names are ``citext`` so comparisons are case-insensitive as under SQL
Server's default collation; ``type`` is ``char(2)`` so ``type = 'U'`` matches ``'U '``.
``sys`` must stay on the session's ``search_path`` (at its end) for the unqualified
functions and the citext operators to be found.
"""

from __future__ import annotations

from etlcheck.engines.postgres.identity_reseed import IDENTITY_FUNCTIONS
from etlcheck.engines.postgres.type_catalog import TYPE_CATALOG

EMULATION_SCHEMA = "sys"

_ROUTINES = """
CREATE SEQUENCE IF NOT EXISTS sys.etlcheck_routine_ids START 2000000000;
CREATE TABLE IF NOT EXISTS sys.etlcheck_routines (
    object_id integer, schema_id oid, schema_name text, name text, type text,
    definition text, source_path text, source_line integer
);
GRANT SELECT, INSERT, DELETE ON sys.etlcheck_routines TO PUBLIC;
GRANT USAGE ON SEQUENCE sys.etlcheck_routine_ids TO PUBLIC;
CREATE TABLE IF NOT EXISTS sys.etlcheck_types (
    schema_id oid, schema_name text, name text, kind text, definition text, not_null integer
);
GRANT SELECT, INSERT, DELETE ON sys.etlcheck_types TO PUBLIC;
"""
"""Procedures and functions the T-SQL interpreter created (``etlcheck.tsql.routine_store``)
and its user-defined types (``etlcheck.tsql.user_type_store``)."""

_OBJECTS = """
CREATE OR REPLACE VIEW sys.etlcheck_default_constraints AS
SELECT ('x' || lpad(substr(md5(lower(d.schema_name || '.' || d.name)), 1, 7), 8, '0'))
           ::bit(32)::integer::oid AS object_id, d.*
FROM (SELECT substr(p.description, 18)::jsonb ->> 'name' AS name, n.nspname::text AS schema_name,
             n.oid AS schema_id, c.oid AS parent_object_id, a.attnum::integer AS parent_column_id,
             substr(p.description, 18)::jsonb ->> 'definition' AS definition,
             coalesce((substr(p.description, 18)::jsonb ->> 'system')::boolean, false)
                 AS is_system_named
      FROM pg_catalog.pg_description p
      JOIN pg_catalog.pg_class c ON c.oid = p.objoid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.objsubid
      WHERE p.classoid = 'pg_catalog.pg_class'::regclass AND p.objsubid > 0
        AND n.oid <> pg_catalog.pg_my_temp_schema()
        AND p.description LIKE 'etlcheck-default:%') AS d;

CREATE OR REPLACE VIEW sys.etlcheck_objects AS
SELECT c.oid AS object_id, c.relname::text AS name, n.nspname::text AS schema_name,
       n.oid AS schema_id, 0::oid AS parent_object_id,
       (CASE c.relkind WHEN 'v' THEN 'V' WHEN 'm' THEN 'V' WHEN 'S' THEN 'SO' ELSE 'U' END)::char(2)
           AS type
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND (n.nspname NOT LIKE 'pg\\_%' OR n.oid = pg_catalog.pg_my_temp_schema())
  AND n.nspname NOT IN ('information_schema', 'sys')
  AND NOT (c.relkind = 'S' AND EXISTS (  -- IDENTITY's own sequence is no object in SQL Server
      SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i'))
UNION ALL
SELECT p.oid, p.proname::text, n.nspname::text, n.oid, 0::oid,
       (CASE WHEN p.prokind = 'p' THEN 'P' WHEN p.proretset THEN 'TF' ELSE 'FN' END)::char(2)
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'sys')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.objid = p.oid AND d.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM sys.etlcheck_routines r  -- listed below, with its T-SQL type
                  WHERE r.schema_id = n.oid AND lower(r.name) = lower(p.proname))
UNION ALL
SELECT r.object_id::oid, r.name, n.nspname::text, n.oid, 0::oid, r.type::char(2)
FROM sys.etlcheck_routines r JOIN pg_catalog.pg_namespace n ON n.oid = r.schema_id
UNION ALL
SELECT k.oid, k.conname::text, n.nspname::text, n.oid, k.conrelid,
       (CASE k.contype WHEN 'p' THEN 'PK' WHEN 'f' THEN 'F' WHEN 'u' THEN 'UQ' ELSE 'C' END)
           ::char(2)
FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace
WHERE k.contype IN ('p', 'f', 'u', 'c') AND k.conrelid <> 0
  AND (n.nspname NOT LIKE 'pg\\_%' OR n.oid = pg_catalog.pg_my_temp_schema())
  AND n.nspname NOT IN ('information_schema', 'sys')
UNION ALL  -- the DEFAULT constraints named in column comments (etlcheck.tsql.default_constraints)
SELECT d.object_id, d.name, d.schema_name, d.schema_id, d.parent_object_id, 'D'::char(2)
FROM sys.etlcheck_default_constraints d;
"""

_TYPE_DESC = """CASE o.type WHEN 'U' THEN 'USER_TABLE' WHEN 'V' THEN 'VIEW'
    WHEN 'SO' THEN 'SEQUENCE_OBJECT' WHEN 'P' THEN 'SQL_STORED_PROCEDURE'
    WHEN 'FN' THEN 'SQL_SCALAR_FUNCTION' WHEN 'TF' THEN 'SQL_TABLE_VALUED_FUNCTION'
    WHEN 'IF' THEN 'SQL_INLINE_TABLE_VALUED_FUNCTION'
    WHEN 'PK' THEN 'PRIMARY_KEY_CONSTRAINT' WHEN 'F' THEN 'FOREIGN_KEY_CONSTRAINT'
    WHEN 'UQ' THEN 'UNIQUE_CONSTRAINT' WHEN 'D' THEN 'DEFAULT_CONSTRAINT'
    ELSE 'CHECK_CONSTRAINT' END"""

_PUBLIC_OBJECTS = f"""
SELECT o.name::{{citext}} AS name, o.object_id, NULL::oid AS principal_id, o.schema_id,
       o.parent_object_id, o.type, ({_TYPE_DESC})::text AS type_desc,
       NULL::timestamp AS create_date, NULL::timestamp AS modify_date,
       false AS is_ms_shipped
FROM sys.etlcheck_objects o WHERE o.schema_name NOT LIKE 'pg\\_temp%'
"""

_VIEWS = f"""
CREATE OR REPLACE VIEW sys.schemas AS
SELECT n.nspname::{{citext}} AS name, n.oid AS schema_id, n.nspowner AS principal_id
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema';

CREATE OR REPLACE VIEW sys.objects AS {_PUBLIC_OBJECTS};
CREATE OR REPLACE VIEW sys.tables AS SELECT * FROM sys.objects WHERE type = 'U';
CREATE OR REPLACE VIEW sys.views AS SELECT * FROM sys.objects WHERE type = 'V';
CREATE OR REPLACE VIEW sys.procedures AS SELECT * FROM sys.objects WHERE type = 'P';
CREATE OR REPLACE VIEW sys.sequences AS SELECT * FROM sys.objects WHERE type = 'SO';
CREATE OR REPLACE VIEW sys.sql_modules AS
SELECT r.object_id::oid AS object_id, r.definition FROM sys.etlcheck_routines r
WHERE r.schema_id IN (SELECT n.oid FROM pg_catalog.pg_namespace n);

CREATE OR REPLACE VIEW sys.columns AS
SELECT a.attrelid AS object_id, a.attname::{{citext}} AS name,
       a.attnum::integer AS column_id, a.atttypid::integer AS system_type_id,
       a.atttypid::integer AS user_type_id, a.attlen::integer AS max_length,
       0 AS precision, 0 AS scale, NOT a.attnotnull AS is_nullable,
       a.attidentity <> '' AS is_identity
FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'sys');

CREATE OR REPLACE VIEW sys.default_constraints AS
SELECT d.name::{{citext}} AS name, d.object_id, NULL::oid AS principal_id, d.schema_id,
       d.parent_object_id, 'D'::char(2) AS type, 'DEFAULT_CONSTRAINT'::text AS type_desc,
       NULL::timestamp AS create_date, NULL::timestamp AS modify_date, false AS is_ms_shipped,
       d.parent_column_id, d.definition::{{citext}} AS definition, d.is_system_named
FROM sys.etlcheck_default_constraints d;

CREATE OR REPLACE VIEW sys.indexes AS
SELECT i.indrelid AS object_id, c.relname::{{citext}} AS name,
       i.indexrelid AS index_id, 2 AS type, 'NONCLUSTERED'::text AS type_desc,
       i.indisunique AS is_unique, i.indisprimary AS is_primary_key
FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'sys');
"""

_PROPERTIES = """
CREATE TABLE IF NOT EXISTS sys.etlcheck_extended_properties (
    class integer, schema_name text, object_name text, object_type text, minor_type text,
    minor_name text, minor_id integer, name text, value text, value_type text
);
GRANT SELECT, INSERT, UPDATE, DELETE ON sys.etlcheck_extended_properties TO PUBLIC;

CREATE OR REPLACE VIEW sys.extended_properties AS
SELECT p.class,
       (CASE p.class WHEN 0 THEN 'DATABASE' WHEN 1 THEN 'OBJECT_OR_COLUMN'
             WHEN 2 THEN 'PARAMETER' ELSE 'SCHEMA' END)::text AS class_desc,
       (CASE p.class WHEN 0 THEN 0::oid WHEN 3 THEN s.schema_id ELSE o.object_id END)
           AS major_id,
       (CASE WHEN p.minor_type = 'COLUMN' THEN c.column_id ELSE p.minor_id END) AS minor_id,
       p.name::{citext} AS name, p.value::{citext} AS value
FROM sys.etlcheck_extended_properties p
LEFT JOIN sys.schemas s ON lower(s.name) = lower(p.schema_name)
LEFT JOIN sys.objects o ON o.schema_id = s.schema_id AND lower(o.name) = lower(p.object_name)
    AND o.type IN ('U', 'V', 'P', 'FN', 'IF', 'TF', 'SO')
LEFT JOIN sys.columns c ON c.object_id = o.object_id AND p.minor_type = 'COLUMN'
    AND lower(c.name) = lower(p.minor_name)
WHERE p.class = 0 OR (p.class = 3 AND s.schema_id IS NOT NULL)
   OR (o.object_id IS NOT NULL
       AND (p.minor_type IS DISTINCT FROM 'COLUMN' OR c.column_id IS NOT NULL));

CREATE OR REPLACE FUNCTION sys.fn_listextendedproperty(
    text, text, text, text, text, text, text)
RETURNS TABLE (objtype {citext}, objname {citext}, name {citext}, value {citext})
LANGUAGE sql STABLE AS $$
    SELECT upper(rtrim(coalesce($6, $4, $2)))::{citext},
           (CASE WHEN $2 IS NULL THEN NULL WHEN $4 IS NULL THEN p.schema_name
                 WHEN $6 IS NULL THEN p.object_name ELSE p.minor_name END)::{citext},
           p.name::{citext}, p.value::{citext}
    FROM sys.etlcheck_extended_properties p
    WHERE ($1 IS NULL OR lower(p.name) = lower($1))
      AND (($2 IS NULL AND p.class = 0)
        OR (upper(rtrim($2)) = 'SCHEMA' AND p.class <> 0
            AND ($3 IS NULL OR lower(p.schema_name) = lower($3))
            AND (($4 IS NULL AND p.class = 3)
              OR ($4 IS NOT NULL AND p.class <> 3 AND p.object_type = upper(rtrim($4))
                  AND ($5 IS NULL OR lower(p.object_name) = lower($5))
                  AND (($6 IS NULL AND p.minor_type IS NULL)
                    OR ($6 IS NOT NULL AND p.minor_type = upper(rtrim($6))
                        AND ($7 IS NULL OR lower(p.minor_name) = lower($7))))))))
$$;
"""
"""Extended properties the T-SQL interpreter keeps (``etlcheck.tsql.property_store``),
``sys.extended_properties`` and ``fn_listextendedproperty``."""

_FUNCTIONS = """
CREATE OR REPLACE FUNCTION sys.etlcheck_name_parts(object_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT string_to_array(regexp_replace(object_name, '[\\[\\]"]', '', 'g'), '.')
$$;

CREATE OR REPLACE FUNCTION sys.object_id(object_name text, object_type text DEFAULT NULL)
RETURNS oid LANGUAGE sql STABLE AS $$
    WITH parts AS (SELECT sys.etlcheck_name_parts(object_name) AS p),
    target AS (
        SELECT p[cardinality(p)] AS name,
               CASE WHEN cardinality(p) >= 2 AND p[cardinality(p) - 1] <> ''
                    THEN p[cardinality(p) - 1] END AS schema_name
        FROM parts)
    SELECT o.object_id
    FROM sys.etlcheck_objects o, target t
    WHERE lower(o.name) IN (lower(t.name), lower(ltrim(t.name, '#')))
      AND CASE WHEN left(t.name, 1) = '#' THEN o.schema_id = pg_catalog.pg_my_temp_schema()
               WHEN t.schema_name IS NOT NULL THEN lower(o.schema_name) = lower(t.schema_name)
               ELSE o.schema_name = ANY (current_schemas(false)) END
      AND (object_type IS NULL OR o.type = object_type::char(2))
    ORDER BY array_position(current_schemas(false), o.schema_name::name) NULLS LAST
    LIMIT 1
$$;

CREATE OR REPLACE FUNCTION sys.etlcheck_column_exists(table_name text, column_name text)
RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT 1 FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = sys.object_id(table_name) AND a.attnum > 0 AND NOT a.attisdropped
      AND lower(a.attname) = lower(column_name)
$$;

CREATE OR REPLACE FUNCTION sys.etlcheck_identity_sequence(table_id oid)
RETURNS regclass LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)::regclass
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = table_id AND a.attidentity <> '' AND NOT a.attisdropped
    LIMIT 1
$$;

CREATE OR REPLACE FUNCTION sys.etlcheck_identity_columns(table_sql text)
RETURNS TABLE (column_name text, sequence text) LANGUAGE sql STABLE AS $$
    SELECT a.attname::text, pg_catalog.pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = pg_catalog.to_regclass(table_sql) AND a.attidentity <> ''
      AND NOT a.attisdropped
$$;

CREATE OR REPLACE FUNCTION sys.etlcheck_last_identity(table_sql text)
RETURNS numeric LANGUAGE sql VOLATILE AS $$
    SELECT pg_catalog.pg_sequence_last_value(
        sys.etlcheck_identity_sequence(pg_catalog.to_regclass(table_sql)))::numeric
$$;

-- After an INSERT gave identity values of its own (SET IDENTITY_INSERT ON): SQL Server's
-- identity goes on from the highest of them when it is past the last value (the lowest,
-- counting down), so the sequence is set there.
CREATE OR REPLACE FUNCTION sys.etlcheck_advance_identity(table_sql text)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    found record;
    given numeric;
    reached numeric;
BEGIN
    FOR found IN
        SELECT c.column_name, c.sequence::regclass AS sequence_id, s.seqstart, s.seqincrement
        FROM sys.etlcheck_identity_columns(table_sql) c
        JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.sequence::regclass
    LOOP
        EXECUTE format('SELECT %s(%I) FROM %s',
            CASE WHEN found.seqincrement > 0 THEN 'max' ELSE 'min' END,
            found.column_name, table_sql) INTO given;
        reached := coalesce(pg_catalog.pg_sequence_last_value(found.sequence_id),
                            found.seqstart - found.seqincrement);
        IF given IS NOT NULL AND (given - reached) * found.seqincrement > 0 THEN
            PERFORM pg_catalog.setval(found.sequence_id, given::bigint, true);
        END IF;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION sys.schema_id(schema_name text DEFAULT NULL)
RETURNS oid LANGUAGE sql STABLE AS $$
    SELECT n.oid FROM pg_catalog.pg_namespace n
    WHERE lower(n.nspname) = lower(coalesce(schema_name, current_schema()))
    ORDER BY n.nspname = schema_name DESC LIMIT 1
$$;

CREATE OR REPLACE FUNCTION sys.schema_name(schema_id oid DEFAULT NULL)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN schema_id IS NULL THEN current_schema()::text
                ELSE (SELECT n.nspname::text FROM pg_catalog.pg_namespace n
                      WHERE n.oid = schema_id) END
$$;

CREATE OR REPLACE FUNCTION sys.object_name(object_id oid)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT o.name FROM sys.etlcheck_objects o WHERE o.object_id = $1 LIMIT 1
$$;

CREATE OR REPLACE FUNCTION sys.object_schema_name(object_id oid)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT o.schema_name FROM sys.etlcheck_objects o WHERE o.object_id = $1 LIMIT 1
$$;

-- MERGE ... OUTPUT on PostgreSQL 15: the row trigger a MERGE's target gets for the
-- statement logs each row changed (etlcheck.tsql.emulation.output.merge_log_steps). A
-- session without the log (a trigger left behind by a failed MERGE) logs nothing.
CREATE OR REPLACE FUNCTION sys.etlcheck_merge_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_catalog.to_regclass('pg_temp.__etlcheck_merge_log') IS NOT NULL THEN
        EXECUTE 'INSERT INTO pg_temp.__etlcheck_merge_log VALUES ($1, $2, $3)'
            USING TG_OP, NEW, OLD;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION sys.db_name() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT current_database()::text
$$;
"""


def emulation_statements(citext_type: str) -> list[str]:
    """The statements that install the emulation, in order; citext_type is e.g. 'sys.citext'."""
    script = _ROUTINES + _OBJECTS + _VIEWS + _PROPERTIES + _FUNCTIONS + IDENTITY_FUNCTIONS
    script += TYPE_CATALOG
    script = script.replace("{citext}", citext_type)
    script += (
        "\nGRANT USAGE ON SCHEMA sys TO PUBLIC;"
        "\nGRANT SELECT ON ALL TABLES IN SCHEMA sys TO PUBLIC;"
    )
    return [
        "CREATE SCHEMA IF NOT EXISTS sys",
        "CREATE EXTENSION IF NOT EXISTS citext SCHEMA sys",
        script,
    ]


CITEXT_SCHEMA_QUERY = (
    "SELECT n.nspname FROM pg_catalog.pg_extension e "
    "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'citext'"
)
