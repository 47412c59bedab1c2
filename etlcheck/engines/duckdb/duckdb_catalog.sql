CREATE SCHEMA IF NOT EXISTS sys;
CREATE SEQUENCE IF NOT EXISTS sys.etlcheck_routine_ids START 2000000000;
CREATE TABLE IF NOT EXISTS sys.etlcheck_routines (
    object_id INTEGER, schema_id INTEGER, schema_name VARCHAR, name VARCHAR, type VARCHAR,
    definition VARCHAR, source_path VARCHAR, source_line INTEGER
);
CREATE TABLE IF NOT EXISTS sys.etlcheck_types (
    schema_id INTEGER, schema_name VARCHAR, name VARCHAR, kind VARCHAR, definition VARCHAR,
    not_null INTEGER
);
CREATE OR REPLACE VIEW sys.schemas AS
SELECT schema_name AS name, CAST(oid AS INTEGER) AS schema_id, 1 AS principal_id
FROM duckdb_schemas()
WHERE database_name = current_database() AND NOT internal AND schema_name NOT IN ('main', 'pg_catalog', 'information_schema')
UNION ALL SELECT 'INFORMATION_SCHEMA', 3, 1;
CREATE OR REPLACE VIEW sys.default_constraints AS
SELECT d.name, CAST(('0x' || substr(md5(lower(d.schema_name || '.' || d.name)), 1, 7)) AS INTEGER) AS object_id,
       NULL::INTEGER AS principal_id, d.schema_id, d.parent_object_id, 'D' AS type, 'DEFAULT_CONSTRAINT' AS type_desc,
       NULL::TIMESTAMP AS create_date, NULL::TIMESTAMP AS modify_date, false AS is_ms_shipped, d.parent_column_id,
       d.definition, d.is_system_named
FROM (
    SELECT json_extract_string(substr(c.comment, 18), '$.name') AS name, c.schema_name,
           CAST(c.schema_oid AS INTEGER) AS schema_id, CAST(c.table_oid AS INTEGER) AS parent_object_id,
           CAST(c.column_index AS INTEGER) AS parent_column_id,
           json_extract_string(substr(c.comment, 18), '$.definition') AS definition,
           coalesce(CAST(json_extract_string(substr(c.comment, 18), '$.system') AS BOOLEAN), false) AS is_system_named
    FROM duckdb_columns() c
    WHERE c.database_name = current_database() AND c.comment LIKE 'etlcheck-default:%'
) AS d;
CREATE OR REPLACE VIEW sys.objects AS
SELECT table_name AS name, CAST(table_oid AS INTEGER) AS object_id, NULL::INTEGER AS principal_id,
       CAST(schema_oid AS INTEGER) AS schema_id, 0 AS parent_object_id, 'U' AS type,
       'USER_TABLE' AS type_desc, NULL::TIMESTAMP AS create_date, NULL::TIMESTAMP AS modify_date,
       false AS is_ms_shipped
FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary AND schema_name NOT IN ('sys', 'main')
UNION ALL
SELECT view_name, CAST(view_oid AS INTEGER), NULL, CAST(schema_oid AS INTEGER), 0, 'V', 'VIEW', NULL, NULL, false
FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND NOT temporary AND schema_name NOT IN ('sys', 'main')
UNION ALL
SELECT sequence_name, CAST(sequence_oid AS INTEGER), NULL, CAST(schema_oid AS INTEGER), 0, 'SO', 'SEQUENCE_OBJECT', NULL, NULL, false
FROM duckdb_sequences() WHERE database_name = current_database() AND NOT temporary AND schema_name NOT IN ('sys', 'main') AND sequence_name NOT LIKE '%\_\_identity' ESCAPE '\'
UNION ALL
SELECT r.name, r.object_id, NULL, r.schema_id, 0, r.type,
       CASE r.type WHEN 'P' THEN 'SQL_STORED_PROCEDURE' WHEN 'FN' THEN 'SQL_SCALAR_FUNCTION'
            WHEN 'TF' THEN 'SQL_TABLE_VALUED_FUNCTION' ELSE 'SQL_INLINE_TABLE_VALUED_FUNCTION' END, NULL, NULL, false
