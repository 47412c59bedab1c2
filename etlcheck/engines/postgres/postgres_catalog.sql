CREATE OR REPLACE VIEW sys.information_schema_schemata AS
SELECT current_database()::citext AS "CATALOG_NAME", s.name AS "SCHEMA_NAME", 'dbo'::citext AS "SCHEMA_OWNER"
FROM sys.schemas s;
CREATE OR REPLACE VIEW sys.information_schema_tables AS
SELECT current_database()::citext AS "TABLE_CATALOG", o.schema_name::citext AS "TABLE_SCHEMA",
       o.name::citext AS "TABLE_NAME",
       (CASE WHEN o.type = 'V' THEN 'VIEW' ELSE 'BASE TABLE' END)::citext AS "TABLE_TYPE"
FROM sys.etlcheck_objects o
WHERE o.type IN ('U', 'V') AND o.schema_id <> pg_catalog.pg_my_temp_schema();
CREATE OR REPLACE VIEW sys.information_schema_views AS
SELECT current_database()::citext AS "TABLE_CATALOG", o.schema_name::citext AS "TABLE_SCHEMA",
       o.name::citext AS "TABLE_NAME", pg_catalog.pg_get_viewdef(o.object_id)::text AS "VIEW_DEFINITION"
FROM sys.etlcheck_objects o
WHERE o.type = 'V' AND o.schema_id <> pg_catalog.pg_my_temp_schema();
CREATE OR REPLACE VIEW sys.information_schema_columns AS
SELECT current_database()::citext AS "TABLE_CATALOG", c.table_schema::citext AS "TABLE_SCHEMA",
       c.table_name::citext AS "TABLE_NAME", c.column_name::citext AS "COLUMN_NAME",
       c.ordinal_position::integer AS "ORDINAL_POSITION", c.column_default::text AS "COLUMN_DEFAULT",
       c.is_nullable::citext AS "IS_NULLABLE",
       (CASE c.udt_name WHEN 'citext' THEN 'nvarchar' WHEN 'text' THEN 'nvarchar' WHEN 'varchar' THEN 'nvarchar'
            WHEN 'int4' THEN 'int' WHEN 'int8' THEN 'bigint' WHEN 'int2' THEN 'smallint' WHEN 'bool' THEN 'bit'
            WHEN 'numeric' THEN 'decimal' WHEN 'timestamp' THEN 'datetime2' WHEN 'timestamptz' THEN 'datetimeoffset'
            WHEN 'float8' THEN 'float' WHEN 'float4' THEN 'real' WHEN 'uuid' THEN 'uniqueidentifier'
            WHEN 'bytea' THEN 'varbinary' ELSE c.udt_name END)::citext AS "DATA_TYPE",
       (CASE WHEN c.udt_name IN ('citext', 'text') THEN -1 ELSE c.character_maximum_length END)::integer
           AS "CHARACTER_MAXIMUM_LENGTH",
       c.numeric_precision::integer AS "NUMERIC_PRECISION", c.numeric_scale::integer AS "NUMERIC_SCALE"
FROM information_schema.columns c
WHERE c.table_schema NOT LIKE 'pg\_%' AND c.table_schema NOT IN ('information_schema', 'sys');
CREATE OR REPLACE FUNCTION sys.etlcheck_try_decimal(value text, digits integer, scale integer)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$' THEN
        CASE WHEN abs(round(btrim(value)::numeric, scale)) < 10::numeric ^ (digits - scale)
             THEN round(btrim(value)::numeric, scale) END
    END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_try_integer(value text, low numeric, high numeric)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value ~ '^\s*[-+]?[0-9]{1,30}\s*$' THEN
        CASE WHEN btrim(value)::numeric BETWEEN low AND high THEN btrim(value)::numeric::bigint END
    END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_try_cast(value text, type_name text)
RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT %L::%s', value, type_name);
    RETURN value;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_datediff(unit text, start_at timestamp, end_at timestamp)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE unit
        WHEN 'year' THEN extract(year FROM end_at) - extract(year FROM start_at)
        WHEN 'quarter' THEN (extract(year FROM end_at) - extract(year FROM start_at)) * 4
            + extract(quarter FROM end_at) - extract(quarter FROM start_at)
        WHEN 'month' THEN (extract(year FROM end_at) - extract(year FROM start_at)) * 12
            + extract(month FROM end_at) - extract(month FROM start_at)
        WHEN 'week' THEN (date_trunc('week', end_at + interval '1 day')::date
            - date_trunc('week', start_at + interval '1 day')::date) / 7
        WHEN 'day' THEN end_at::date - start_at::date
        WHEN 'hour' THEN extract(epoch FROM date_trunc('hour', end_at) - date_trunc('hour', start_at)) / 3600
        WHEN 'minute' THEN extract(epoch FROM date_trunc('minute', end_at) - date_trunc('minute', start_at)) / 60
        WHEN 'second' THEN extract(epoch FROM date_trunc('second', end_at) - date_trunc('second', start_at))
        WHEN 'millisecond' THEN floor(extract(epoch FROM date_trunc('milliseconds', end_at)
            - date_trunc('milliseconds', start_at)) * 1000)
        WHEN 'microsecond' THEN floor(extract(epoch FROM end_at - start_at) * 1000000)
    END)::bigint
