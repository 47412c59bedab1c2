-- User-defined types (sys.etlcheck_types, kept by etlcheck.tsql.user_type_store) as
-- sys.types and sys.table_types list them, and TYPE_ID / TYPE_NAME. A type's id is made
-- from its name (above 256, the ids of SQL Server's own types), the same on PostgreSQL.
CREATE OR REPLACE VIEW sys.types AS
SELECT t.name, CAST(('0x' || substr(md5(lower(t.schema_name || '.' || t.name)), 1, 7)) AS INTEGER) + 257 AS user_type_id,
       t.schema_id, NULL::INTEGER AS principal_id,
       CASE WHEN t.kind = 'A' THEN t.not_null = 0 END AS is_nullable,
       true AS is_user_defined, false AS is_assembly_type, t.kind = 'TT' AS is_table_type
FROM sys.etlcheck_types t WHERE t.schema_id IN (SELECT schema_id FROM sys.schemas);
CREATE OR REPLACE VIEW sys.table_types AS
SELECT *, false AS is_memory_optimized FROM sys.types WHERE is_table_type;
CREATE OR REPLACE MACRO sys.type_id(wanted_name) AS (
    WITH parts AS (
        SELECT string_split(regexp_replace(wanted_name, '[\[\]"]', '', 'g'), '.') AS p
    )
    SELECT min(c.etlcheck_id) FROM (
        SELECT t.user_type_id AS etlcheck_id, t.name AS etlcheck_name, s.name AS etlcheck_schema
        FROM sys.types t JOIN sys.schemas s ON s.schema_id = t.schema_id) AS c, parts
    WHERE len(p) <= 2 AND lower(c.etlcheck_name) = lower(p[-1])
      AND lower(c.etlcheck_schema) = lower(coalesce(nullif(CASE WHEN len(p) = 2 THEN p[1] END, ''), 'dbo'))
);
CREATE OR REPLACE MACRO sys.type_name(wanted_id) AS (
    SELECT min(c.etlcheck_name) FROM (SELECT user_type_id AS etlcheck_id, name AS etlcheck_name FROM sys.types) AS c
    WHERE c.etlcheck_id = wanted_id
);
