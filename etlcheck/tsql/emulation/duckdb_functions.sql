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