FROM sys.etlcheck_routines r WHERE r.schema_id IN (SELECT schema_id FROM sys.schemas)
UNION ALL
SELECT d.name, d.object_id, NULL, d.schema_id, d.parent_object_id, 'D', 'DEFAULT_CONSTRAINT', NULL, NULL, false
FROM sys.default_constraints d;
CREATE OR REPLACE VIEW sys.tables AS SELECT * FROM sys.objects WHERE type = 'U';
CREATE OR REPLACE VIEW sys.views AS SELECT * FROM sys.objects WHERE type = 'V';
CREATE OR REPLACE VIEW sys.sequences AS SELECT * FROM sys.objects WHERE type = 'SO';
CREATE OR REPLACE VIEW sys.procedures AS SELECT * FROM sys.objects WHERE type = 'P';
CREATE OR REPLACE VIEW sys.sql_modules AS
SELECT r.object_id, r.definition FROM sys.etlcheck_routines r
WHERE r.schema_id IN (SELECT schema_id FROM sys.schemas);
CREATE OR REPLACE VIEW sys.columns AS
SELECT CAST(c.table_oid AS INTEGER) AS object_id, c.column_name AS name, CAST(c.column_index AS INTEGER) AS column_id,
       CAST(NULL AS INTEGER) AS system_type_id, CAST(c.character_maximum_length AS INTEGER) AS max_length,
       CAST(c.numeric_precision AS INTEGER) AS precision, CAST(c.numeric_scale AS INTEGER) AS scale,
       c.is_nullable, coalesce(c.column_default LIKE 'nextval(%__identity%', false) AS is_identity
FROM duckdb_columns() c
WHERE c.database_name = current_database() AND NOT c.internal AND c.schema_name NOT IN ('sys', 'main');
CREATE OR REPLACE MACRO sys.tsql_type(duck) AS (
    CASE
        WHEN duck = 'VARCHAR' THEN 'nvarchar' WHEN duck = 'INTEGER' THEN 'int' WHEN duck = 'BIGINT' THEN 'bigint'
        WHEN duck = 'SMALLINT' THEN 'smallint' WHEN duck = 'UTINYINT' THEN 'tinyint' WHEN duck = 'BOOLEAN' THEN 'bit'
        WHEN duck LIKE 'DECIMAL%' THEN 'decimal' WHEN duck = 'TIMESTAMP' THEN 'datetime2' WHEN duck = 'DATE' THEN 'date'
        WHEN duck = 'TIME' THEN 'time' WHEN duck = 'DOUBLE' THEN 'float' WHEN duck = 'FLOAT' THEN 'real'
        WHEN duck = 'UUID' THEN 'uniqueidentifier' WHEN duck = 'BLOB' THEN 'varbinary'
        WHEN duck = 'TIMESTAMP WITH TIME ZONE' THEN 'datetimeoffset' ELSE lower(duck) END
);
CREATE OR REPLACE VIEW sys.information_schema_schemata AS
SELECT current_database() AS CATALOG_NAME, name AS SCHEMA_NAME, 'dbo' AS SCHEMA_OWNER FROM sys.schemas;
CREATE OR REPLACE VIEW sys.information_schema_tables AS
SELECT current_database() AS TABLE_CATALOG, schema_name AS TABLE_SCHEMA, table_name AS TABLE_NAME, 'BASE TABLE' AS TABLE_TYPE
FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary AND schema_name NOT IN ('sys', 'main')
UNION ALL
SELECT current_database(), schema_name, view_name, 'VIEW'
FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND NOT temporary AND schema_name NOT IN ('sys', 'main');
CREATE OR REPLACE VIEW sys.information_schema_views AS
SELECT current_database() AS TABLE_CATALOG, schema_name AS TABLE_SCHEMA, view_name AS TABLE_NAME, sql AS VIEW_DEFINITION
FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND NOT temporary AND schema_name NOT IN ('sys', 'main');
CREATE OR REPLACE VIEW sys.information_schema_columns AS
SELECT current_database() AS TABLE_CATALOG, schema_name AS TABLE_SCHEMA, table_name AS TABLE_NAME,
       column_name AS COLUMN_NAME, CAST(column_index AS INTEGER) AS ORDINAL_POSITION, column_default AS COLUMN_DEFAULT,
       CASE WHEN is_nullable THEN 'YES' ELSE 'NO' END AS IS_NULLABLE, sys.tsql_type(data_type) AS DATA_TYPE,
       CASE WHEN data_type = 'VARCHAR' THEN -1 END AS CHARACTER_MAXIMUM_LENGTH,
       CAST(numeric_precision AS INTEGER) AS NUMERIC_PRECISION, CAST(numeric_scale AS INTEGER) AS NUMERIC_SCALE
FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal AND schema_name NOT IN ('sys', 'main');
-- A macro's argument is its caller's expression, bound where the macro uses it: a column
-- the subquery also has (SCHEMA_NAME(schema_id) on sys.tables) would name the subquery's
-- own, so these read their catalog under names no caller's column has.
CREATE OR REPLACE MACRO sys.schema_id(wanted_schema := NULL) AS (
    SELECT min(c.etlcheck_id) FROM (SELECT schema_id AS etlcheck_id, name AS etlcheck_name FROM sys.schemas) AS c
    WHERE lower(c.etlcheck_name) = lower(coalesce(wanted_schema, 'dbo'))
);
CREATE OR REPLACE MACRO sys.schema_name(wanted_id := NULL) AS (
    SELECT min(c.etlcheck_name) FROM (SELECT schema_id AS etlcheck_id, name AS etlcheck_name FROM sys.schemas) AS c
    WHERE c.etlcheck_id = coalesce(wanted_id, sys.schema_id('dbo'))
);
CREATE OR REPLACE MACRO sys.object_name(wanted_id) AS (
    SELECT min(c.etlcheck_name) FROM (SELECT object_id AS etlcheck_id, name AS etlcheck_name FROM sys.objects) AS c
    WHERE c.etlcheck_id = wanted_id
);
CREATE OR REPLACE MACRO sys.object_schema_name(wanted_id) AS (
    SELECT min(c.etlcheck_name) FROM (
        SELECT o.object_id AS etlcheck_id, s.name AS etlcheck_name
        FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id) AS c
    WHERE c.etlcheck_id = wanted_id
);
CREATE OR REPLACE MACRO sys.object_id(wanted_name, wanted_type := NULL) AS (
    WITH parts AS (
        SELECT string_split(regexp_replace(wanted_name, '[\[\]"]', '', 'g'), '.') AS p
    )
    SELECT CASE
        WHEN p[-1] LIKE '#%' THEN (
            SELECT min(CAST(table_oid AS INTEGER)) FROM duckdb_tables()
            WHERE temporary AND lower(table_name) = lower(p[-1])
              AND (wanted_type IS NULL OR upper(trim(wanted_type)) = 'U'))
        WHEN len(p) > 3 OR (len(p) = 3 AND p[1] <> '' AND lower(p[1]) <> lower(current_database())) THEN NULL
        ELSE (
            SELECT min(o.object_id) FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
            WHERE lower(o.name) = lower(p[-1])
              AND lower(s.name) = lower(coalesce(nullif(CASE WHEN len(p) > 1 THEN p[-2] END, ''), 'dbo'))
              AND (wanted_type IS NULL OR o.type = upper(trim(wanted_type))))
    END FROM parts
);
-- IDENTITY emulated: a sequence named after its table (table__identity), temporary for a #table.
CREATE OR REPLACE MACRO sys.etlcheck_identity_sequences(wanted_name) AS TABLE
    WITH parts AS (
        SELECT string_split(regexp_replace(wanted_name, '[\[\]"]', '', 'g'), '.') AS p
    )
    SELECT s.last_value, s.start_value FROM duckdb_sequences() s, parts
    WHERE lower(s.sequence_name) = lower(p[-1] || '__identity')
      AND CASE WHEN p[-1] LIKE '#%' THEN s.temporary
               ELSE s.database_name = current_database() AND NOT s.temporary
                    AND lower(s.schema_name) = lower(coalesce(nullif(CASE WHEN len(p) > 1 THEN p[-2] END, ''), 'dbo'))
          END;