$$;
CREATE OR REPLACE FUNCTION sys.round(value double precision, digits integer)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT round(value::numeric, digits)::double precision $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_concat(left_text text, right_text text)
RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_text || right_text $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_concat(left_text citext, right_text citext)
RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_text::text || right_text::text $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_concat(left_text citext, right_text text)
RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_text::text || right_text $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_concat(left_text text, right_text citext)
RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_text || right_text::text $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_operator o
                   JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                   WHERE n.nspname = 'sys' AND o.oprname = '+') THEN
        CREATE OPERATOR sys.+ (LEFTARG = text, RIGHTARG = text, FUNCTION = sys.etlcheck_concat);
        CREATE OPERATOR sys.+ (LEFTARG = citext, RIGHTARG = citext, FUNCTION = sys.etlcheck_concat);
        CREATE OPERATOR sys.+ (LEFTARG = citext, RIGHTARG = text, FUNCTION = sys.etlcheck_concat);
        CREATE OPERATOR sys.+ (LEFTARG = text, RIGHTARG = citext, FUNCTION = sys.etlcheck_concat);
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_add_days(moment timestamp, days integer) RETURNS timestamp
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT moment + days * interval '1 day' $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_subtract_days(moment timestamp, days integer) RETURNS timestamp
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT moment - days * interval '1 day' $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_operator o
                   JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                   WHERE n.nspname = 'sys' AND o.oprname = '+' AND o.oprleft = 'timestamp'::regtype) THEN
        CREATE OPERATOR sys.+ (LEFTARG = timestamp, RIGHTARG = integer, FUNCTION = sys.etlcheck_add_days);
        CREATE OPERATOR sys.- (LEFTARG = timestamp, RIGHTARG = integer, FUNCTION = sys.etlcheck_subtract_days);
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_bit(value smallint) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT value <> 0 $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_bit_equals(left_value boolean, right_value integer) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_value = (right_value <> 0) $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_bit_differs(left_value boolean, right_value integer) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_value <> (right_value <> 0) $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_cast
                   WHERE castsource = 'smallint'::regtype AND casttarget = 'boolean'::regtype) THEN
        BEGIN
            CREATE CAST (smallint AS boolean) WITH FUNCTION sys.etlcheck_bit(smallint) AS ASSIGNMENT;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'BIT columns: no smallint to boolean cast (needs a superuser)';
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_operator o
                   JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                   WHERE n.nspname = 'sys' AND o.oprname = '=' AND o.oprleft = 'boolean'::regtype) THEN
        CREATE OPERATOR sys.= (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = sys.etlcheck_bit_equals);
        CREATE OPERATOR sys.<> (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = sys.etlcheck_bit_differs);
    END IF;
END
$$;
-- SQL Server converts text implicitly where a value is stored: INSERT ... SELECT of a
-- staged nvarchar column into an int, decimal, date or datetime column, UPDATE ... SET.
-- PostgreSQL does that only through assignment casts; these read the text with the
-- type's own input function, as an explicit CAST does (DateStyle MDY: '20240102',
-- '2024-01-02', '01/02/2024' and 'Jan 2 2024' are all dates).
DO $$
DECLARE
    target regtype;
BEGIN
    FOREACH target IN ARRAY ARRAY['smallint', 'integer', 'bigint', 'numeric', 'real',
            'double precision', 'date', 'time', 'timestamp', 'timestamptz', 'uuid']::regtype[] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_cast
                       WHERE castsource = 'citext'::regtype AND casttarget = target) THEN
            BEGIN
                EXECUTE format('CREATE CAST (citext AS %s) WITH INOUT AS ASSIGNMENT', target);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'text stored into % columns: no assignment cast (needs a superuser)', target;
            END;
        END IF;
    END LOOP;
END
$$;
GRANT SELECT ON ALL TABLES IN SCHEMA sys TO PUBLIC
