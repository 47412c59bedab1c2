CREATE OR REPLACE FUNCTION sys.quotename(value text, quote text DEFAULT '[')
RETURNS citext LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE WHEN value IS NULL OR char_length(value) > 128 THEN NULL
    ELSE CASE left(quote, 1)
        WHEN '[' THEN '[' || replace(value, ']', ']]') || ']'
        WHEN ']' THEN '[' || replace(value, ']', ']]') || ']'
        WHEN '"' THEN '"' || replace(value, '"', '""') || '"'
        WHEN '''' THEN '''' || replace(value, '''', '''''') || ''''
        WHEN '(' THEN '(' || replace(value, ')', '))') || ')'
        WHEN ')' THEN '(' || replace(value, ')', '))') || ')'
        WHEN '<' THEN '<' || replace(value, '>', '>>') || '>'
        WHEN '>' THEN '<' || replace(value, '>', '>>') || '>'
        WHEN '{' THEN '{' || replace(value, '}', '}}') || '}'
        WHEN '}' THEN '{' || replace(value, '}', '}}') || '}'
        WHEN '`' THEN '`' || replace(value, '`', '``') || '`'
    END END)::citext
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_string_split(value text, separator text)
RETURNS TABLE (value citext) LANGUAGE sql IMMUTABLE AS $$
    SELECT part::citext
    FROM unnest(CASE WHEN $1 = '' THEN ARRAY[''] ELSE string_to_array($1, $2) END) AS part
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_string_split_ordinal(value text, separator text)
RETURNS TABLE (value citext, ordinal bigint) LANGUAGE sql IMMUTABLE AS $$
    SELECT part::citext, position
    FROM unnest(CASE WHEN $1 = '' THEN ARRAY[''] ELSE string_to_array($1, $2) END)
         WITH ORDINALITY AS split(part, position)
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_conversion_failed(value text) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = format(
        'Conversion failed when converting the varchar value %L to data type int.', value);
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_integer_value(value text, strict boolean) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN NULL
                WHEN value ~ '^ *[-+]?[0-9]+ *$' THEN btrim(value)::numeric
                WHEN btrim(value) = '' THEN 0::numeric
                WHEN strict THEN sys.etlcheck_conversion_failed(value) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_integer_value(value numeric, strict boolean) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT trunc(value) $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_integer_value(value double precision, strict boolean)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT trunc(value)::numeric $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_integer_value(value bigint, strict boolean) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT value::numeric $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_integer_value(value integer, strict boolean) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT value::numeric $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_integer_value(value smallint, strict boolean) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT value::numeric $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_integer_value(value boolean, strict boolean) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN value THEN 1 ELSE 0 END::numeric $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_bounded(value numeric, low numeric, high numeric)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN value BETWEEN low AND high THEN value END $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_int(value anyelement) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT sys.etlcheck_integer_value(value, true)::integer $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_try_int(value anyelement) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT sys.etlcheck_bounded(sys.etlcheck_integer_value(value, false), -2147483648, 2147483647)::integer
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_bigint(value anyelement) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT sys.etlcheck_integer_value(value, true)::bigint $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_try_bigint(value anyelement) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT sys.etlcheck_bounded(sys.etlcheck_integer_value(value, false),
                                -9223372036854775808, 9223372036854775807)::bigint
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_smallint(value anyelement) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$ SELECT sys.etlcheck_integer_value(value, true)::smallint $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_try_smallint(value anyelement) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
    SELECT sys.etlcheck_bounded(sys.etlcheck_integer_value(value, false), -32768, 32767)::smallint
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_tinyint_range(value numeric) RETURNS smallint
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF value IS NULL OR value BETWEEN 0 AND 255 THEN
        RETURN value::smallint;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'E0220', MESSAGE = format(
        'Arithmetic overflow error for data type tinyint, value = %s.', value);
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_tinyint(value anyelement) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
    SELECT sys.etlcheck_tinyint_range(sys.etlcheck_integer_value(value, true))
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_tinyint_fits(value integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT sys.etlcheck_tinyint_range(value) IS NOT DISTINCT FROM value $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_to_bit(value numeric) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN value <> 0 THEN 1 WHEN value = 0 THEN 0 END::smallint $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_to_bit(value double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN value <> 0 THEN 1 WHEN value = 0 THEN 0 END::smallint $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_to_bit(value boolean) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$ SELECT value::integer::smallint $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_to_bit(value text) RETURNS smallint
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    ELSIF upper(btrim(value, ' ')) = 'TRUE' THEN
        RETURN 1;
    ELSIF upper(btrim(value, ' ')) = 'FALSE' THEN
        RETURN 0;
    ELSIF value ~ '^ *[-+]?([0-9]+\.?[0-9]*|\.[0-9]+) *$' THEN
        RETURN sys.etlcheck_to_bit(btrim(value, ' ')::numeric);
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'E0245', MESSAGE = format(
        'Conversion failed when converting the varchar value %L to data type bit.', value);
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_bit_fits(value integer, tab text, col text)
RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF value IS NULL OR value IN (0, 1) THEN
        RETURN TRUE;
    END IF;
    RAISE EXCEPTION USING MESSAGE = format(
        'etlcheck: %s written into bit column ''%s'' of table ''%s'': SQL Server stores 1 for '
        'any value other than 0, which PostgreSQL cannot do as it stores it; CAST the value '
        'AS BIT, which converts it as SQL Server does, or run on --engine duckdb',
        value, col, tab);
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_try_tinyint(value anyelement) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
    SELECT sys.etlcheck_bounded(sys.etlcheck_integer_value(value, false), 0, 255)::smallint
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_fraction(value timestamp, digits integer, omit_zero boolean)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN digits = 0 OR (omit_zero AND to_char(value, 'US') = '000000') THEN ''
                WHEN digits = 3 THEN '.' || to_char(value, 'MS')
                ELSE '.' || left(to_char(value, 'US') || '000', digits) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_round_moment(value timestamp, digits integer)
RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN digits >= 6 THEN value
                ELSE date_trunc('second', value) + interval '1 microsecond' * (
                    (extract(microseconds FROM value)::bigint % 1000000
                     + 5 * (10 ^ (5 - digits))::bigint) / (10 ^ (6 - digits))::bigint
                    * (10 ^ (6 - digits))::bigint) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_round_time(value time, digits integer)
RETURNS time LANGUAGE sql IMMUTABLE AS $$
    SELECT sys.etlcheck_round_moment(DATE '1900-01-01' + value, digits)::time
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_style_text(value timestamp, style integer, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE style
        WHEN 1 THEN to_char(value, 'MM/DD/YY')
        WHEN 2 THEN to_char(value, 'YY.MM.DD')
        WHEN 102 THEN to_char(value, 'YYYY.MM.DD')
        WHEN 101 THEN to_char(value, 'MM/DD/YYYY')
        WHEN 3 THEN to_char(value, 'DD/MM/YY')
        WHEN 103 THEN to_char(value, 'DD/MM/YYYY')
        WHEN 112 THEN to_char(value, 'YYYYMMDD')
        WHEN 23 THEN to_char(value, 'YYYY-MM-DD')
        WHEN 120 THEN to_char(value, 'YYYY-MM-DD HH24:MI:SS')
        WHEN 121 THEN to_char(value, 'YYYY-MM-DD HH24:MI:SS') || sys.etlcheck_fraction(value, digits, false)
        WHEN 126 THEN to_char(value, 'YYYY-MM-DD"T"HH24:MI:SS') || sys.etlcheck_fraction(value, digits, true)
        ELSE to_char(value, 'Mon ') || lpad(extract(day FROM value)::text, 2, ' ')
             || to_char(value, ' YYYY ') || lpad(to_char(value, 'FMHH12'), 2, ' ')
             || to_char(value, ':MIAM')
    END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_style_text(value date, style integer, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN style IN (23, 120, 121, 126) THEN to_char(value, 'YYYY-MM-DD')
                WHEN style IN (0, 100) THEN to_char(value, 'Mon ')
                     || lpad(extract(day FROM value)::text, 2, ' ') || to_char(value, ' YYYY')
                ELSE sys.etlcheck_style_text(value::timestamp, style, digits) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_style_text(value text, style integer, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT value $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_style_text(value bytea, style integer, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE style WHEN 1 THEN '0x' || upper(encode(value, 'hex'))
                      WHEN 2 THEN upper(encode(value, 'hex'))
                      ELSE convert_from(value, 'LATIN1') END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_utf16_unit(unit integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT lpad(to_hex(unit % 256), 2, '0') || lpad(to_hex(unit / 256), 2, '0')
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_utf16le(value text)
RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NOT NULL THEN decode(coalesce((
        SELECT string_agg(CASE WHEN ascii(c) < 65536 THEN sys.etlcheck_utf16_unit(ascii(c))
                               ELSE sys.etlcheck_utf16_unit(55296 + (ascii(c) - 65536) / 1024)
                                    || sys.etlcheck_utf16_unit(56320 + (ascii(c) - 65536) % 1024)
                          END, '' ORDER BY n)
        FROM regexp_split_to_table(value, '') WITH ORDINALITY AS t(c, n) WHERE c <> ''), ''), 'hex')
    END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_cp1252(value text)
RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT convert_to(value, 'WIN1252') $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_hashbytes(algorithm text, data bytea)
RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE algorithm WHEN 'MD5' THEN decode(md5(data), 'hex')
                          WHEN 'SHA2_512' THEN sha512(data) ELSE sha256(data) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_money_text(value numeric, style integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE style
        WHEN 1 THEN to_char(value::numeric(38, 2), 'FM999,999,999,999,999,999,999,999,999,990.00')
        WHEN 0 THEN (value::numeric(38, 2))::text
        ELSE (value::numeric(38, 4))::text END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_float_written(sign text, mantissa text, power integer, style integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT sign || CASE
        WHEN style = 0 AND power BETWEEN 0 AND 5
            THEN rtrim(rtrim(left(replace(mantissa, '.', ''), power + 1) || '.'
                || substr(replace(mantissa, '.', ''), power + 2), '0'), '.')
        WHEN style = 0 AND power BETWEEN -4 AND -1
            THEN rtrim('0.' || repeat('0', -power - 1) || replace(mantissa, '.', ''), '0')
        ELSE CASE WHEN style = 0 THEN rtrim(rtrim(mantissa, '0'), '.') ELSE mantissa END
            || 'e' || CASE WHEN power < 0 THEN '-' ELSE '+' END || lpad(abs(power)::text, 3, '0') END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_float_text(value double precision, bits integer, style integer,
    size integer, target text, strict boolean)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    scientific text := btrim(to_char(CASE WHEN bits = 24 THEN value::real::double precision ELSE value END,
        CASE style WHEN 0 THEN '9.99999EEEE' WHEN 1 THEN '9.9999999EEEE' ELSE '9.999999999999999EEEE' END));
    written text := sys.etlcheck_float_written(CASE WHEN left(scientific, 1) = '-' THEN '-' ELSE '' END,
        substring(scientific FROM '([0-9.]+)e'), substring(scientific FROM 'e([+-][0-9]+)$')::integer, style);
BEGIN
    IF written IS NULL OR size = 0 OR length(written) <= size THEN
        RETURN written;
    ELSIF strict THEN
        RAISE EXCEPTION USING ERRCODE = 'E8115',
            MESSAGE = 'Arithmetic overflow error converting float to data type ' || target || '.';
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_str(value double precision, length integer, decimals integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    shown numeric;
    exact numeric;
    text text;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    ELSIF abs(value) >= 1e15 AND char_length(to_char(value, 'FM99999999999999999999999999999999999999')) > length THEN
        RETURN repeat('*', length);
    END IF;
    shown := btrim(to_char(value, '9.99999999999999EEEE'))::numeric;
    exact := btrim(to_char(value, '9.999999999999999999999999EEEE'))::numeric;
    IF abs(value) >= 1e15 OR round(shown, decimals) <> round(exact, decimals)
            OR abs(exact - round(exact, decimals)) = ('0.' || repeat('0', decimals) || '5')::numeric
            OR (value < 0 AND round(shown, decimals) = 0) THEN
        RAISE EXCEPTION 'STR: a number halfway between two results at its decimals, or of more than 15 digits, is not emulated (the documentation does not show how it rounds)';
    END IF;
    text := round(shown, decimals)::text;
    IF char_length(text) <= length THEN
        RETURN lpad(text, length, ' ');
    ELSIF char_length(split_part(text, '.', 1)) > length THEN
        RETURN repeat('*', length);
    END IF;
    RAISE EXCEPTION 'STR: a number that fits its length only with fewer decimals is not emulated (the documentation does not show the result)';
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_hex_binary(value text, style integer)
RETURNS bytea LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF style = 1 AND lower(left(value, 2)) <> '0x' THEN
        RAISE EXCEPTION USING ERRCODE = 'E8114',
            MESSAGE = 'Error converting data type varchar to varbinary.';
    END IF;
    RETURN decode(CASE WHEN style = 1 THEN substr(value, 3) ELSE value END, 'hex');
EXCEPTION WHEN invalid_parameter_value THEN
    RAISE EXCEPTION USING ERRCODE = 'E8114',
        MESSAGE = 'Error converting data type varchar to varbinary.';
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_style_text(value numeric, style integer, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT value::text $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_offset_string(value text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN btrim(value) ~ '[+-][0-9]{2}:[0-9]{2}$'
                    THEN regexp_replace(btrim(value), '\s+([+-][0-9]{2}:[0-9]{2})$', '\1')
                WHEN btrim(value) ~ '[Zz]$' THEN btrim(value)
                WHEN btrim(value) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN btrim(value) || ' 00:00:00+00:00'
                ELSE btrim(value) || '+00:00' END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_offset_text(value timestamptz)
RETURNS text LANGUAGE sql STABLE AS $$ SELECT to_char(value, 'TZH:TZM') $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_parse_style(value text, style integer, strict boolean)
RETURNS timestamp LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    pattern text := CASE style WHEN 1 THEN '^\d{1,2}/\d{1,2}/\d{2}$' WHEN 101 THEN '^\d{1,2}/\d{1,2}/\d{4}$'
        WHEN 3 THEN '^\d{1,2}/\d{1,2}/\d{2}$' WHEN 103 THEN '^\d{1,2}/\d{1,2}/\d{4}$' ELSE '^\d{8}$' END;
    format text := CASE style WHEN 1 THEN 'MM/DD/YYYY' WHEN 101 THEN 'MM/DD/YYYY'
        WHEN 3 THEN 'DD/MM/YYYY' WHEN 103 THEN 'DD/MM/YYYY' ELSE 'YYYYMMDD' END;
    trimmed text := btrim(value);
    result timestamp;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    IF trimmed ~ pattern THEN
        IF style IN (1, 3) THEN
            trimmed := regexp_replace(trimmed, '/(\d{2})$',
                '/' || CASE WHEN right(trimmed, 2)::integer < 50 THEN '20' ELSE '19' END || '\1');
        END IF;
        BEGIN
            result := to_timestamp(trimmed, format)::timestamp;
            RETURN result;
        EXCEPTION WHEN others THEN
            NULL;
        END;
    END IF;
    IF strict THEN
        RAISE EXCEPTION USING ERRCODE = '22007',
            MESSAGE = 'Conversion failed when converting date and/or time from character string.';
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_datefromparts(y numeric, m numeric, d numeric) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF y IS NULL OR m IS NULL OR d IS NULL THEN
        RETURN NULL;
    END IF;
    IF y BETWEEN 1 AND 9999 THEN
        BEGIN
            RETURN make_date(y::integer, m::integer, d::integer);
        EXCEPTION WHEN others THEN
            NULL;
        END;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'E0289',
        MESSAGE = 'Cannot construct data type date, some of the arguments have values which are not valid.';
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_text_as_number(value citext) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE WHEN value::text ~ '^ *[-+]?([0-9]+\.?[0-9]*|\.[0-9]+) *$' THEN btrim(value::text)::numeric
                ELSE sys.etlcheck_conversion_failed(value::text) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_text_number_equals(left_value citext, right_value numeric)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT sys.etlcheck_text_as_number(left_value) = right_value $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_number_text_equals(left_value numeric, right_value citext)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_value = sys.etlcheck_text_as_number(right_value) $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_text_number_differs(left_value citext, right_value numeric)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT sys.etlcheck_text_as_number(left_value) <> right_value $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_number_text_differs(left_value numeric, right_value citext)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT left_value <> sys.etlcheck_text_as_number(right_value) $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_operator o
                   JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                   WHERE n.nspname = 'sys' AND o.oprname = '=' AND o.oprleft = 'citext'::regtype
                     AND o.oprright = 'numeric'::regtype) THEN
        CREATE OPERATOR sys.= (LEFTARG = citext, RIGHTARG = numeric, FUNCTION = sys.etlcheck_text_number_equals);
        CREATE OPERATOR sys.= (LEFTARG = numeric, RIGHTARG = citext, FUNCTION = sys.etlcheck_number_text_equals);
        CREATE OPERATOR sys.<> (LEFTARG = citext, RIGHTARG = numeric, FUNCTION = sys.etlcheck_text_number_differs);
        CREATE OPERATOR sys.<> (LEFTARG = numeric, RIGHTARG = citext, FUNCTION = sys.etlcheck_number_text_differs);
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_format_number(value numeric, decimals integer, grouped boolean, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(round(value, decimals),
        'FM' || CASE WHEN grouped THEN '999,999,999,999,999,999,999,999,999,99'
                     ELSE repeat('9', 30 - greatest(digits, 1)) END
        || repeat('0', greatest(digits, 1))
        || CASE WHEN decimals > 0 THEN '.' || repeat('0', decimals) ELSE '' END)
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_format_number(value double precision, decimals integer, grouped boolean, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT sys.etlcheck_format_number(value::numeric, decimals, grouped, digits)
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_format_integer(value anyelement, digits integer)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN pg_typeof(value) IN ('integer'::regtype, 'bigint'::regtype, 'smallint'::regtype) THEN
        (CASE WHEN value::text LIKE '-%' THEN '-' ELSE '' END)
        || lpad(ltrim(value::text, '-'), greatest(digits, length(ltrim(value::text, '-'))), '0')
    END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_like(value text, regex text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT value ~* ('^(?:' || regex || ')$') $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_like_regex(pattern text, escape text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result text := '';
    position integer := 1;
    character text;
    closing integer;
BEGIN
    IF pattern IS NULL THEN
        RETURN NULL;
    END IF;
    WHILE position <= length(pattern) LOOP
        character := substr(pattern, position, 1);
        IF escape IS NOT NULL AND character = escape AND position < length(pattern) THEN
            result := result || regexp_replace(substr(pattern, position + 1, 1), '([\\.^$|?*+()\[\]{}])', '\\\1', 'g');
            position := position + 2;
            CONTINUE;
        END IF;
        IF character = '%' THEN
            result := result || '.*';
        ELSIF character = '_' THEN
            result := result || '.';
        ELSIF character = '[' THEN
            closing := strpos(substr(pattern, position + 1), ']');
            IF closing = 0 THEN
                result := result || '\[';
            ELSE
                result := result || '[' || replace(replace(substr(pattern, position + 1, closing - 1), '\', '\\'), '[', '\[') || ']';
                position := position + closing;
            END IF;
        ELSE
            result := result || regexp_replace(character, '([\\.^$|?*+()\[\]{}])', '\\\1', 'g');
        END IF;
        position := position + 1;
    END LOOP;
    RETURN result;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_patindex(value text, regex text, anywhere boolean)
RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL OR regex IS NULL THEN NULL
        WHEN value !~* ('^' || CASE WHEN anywhere THEN '.*' ELSE '' END || '(?:' || regex || ')$') THEN 0
        ELSE length(substring(value FROM '(?i)^(' || CASE WHEN anywhere THEN '.*?' ELSE '' END
                                 || ')(?:' || regex || ')$')) + 1 END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_isnumeric(value text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value ~ '[^ ]'
              AND (value ~ '^[[:space:]]*(?:[+-]?[$£¢¥€]?|[$£¢¥€][+-])[0-9,]*(?:\.[0-9]*)?[[:space:]]*$'
                   OR value ~ '^[[:space:]]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eEdD][+-]?[0-9]+[[:space:]]*$')
         THEN 1 ELSE 0 END
$$;
-- SET DATEFIRST n, as the interpreter keeps it for the session (7 when never set): the
-- weekday and week parts count from that day.
CREATE OR REPLACE FUNCTION sys.etlcheck_datefirst() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT coalesce(CAST(nullif(current_setting('etlcheck.datefirst', true), '') AS integer), 7)
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_datepart(part text, moment timestamp) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CAST(CASE part
        WHEN 'year' THEN extract(year FROM moment)
        WHEN 'quarter' THEN extract(quarter FROM moment)
        WHEN 'month' THEN extract(month FROM moment)
        WHEN 'dayofyear' THEN extract(doy FROM moment)
        WHEN 'day' THEN extract(day FROM moment)
        WHEN 'week' THEN floor((extract(doy FROM moment)
                                + mod(CAST(extract(dow FROM date_trunc('year', moment)) AS integer)
                                      + 14 - sys.etlcheck_datefirst(), 7) - 1) / 7) + 1
        WHEN 'weekday' THEN mod(CAST(extract(dow FROM moment) AS integer) + 14
                                - sys.etlcheck_datefirst(), 7) + 1
        WHEN 'iso_week' THEN extract(week FROM moment)
        WHEN 'hour' THEN extract(hour FROM moment)
        WHEN 'minute' THEN extract(minute FROM moment)
        WHEN 'second' THEN floor(extract(second FROM moment)) END AS integer)
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_datename(part text, moment timestamp) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE part
        WHEN 'month' THEN to_char(moment, 'FMMonth')
        WHEN 'weekday' THEN to_char(moment, 'FMDay')
        ELSE CAST(sys.etlcheck_datepart(part, moment) AS text) END
$$;
-- AVG with SQL Server's result type: one aggregate per argument type. The average of
-- integers is an integer truncated toward zero; a decimal's keeps its scale, at least 6
-- decimals, truncated; a float's is a float.
CREATE OR REPLACE FUNCTION sys.etlcheck_avg_add(state numeric[], value smallint)
RETURNS numeric[] LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ARRAY[state[1] + 1, state[2] + value] $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_avg_add(state numeric[], value integer)
RETURNS numeric[] LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ARRAY[state[1] + 1, state[2] + value] $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_avg_add(state numeric[], value bigint)
RETURNS numeric[] LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ARRAY[state[1] + 1, state[2] + value] $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_avg_add(state numeric[], value numeric)
RETURNS numeric[] LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ARRAY[state[1] + 1, state[2] + value] $$;
CREATE OR REPLACE FUNCTION sys.etlcheck_avg_integer(state numeric[]) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN state[1] > 0 THEN CAST(trunc(state[2] / state[1]) AS integer) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_avg_bigint(state numeric[]) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN state[1] > 0 THEN CAST(trunc(state[2] / state[1]) AS bigint) END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_avg_numeric(state numeric[]) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN state[1] > 0
        THEN trunc(state[2] / state[1], greatest(scale(state[2]), 6)) END
$$;
CREATE OR REPLACE AGGREGATE sys.etlcheck_avg(smallint) (SFUNC = sys.etlcheck_avg_add,
    STYPE = numeric[], FINALFUNC = sys.etlcheck_avg_integer, INITCOND = '{0,0}');
CREATE OR REPLACE AGGREGATE sys.etlcheck_avg(integer) (SFUNC = sys.etlcheck_avg_add,
    STYPE = numeric[], FINALFUNC = sys.etlcheck_avg_integer, INITCOND = '{0,0}');
CREATE OR REPLACE AGGREGATE sys.etlcheck_avg(bigint) (SFUNC = sys.etlcheck_avg_add,
    STYPE = numeric[], FINALFUNC = sys.etlcheck_avg_bigint, INITCOND = '{0,0}');
CREATE OR REPLACE AGGREGATE sys.etlcheck_avg(numeric) (SFUNC = sys.etlcheck_avg_add,
    STYPE = numeric[], FINALFUNC = sys.etlcheck_avg_numeric, INITCOND = '{0,0}');
CREATE OR REPLACE AGGREGATE sys.etlcheck_avg(real) (SFUNC = float4_accum,
    STYPE = float8[], FINALFUNC = float8_avg, INITCOND = '{0,0,0}');
CREATE OR REPLACE AGGREGATE sys.etlcheck_avg(double precision) (SFUNC = float8_accum,
    STYPE = float8[], FINALFUNC = float8_avg, INITCOND = '{0,0,0}');
-- REPLACE finds its pattern ignoring case, as SQL Server's default collation does; an
-- empty pattern replaces nothing. The result compares ignoring case, as its text would.
CREATE OR REPLACE FUNCTION sys.etlcheck_replace(value text, pattern text, replacement text)
RETURNS citext LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST(CASE WHEN pattern = '' THEN value
        ELSE regexp_replace(value, regexp_replace(pattern, '([.^$*+?()[\]{}|\\-])', '\\\1', 'g'),
                            replace(replacement, '\', '\\'), 'gi') END AS citext)
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_json_read(document text) RETURNS json
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN document::json;
EXCEPTION WHEN invalid_text_representation OR untranslatable_character THEN
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_json_at(document text, steps text) RETURNS json
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    value json;
    step json;
BEGIN
    IF document IS NULL OR steps IS NULL THEN
        RETURN NULL;
    END IF;
    value := sys.etlcheck_json_read(document);
    IF value IS NULL THEN
        RAISE EXCEPTION '«13609»JSON text is not properly formatted.';
    END IF;
    FOR step IN SELECT json_array_elements(steps::json) LOOP
        IF json_typeof(step) = 'number' AND json_typeof(value) = 'array' THEN
            value := value -> (step::text::integer);
        ELSIF json_typeof(step) = 'string' AND json_typeof(value) = 'object' THEN
            value := value -> (step #>> '{}');
        ELSE
            RETURN NULL;
        END IF;
        IF value IS NULL THEN
            RETURN NULL;
        END IF;
    END LOOP;
    RETURN value;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_json_value(document text, steps text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN json_typeof(v) IN ('object', 'array', 'null') OR length(v #>> '{}') > 4000
                THEN NULL ELSE v #>> '{}' END
    FROM (SELECT sys.etlcheck_json_at(document, steps) AS v) AS found
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_json_query(document text, steps text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN json_typeof(v) IN ('object', 'array') THEN v::text END
    FROM (SELECT sys.etlcheck_json_at(document, steps) AS v) AS found
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_json_type(value json) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE json_typeof(value) WHEN 'null' THEN 0 WHEN 'string' THEN 1 WHEN 'number' THEN 2
        WHEN 'boolean' THEN 3 WHEN 'array' THEN 4 ELSE 5 END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_openjson(document text, steps text, explicit boolean)
RETURNS TABLE ("key" text, "value" text, "type" integer) LANGUAGE sql IMMUTABLE AS $$
    WITH found AS (SELECT sys.etlcheck_json_at(document, steps) AS v),
    members AS (
        SELECT m.k AS k, m.e AS e, m.n AS n FROM found,
            json_each(CASE WHEN json_typeof(found.v) = 'object' THEN found.v ELSE '{}' END)
                WITH ORDINALITY AS m(k, e, n)
        WHERE NOT explicit
        UNION ALL
        SELECT (m.n - 1)::text, m.e, m.n FROM found,
            json_array_elements(CASE WHEN json_typeof(found.v) = 'array' THEN found.v ELSE '[]' END)
                WITH ORDINALITY AS m(e, n)
        UNION ALL
        SELECT NULL, found.v, 1 FROM found WHERE explicit AND json_typeof(found.v) = 'object'
    )
    SELECT members.k,
           CASE WHEN explicit THEN members.e::text
                WHEN json_typeof(members.e) IN ('object', 'array') THEN members.e::text
                ELSE members.e #>> '{}' END,
           sys.etlcheck_json_type(members.e)
    FROM members ORDER BY members.n
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_isjson(document text, kind text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    value json;
BEGIN
    IF document IS NULL THEN
        RETURN NULL;
    END IF;
    value := sys.etlcheck_json_read(document);
    IF value IS NULL THEN
        RETURN 0;
    END IF;
    RETURN CASE kind
        WHEN 'OBJECT_OR_ARRAY' THEN json_typeof(value) IN ('object', 'array')
        WHEN 'VALUE' THEN true
        WHEN 'SCALAR' THEN json_typeof(value) IN ('string', 'number')
        WHEN 'ARRAY' THEN json_typeof(value) = 'array'
        WHEN 'OBJECT' THEN json_typeof(value) = 'object'
        ELSE false END::integer;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_fits(value text, size integer, tab text, col text)
RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF value IS NULL OR length(rtrim(value)) <= size THEN
        RETURN TRUE;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'E2628', MESSAGE = format(
        'String or binary data would be truncated in table ''%s'', column ''%s''. '
        'Truncated value: ''%s''.', tab, col, left(value, size));
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_isdate(value anyelement, moment timestamp, shapes text)
RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    text_value text := btrim(value::text, ' ');
BEGIN
    IF value IS NULL THEN
        RETURN 0;
    END IF;
    IF pg_typeof(value)::text NOT IN ('text', 'citext', 'character varying', 'character', 'unknown') THEN
        RAISE EXCEPTION 'ISDATE: an argument of type % is not emulated, only text; run it on --engine mssql',
            pg_typeof(value);
    END IF;
    IF text_value !~ '[0-9]' THEN
        RETURN 0;
    END IF;
    IF text_value !~ shapes THEN
        RAISE EXCEPTION 'ISDATE: cannot tell whether % is a date as SQL Server reads it (it '
            'decides yyyy-mm-dd, yyyymmdd and mm/dd/yyyy, with a time of day); run it on '
            '--engine mssql', quote_literal(text_value);
    END IF;
    IF moment IS NULL OR extract(year FROM moment) < 1753 OR text_value ~ '[.][0-9]{4,}$' THEN
        RETURN 0;
    END IF;
    RETURN 1;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_power_refused(x double precision, y double precision,
    why text) RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RAISE EXCEPTION 'POWER(%, %): %; run it on --engine mssql', x, y, why;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_power(x double precision, y double precision)
RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result double precision;
BEGIN
    IF x IS NULL OR y IS NULL THEN
        RETURN NULL;
    END IF;
    IF x < 0 AND y <> trunc(y) THEN
        RETURN sys.etlcheck_power_refused(x, y,
            'SQL Server''s result for a negative number to a fractional power is not documented');
    END IF;
    IF x = 0 AND y < 0 THEN
        RETURN sys.etlcheck_power_refused(x, y,
            'SQL Server''s result for 0 to a negative power is not documented');
    END IF;
    BEGIN
        result := power(x, y);
    EXCEPTION WHEN numeric_value_out_of_range THEN
        result := NULL;
    END;
    IF result IS NULL OR result = 'Infinity'::float8 OR result = '-Infinity'::float8
        OR (result = 0 AND x <> 0) THEN
        RETURN sys.etlcheck_power_refused(x, y,
            'SQL Server''s result beyond float''s range is not documented');
    END IF;
    RETURN result;
END
$$;
CREATE OR REPLACE FUNCTION sys.etlcheck_power_exact(x double precision, y double precision,
    scale integer, low double precision, high double precision, type_name text)
RETURNS double precision LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    value double precision := sys.etlcheck_power(x, y);
    shifted double precision;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    IF value < low OR value > high THEN
        RETURN sys.etlcheck_power_refused(x, y, 'the result does not fit in ' || type_name
            || ': SQL Server stops with an arithmetic overflow error whose number is not '
            || 'documented');
    END IF;
    shifted := abs(value) * power(10::float8, scale);
    IF shifted >= 1e15 THEN
        RETURN sys.etlcheck_power_refused(x, y, 'which digits SQL Server keeps of a '
            || type_name || ' result of more than 15 digits is not documented');
    END IF;
    IF shifted - floor(shifted) <= greatest(shifted, 1) * 1e-15
        OR ceil(shifted) - shifted <= greatest(shifted, 1) * 1e-15 THEN
        RETURN sign(value) * round(shifted) / power(10::float8, scale);
    END IF;
    IF shifted - floor(shifted) < 0.5 THEN
        RETURN sign(value) * floor(shifted) / power(10::float8, scale);
    END IF;
    RETURN sys.etlcheck_power_refused(x, y, 'the ' || type_name || ' result has digits beyond '
        || 'its scale that round up, and whether SQL Server rounds or truncates them is not '
        || 'documented');
END
$$;
