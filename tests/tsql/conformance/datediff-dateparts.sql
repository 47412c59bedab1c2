-- construct: DATEDIFF's datepart abbreviations (y, dy, n, s...)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/datediff-transact-sql
-- "Each specific datepart name and abbreviations for that datepart name will return the
-- same value."; dayofyear crosses a boundary at midnight, as day does (the datepart
-- boundaries example returns 1 for both).
DECLARE @d DATE = '2024-01-31';
PRINT CONCAT(DATEDIFF(y, @d, '2024-02-02'), ' ', DATEDIFF(dy, @d, '2024-02-02'), ' ', DATEDIFF(dayofyear, @d, '2024-02-02'));
-- prints: 2 2 2
PRINT DATEDIFF(dayofyear, '2005-12-31 23:59:59', '2006-01-01 00:00:00');
-- prints: 1
DECLARE @t DATETIME = '2024-01-31 10:00';
PRINT CONCAT(DATEDIFF(n, @t, '2024-01-31 11:00'), ' ', DATEDIFF(s, @t, '2024-01-31 10:01'), ' ', DATEDIFF(hh, @t, '2024-01-31 12:00'));
-- prints: 60 60 2
