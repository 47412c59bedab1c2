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
