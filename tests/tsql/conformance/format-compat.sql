-- construct: FORMAT (other patterns and cultures)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/format-transact-sql
-- Cultures other than en-US, and patterns whose result is not certain (C, P, G,
-- digits among literals), are refused by the embedded engines.
-- compat on duckdb, postgres at 8:7: FORMAT
DECLARE @d DATE = '8/9/2024';
PRINT FORMAT(@d, 'd', 'en-US');
PRINT FORMAT(@d, 'd', 'de-de');
-- prints: 8/9/2024
-- prints: 09.08.2024
