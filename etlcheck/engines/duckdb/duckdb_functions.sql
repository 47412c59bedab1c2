CREATE OR REPLACE MACRO sys.quotename(value, quote := '[') AS (
    CASE WHEN value IS NULL OR length(value) > 128 THEN NULL
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
    END END
);
CREATE OR REPLACE MACRO sys.etlcheck_string_split(value, separator) AS TABLE
SELECT unnest(string_split(value, separator)) AS value;
CREATE OR REPLACE MACRO sys.etlcheck_string_split_ordinal(value, separator) AS TABLE
SELECT unnest(string_split(value, separator)) AS value,
       CAST(generate_subscripts(string_split(value, separator), 1) AS BIGINT) AS ordinal;
-- Text SQL Server reads as an integer: digits, a sign, blanks around them; blank is 0.
-- The emulation calls it directly for text the statement shows, which spares DuckDB the
-- copies of the argument the type dispatch below makes (a macro copies its argument
-- wherever it uses it).
CREATE OR REPLACE MACRO sys.etlcheck_integer_text(value, strict) AS (
    CASE WHEN regexp_full_match(value, ' *[-+]?[0-9]+ *')
             THEN CAST(trim(value) AS DECIMAL(38, 0))
         WHEN trim(value) = '' THEN CAST(0 AS DECIMAL(38, 0))
         WHEN strict THEN CAST(error('«245»Conversion failed when converting the varchar value '''
             || value || ''' to data type int.') AS DECIMAL(38, 0))
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_integer_value(value, strict) AS (
    CASE WHEN value IS NULL THEN NULL
    WHEN typeof(value) = 'VARCHAR' THEN sys.etlcheck_integer_text(CAST(value AS VARCHAR), strict)
    WHEN typeof(value) = 'BOOLEAN' THEN CAST(CAST(value AS INTEGER) AS DECIMAL(38, 0))
    ELSE trunc(TRY_CAST(value AS DECIMAL(38, 9)))
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_is_integer_type(value) AS (
    typeof(value) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER')
);
CREATE OR REPLACE MACRO sys.etlcheck_int(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN CAST(value AS INTEGER)
    ELSE CAST(sys.etlcheck_integer_value(value, true) AS INTEGER) END
);
CREATE OR REPLACE MACRO sys.etlcheck_try_int(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN TRY_CAST(value AS INTEGER)
    ELSE TRY_CAST(sys.etlcheck_integer_value(value, false) AS INTEGER) END
);
CREATE OR REPLACE MACRO sys.etlcheck_bigint(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN CAST(value AS BIGINT)
    ELSE CAST(sys.etlcheck_integer_value(value, true) AS BIGINT) END
);
CREATE OR REPLACE MACRO sys.etlcheck_try_bigint(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN TRY_CAST(value AS BIGINT)
    ELSE TRY_CAST(sys.etlcheck_integer_value(value, false) AS BIGINT) END
);
CREATE OR REPLACE MACRO sys.etlcheck_smallint(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN CAST(value AS SMALLINT)
    ELSE CAST(sys.etlcheck_integer_value(value, true) AS SMALLINT) END
);
CREATE OR REPLACE MACRO sys.etlcheck_try_smallint(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN TRY_CAST(value AS SMALLINT)
    ELSE TRY_CAST(sys.etlcheck_integer_value(value, false) AS SMALLINT) END
);
CREATE OR REPLACE MACRO sys.etlcheck_tinyint_range(number) AS (
    CASE WHEN number IS NULL OR number BETWEEN 0 AND 255 THEN CAST(number AS UTINYINT)
    ELSE CAST(error('«220»Arithmetic overflow error for data type tinyint, value = '
                    || CAST(number AS VARCHAR) || '.') AS UTINYINT) END
);
CREATE OR REPLACE MACRO sys.etlcheck_tinyint(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN sys.etlcheck_tinyint_range(CAST(value AS BIGINT))
    ELSE sys.etlcheck_tinyint_range(sys.etlcheck_integer_value(value, true)) END
);
CREATE OR REPLACE MACRO sys.etlcheck_try_tinyint(value) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN TRY_CAST(value AS UTINYINT)
    ELSE TRY_CAST(sys.etlcheck_integer_value(value, false) AS UTINYINT) END
);
CREATE OR REPLACE MACRO sys.etlcheck_fraction(moment, digits, omit_zero) AS (
    CASE WHEN digits = 0 OR (omit_zero AND strftime(moment, '%f') = '000000') THEN ''
         WHEN digits = 3 THEN '.' || strftime(moment, '%g')
         ELSE '.' || left(strftime(moment, '%f') || '000', digits) END
);
CREATE OR REPLACE MACRO sys.etlcheck_round_moment(moment, digits) AS (
    CASE WHEN digits >= 6 THEN CAST(moment AS TIMESTAMP)
         ELSE date_trunc('second', CAST(moment AS TIMESTAMP)) + to_microseconds(
             (microsecond(CAST(moment AS TIMESTAMP)) % 1000000
              + 5 * CAST(pow(10, 5 - digits) AS BIGINT)) // CAST(pow(10, 6 - digits) AS BIGINT)
             * CAST(pow(10, 6 - digits) AS BIGINT)) END
);
CREATE OR REPLACE MACRO sys.etlcheck_round_time(value, digits) AS (
    CAST(sys.etlcheck_round_moment(DATE '1900-01-01' + CAST(value AS TIME), digits) AS TIME)
);
CREATE OR REPLACE MACRO sys.etlcheck_style_moment(moment, style, digits, is_date) AS (
    CASE style
        WHEN 1 THEN strftime(moment, '%m/%d/%y')
        WHEN 2 THEN strftime(moment, '%y.%m.%d')
        WHEN 102 THEN strftime(moment, '%Y.%m.%d')
        WHEN 101 THEN strftime(moment, '%m/%d/%Y')
        WHEN 3 THEN strftime(moment, '%d/%m/%y')
        WHEN 103 THEN strftime(moment, '%d/%m/%Y')
        WHEN 112 THEN strftime(moment, '%Y%m%d')
        WHEN 23 THEN strftime(moment, '%Y-%m-%d')
        WHEN 120 THEN CASE WHEN is_date THEN strftime(moment, '%Y-%m-%d')
                           ELSE strftime(moment, '%Y-%m-%d %H:%M:%S') END
        WHEN 121 THEN CASE WHEN is_date THEN strftime(moment, '%Y-%m-%d')
                           ELSE strftime(moment, '%Y-%m-%d %H:%M:%S')
                                || sys.etlcheck_fraction(moment, digits, false) END
        WHEN 126 THEN CASE WHEN is_date THEN strftime(moment, '%Y-%m-%d')
                           ELSE strftime(moment, '%Y-%m-%dT%H:%M:%S')
                                || sys.etlcheck_fraction(moment, digits, true) END
        ELSE strftime(moment, '%b ') || lpad(CAST(day(moment) AS VARCHAR), 2, ' ')
             || strftime(moment, ' %Y')
             || CASE WHEN is_date THEN '' ELSE ' '
                    || lpad(CAST((hour(moment) + 11) % 12 + 1 AS VARCHAR), 2, ' ')
                    || strftime(moment, ':%M%p') END
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_style_text(value, style, digits) AS (
    CASE WHEN value IS NULL THEN NULL
         WHEN typeof(value) IN ('DATE', 'TIMESTAMP', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP_S')
             THEN sys.etlcheck_style_moment(TRY_CAST(value AS TIMESTAMP), style, digits,
                                            typeof(value) = 'DATE')
         WHEN typeof(value) = 'BLOB' AND style IN (1, 2)
             THEN CASE style WHEN 1 THEN '0x' ELSE '' END || hex(TRY_CAST(value AS BLOB))
         ELSE CAST(value AS VARCHAR) END
);
CREATE OR REPLACE MACRO sys.etlcheck_column_exists(wanted_table, wanted_column) AS (
    (SELECT CASE WHEN count(*) > 0 THEN 1 END FROM sys.columns AS c
     WHERE c.object_id = sys.object_id(wanted_table) AND lower(c.name) = lower(wanted_column))
);
-- REPLACE finds its pattern ignoring case, as SQL Server's default collation does
-- (REPLACE('Acme Inc.', 'INC', 'co') is 'Acme co.'); an empty pattern replaces nothing.
CREATE OR REPLACE MACRO sys.etlcheck_replace(value, pattern, replacement) AS (
    CASE WHEN pattern = '' THEN value
         ELSE regexp_replace(value, regexp_escape(pattern), replace(replacement, '\', '\\'), 'gi')
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_text(value) AS (
    CASE WHEN typeof(value) = 'BOOLEAN'
             THEN CAST(CAST(TRY_CAST(value AS BOOLEAN) AS INTEGER) AS VARCHAR)
         ELSE CAST(value AS VARCHAR) END
);
CREATE OR REPLACE MACRO sys.etlcheck_utf16_unit(unit) AS (
    printf('%02X%02X', unit % 256, unit // 256)
);
CREATE OR REPLACE MACRO sys.etlcheck_utf16le(value) AS (
    unhex(array_to_string(list_transform(string_split(value, ''), lambda c:
        CASE WHEN unicode(c) < 65536 THEN sys.etlcheck_utf16_unit(unicode(c))
             ELSE sys.etlcheck_utf16_unit(55296 + (unicode(c) - 65536) // 1024)
                  || sys.etlcheck_utf16_unit(56320 + (unicode(c) - 65536) % 1024) END), ''))
);
CREATE OR REPLACE MACRO sys.etlcheck_cp1252(value) AS (
    unhex(array_to_string(list_transform(string_split(value, ''), lambda c:
        CASE WHEN unicode(c) < 128 OR unicode(c) BETWEEN 160 AND 255 THEN printf('%02X', unicode(c))
             WHEN strpos('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ', c) > 0
                 THEN substr('8082838485868788898A8B8C8E9192939495969798999A9B9C9E9F', 2 * strpos('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ', c) - 1, 2)
             ELSE error('VARCHAR (code page 1252) has no character ' || c) END), ''))
);
CREATE OR REPLACE MACRO sys.etlcheck_hashbytes(algorithm, data) AS (
    CASE algorithm WHEN 'MD5' THEN unhex(md5(data)) WHEN 'SHA1' THEN unhex(sha1(data))
                   ELSE unhex(sha256(data)) END
);
CREATE OR REPLACE MACRO sys.etlcheck_money_text(value, style) AS (
    CASE style WHEN 1 THEN format('{:,.2f}', CAST(value AS DECIMAL(38, 2)))
               WHEN 0 THEN CAST(CAST(value AS DECIMAL(38, 2)) AS VARCHAR)
               ELSE CAST(CAST(value AS DECIMAL(38, 4)) AS VARCHAR) END
);
CREATE OR REPLACE MACRO sys.etlcheck_float_written(sign, mantissa, power, style) AS (
    sign || CASE
        WHEN style = 0 AND power BETWEEN 0 AND 5
            THEN rtrim(rtrim(left(replace(mantissa, '.', ''), power + 1) || '.'
                || substr(replace(mantissa, '.', ''), power + 2), '0'), '.')
        WHEN style = 0 AND power BETWEEN -4 AND -1
            THEN rtrim('0.' || repeat('0', -power - 1) || replace(mantissa, '.', ''), '0')
        ELSE CASE WHEN style = 0 THEN rtrim(rtrim(mantissa, '0'), '.') ELSE mantissa END
            || 'e' || CASE WHEN power < 0 THEN '-' ELSE '+' END
            || lpad(CAST(abs(power) AS VARCHAR), 3, '0') END
);
CREATE OR REPLACE MACRO sys.etlcheck_float_text(value, bits, style, size, target, strict) AS (
    list_transform([printf(CASE style WHEN 0 THEN '%.5e' WHEN 1 THEN '%.7e' ELSE '%.15e' END,
            CASE WHEN bits = 24 THEN CAST(CAST(value AS REAL) AS DOUBLE)
                 ELSE CAST(value AS DOUBLE) END)],
        lambda scientific: list_transform([sys.etlcheck_float_written(
            CASE WHEN scientific[1] = '-' THEN '-' ELSE '' END,
            regexp_extract(scientific, '([0-9.]+)e', 1),
            CAST(regexp_extract(scientific, 'e([+-][0-9]+)$', 1) AS INTEGER), style)],
            lambda written: CASE WHEN written IS NULL OR size = 0 OR length(written) <= size
                THEN written
                WHEN strict THEN error('«8115»Arithmetic overflow error converting float to data type '
                    || target || '.')
                END)[1])[1]
);
CREATE OR REPLACE MACRO sys.etlcheck_str_fitted(text, length) AS (
    CASE WHEN text IS NULL THEN NULL
         WHEN length(text) <= length THEN lpad(text, length, ' ')
         WHEN length(split_part(text, '.', 1)) > length THEN repeat('*', length)
         ELSE error('STR: a number that fits its length only with fewer decimals is not '
             || 'emulated (the documentation does not show the result)') END
);
CREATE OR REPLACE MACRO sys.etlcheck_str(value, length, decimals) AS (
    list_transform([struct_pack(
        shown := TRY_CAST(printf('%.14e', value) AS DECIMAL(38, 20)),
        exact := TRY_CAST(printf('%.24e', value) AS DECIMAL(38, 20)))],
    lambda n: sys.etlcheck_str_fitted(CASE
        WHEN value IS NULL THEN NULL
        WHEN abs(value) >= 1e15 AND length(printf('%.0f', value)) > length THEN repeat('*', length)
        WHEN abs(value) >= 1e15 OR round(n.shown, decimals) <> round(n.exact, decimals)
                OR abs(n.exact - round(n.exact, decimals))
                    = CAST('0.' || repeat('0', decimals) || '5' AS DECIMAL(38, 20))
                OR (value < 0 AND round(n.shown, decimals) = 0)
            THEN error('STR: a number halfway between two results at its decimals, or of more '
                || 'than 15 digits, is not emulated (the documentation does not show how it rounds)')
        ELSE CAST(round(n.shown, decimals) AS VARCHAR) END, length))[1]
);
CREATE OR REPLACE MACRO sys.etlcheck_hex_digits(digits) AS (
    CASE WHEN length(digits) % 2 = 0 THEN unhex(digits)
         ELSE error('Error converting data type varchar to varbinary.') END
);
CREATE OR REPLACE MACRO sys.etlcheck_hex_binary(value, style) AS (
    sys.etlcheck_hex_digits(
        CASE WHEN style = 1 AND lower(left(value, 2)) = '0x' THEN substr(value, 3)
             WHEN style = 1 THEN error('Error converting data type varchar to varbinary.')
             ELSE value END)
);
CREATE OR REPLACE MACRO sys.etlcheck_offset_seconds_text(seconds) AS (
    CASE WHEN seconds < 0 THEN '-' ELSE '+' END
    || lpad(CAST(abs(seconds) // 3600 AS VARCHAR), 2, '0') || ':'
    || lpad(CAST(abs(seconds) % 3600 // 60 AS VARCHAR), 2, '0')
);
CREATE OR REPLACE MACRO sys.etlcheck_offset_string(value) AS (
    CASE WHEN regexp_matches(trim(value), '[+-][0-9]{2}:[0-9]{2}$')
             THEN regexp_replace(trim(value), '\s+([+-][0-9]{2}:[0-9]{2})$', '\1')
         WHEN regexp_matches(trim(value), '[Zz]$') THEN trim(value)
         WHEN regexp_matches(trim(value), '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
             THEN trim(value) || ' 00:00:00+00:00'
         ELSE trim(value) || '+00:00' END
);
CREATE OR REPLACE MACRO sys.etlcheck_offset_text(value) AS (
    sys.etlcheck_offset_seconds_text(date_part('timezone', value))
);
CREATE OR REPLACE MACRO sys.etlcheck_parse_style(value, style, strict) AS (
    CASE WHEN value IS NULL THEN NULL
         WHEN try_strptime(trim(value), CASE style WHEN 1 THEN '%m/%d/%y' WHEN 101 THEN '%m/%d/%Y'
                 WHEN 3 THEN '%d/%m/%y' WHEN 103 THEN '%d/%m/%Y' ELSE '%Y%m%d' END) IS NOT NULL
             THEN sys.etlcheck_century(try_strptime(trim(value), CASE style
                 WHEN 1 THEN '%m/%d/%y' WHEN 101 THEN '%m/%d/%Y' WHEN 3 THEN '%d/%m/%y'
                 WHEN 103 THEN '%d/%m/%Y' ELSE '%Y%m%d' END), style IN (1, 3))
         WHEN strict THEN CAST(error('«241»Conversion failed when converting date and/or time '
                 || 'from character string.') AS TIMESTAMP)
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_century(moment, two_digit_year) AS (
    CASE WHEN two_digit_year AND year(moment) >= 2050 THEN moment - INTERVAL 100 YEAR
         ELSE moment END
);
CREATE OR REPLACE MACRO sys.etlcheck_decimal_text(value) AS (
    CASE WHEN typeof(value) = 'VARCHAR'
              AND (contains(CAST(value AS VARCHAR), 'e') OR contains(CAST(value AS VARCHAR), 'E')
                   OR contains(CAST(value AS VARCHAR), '_') OR contains(CAST(value AS VARCHAR), chr(9)))
         THEN NULL ELSE value END
);
CREATE OR REPLACE MACRO sys.etlcheck_text_moment(value) AS (
    CASE WHEN value = '' THEN TIMESTAMP '1900-01-01'
    ELSE COALESCE(
        TRY_CAST(value AS TIMESTAMP),
        sys.etlcheck_century(
            try_strptime(value, ['%m/%d/%y', '%m/%d/%y %H:%M:%S', '%m/%d/%y %H:%M']),
            regexp_full_match(value, '\d{1,2}/\d{1,2}/\d{2}( .*)?')),
        try_strptime(value, ['%m/%d/%Y', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M:%S.%g',
                             '%m/%d/%Y %H:%M', '%m/%d/%Y %I:%M %p', '%m/%d/%Y %I:%M:%S %p',
                             '%m-%d-%Y', '%m.%d.%Y', '%Y%m%d', '%Y%m%d %H:%M:%S',
                             '%b %d %Y', '%B %d %Y', '%b %d %Y %I:%M%p', '%d %b %Y', '%d %B %Y']))
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_moment(value, strict) AS (
    CASE WHEN value IS NULL THEN NULL
         WHEN typeof(value) = 'VARCHAR' THEN COALESCE(
             sys.etlcheck_text_moment(trim(CAST(value AS VARCHAR))),
             CASE WHEN strict THEN CAST(error('«241»Conversion failed when converting date '
                 || 'and/or time from character string.') AS TIMESTAMP) END)
         ELSE TRY_CAST(value AS TIMESTAMP) END
);
CREATE OR REPLACE MACRO sys.etlcheck_datefromparts(y, m, d) AS (
    CASE WHEN y IS NULL OR m IS NULL OR d IS NULL THEN NULL
         WHEN y BETWEEN 1 AND 9999 AND m BETWEEN 1 AND 12 AND d BETWEEN 1 AND 31
              AND TRY_CAST(lpad(CAST(y AS VARCHAR), 4, '0') || '-' || lpad(CAST(m AS VARCHAR), 2, '0')
                  || '-' || lpad(CAST(d AS VARCHAR), 2, '0') AS DATE) IS NOT NULL
             THEN make_date(CAST(y AS INTEGER), CAST(m AS INTEGER), CAST(d AS INTEGER))
         ELSE CAST(error('«289»Cannot construct data type date, some of the arguments have '
             || 'values which are not valid.') AS DATE) END
);
CREATE OR REPLACE MACRO sys.etlcheck_padded(text, digits) AS (
    lpad(text, CAST(greatest(digits, length(text)) AS INTEGER), '0')
);
CREATE OR REPLACE MACRO sys.etlcheck_format_rounded(rounded, decimals, grouped, digits) AS (
    CASE WHEN rounded IS NULL THEN NULL ELSE
        (CASE WHEN rounded < 0 THEN '-' ELSE '' END)
        || sys.etlcheck_padded(CASE WHEN grouped THEN format('{:,}', CAST(trunc(abs(rounded)) AS HUGEINT))
                                    ELSE CAST(CAST(trunc(abs(rounded)) AS HUGEINT) AS VARCHAR) END, digits)
        || CASE WHEN decimals > 0
                THEN '.' || left(split_part(CAST(abs(rounded) AS VARCHAR), '.', 2) || repeat('0', decimals), decimals)
                ELSE '' END
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_format_number(value, decimals, grouped, digits) AS (
    sys.etlcheck_format_rounded(round(TRY_CAST(value AS DECIMAL(38, 10)), decimals), decimals, grouped, digits)
);
CREATE OR REPLACE MACRO sys.etlcheck_format_integer(value, digits) AS (
    CASE WHEN sys.etlcheck_is_integer_type(value) THEN
        (CASE WHEN value < 0 THEN '-' ELSE '' END)
        || sys.etlcheck_padded(CAST(abs(CAST(value AS HUGEINT)) AS VARCHAR), digits)
    END
);
CREATE OR REPLACE MACRO sys.etlcheck_like(value, regex) AS (
    regexp_full_match(value, '(?s)' || regex, 'i')
);
CREATE OR REPLACE MACRO sys.etlcheck_like_regex(pattern, escape) AS (
    array_to_string(list_transform(
        regexp_extract_all(pattern, CASE WHEN escape IS NULL THEN '\[\^?[^\]]*\]|.'
                                         ELSE regexp_escape(escape) || '.|\[\^?[^\]]*\]|.' END),
        lambda token: CASE
            WHEN escape IS NOT NULL AND length(token) = 2 AND left(token, 1) = escape
                THEN regexp_escape(right(token, 1))
            WHEN token = '%' THEN '.*'
            WHEN token = '_' THEN '.'
            WHEN length(token) > 1 AND left(token, 1) = '['
                THEN '[' || replace(replace(token[2:-2], '\', '\\'), '[', '\[') || ']'
            ELSE regexp_escape(token) END), '')
);
CREATE OR REPLACE MACRO sys.etlcheck_patindex(value, regex, anywhere) AS (
    CASE WHEN value IS NULL OR regex IS NULL THEN NULL
         WHEN NOT regexp_full_match(value, '(?s)' || CASE WHEN anywhere THEN '.*' ELSE '' END
                                    || '(?:' || regex || ')', 'i') THEN 0
         ELSE CAST(length(regexp_extract(value, '(?s)^(' || CASE WHEN anywhere THEN '.*?' ELSE '' END
                                         || ')(?:' || regex || ')$', 1, 'i')) + 1 AS INTEGER) END
);
CREATE OR REPLACE MACRO sys.etlcheck_isnumeric(value) AS (
    CASE WHEN value IS NOT NULL AND regexp_matches(value, '[^ ]')
              AND (regexp_full_match(value, '[[:space:]]*(?:[+-]?[$£¢¥€]?|[$£¢¥€][+-])[0-9,]*(?:\.[0-9]*)?[[:space:]]*')
                   OR regexp_full_match(value, '[[:space:]]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eEdD][+-]?[0-9]+[[:space:]]*'))
         THEN 1 ELSE 0 END
);
-- SET DATEFIRST n, as the interpreter keeps it for the session (7 when never set): the
-- weekday and week parts count from that day.
CREATE OR REPLACE MACRO sys.etlcheck_datefirst() AS (
    coalesce(TRY_CAST(getvariable('etlcheck_datefirst') AS INTEGER), 7)
);
CREATE OR REPLACE MACRO sys.etlcheck_datepart(part, moment) AS (
    CAST(CASE part
        WHEN 'year' THEN year(moment)
        WHEN 'quarter' THEN quarter(moment)
        WHEN 'month' THEN month(moment)
        WHEN 'dayofyear' THEN dayofyear(moment)
        WHEN 'day' THEN day(moment)
        WHEN 'week' THEN (dayofyear(moment)
                          + (dayofweek(date_trunc('year', moment)) + 14 - sys.etlcheck_datefirst()) % 7
                          - 1) // 7 + 1
        WHEN 'weekday' THEN (dayofweek(moment) + 14 - sys.etlcheck_datefirst()) % 7 + 1
        WHEN 'iso_week' THEN weekofyear(moment)
        WHEN 'hour' THEN hour(moment)
        WHEN 'minute' THEN minute(moment)
        WHEN 'second' THEN second(moment) END AS INTEGER)
);
CREATE OR REPLACE MACRO sys.etlcheck_datename(part, moment) AS (
    CASE part
        WHEN 'month' THEN monthname(moment)
        WHEN 'weekday' THEN dayname(moment)
        ELSE CAST(sys.etlcheck_datepart(part, moment) AS VARCHAR) END
);
CREATE OR REPLACE MACRO sys.etlcheck_isdate_text(text, moment, shapes) AS (
    CASE WHEN NOT regexp_matches(text, '[0-9]') THEN 0
         WHEN NOT regexp_matches(text, shapes)
             THEN CAST(error('ISDATE: cannot tell whether ''' || text || ''' is a date as SQL '
                 || 'Server reads it (it decides yyyy-mm-dd, yyyymmdd and mm/dd/yyyy, with a '
                 || 'time of day); run it on --engine mssql') AS INTEGER)
         WHEN moment IS NULL OR year(moment) < 1753 OR regexp_matches(text, '[.][0-9]{4,}$') THEN 0
         ELSE 1 END
);
CREATE OR REPLACE MACRO sys.etlcheck_isdate(value, moment, shapes) AS (
    CASE WHEN value IS NULL THEN 0
         WHEN typeof(value) <> 'VARCHAR'
             THEN CAST(error('ISDATE: an argument of type ' || typeof(value) || ' is not '
                 || 'emulated, only text; run it on --engine mssql') AS INTEGER)
         ELSE sys.etlcheck_isdate_text(trim(CAST(value AS VARCHAR), ' '), moment, shapes) END
);
CREATE OR REPLACE MACRO sys.etlcheck_power_refused(x, y, why) AS (
    CAST(error('POWER(' || CAST(x AS VARCHAR) || ', ' || CAST(y AS VARCHAR) || '): ' || why
        || '; run it on --engine mssql') AS DOUBLE)
);
CREATE OR REPLACE MACRO sys.etlcheck_power(x, y) AS (
    CASE WHEN x IS NULL OR y IS NULL THEN NULL
         WHEN x < 0 AND y <> trunc(y) THEN sys.etlcheck_power_refused(x, y,
             'SQL Server''s result for a negative number to a fractional power is not documented')
         WHEN x = 0 AND y < 0 THEN sys.etlcheck_power_refused(x, y,
             'SQL Server''s result for 0 to a negative power is not documented')
         WHEN isinf(pow(x, y)) OR (pow(x, y) = 0 AND x <> 0) THEN sys.etlcheck_power_refused(x, y,
             'SQL Server''s result beyond float''s range is not documented')
         ELSE pow(x, y) END
);
CREATE OR REPLACE MACRO sys.etlcheck_power_digits(x, y, value, shifted, scale, type_name) AS (
    CASE WHEN shifted >= 1e15 THEN sys.etlcheck_power_refused(x, y,
             'which digits SQL Server keeps of a ' || type_name || ' result of more than 15 '
             || 'digits is not documented')
         WHEN shifted - floor(shifted) <= greatest(shifted, 1) * 1e-15
             OR ceil(shifted) - shifted <= greatest(shifted, 1) * 1e-15
             THEN sign(value) * round(shifted) / pow(10, scale)
         WHEN shifted - floor(shifted) < 0.5 THEN sign(value) * floor(shifted) / pow(10, scale)
         ELSE sys.etlcheck_power_refused(x, y, 'the ' || type_name || ' result has digits '
             || 'beyond its scale that round up, and whether SQL Server rounds or truncates '
             || 'them is not documented') END
);
CREATE OR REPLACE MACRO sys.etlcheck_power_kept(x, y, value, scale, low, high, type_name) AS (
    CASE WHEN value IS NULL THEN NULL
         WHEN value < low OR value > high THEN sys.etlcheck_power_refused(x, y,
             'the result does not fit in ' || type_name || ': SQL Server stops with an '
             || 'arithmetic overflow error whose number is not documented')
         ELSE sys.etlcheck_power_digits(x, y, value, abs(value) * pow(10, scale), scale, type_name)
         END
);
CREATE OR REPLACE MACRO sys.etlcheck_power_exact(x, y, scale, low, high, type_name) AS (
    sys.etlcheck_power_kept(x, y, sys.etlcheck_power(x, y), scale, low, high, type_name)
);
