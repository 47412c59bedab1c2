-- construct: DATEADD / DATEDIFF with 0 as the date (first and last of a month, midnight)
-- documented: https://learn.microsoft.com/en-us/sql/t-sql/functions/dateadd-transact-sql
-- A number given as a datetime is that many days after 1900-01-01, so the idioms written
-- before DATETRUNC and EOMONTH existed give the start of a month or a day.
DECLARE @d DATE = '2024-06-17';
PRINT DATEADD(MONTH, DATEDIFF(MONTH, 0, @d), 0);
-- prints: Jun  1 2024 12:00AM
PRINT DATEADD(MONTH, DATEDIFF(MONTH, -1, @d), -1);
-- prints: Jun 30 2024 12:00AM
DECLARE @loaded DATETIME = '2024-06-17 13:45';
PRINT CONVERT(VARCHAR(19), DATEADD(DAY, DATEDIFF(DAY, 0, @loaded), 0), 120);
-- prints: 2024-06-17 00:00:00
-- DATEDIFF(week, …) counts the Sundays crossed, not whole weeks: Saturday to Sunday is 1.
PRINT CONCAT(DATEDIFF(week, '2024-01-06', '2024-01-07'), ' ', DATEDIFF(wk, '2024-01-07', '2024-01-13'),
    ' ', DATEDIFF(ww, '2024-01-01', '2024-03-31'));
-- prints: 1 0 13
