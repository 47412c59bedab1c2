-- construct: ISDATE of a form the engines read differently (a time alone, a month name) or of a value that is not text
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/isdate-transact-sql
-- compat on duckdb, postgres at 6:7: ISDATE
-- compat on duckdb, postgres at 9:7: ISDATE
-- compat on duckdb, postgres at 12:7: ISDATE
PRINT ISDATE('10:00');
-- prints: 1
-- SQL Server reads a month name, as here, or a year alone ('2024').
PRINT ISDATE('Feb 28 2024');
-- prints: 1
-- A datetime2 converts to text with seven digits of a second, which ISDATE rejects.
PRINT ISDATE(SYSDATETIME());
-- prints: 0
