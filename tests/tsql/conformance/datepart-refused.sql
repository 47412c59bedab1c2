-- construct: DATEPART / DATENAME of other dateparts
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/datename-transact-sql
-- The offset, ISO week and fractions of a second are not emulated: refused at the call.
-- compat on duckdb, postgres at 7:35: DATENAME(tzoffset)
-- compat on duckdb, postgres at 9:7: DATEPART(ms)
DECLARE @d DATETIMEOFFSET = '2007-10-30 12:15:32.1234567 +05:10';
PRINT DATENAME(month, @d) + ' ' + DATENAME(tzoffset, @d);
-- prints: October +05:10
PRINT DATEPART(ms, @d);
-- prints: 123