CREATE OR REPLACE MACRO sys.etlcheck_identity_columns(wanted_name) AS TABLE
    WITH parts AS (
        SELECT string_split(regexp_replace(wanted_name, '[\[\]"]', '', 'g'), '.') AS p
    )
    SELECT c.column_name, regexp_extract(c.column_default, '''(.*)''', 1) AS sequence
    FROM duckdb_columns() c, parts
    WHERE c.column_default LIKE 'nextval(%\_\_identity%' ESCAPE '\' AND lower(c.table_name) = lower(p[-1])
      AND CASE WHEN p[-1] LIKE '#%' THEN c.database_name = 'temp'
               ELSE c.database_name = current_database()
                    AND lower(c.schema_name) = lower(coalesce(nullif(CASE WHEN len(p) > 1 THEN p[-2] END, ''), 'dbo'))
          END;
CREATE OR REPLACE MACRO sys.etlcheck_last_identity(wanted_name) AS (
    SELECT min(last_value) FROM sys.etlcheck_identity_sequences(wanted_name)
);
CREATE OR REPLACE MACRO sys.ident_current(wanted_name) AS (
    SELECT CAST(min(coalesce(last_value, start_value)) AS DECIMAL(38, 0))
    FROM sys.etlcheck_identity_sequences(wanted_name)
);
CREATE TABLE IF NOT EXISTS sys.etlcheck_extended_properties (
    class INTEGER, schema_name VARCHAR, object_name VARCHAR, object_type VARCHAR, minor_type VARCHAR,
    minor_name VARCHAR, minor_id INTEGER, name VARCHAR, value VARCHAR, value_type VARCHAR
);
CREATE OR REPLACE VIEW sys.extended_properties AS
SELECT CAST(p.class AS INTEGER) AS class,
       CASE p.class WHEN 0 THEN 'DATABASE' WHEN 1 THEN 'OBJECT_OR_COLUMN' WHEN 2 THEN 'PARAMETER' ELSE 'SCHEMA' END AS class_desc,
       CAST(CASE p.class WHEN 0 THEN 0 WHEN 3 THEN s.schema_id ELSE o.object_id END AS INTEGER) AS major_id,
       CAST(CASE WHEN p.minor_type = 'COLUMN' THEN c.column_id ELSE p.minor_id END AS INTEGER) AS minor_id,
       p.name, p.value
FROM sys.etlcheck_extended_properties p
LEFT JOIN sys.schemas s ON lower(s.name) = lower(p.schema_name)
LEFT JOIN sys.objects o ON o.schema_id = s.schema_id AND lower(o.name) = lower(p.object_name)
LEFT JOIN sys.columns c ON c.object_id = o.object_id AND p.minor_type = 'COLUMN' AND lower(c.name) = lower(p.minor_name)
WHERE p.class = 0 OR (p.class = 3 AND s.schema_id IS NOT NULL) OR (o.object_id IS NOT NULL AND (p.minor_type IS DISTINCT FROM 'COLUMN' OR c.column_id IS NOT NULL));
CREATE OR REPLACE MACRO sys.fn_listextendedproperty(property_name, level0type, level0name, level1type, level1name, level2type, level2name) AS TABLE
SELECT CAST(upper(rtrim(coalesce(level2type, level1type, level0type))) AS VARCHAR) AS objtype,
       CAST(CASE WHEN level0type IS NULL THEN NULL WHEN level1type IS NULL THEN p.schema_name
                 WHEN level2type IS NULL THEN p.object_name ELSE p.minor_name END AS VARCHAR) AS objname,
       p.name, p.value
FROM sys.etlcheck_extended_properties p
WHERE (property_name IS NULL OR lower(p.name) = lower(property_name))
  AND ((level0type IS NULL AND p.class = 0)
    OR (upper(rtrim(level0type)) = 'SCHEMA' AND p.class <> 0
        AND (level0name IS NULL OR lower(p.schema_name) = lower(level0name))
        AND ((level1type IS NULL AND p.class = 3)
          OR (level1type IS NOT NULL AND p.class <> 3 AND p.object_type = upper(rtrim(level1type))
              AND (level1name IS NULL OR lower(p.object_name) = lower(level1name))
              AND ((level2type IS NULL AND p.minor_type IS NULL)
                OR (level2type IS NOT NULL AND p.minor_type = upper(rtrim(level2type))
                    AND (level2name IS NULL OR lower(p.minor_name) = lower(level2name))))))));
